/**
 * Demo data for benefit governance: the family's benefit has its plan approved and frozen a year
 * ago, with the source of its baseline, and a raise of its target waits for the steering group,
 * so the steering member has a change to approve on /styring and /gevinster/godkjenning.
 */
import type { DemoOrganisation } from './organisation';
import { demoCalendar } from './calendar';
import { FAMILY_LINES } from './benefits';
import { getBenefit, listBenefitsByProjects } from '$lib/server/db/queries/benefits';
import { listPlannedPeriods } from '$lib/server/db/queries/benefits-gains';
import { freezePlan, requestPlanChange } from '$lib/server/db/queries/benefits-plan';
import { listProjects } from '$lib/server/db/queries/projects';

const FAMILY = 'Potensielle prissatte gevinster for familien';

export function seedBenefitPlans(org: DemoOrganisation, now: Date): void {
	const cal = demoCalendar(now);
	const pia = org.byRole('programme_leader').id;
	const projects = listProjects().map((p) => p.id);
	const family = listBenefitsByProjects(projects).find((b) => b.title === FAMILY);
	if (!family || !family.baselineDate || !family.targetDate) return;
	const frozen = freezePlan(
		family.id,
		{
			baselineSource: 'ASBs gevinstarbeid, brukerhistorien «Alvorlig sykt barn» (side «Bruker»)',
			version: getBenefit(family.id)!.version
		},
		{ url: '', file: null },
		pia,
		cal.at(-12, 20)
	);
	if (!frozen.ok) throw new Error(`Eksempeldata for gevinstplaner: ${frozen.reason}`);
	const raised = requestPlanChange(
		family.id,
		{
			baselineValue: family.baselineValue ?? 0,
			baselineDate: family.baselineDate,
			baselineMethod: family.baselineMethod ?? '',
			baselineSource: 'ASBs gevinstarbeid, brukerhistorien «Alvorlig sykt barn» (side «Bruker»)',
			targetValue: FAMILY_LINES.reduce((s, l) => s + l.amountPerCase, 0) + 146_470,
			targetDate: family.targetDate,
			plan: listPlannedPeriods([family.id]).map((p) => ({ period: p.period, value: p.value })),
			reason:
				'Intervjuene med tre nye familier viser mer spart koordineringstid enn brukerhistorien antok. Målet heves til 1 800 000 kr.'
		},
		{ url: '', file: null },
		pia,
		cal.at(-1, 20)
	);
	if (!raised.ok) throw new Error(`Eksempeldata for gevinstplaner: ${raised.reason}`);
}
