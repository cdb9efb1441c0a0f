/**
 * The benefit page's governance part: the months that count with who attested and validated
 * them, the forecast, and the benefit's health (on track / at risk / behind) with the rule in
 * words (src/lib/domain/benefits/health.ts).
 */
import { listBenefitConfirmations, listForecasts } from '../../db/queries/benefits-attestation';
import type { BenefitAccess } from '../access';
import { confirmationStatement } from '../attestation-actions';
import { benefitHealth, forecastAtEnd } from '$lib/domain/benefits/health';
import type { SeriesRow } from '$lib/domain/gain-realisation';
import { formatValue } from '$lib/charts/realisation';

/** The months shown; older ones are in the realisation log. */
export const CONFIRMATION_ROWS = 24;

export function attestationView(
	{ user, benefit, canEdit }: BenefitAccess,
	series: readonly SeriesRow[]
) {
	const unit = benefit.unit ?? 'antall';
	const isOwner = benefit.ownerId === user.id;
	const isValidator = benefit.validatorId === user.id && unit === 'kr';
	const rows = listBenefitConfirmations(benefit.id, CONFIRMATION_ROWS).map((r) => ({
		...r,
		statement: confirmationStatement('attest', r.period),
		validateStatement: confirmationStatement('validate', r.period),
		canAttest: isOwner && r.attestedAt === null,
		canValidate: isValidator && r.validatedAt === null && r.authorId !== user.id
	}));
	const forecasts = listForecasts(benefit.id);
	return {
		rows,
		forecasts,
		canForecast: canEdit || isOwner,
		validates: unit === 'kr' && benefit.validatorId !== null,
		health: health(benefit, series, forecasts)
	};
}

function health(
	benefit: BenefitAccess['benefit'],
	series: readonly SeriesRow[],
	forecasts: { period: string; value: number }[]
) {
	const unit = benefit.unit ?? 'antall';
	const last = series.findLast((r) => r.realised !== null);
	const end = series.at(-1);
	if (!last || last.realised === null || !end) return null;
	return benefitHealth({
		direction: benefit.direction,
		tolerancePercent: benefit.tolerancePercent,
		planned: last.planned,
		realised: last.realised,
		plannedAtEnd: end.planned,
		forecastAtEnd: forecastAtEnd(last.realised, last.period, end.period, forecasts),
		format: (v) => formatValue(v, unit)
	});
}
