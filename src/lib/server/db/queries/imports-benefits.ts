/**
 * What a benefit import compares its rows with: every benefit by its title and project, the
 * estimate lines by their description, and the realisations by benefit and month, so rows that
 * are there already are found and skipped (imports/benefits.ts, imports/benefit-realisations.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { db } from '..';
import { benefit, estimateLine, realisation } from '../schema';

export function listBenefitNames() {
	return db
		.select({
			id: benefit.id,
			title: benefit.title,
			projectId: benefit.projectId,
			kind: benefit.kind,
			ownerId: benefit.ownerId,
			baselineDate: benefit.baselineDate,
			planFrozen: sql<number>`${benefit.planFrozenAt} is not null`
		})
		.from(benefit)
		.all();
}

export function listEstimateLineNames() {
	return db
		.select({
			id: estimateLine.id,
			benefitId: estimateLine.benefitId,
			description: estimateLine.description
		})
		.from(estimateLine)
		.all();
}

/**
 * A benefit's realisations, each with whether it still counts (no later row of the benefit
 * supersedes it: one seek in `realisation_benefit_idx`) and whether its owner attested it. Read
 * per benefit a file names, not for every benefit: a national programme has a million rows.
 * The outer row is named in full: drizzle writes a lone table's columns unqualified, which
 * inside the subqueries would mean the subquery's own table.
 */
export function listRealisationKeys(benefitId: number) {
	return db
		.select({
			id: realisation.id,
			benefitId: realisation.benefitId,
			period: realisation.period,
			value: realisation.value,
			assessment: realisation.assessment,
			current: sql<number>`not exists (select 1 from realisation s where s.benefit_id = "realisation"."benefit_id" and s.supersedes_id = "realisation"."id")`,
			attested: sql<number>`exists (select 1 from realisation_confirmation c where c.realisation_id = "realisation"."id" and c.kind = 'attest')`
		})
		.from(realisation)
		.where(eq(realisation.benefitId, benefitId))
		.all();
}

/** Whether the user owns any benefit: a benefit's owner logs its realised values. */
export function ownsAnyBenefit(userId: number): boolean {
	return (
		db
			.select({ id: benefit.id })
			.from(benefit)
			.where(eq(benefit.ownerId, userId))
			.limit(1)
			.get() !== undefined
	);
}
