/**
 * The reads every benefit page load runs (/gevinster, /gevinster/kart, /gevinster/[id]),
 * prepared once per process (docs/architecture.md, «Habits»), as the wheel's
 * (wheel-reads.ts). Id lists are bound as one JSON array and unpacked with SQLite's json_each,
 * so one statement serves any number of ids. The statements run on the app's single
 * connection, so also inside a caller's transaction (the link checks in benefits-links.ts).
 */
import { asc, eq, sql, type Column } from 'drizzle-orm';
import { db } from '..';
import {
	behindPlanFollowUp,
	benefit,
	benefitChange,
	benefitLink,
	estimateLine,
	plannedPeriod,
	realisation
} from '../schema';

const inJson = (column: Column) =>
	sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;

function prepareAll() {
	return {
		benefitById: db
			.select()
			.from(benefit)
			.where(eq(benefit.id, sql.placeholder('id')))
			.prepare(),
		changes: db
			.select()
			.from(benefitChange)
			.where(inJson(benefitChange.projectId))
			.orderBy(asc(benefitChange.id))
			.prepare(),
		benefits: db
			.select()
			.from(benefit)
			.where(inJson(benefit.projectId))
			.orderBy(asc(benefit.id))
			.prepare(),
		links: db
			.select()
			.from(benefitLink)
			.where(inJson(benefitLink.projectId))
			.orderBy(asc(benefitLink.id))
			.prepare(),
		estimateLines: db
			.select()
			.from(estimateLine)
			.where(inJson(estimateLine.benefitId))
			.orderBy(asc(estimateLine.id))
			.prepare(),
		realisations: db
			.select()
			.from(realisation)
			.where(inJson(realisation.benefitId))
			.orderBy(asc(realisation.createdAt), asc(realisation.id))
			.prepare(),
		plannedPeriods: db
			.select()
			.from(plannedPeriod)
			.where(inJson(plannedPeriod.benefitId))
			.orderBy(asc(plannedPeriod.period))
			.prepare(),
		followUps: db
			.select()
			.from(behindPlanFollowUp)
			.where(inJson(behindPlanFollowUp.benefitId))
			.orderBy(asc(behindPlanFollowUp.createdAt), asc(behindPlanFollowUp.id))
			.prepare()
	};
}

let prepared: ReturnType<typeof prepareAll> | undefined;

export function benefitReads() {
	prepared ??= prepareAll();
	return prepared;
}

/** The `ids` parameter: ids as the JSON text json_each reads. */
export const byIds = (ids: readonly number[]) => ({ ids: JSON.stringify(ids) });
