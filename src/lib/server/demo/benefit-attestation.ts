/**
 * Demo data for attestation, validation, forecast and status: the family's benefit gets a
 * validator (the administrator stands in for økonomi), its owner has attested the past months
 * but the last, the validator has validated one, and there is a forecast for the coming months;
 * two benefits get a direction and a tolerance.
 */
import {
	benefitIdByTitle,
	confirmRealisation,
	listBenefitConfirmations,
	setBenefitGovernance,
	setForecast
} from '$lib/server/db/queries/benefits-attestation';
import { confirmationStatement } from '$lib/domain/benefits/attestation';
import { demoCalendar } from './calendar';
import type { DemoOrganisation } from './organisation';

const FAMILY = 'Potensielle prissatte gevinster for familien';
const LESS_TIME = 'Mindre tid brukt på søknader og dokumentasjon';

export function seedBenefitAttestation(org: DemoOrganisation, now: Date): void {
	const cal = demoCalendar(now);
	const pia = org.byRole('programme_leader');
	const admin = org.byRole('admin');
	const family = benefitIdByTitle(FAMILY);
	const lessTime = benefitIdByTitle(LESS_TIME);
	if (family === undefined || lessTime === undefined) return;
	const at = cal.at(0, 1);
	setBenefitGovernance(
		family,
		{ validatorId: admin.id, direction: 'higher', tolerancePercent: 10 },
		pia.id,
		at
	);
	setBenefitGovernance(
		lessTime,
		{ validatorId: null, direction: 'higher', tolerancePercent: 20 },
		pia.id,
		at
	);
	// Newest month first: the last one is left waiting for the owner.
	const rows = listBenefitConfirmations(family, 24);
	rows.slice(1, 5).forEach((r, i) => {
		const statement = confirmationStatement('attest', r.period);
		confirmRealisation(
			family,
			{ realisationId: r.id, kind: 'attest', period: r.period, statement },
			pia.id,
			at
		);
		if (i === 0) {
			const validated = confirmationStatement('validate', r.period);
			confirmRealisation(
				family,
				{ realisationId: r.id, kind: 'validate', period: r.period, statement: validated },
				admin.id,
				at
			);
		}
	});
	for (const [offset, value] of [
		[0, 70_000],
		[1, 72_000],
		[2, 75_000]
	] as const) {
		setForecast(family, { period: cal.month(offset), value }, pia.id, at);
	}
}
