/**
 * A benefit's realisation log a page at a time, newest first, with keyset paging on
 * (created_at, id): each entry says whether it still counts and which entry replaced it, worked
 * out in SQL by the rule of `realisationHistory` (src/lib/domain/benefits/gain-realisation.ts):
 * an entry is replaced by the first later entry that names it. Entries are numbered 1, 2, 3 … in the
 * order they were logged within the benefit (a window function over the whole log, so a number
 * stays the same on every page); readers take «nr. 60» for the 60th entry, so the database id is
 * never shown.
 */
import type { Realisation } from '../schema';
import { preparedStatements } from './prepared';

/**
 * Who attested and who validated a realisation `r` (one of each at most, unique index), kept
 * when a correction supersedes it: the columns and the joins, for the log and the register.
 */
export const CONFIRMED_COLUMNS = `au.name as attestedBy, ca.at as attestedAt,
	vu.name as validatedBy, cv.at as validatedAt`;
export const CONFIRMED_JOINS = `
	left join realisation_confirmation ca on ca.realisation_id = r.id and ca.kind = 'attest'
	left join user au on au.id = ca.by_id
	left join realisation_confirmation cv on cv.realisation_id = r.id and cv.kind = 'validate'
	left join user vu on vu.id = cv.by_id`;

const PAGE_SQL = (direction: 'after' | 'before' | 'first') => `
	with numbered as materialized (
		select r.*, row_number() over (partition by r.benefit_id order by r.created_at, r.id) as number
		from realisation r where r.benefit_id = @benefitId
	)
	select * from (
		select r.id, r.number, r.period, r.value, r.assessment, r.narrative, r.comment, r.evidence,
			r.supersedes_id as supersedesId, r.correction_reason as correctionReason, r.created_at as createdAt, u.name as author,
			(select s.number from numbered s where s.id = r.supersedes_id) as supersedesNumber,
			(select s.id from numbered s where s.supersedes_id = r.id
				order by s.created_at, s.id limit 1) as supersededById,
			(select s.number from numbered s where s.supersedes_id = r.id
				order by s.created_at, s.id limit 1) as supersededByNumber,
			${CONFIRMED_COLUMNS}
		from numbered r left join user u on u.id = r.author_id ${CONFIRMED_JOINS}
		where 1
			${
				direction === 'after'
					? 'and (r.created_at, r.id) < (@k1, @k2)'
					: direction === 'before'
						? 'and (r.created_at, r.id) > (@k1, @k2)'
						: ''
			}
		order by r.created_at ${direction === 'before' ? 'asc' : 'desc'},
			r.id ${direction === 'before' ? 'asc' : 'desc'}
		limit @limit
	) order by createdAt desc, id desc`;

const statement = preparedStatements();

export interface LogEntry {
	id: number;
	/** The entry's place in the benefit's log, oldest first (1, 2, 3 …). */
	number: number;
	period: string;
	value: number | null;
	assessment: Realisation['assessment'];
	narrative: string;
	comment: string;
	evidence: string;
	supersedesId: number | null;
	supersedesNumber: number | null;
	correctionReason: string | null;
	/** Milliseconds since 1970. */
	createdAt: number;
	author: string | null;
	supersededById: number | null;
	supersededByNumber: number | null;
	/** The owner's attestation and the validator's confirmation, kept when a correction replaces the entry. */
	attestedBy: string | null;
	attestedAt: number | null;
	validatedBy: string | null;
	validatedAt: number | null;
}

/** One page of the log, newest first, with one entry more than `limit` − 1 in the direction of travel. */
export function listRealisationLogPage(
	benefitId: number,
	position: { after?: (string | number)[]; before?: (string | number)[] },
	limit: number
): LogEntry[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const k = position.after ?? position.before;
	return statement(direction, () => PAGE_SQL(direction)).all({
		benefitId,
		limit,
		...(k ? { k1: k[0], k2: k[1] } : {})
	}) as LogEntry[];
}

export function countRealisations(benefitId: number): number {
	return statement('count', () => 'select count(*) from realisation where benefit_id = @benefitId')
		.pluck()
		.get({ benefitId }) as number;
}

export interface CurrentRealisation {
	id: number;
	period: string;
	value: number | null;
	assessment: Realisation['assessment'];
	narrative: string;
	comment: string;
	supersedesId: number | null;
	author: string | null;
	/** Milliseconds since 1970. */
	createdAt: number;
	attestedBy: string | null;
	attestedAt: number | null;
	validatedBy: string | null;
	validatedAt: number | null;
}

/** The registrations that still count (no correction supersedes them), by month, oldest first. */
export function listCurrentRealisations(benefitId: number): CurrentRealisation[] {
	return statement(
		'current',
		() => `
		select r.id, r.period, r.value, r.assessment, r.narrative, r.comment,
			r.supersedes_id as supersedesId, u.name as author, r.created_at as createdAt,
			${CONFIRMED_COLUMNS}
		from realisation r left join user u on u.id = r.author_id ${CONFIRMED_JOINS}
		where r.benefit_id = @benefitId and not exists (select 1 from realisation s
			where s.benefit_id = r.benefit_id and s.supersedes_id = r.id)
		order by r.period, r.created_at, r.id`
	).all({ benefitId }) as CurrentRealisation[];
}
