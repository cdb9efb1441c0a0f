/**
 * Benefit test data. The portfolio a map hangs on (tracks, projects, measures,
 * effect goals) is made with tests/factories/portfolio.ts and the portfolio's own verbs.
 * Only the mission row is inserted here: it carries the benefit setting timesats, which
 * the portfolio's saveMission leaves alone, and its creation is not what these tests audit.
 */
import { db } from '$lib/server/db';
import { mission } from '$lib/server/db/schema';
import { createEffectGoal, getMission, listEffectGoals } from '$lib/server/db/queries/mission';
import { createBenefit, getBenefit } from '$lib/server/db/queries/benefits';
import {
	addEstimateLine,
	logRealisation,
	setBaselineAndTarget,
	setPlannedPeriod
} from '$lib/server/db/queries/benefits-gains';
import { freezePlan } from '$lib/server/db/queries/benefits-plan';
import type { BenefitInput, EstimateLineInput } from '$lib/schemas/benefits';
import * as portfolio from './portfolio';
import { makeUser, signIn } from './index';

function tracksOwnedBy(ownerId: number, codes?: string[]) {
	return (codes ?? [undefined, undefined]).map((code) =>
		portfolio.makeTrack(ownerId, code ? { code, title: `Spor ${code}` } : {})
	);
}

/**
 * The installation's mission for a browser journey: the pages show the first mission, so a
 * journey running after another that created one must use it rather than add a second.
 * Tracks need an owner (a user that exists).
 */
export function useMission(ownerId: number) {
	const existing = getMission();
	if (!existing) return makeMission(ownerId);
	const goals = listEffectGoals(existing.id).map((g) => g.id);
	return { missionId: existing.id, goals, tracks: tracksOwnedBy(ownerId) };
}

/** A mission with Effektmål 1–3 (bruker, tjeneste, system) and tracks 1B and 5 owned by `ownerId`. */
export function makeMission(ownerId: number, hourlyRateKroner: number | null = 700) {
	const m = db
		.insert(mission)
		.values({
			grandChallenge: 'En sammenhengende offentlig sektor',
			statement: 'En enklere hverdag',
			baselineYear: 2021,
			targetYear: 2027,
			hourlyRateKroner
		})
		.returning()
		.get();
	const goals = (['user', 'service', 'system'] as const).map((level, i) => {
		const r = createEffectGoal(
			m.id,
			{ level, title: `Mål ${i + 1}`, indicator: '-' },
			null,
			new Date()
		);
		if (!r.ok) throw new Error(r.reason);
		return r.value;
	});
	return { missionId: m.id, goals, tracks: tracksOwnedBy(ownerId, ['1B', '5']) };
}

/** A programme leader, signed in, whose mission has one project on both its tracks. */
export async function makeLeaderWithProject() {
	const leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	const m = makeMission(leader.user.id);
	const { projectId } = makeProject(leader.user.id, m.tracks);
	return { leader, missionId: m.missionId, projectId };
}

/** A project owned by `ownerId` in the given tracks, with `measures` measures. */
export function makeProject(ownerId: number, trackIds: number[], measures = 1) {
	const projectId = portfolio.makeProject(ownerId, trackIds);
	const measureIds = Array.from({ length: measures }, () =>
		portfolio.makeMeasure(projectId, ownerId)
	);
	return { projectId, measureIds };
}

export const BENEFIT_FORM = {
	title: 'Spart tid for familien',
	description: '',
	level: 'bruker',
	kind: 'kvantitativ',
	unit: 'kr',
	beneficiary: 'familie',
	beneficiaryOther: '',
	indicator: 'Kroner spart per familie',
	measurement: 'Brukerhistorier',
	takeout: 'frigjort_tid',
	ownerId: ''
} as const;

export function makeBenefit(projectId: number, input: Partial<BenefitInput> = {}, actorId = 1) {
	const r = createBenefit(
		projectId,
		{
			title: 'Gevinst',
			description: '',
			level: 'system',
			kind: 'kvantitativ',
			unit: 'kr',
			beneficiary: 'stat',
			beneficiaryOther: '',
			qualityDimensions: [],
			ownerId: null,
			validatorId: null,
			direction: 'higher',
			tolerancePercent: 10,
			indicator: 'Kroner',
			measurement: '',
			takeout: 'budsjettkutt',
			...input
		},
		actorId,
		new Date()
	);
	if (!r.ok) throw new Error(r.reason);
	return r.value;
}

/** A benefit's baseline and target; the dates default to the start and end of 2026. */
export interface BenefitPlan {
	baseline: number;
	target: number;
	/** How the baseline was measured. */
	method: string;
	baselineDate?: string;
	targetDate?: string;
}

/**
 * Sets a benefit's baseline and target by the verb the benefit page uses, at the benefit's
 * current version; throws if it is refused, so a test never runs on a plan it does not have.
 */
export function planBenefit(id: number, plan: BenefitPlan, actorId: number, now: Date) {
	const r = setBaselineAndTarget(
		id,
		{
			baseline: {
				value: plan.baseline,
				date: plan.baselineDate ?? '2026-01-01',
				method: plan.method
			},
			target: { value: plan.target, date: plan.targetDate ?? '2026-12-31' },
			version: getBenefit(id)!.version
		},
		actorId,
		now
	);
	if (!r.ok) throw new Error(r.reason);
}

/**
 * Logs a month's realised value with no comment or evidence, as a first entry (it corrects
 * none); throws if it is refused. Returns the new realisation's id.
 */
export function logGain(id: number, period: string, value: number, actorId: number, now: Date) {
	const r = logRealisation(
		id,
		{ period, value, comment: '', evidence: '', supersedesId: null },
		actorId,
		now
	);
	if (!r.ok) throw new Error(r.reason);
	return r.value;
}

/**
 * The benefit the import specs download and read back: «Færre manuelle timer», 0 → 200 000 kr
 * (February 2026 to the end of 2027, from the accounts), one estimate line of 500 kr × 120
 * cases at 50 %, and 10 000 kr logged for March 2026 by `loggedBy`.
 */
export function makeRegisterBenefit(
	projectId: number,
	input: Partial<BenefitInput>,
	actorId: number,
	loggedBy: number,
	now: Date
): number {
	const id = makeBenefit(projectId, { title: 'Færre manuelle timer', ...input }, actorId);
	const dates = { baselineDate: '2026-02-01', targetDate: '2027-12-31' };
	planBenefit(id, { baseline: 0, target: 200_000, method: 'Regnskap', ...dates }, actorId, now);
	const line = { description: 'Saksbehandling', amountPerCase: 500, cases: 120, sharePercent: 50 };
	const r = addEstimateLine(id, line, actorId, now);
	if (!r.ok) throw new Error(r.reason);
	logGain(id, '2026-03', 10_000, loggedBy, now);
	return id;
}

export interface FrozenPlan {
	baseline?: { value: number; date: string; method?: string };
	target?: { value: number; date: string };
	/** Planned values given per month. */
	periods?: { period: string; value: number }[];
	/** Estimate lines, added before the freeze. */
	lines?: EstimateLineInput[];
	baselineSource?: string;
	evidenceUrl?: string;
	/** Who sets the plan and approves it (the programme leader). */
	actorId?: number;
	now?: Date;
}

/**
 * A benefit with a baseline, a target and planned months, its plan frozen (version 1,
 * approved) by the query verbs, as the programme leader's «Godkjenn og frys planen» does.
 */
export function makeFrozenBenefit(
	projectId: number,
	input: Partial<BenefitInput> = {},
	plan: FrozenPlan = {}
): number {
	const actorId = plan.actorId ?? 1;
	const now = plan.now ?? new Date();
	const id = makeBenefit(projectId, input, actorId);
	const baseline = plan.baseline ?? { value: 0, date: '2026-01-01' };
	const target = plan.target ?? { value: 120_000, date: '2026-12-31' };
	planBenefit(
		id,
		{
			baseline: baseline.value,
			baselineDate: baseline.date,
			method: baseline.method ?? 'Regnskap',
			target: target.value,
			targetDate: target.date
		},
		actorId,
		now
	);
	for (const p of plan.periods ?? []) setPlannedPeriod(id, p, actorId, now);
	for (const line of plan.lines ?? []) addEstimateLine(id, line, actorId, now);
	const frozen = freezePlan(
		id,
		{ baselineSource: plan.baselineSource ?? 'Regnskapsrapport', version: getBenefit(id)!.version },
		{ url: plan.evidenceUrl ?? '', file: null },
		actorId,
		now
	);
	if (!frozen.ok) throw new Error(frozen.reason);
	return id;
}
