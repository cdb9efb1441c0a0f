/**
 * The owner's attestation and a validator's confirmation of a period's realised value, the
 * lists of periods waiting for either, and the owner's forecast (DOMAIN.md «Benefit
 * governance»). A confirmation row is never changed or removed (triggers in the migration); an
 * attested period is locked: `lockedRealisation` is what `logRealisation` checks in its
 * transaction.
 */
import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '..';
import { writeAudit } from './audit';
import { withGainRollups } from './gain-rollups';
import { benefit, benefitForecast, realisation, realisationConfirmation } from '../schema';
import type { WriteResult } from '../../result';
import type { ConfirmationKind } from '$lib/domain/benefits/vocabulary';
import type { KeysetPosition } from '$lib/paging';
import { preparedStatements } from './prepared';
import { confirmationRefusal } from '$lib/domain/benefits/attestation';

const statement = preparedStatements();

/** A realisation still counts when no later one supersedes it (same benefit: uses its index). */
const EFFECTIVE = `not exists (select 1 from realisation s
	where s.benefit_id = r.benefit_id and s.supersedes_id = r.id)`;
const CONFIRMED = (kind: ConfirmationKind) => `exists (select 1 from realisation_confirmation c
	where c.realisation_id = r.id and c.kind = '${kind}')`;

/**
 * The attested row that counts for this benefit's month, if any: the period is locked. Called
 * inside the caller's transaction (better-sqlite3 has one connection, so the prepared statement
 * reads what the transaction has written).
 */
export function lockedRealisation(benefitId: number, period: string): number | undefined {
	return statement(
		'locked',
		() => `select r.id from realisation r where r.benefit_id = @benefitId and r.period = @period
			and ${EFFECTIVE} and ${CONFIRMED('attest')} order by r.id desc limit 1`
	)
		.pluck()
		.get({ benefitId, period }) as number | undefined;
}

/**
 * The registration that counts for this benefit's month, if any. A month has one value: a new
 * one given without naming the row it replaces replaces this one (logRealisation), so two
 * registrations of one month never both count in the sums.
 */
export function currentRealisation(benefitId: number, period: string): number | undefined {
	return statement(
		'current',
		() => `select r.id from realisation r where r.benefit_id = @benefitId and r.period = @period
			and ${EFFECTIVE} order by r.id desc limit 1`
	)
		.pluck()
		.get({ benefitId, period }) as number | undefined;
}

/** Whether a newer row of the benefit supersedes this one (it no longer counts). */
export function isSuperseded(tx: Tx, benefitId: number, realisationId: number): boolean {
	return !!tx
		.select({ id: realisation.id })
		.from(realisation)
		.where(and(eq(realisation.benefitId, benefitId), eq(realisation.supersedesId, realisationId)))
		.get();
}

/** Whether this row was attested. */
export function isAttested(realisationId: number): boolean {
	return !!statement(
		'attested',
		() =>
			`select 1 from realisation_confirmation where realisation_id = @realisationId and kind = 'attest'`
	)
		.pluck()
		.get({ realisationId });
}

export interface ConfirmInput {
	realisationId: number;
	kind: ConfirmationKind;
	/** The month the statement names: it must be the realisation's own. */
	period: string;
	/** As shown to the one who confirms. */
	statement: string;
}

/**
 * Attests (only the benefit's owner) or validates (only its validator, only kroner, never one's
 * own logged value) one realisation that still counts; one of each kind per row.
 */
export function confirmRealisation(
	benefitId: number,
	input: ConfirmInput,
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const b = tx.select().from(benefit).where(eq(benefit.id, benefitId)).get();
		if (!b) return { ok: false, reason: 'benefit_missing' } as const;
		const row = tx
			.select()
			.from(realisation)
			.where(and(eq(realisation.id, input.realisationId), eq(realisation.benefitId, benefitId)))
			.get();
		if (!row) return { ok: false, reason: 'realisation_missing' } as const;
		if (row.period !== input.period) return { ok: false, reason: 'period_mismatch' } as const;
		if (isSuperseded(tx, benefitId, row.id)) {
			return { ok: false, reason: 'realisation_superseded' } as const;
		}
		if (input.kind === 'attest' && b.ownerId !== actorId) {
			return { ok: false, reason: 'not_owner' } as const;
		}
		if (input.kind === 'validate') {
			if (b.validatorId !== actorId) return { ok: false, reason: 'not_validator' } as const;
			if (b.unit !== 'kr') return { ok: false, reason: 'not_kroner' } as const;
			if (row.authorId === actorId) return { ok: false, reason: 'own_value' } as const;
		}
		const refusal = confirmationRefusal(input.kind, { attested: isAttested(row.id) });
		if (refusal) return { ok: false, reason: refusal } as const;
		const already = tx
			.select({ id: realisationConfirmation.id })
			.from(realisationConfirmation)
			.where(
				and(
					eq(realisationConfirmation.realisationId, row.id),
					eq(realisationConfirmation.kind, input.kind)
				)
			)
			.get();
		if (already) return { ok: false, reason: 'already_confirmed' } as const;
		const values = {
			realisationId: row.id,
			benefitId,
			period: row.period,
			kind: input.kind,
			byId: actorId,
			at: now,
			statement: input.statement
		};
		const saved = tx.insert(realisationConfirmation).values(values).returning().get();
		writeAudit(tx, now, {
			actorId,
			entity: 'realisation_confirmation',
			entityId: saved.id,
			action: input.kind,
			after: { ...values, at: undefined }
		});
		return { ok: true, value: saved.id } as const;
	});
}

export interface ConfirmationRow {
	id: number;
	period: string;
	value: number | null;
	assessment: string | null;
	authorId: number | null;
	author: string | null;
	supersedesId: number | null;
	correctionReason: string | null;
	attestedBy: string | null;
	attestedAt: number | null;
	validatedBy: string | null;
	validatedAt: number | null;
}

/** The benefit's realisations that still count, newest month first, with who confirmed them. */
export function listBenefitConfirmations(benefitId: number, limit: number): ConfirmationRow[] {
	return statement(
		'benefit',
		() => `select r.id, r.period, r.value, r.assessment, r.author_id as authorId, u.name as author,
			r.supersedes_id as supersedesId, r.correction_reason as correctionReason,
			ua.name as attestedBy, a.at as attestedAt, uv.name as validatedBy, v.at as validatedAt
		from realisation r
			left join user u on u.id = r.author_id
			left join realisation_confirmation a on a.realisation_id = r.id and a.kind = 'attest'
			left join user ua on ua.id = a.by_id
			left join realisation_confirmation v on v.realisation_id = r.id and v.kind = 'validate'
			left join user uv on uv.id = v.by_id
		where r.benefit_id = @benefitId and ${EFFECTIVE}
		order by r.period desc, r.id desc limit @limit`
	).all({ benefitId, limit }) as ConfirmationRow[];
}

export interface WaitingRow {
	id: number;
	benefitId: number;
	title: string;
	period: string;
	value: number | null;
}

/**
 * The rows a user is waiting on, as `(r.id, r.benefit_id, r.period)` with the benefit `b`.
 * Attestation reads the list the triggers keep (schema `attestationWaiting`): the owner's
 * benefits (benefit_owner_idx), then each one's waiting entries by index, so a leader who owns
 * 700 benefits with 15 000 waiting months counts them in about a millisecond instead of testing
 * every realisation for a later correction and a confirmation. Validation has no such list:
 * kroner gains the user validates, logged by someone else and attested by the owner
 * (`confirmationRefusal`: validation follows attestation). CROSS JOIN keeps the benefits as the
 * outer loop (SQLite does not reorder it), so the realisations are read per benefit through
 * their index, never scanned whole.
 */
const WAITING_FROM = {
	attest: `(select w.realisation_id as id, w.benefit_id, w.period from benefit b
		cross join attestation_waiting w on w.benefit_id = b.id where b.owner_id = @userId) r
		join benefit b on b.id = r.benefit_id where 1`,
	validate: `benefit b cross join realisation r on r.benefit_id = b.id
		where b.validator_id = @userId and b.unit = 'kr' and r.author_id is not @userId
		and ${CONFIRMED('attest')} and not ${CONFIRMED('validate')} and ${EFFECTIVE}`
} as const;

/**
 * A page of the periods waiting for this user's attestation or validation, oldest month first,
 * keyset on (period, id) as the steering group's list.
 */
export function listWaitingFor(
	kind: ConfirmationKind,
	userId: number,
	position: KeysetPosition,
	limit: number
): WaitingRow[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const k = position.after ?? position.before;
	const rows = statement(
		`waiting-${kind}-${direction}`,
		() => `select r.id, b.id as benefitId, b.title, r.period,
			(select v.value from realisation v where v.id = r.id) as value
		from ${WAITING_FROM[kind]}
		${direction === 'after' ? 'and (r.period, r.id) > (@k1, @k2)' : direction === 'before' ? 'and (r.period, r.id) < (@k1, @k2)' : ''}
		order by r.period ${direction === 'before' ? 'desc' : 'asc'}, r.id ${direction === 'before' ? 'desc' : 'asc'}
		limit @limit`
	).all({ userId, limit, ...(k ? { k1: k[0], k2: k[1] } : {}) }) as WaitingRow[];
	return direction === 'before' ? rows.reverse() : rows;
}

/** How many periods wait for this user's attestation or validation in all. */
export function countWaitingFor(kind: ConfirmationKind, userId: number): number {
	return statement(`waiting-${kind}-count`, () => `select count(*) from ${WAITING_FROM[kind]}`)
		.pluck()
		.get({ userId }) as number;
}

/**
 * Every period waiting for attestation, for the steering group: read from the list the
 * triggers keep (schema `attestationWaiting`), so the count is one index scan. A benefit with no
 * owner counts too: its periods wait for an owner to be named.
 */
const ALL_WAITING = `from attestation_waiting r join benefit b on b.id = r.benefit_id
	left join user u on u.id = b.owner_id where 1`;

export function countAllWaitingAttestation(): number {
	return statement('all-count', () => `select count(*) from attestation_waiting`)
		.pluck()
		.get() as number;
}

export interface AllWaitingRow {
	id: number;
	benefitId: number;
	title: string;
	period: string;
	value: number | null;
	owner: string | null;
}

/** A page of them, oldest month first, keyset on (period, id). */
export function listAllWaitingAttestation(
	position: KeysetPosition,
	limit: number
): AllWaitingRow[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const k = position.after ?? position.before;
	const rows = statement(
		`all-${direction}`,
		() => `select r.realisation_id as id, b.id as benefitId, b.title, r.period,
			(select v.value from realisation v where v.id = r.realisation_id) as value, u.name as owner
		${ALL_WAITING}
		${direction === 'after' ? 'and (r.period, r.realisation_id) > (@k1, @k2)' : direction === 'before' ? 'and (r.period, r.realisation_id) < (@k1, @k2)' : ''}
		order by r.period ${direction === 'before' ? 'desc' : 'asc'}, r.realisation_id ${direction === 'before' ? 'desc' : 'asc'}
		limit @limit`
	).all({ limit, ...(k ? { k1: k[0], k2: k[1] } : {}) }) as AllWaitingRow[];
	return direction === 'before' ? rows.reverse() : rows;
}

// ── Forecast ────────────────────────────────────────────────────────────────────────────────

export function listForecasts(benefitId: number) {
	return db
		.select({ period: benefitForecast.period, value: benefitForecast.value })
		.from(benefitForecast)
		.where(eq(benefitForecast.benefitId, benefitId))
		.orderBy(benefitForecast.period)
		.all();
}

/** The forecast for one month; a second save replaces it (the audit row keeps the old value). */
export function setForecast(
	benefitId: number,
	input: { period: string; value: number },
	actorId: number,
	now: Date
): WriteResult<number> {
	return db.transaction((tx) => {
		const before = tx
			.select()
			.from(benefitForecast)
			.where(
				and(eq(benefitForecast.benefitId, benefitId), eq(benefitForecast.period, input.period))
			)
			.get();
		// The stored figure keeps the forecast at the target month (benefit_figure.forecast_end).
		const row = withGainRollups(
			[benefitId],
			() =>
				tx
					.insert(benefitForecast)
					.values({ benefitId, ...input, updatedById: actorId, updatedAt: now })
					.onConflictDoUpdate({
						target: [benefitForecast.benefitId, benefitForecast.period],
						set: { value: input.value, updatedById: actorId, updatedAt: now }
					})
					.returning()
					.get(),
			'realised'
		);
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit_forecast',
			entityId: row.id,
			action: before ? 'update' : 'create',
			before: before ? { period: before.period, value: before.value } : null,
			after: { benefitId, ...input }
		});
		return { ok: true, value: row.id } as const;
	});
}

// ── Governance fields set outside the benefit form (demo) ──────────────────────────────────

/** A benefit's id by its title within the mission, or undefined. */
export function benefitIdByTitle(title: string): number | undefined {
	return db.select({ id: benefit.id }).from(benefit).where(eq(benefit.title, title)).get()?.id;
}

/** Sets validator, direction and tolerance (audited), bumping the row version. */
export function setBenefitGovernance(
	benefitId: number,
	input: {
		validatorId: number | null;
		direction: 'higher' | 'lower';
		tolerancePercent: number;
	},
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(benefit).where(eq(benefit.id, benefitId)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		tx.update(benefit)
			.set({ ...input, version: before.version + 1 })
			.where(eq(benefit.id, benefitId))
			.run();
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit',
			entityId: benefitId,
			action: 'update',
			before: {
				validatorId: before.validatorId,
				direction: before.direction,
				tolerancePercent: before.tolerancePercent
			},
			after: input
		});
		return { ok: true, value: undefined } as const;
	});
}
