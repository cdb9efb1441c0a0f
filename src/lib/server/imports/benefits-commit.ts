/**
 * Writes the previewed benefit rows through the benefit area's own writes, inside the import's
 * transaction, each with its audit row as the form's write gives it: a benefit (createBenefit),
 * its nullpunkt and target (setBaselineAndTarget), its estimate lines (addEstimateLine), and
 * realised values (logRealisation). Any refusal rolls back all of them.
 */
import { createBenefit, getBenefit } from '../db/queries/benefits';
import {
	addEstimateLine,
	logRealisation,
	setBaselineAndTarget
} from '../db/queries/benefits-gains';
import type { BenefitCreate } from './benefits';
import type { RealisationCreate } from './benefit-realisations';
import type { Ref } from './benefit-rows';

export function createBenefits(
	creates: readonly BenefitCreate[],
	actorId: number,
	now: Date,
	abort: (reason: string) => never
): number {
	const ids = new Map<string, number>();
	const resolve = (ref: Ref) =>
		'id' in ref ? ref.id : (ids.get(ref.key) ?? abort('reference_missing'));
	for (const item of creates) {
		if (item.level === 'benefits') {
			const created = createBenefit(item.projectId, item.input, actorId, now);
			if (!created.ok) abort(created.reason);
			const id = created.ok ? created.value : 0;
			ids.set(item.key, id);
			if (item.plan) {
				const version = getBenefit(id)?.version ?? abort('benefit_missing');
				const planned = setBaselineAndTarget(id, { ...item.plan, version }, actorId, now);
				if (!planned.ok) abort(planned.reason);
			}
		} else {
			const added = addEstimateLine(resolve(item.benefit), item.input, actorId, now);
			if (!added.ok) abort(added.reason);
		}
	}
	return creates.length;
}

export function logRealisations(
	creates: readonly RealisationCreate[],
	actorId: number,
	now: Date,
	abort: (reason: string) => never
): number {
	for (const item of creates) {
		const logged = logRealisation(item.benefitId, item.input, actorId, now);
		if (!logged.ok) abort(logged.reason);
	}
	return creates.length;
}
