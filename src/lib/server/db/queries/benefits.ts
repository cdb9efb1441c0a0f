/**
 * Benefit map verbs: changes, benefits and the links between them. Every write is
 * audited in its own transaction; a link is checked against the project's whole graph before
 * it is stored, so a cycle can never reach the database.
 */
import { and, eq, or } from 'drizzle-orm';
import { db, type Queryable } from '..';
import { writeAudit } from './audit';
import {
	benefitForecast,
	behindPlanFollowUp,
	benefit,
	benefitChange,
	benefitLink,
	estimateLine,
	mission,
	plannedPeriod,
	realisation
} from '../schema';
import type { BenefitInput, ChangeInput } from '$lib/schemas/benefits';
import type { Versioned, WriteResult } from '../../result';
import { userExists } from './portfolio-people';
import { writeTransaction } from './write';
import { benefitReads, byIds } from './benefits-reads';
import { gainRollupsIn, gainRollupsOut, withGainRollups } from './gain-rollups';

export type BenefitRow = typeof benefit.$inferSelect;
export type ChangeRow = typeof benefitChange.$inferSelect;
export type LinkRow = typeof benefitLink.$inferSelect;

export function getBenefit(id: number): BenefitRow | undefined {
	return benefitReads().benefitById.get({ id });
}

export function listChangesByProjects(projectIds: number[]): ChangeRow[] {
	if (!projectIds.length) return [];
	return benefitReads().changes.all(byIds(projectIds));
}

export function listBenefitsByProjects(projectIds: number[]): BenefitRow[] {
	if (!projectIds.length) return [];
	return benefitReads().benefits.all(byIds(projectIds));
}

export function listLinksByProjects(projectIds: number[]): LinkRow[] {
	if (!projectIds.length) return [];
	return benefitReads().links.all(byIds(projectIds));
}

export function createChange(
	projectId: number,
	input: ChangeInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const row = tx
			.insert(benefitChange)
			.values({ projectId, ...input })
			.returning()
			.get();
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit_change',
			entityId: row.id,
			action: 'create',
			after: { projectId, ...input }
		});
		return { ok: true, value: row.id } as const;
	});
}

/**
 * Validator, direction, tolerance and the dis-benefit mark come from the form; other callers
 * may leave them as they are.
 */
type GovernedFields = 'validatorId' | 'direction' | 'tolerancePercent' | 'disbenefit';
export type BenefitWriteInput = Omit<BenefitInput, GovernedFields> &
	Partial<Pick<BenefitInput, GovernedFields>>;

function benefitValues(input: BenefitWriteInput) {
	const governed = Object.fromEntries(
		(['validatorId', 'direction', 'tolerancePercent', 'disbenefit'] as const)
			.filter((k) => input[k] !== undefined)
			.map((k) => [k, input[k]])
	) as Partial<Pick<BenefitInput, GovernedFields>>;
	return {
		...input,
		...governed,
		unit: input.kind === 'kvantitativ' ? (input.unit ?? null) : null,
		measurementFrequency: input.measurementFrequency ?? null,
		beneficiaryOther: input.beneficiary === 'annet' ? input.beneficiaryOther : ''
	};
}

export function createBenefit(
	projectId: number,
	input: BenefitWriteInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		if (input.ownerId !== null && !userExists(input.ownerId, tx)) {
			return { ok: false, reason: 'owner_missing' } as const;
		}
		if (input.validatorId != null && !userExists(input.validatorId, tx)) {
			return { ok: false, reason: 'validator_missing' } as const;
		}
		const values = benefitValues(input);
		// A benefit created without its own tolerance takes the mission's margin for «bak plan»
		// (Gevinster › Innstillinger), so that setting means what it says.
		values.tolerancePercent ??= tx
			.select({ m: mission.behindPlanMarginPercent })
			.from(mission)
			.limit(1)
			.get()?.m;
		const row = tx
			.insert(benefit)
			.values({ projectId, ...values })
			.returning()
			.get();
		gainRollupsIn([row.id]);
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit',
			entityId: row.id,
			action: 'create',
			after: { projectId, ...values }
		});
		return { ok: true, value: row.id } as const;
	});
}

/**
 * Saves the benefit form. `version` is the version the form was loaded with; when someone else
 * saved in between nothing is written and the reason is `conflict`.
 */
export function updateBenefit(
	id: number,
	{ version, ...input }: BenefitWriteInput & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = tx.select().from(benefit).where(eq(benefit.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (input.ownerId !== null && !userExists(input.ownerId, tx)) {
			return { ok: false, reason: 'owner_missing' } as const;
		}
		if (input.validatorId != null && !userExists(input.validatorId, tx)) {
			return { ok: false, reason: 'validator_missing' } as const;
		}
		const values = benefitValues(input);
		// An approved plan is counted in its kind and unit: changing them would change the plan.
		if (before.planFrozenAt && (values.kind !== before.kind || values.unit !== before.unit)) {
			return { ok: false, reason: 'plan_frozen_unit' } as const;
		}
		// Direction, tolerance and the dis-benefit mark decide the status against that plan
		// (domain/benefits/health.ts), so they are part of what the steering group approved.
		if (
			before.planFrozenAt &&
			((values.direction !== undefined && values.direction !== before.direction) ||
				(values.tolerancePercent !== undefined &&
					values.tolerancePercent !== before.tolerancePercent) ||
				(values.disbenefit !== undefined && values.disbenefit !== before.disbenefit))
		) {
			return { ok: false, reason: 'plan_frozen_judgement' } as const;
		}
		const saved = withGainRollups([id], () =>
			tx
				.update(benefit)
				.set({ ...values, version: version + 1 })
				.where(and(eq(benefit.id, id), eq(benefit.version, version)))
				.returning({ id: benefit.id })
				.get()
		);
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		const old = Object.fromEntries(
			Object.keys(values).map((k) => [k, before[k as keyof typeof before]])
		);
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit',
			entityId: id,
			action: 'update',
			before: old,
			after: values
		});
		return { ok: true, value: undefined } as const;
	});
}

/** A change of this project's map, or undefined (also for a change of another project). */
export function getChange(projectId: number, changeId: number): ChangeRow | undefined {
	return findChange(db, projectId, changeId);
}

/** A change of this project's map (a change id of another project is not found). */
function findChange(tx: Queryable, projectId: number, changeId: number) {
	return tx
		.select()
		.from(benefitChange)
		.where(and(eq(benefitChange.id, changeId), eq(benefitChange.projectId, projectId)))
		.get();
}

/** Renames or re-describes a change of this project's map; its links stay. Version-checked. */
export function updateChange(
	projectId: number,
	changeId: number,
	input: ChangeInput & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = findChange(tx, projectId, changeId);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		const saved = tx
			.update(benefitChange)
			.set({ title: input.title, description: input.description, version: input.version + 1 })
			.where(and(eq(benefitChange.id, changeId), eq(benefitChange.version, input.version)))
			.returning({ id: benefitChange.id })
			.get();
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit_change',
			entityId: changeId,
			action: 'update',
			before: { title: before.title, description: before.description },
			after: { title: input.title, description: input.description }
		});
		return { ok: true, value: undefined } as const;
	});
}

/** Removes a change from the project's map together with the links that touch it. */
export function deleteChange(
	projectId: number,
	changeId: number,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = findChange(tx, projectId, changeId);
		if (!before) return { ok: false, reason: 'not_found' } as const;
		const touching = and(
			eq(benefitLink.projectId, projectId),
			or(
				and(eq(benefitLink.fromKind, 'change'), eq(benefitLink.fromId, changeId)),
				and(eq(benefitLink.toKind, 'change'), eq(benefitLink.toId, changeId))
			)
		);
		const links = tx.select().from(benefitLink).where(touching).all();
		tx.delete(benefitLink).where(touching).run();
		tx.delete(benefitChange).where(eq(benefitChange.id, changeId)).run();
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit_change',
			entityId: changeId,
			action: 'delete',
			before: { ...before, links }
		});
		return { ok: true, value: undefined } as const;
	});
}

/**
 * Removes a benefit that nothing has been realised for yet, with its estimate, plan and
 * links. Once a realisation is logged the benefit is part of the record and stays.
 */
export function deleteBenefit(benefitId: number, actorId: number, now: Date): WriteResult<number> {
	return db.transaction((tx) => {
		const before = tx.select().from(benefit).where(eq(benefit.id, benefitId)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		const logged = tx
			.select({ id: realisation.id })
			.from(realisation)
			.where(eq(realisation.benefitId, benefitId))
			.get();
		if (logged) return { ok: false, reason: 'has_realisations' } as const;
		// An approved plan is the record of what was promised (DOMAIN.md «Benefit governance»).
		if (before.planFrozenAt) return { ok: false, reason: 'plan_frozen' } as const;
		const touching = or(
			and(eq(benefitLink.fromKind, 'benefit'), eq(benefitLink.fromId, benefitId)),
			and(eq(benefitLink.toKind, 'benefit'), eq(benefitLink.toId, benefitId))
		);
		const links = tx.select().from(benefitLink).where(touching).all();
		const lines = tx.select().from(estimateLine).where(eq(estimateLine.benefitId, benefitId)).all();
		// Out of the roll-ups before its lines and plan go; `gainRollupsIn` then drops its figures.
		gainRollupsOut([benefitId]);
		tx.delete(benefitLink).where(touching).run();
		tx.delete(estimateLine).where(eq(estimateLine.benefitId, benefitId)).run();
		tx.delete(plannedPeriod).where(eq(plannedPeriod.benefitId, benefitId)).run();
		tx.delete(behindPlanFollowUp).where(eq(behindPlanFollowUp.benefitId, benefitId)).run();
		tx.delete(benefitForecast).where(eq(benefitForecast.benefitId, benefitId)).run();
		tx.delete(benefit).where(eq(benefit.id, benefitId)).run();
		gainRollupsIn([benefitId]);
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit',
			entityId: benefitId,
			action: 'delete',
			before: { ...before, links, lines }
		});
		return { ok: true, value: before.projectId } as const;
	});
}
