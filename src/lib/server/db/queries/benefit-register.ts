/**
 * The benefits register as a spreadsheet (benefits/views/register.ts): the same scope as the
 * Gevinster lists (gain-lists.ts), read a chunk at a time by id.
 */
import { statement, type GainScope } from './gain-views';
import {
	BENEFIT_COLUMNS,
	BENEFITS_FROM,
	BENEFITS_IN_SCOPE,
	type BenefitListRow
} from './gain-lists';
import { CONFIRMED_COLUMNS, CONFIRMED_JOINS } from './realisation-log';

// The same scope as the lists, read a chunk at a time by id so a download never asks SQLite
// for more than `limit` rows at once; the caller stops at its stated cap.

export interface RegisterRow extends BenefitListRow {
	description: string;
	beneficiary: string;
	indicator: string;
	measurement: string;
	takeout: string;
	ownerName: string | null;
	baselineDate: string | null;
	baselineMethod: string | null;
	direction: 'higher' | 'lower';
	targetValue: number | null;
	targetDate: string | null;
	trackCodes: string | null;
	/** When the plan was approved (frozen), ms; null while it is a draft. */
	planFrozenAt: number | null;
	/** The number of the plan version in force (1 = as first approved). */
	planVersion: number | null;
	/** The target the plan was first approved with, for an auditor comparing with today's. */
	originalTarget: number | null;
}

const REGISTER_SQL = `
	select ${BENEFIT_COLUMNS}, b.description, b.beneficiary, b.indicator, b.measurement, b.takeout,
		u.name as ownerName, b.baseline_date as baselineDate, b.baseline_method as baselineMethod,
		b.direction,
		b.target_value as targetValue, b.target_date as targetDate,
		(select group_concat(t.code, ', ') from project_track pt join track t on t.id = pt.track_id
			where pt.project_id = p.id) as trackCodes,
		b.plan_frozen_at as planFrozenAt,
		(select v.number from benefit_plan_version v
			where v.benefit_id = b.id and v.status = 'approved') as planVersion,
		(select v.target_value from benefit_plan_version v
			where v.benefit_id = b.id and v.number = 1) as originalTarget
	${BENEFITS_FROM} left join user u on u.id = b.owner_id
	${BENEFITS_IN_SCOPE} and b.id > @after
	order by b.id limit @limit`;

/** Benefits in the scope after id `after`, by id, with what the register shows. */
export function listRegisterChunk(
	scope: GainScope,
	margin: number,
	after: number,
	limit: number
): RegisterRow[] {
	const { projectId, trackId, level } = scope;
	return statement('register', () => REGISTER_SQL).all({
		projectId,
		trackId,
		level,
		margin,
		after,
		limit
	}) as RegisterRow[];
}

export interface RegisterLineRow {
	id: number;
	benefitId: number;
	benefitTitle: string;
	unit: string | null;
	description: string;
	amountPerCase: number;
	cases: number;
	shareHundredths: number;
}

const LINES_SQL = `
	select l.id, l.benefit_id as benefitId, b.title as benefitTitle, b.unit, l.description,
		l.amount_per_case as amountPerCase, l.cases, l.share_hundredths as shareHundredths
	from estimate_line l join benefit b on b.id = l.benefit_id join project p on p.id = b.project_id
	${BENEFITS_IN_SCOPE} and l.id > @after
	order by l.id limit @limit`;

/** Estimate lines of the benefits in the scope after line id `after`, by id. */
export function listRegisterLinesChunk(
	scope: GainScope,
	after: number,
	limit: number
): RegisterLineRow[] {
	const { projectId, trackId, level } = scope;
	return statement('registerLines', () => LINES_SQL).all({
		projectId,
		trackId,
		level,
		after,
		limit
	}) as RegisterLineRow[];
}

export interface RegisterRealisationRow {
	id: number;
	benefitId: number;
	benefitTitle: string;
	unit: string | null;
	period: string;
	value: number | null;
	assessment: string | null;
	comment: string;
	supersedesId: number | null;
	authorName: string | null;
	createdAt: number;
	correctionReason: string | null;
	/** 1 while no later correction supersedes it. */
	effective: 0 | 1;
	attestedBy: string | null;
	attestedAt: number | null;
	validatedBy: string | null;
	validatedAt: number | null;
}

const REALISATIONS_SQL = `
	select r.id, r.benefit_id as benefitId, b.title as benefitTitle, b.unit, r.period, r.value,
		r.assessment, r.comment, r.supersedes_id as supersedesId, u.name as authorName,
		r.created_at as createdAt, r.correction_reason as correctionReason,
		not exists (select 1 from realisation s
			where s.benefit_id = r.benefit_id and s.supersedes_id = r.id) as effective,
		${CONFIRMED_COLUMNS}
	from realisation r join benefit b on b.id = r.benefit_id join project p on p.id = b.project_id
	left join user u on u.id = r.author_id ${CONFIRMED_JOINS}
	${BENEFITS_IN_SCOPE} and r.id > @after
	order by r.id limit @limit`;

/** Realisations (corrections included, each naming the row it supersedes) after id `after`. */
export function listRegisterRealisationsChunk(
	scope: GainScope,
	after: number,
	limit: number
): RegisterRealisationRow[] {
	const { projectId, trackId, level } = scope;
	return statement('registerRealisations', () => REALISATIONS_SQL).all({
		projectId,
		trackId,
		level,
		after,
		limit
	}) as RegisterRealisationRow[];
}
