/**
 * The portfolio at scale: one mission with effect goals per level, tracks, projects (some in
 * several tracks), measures carried out by units, and the follow-up a real portfolio collects:
 * status history walked step by step through the funnel, monthly RAG reports, the five
 * prioritisation scores, and ROS risks (seed 001 «Begrepshierarki»; seed 004).
 */
import {
	effectGoal,
	measure,
	measureUnit,
	mission,
	project,
	projectScore,
	projectTrack,
	risk,
	statusChange,
	statusReport,
	track
} from '../../src/lib/server/db/schema';
import {
	addMonths,
	firstDay,
	monthsBetween,
	osloDayOf,
	workingTime,
	type Context
} from './context';
import type { Org } from './org';
import { partition, type Rng } from './random';
import type { Raw } from './table-writer';
import {
	BARRIERS,
	MEASURE_SUBJECTS,
	MITIGATIONS,
	PLACES,
	PROJECT_SUBJECTS,
	REPORT_NARRATIVES,
	RISK_TITLES,
	TRACK_TITLES
} from './words';
import {
	CONSEQUENCE_AREAS,
	LENSES,
	LEVELS,
	type Level,
	type LifecycleStatus,
	RISK_STATUSES,
	type RagStatus
} from '../../src/lib/domain/portfolio/vocabulary';

const WHERE = 'bench/scale/portfolio.ts';

export interface ScaleProject {
	id: number;
	ownerId: number;
	createdMs: number;
	status: LifecycleStatus;
	/** `YYYY-MM` the project starts (or would start) in. */
	startMonth: string;
	/** Measure ids are contiguous per project: firstMeasure … firstMeasure + measures - 1. */
	firstMeasure: number;
	measures: number;
}

export interface Portfolio {
	missionId: number;
	goalsByLevel: Record<Level, number[]>;
	projects: ScaleProject[];
	/** By measure id: under way (1) or not (0), and when it was created. */
	measureUnderWay: Uint8Array;
	measureCreatedMs: Float64Array;
}

// Seed 001, «Gevinstarbeid»: Effektmål 1–3, one per level; a national programme has more.
const GOALS: [Level, string][] = [
	[
		'user',
		'Barn og unge og deres familier skal få mer helhetlige og koordinerte og tilpassede tjenester'
	],
	[
		'service',
		'Aktørene som skal bistå målgruppen skal lettere kunne tilby helhetlige og koordinerte tjenester'
	],
	['system', 'Aktørene har fått nye egnede tilnærminger for organisering og styring på tvers'],
	['user', 'Familiene opplever at de blir hørt og at tjenestene henger sammen'],
	['service', 'Tjenestene deler informasjon og planlegger sammen med familien'],
	['system', 'Finansiering og regelverk understøtter helhetlige tjenester']
];

const FUNNEL: LifecycleStatus[] = [
	'proposed',
	'recommended',
	'adopted',
	'in_progress',
	'completed'
];

const PROJECT_STATUS = {
	proposed: 18,
	recommended: 10,
	adopted: 10,
	in_progress: 47,
	completed: 8,
	rejected: 7
} as const satisfies Record<LifecycleStatus, number>;

/** Status steps from creation to `final`, as the lifecycle rules allow (no skipping). */
function statusPath(final: LifecycleStatus): [LifecycleStatus | null, LifecycleStatus][] {
	const steps: LifecycleStatus[] =
		final === 'rejected'
			? ['proposed', 'recommended', 'rejected']
			: FUNNEL.slice(0, FUNNEL.indexOf(final) + 1);
	return steps.map((s, i) => [i === 0 ? null : steps[i - 1]!, s]);
}

function levelsOf(rng: Rng): Level[] {
	const chosen = LEVELS.filter(() => rng.chance(0.45));
	return chosen.length ? chosen : [rng.pick(LEVELS)];
}

/** An instant between two others, in Oslo working hours. */
function between(rng: Rng, fromMs: number, toMs: number): number {
	const at = fromMs + rng.next() * Math.max(0, toMs - fromMs);
	// Working hours on that day, unless they fall after `toMs` (today's, when `toMs` is now).
	const working = workingTime(rng, osloDayOf(at));
	return working <= toMs ? working : Math.floor(at);
}

export function seedPortfolio(ctx: Context, org: Org): Portfolio {
	const rng = ctx.rng('portfolio');
	const nowMs = ctx.now.getTime();
	const leaders = org.byRole.programme_leader;
	const steering = org.byRole.steering;
	const admin = org.byRole.admin[0]!;
	const start = org.setupMs + 90 * 86_400_000;
	const latest = nowMs - 60 * 86_400_000;

	const missionId = 1;
	ctx
		.writer(
			mission,
			[
				'id',
				'grandChallenge',
				'statement',
				'baselineYear',
				'targetYear',
				'hourlyRateKroner',
				'behindPlanMarginPercent',
				'createdAt'
			],
			WHERE
		)
		.row([
			missionId,
			'Offentlige tjenester oppleves sammenhengende og helhetlige av brukerne',
			'Innen 2030 skal alle barn og unge med sammensatte behov og deres familier oppleve at de mottar et helhetlig tjenestetilbud',
			2021,
			2030,
			700,
			20,
			org.setupMs
		]);
	const goalsByLevel: Record<Level, number[]> = { user: [], service: [], system: [] };
	const goals_ = ctx.writer(
		effectGoal,
		['id', 'missionId', 'number', 'level', 'title', 'indicator', 'createdAt'],
		WHERE
	);
	GOALS.forEach(([level, title], i) => {
		goals_.row([i + 1, missionId, i + 1, level, title, 'Fastsettes i gevinstplanen', org.setupMs]);
		goalsByLevel[level].push(i + 1);
	});

	const changes_ = ctx.writer(
		statusChange,
		['id', 'subject', 'subjectId', 'fromStatus', 'toStatus', 'reason', 'actorId', 'at'],
		WHERE
	);
	const history = (
		subject: 'track' | 'project' | 'measure',
		id: number,
		final: LifecycleStatus,
		createdMs: number,
		ownerId: number
	) => {
		let at = createdMs;
		for (const [from, to] of statusPath(final)) {
			if (from !== null) at = between(rng, at, Math.min(nowMs, at + 120 * 86_400_000));
			const decider = to === 'adopted' || to === 'rejected' ? rng.pick(steering).id : ownerId;
			const reason = to === 'rejected' ? 'Ikke vedtatt for testing nå' : null;
			changes_.row([changes_.count + 1, subject, id, from, to, reason, decider, at]);
		}
	};

	const trackCount = ctx.scaled(20, 2);
	const tracks_ = ctx.writer(
		track,
		[
			'id',
			'missionId',
			'code',
			'title',
			'problemStatement',
			'barriers',
			'expectedEffectUser',
			'expectedEffectService',
			'expectedEffectSystem',
			'ownerId',
			'status',
			'prioritised',
			'createdAt'
		],
		WHERE
	);
	for (let i = 0; i < trackCount; i++) {
		const id = i + 1;
		const ownerId = rng.pick(leaders).id;
		const status = rng.weighted({ in_progress: 70, adopted: 20, proposed: 10 });
		const createdMs = org.setupMs + id * 3_600_000;
		tracks_.row([
			id,
			missionId,
			String(id),
			TRACK_TITLES[i % TRACK_TITLES.length]!,
			'Barn og unge med sammensatte behov møter tjenester som ikke henger sammen.',
			rng.pick(BARRIERS),
			'Familiene opplever ett tjenestetilbud.',
			'Tjenestene samarbeider uten å måtte finne opp rutinene hver gang.',
			'Styringssignalene peker samme vei.',
			ownerId,
			status,
			rng.chance(0.3) ? 1 : 0,
			createdMs
		]);
		history('track', id, status, createdMs, admin.id);
	}

	const projectCount = ctx.scaled(2000, 2);
	const measureCounts = partition(rng, ctx.scaled(20_000, 3), projectCount);
	const projects_ = ctx.writer(
		project,
		[
			'id',
			'missionId',
			'title',
			'description',
			'ownerId',
			'startDate',
			'endDate',
			'status',
			'levels',
			'archivedAt',
			'createdAt'
		],
		WHERE
	);
	const projectTracks_ = ctx.writer(projectTrack, ['projectId', 'trackId'], WHERE);
	const measures_ = ctx.writer(
		measure,
		[
			'id',
			'projectId',
			'title',
			'description',
			'ownerId',
			'startDate',
			'endDate',
			'status',
			'archivedAt',
			'createdAt'
		],
		WHERE
	);
	const measureUnits_ = ctx.writer(measureUnit, ['measureId', 'unitId'], WHERE);
	const departments = org.byDepth[2].length ? org.byDepth[2] : org.byDepth[0];
	const projects: ScaleProject[] = [];
	const measureTotal = measureCounts.reduce((a, b) => a + b, 0);
	const measureUnderWay = new Uint8Array(measureTotal + 1);
	const measureCreatedMs = new Float64Array(measureTotal + 1);
	let measureId = 0;
	for (let i = 0; i < projectCount; i++) {
		const id = i + 1;
		// Spread evenly over the programme leaders, so each leads a comparable share.
		const ownerId = leaders[i % leaders.length]!.id;
		const createdMs = between(rng, start, latest);
		const createdMonth = osloDayOf(createdMs).slice(0, 7);
		const status = rng.weighted(PROJECT_STATUS);
		const startMonth = addMonths(createdMonth, rng.int(0, 3));
		const archived = rng.chance(0.01) ? between(rng, createdMs, nowMs) : null;
		projects_.row([
			id,
			missionId,
			`${rng.pick(PROJECT_SUBJECTS)} – ${rng.pick(PLACES)}`,
			rng.chance(0.6) ? 'Demonstrator i misjonsporteføljen, med tiltak i flere enheter.' : null,
			ownerId,
			status === 'proposed' ? null : firstDay(startMonth),
			status === 'proposed' ? null : `${addMonths(startMonth, rng.int(12, 48))}-28`,
			status,
			JSON.stringify(levelsOf(rng)),
			archived,
			createdMs
		]);
		history('project', id, status, createdMs, ownerId);
		const trackIds = rng.sample(
			Array.from({ length: trackCount }, (_, t) => t + 1),
			rng.weighted({ 1: 75, 2: 20, 3: 5 }) === '1' ? 1 : rng.chance(0.8) ? 2 : 3
		);
		for (const t of trackIds) projectTracks_.row([id, t]);

		const firstMeasure = measureId + 1;
		for (let k = 1; k <= measureCounts[i]!; k++) {
			measureId += 1;
			const mCreated = between(rng, createdMs, Math.max(createdMs, latest));
			const mStatus: LifecycleStatus =
				status === 'proposed' || status === 'recommended'
					? 'proposed'
					: status === 'rejected'
						? rng.pick(['proposed', 'rejected'] as const)
						: rng.weighted({
								proposed: 15,
								adopted: 15,
								in_progress: 55,
								completed: 10,
								rejected: 5
							});
			const mOwner = rng.chance(0.8) ? ownerId : rng.pick(leaders).id;
			const mStart = addMonths(osloDayOf(mCreated).slice(0, 7), rng.int(0, 2));
			measures_.row([
				measureId,
				id,
				`Tiltak ${k}: ${rng.pick(MEASURE_SUBJECTS)}`,
				rng.chance(0.4) ? 'Tiltaket prøves ut i utvalgte enheter før det innføres bredt.' : null,
				mOwner,
				mStatus === 'proposed' ? null : firstDay(mStart),
				mStatus === 'proposed' ? null : `${addMonths(mStart, rng.int(6, 24))}-28`,
				mStatus,
				archived ?? (rng.chance(0.005) ? between(rng, mCreated, nowMs) : null),
				mCreated
			]);
			history('measure', measureId, mStatus, mCreated, mOwner);
			measureUnderWay[measureId] = mStatus === 'in_progress' ? 1 : 0;
			measureCreatedMs[measureId] = mCreated;
			for (const u of rng.sample(departments, rng.chance(0.8) ? 1 : 2)) {
				measureUnits_.row([measureId, u]);
			}
		}
		projects.push({
			id,
			ownerId,
			createdMs,
			status,
			startMonth,
			firstMeasure,
			measures: measureCounts[i]!
		});
	}

	const portfolio = { missionId, goalsByLevel, projects, measureUnderWay, measureCreatedMs };
	seedFollowUp(ctx, rng, org, portfolio);
	return portfolio;
}

const RAG = (rng: Rng, health: number): RagStatus =>
	rng.next() < health ? 'green' : rng.chance(0.75) ? 'amber' : 'red';

function seedFollowUp(ctx: Context, rng: Rng, org: Org, portfolio: Portfolio) {
	const { projects, measureUnderWay, measureCreatedMs } = portfolio;
	const nowMs = ctx.now.getTime();
	const steering = org.byRole.steering;
	const reports_ = ctx.writer(
		statusReport,
		['id', 'subject', 'subjectId', 'period', 'rag', 'narrative', 'authorId', 'createdAt'],
		WHERE
	);
	const report = (
		subject: 'project' | 'measure',
		id: number,
		period: string,
		rag: RagStatus,
		authorId: number
	) => {
		const at = Math.min(
			nowMs - 3_600_000,
			workingTime(rng, firstDay(addMonths(period, 1)), rng.int(1, 8))
		);
		reports_.row([
			reports_.count + 1,
			subject,
			id,
			period,
			rag,
			rng.pick(REPORT_NARRATIVES[rag]),
			authorId,
			at
		]);
	};
	const scores_ = ctx.writer(
		projectScore,
		['projectId', 'lens', 'score', 'justification', 'scoredBy', 'scoredAt'],
		WHERE
	);
	const risks_ = ctx.writer(
		risk,
		[
			'id',
			'projectId',
			'measureId',
			'title',
			'description',
			'likelihood',
			'consequence',
			'area',
			'mitigation',
			'ownerId',
			'status',
			'createdAt'
		],
		WHERE
	);
	const addRisk = (
		projectId: number | null,
		measureId: number | null,
		ownerId: number,
		after: number
	) => {
		const row: Raw[] = [
			risks_.count + 1,
			projectId,
			measureId,
			rng.pick(RISK_TITLES),
			rng.chance(0.5) ? 'Vurdert i ROS-analysen for tiltaket.' : null,
			rng.int(1, 5),
			rng.int(1, 5),
			rng.pick(CONSEQUENCE_AREAS),
			rng.chance(0.8) ? rng.pick(MITIGATIONS) : null,
			ownerId,
			rng.weighted({ open: 50, mitigating: 35, closed: 15 } satisfies Record<
				(typeof RISK_STATUSES)[number],
				number
			>),
			between(rng, after, nowMs)
		];
		risks_.row(row);
	};

	const lastMonth = addMonths(ctx.month, -1);
	const measureRng = ctx.rng('portfolio-measures');
	for (const p of projects) {
		const createdMonth = osloDayOf(p.createdMs).slice(0, 7);
		const health = 0.45 + rng.next() * 0.5;
		if (p.status === 'adopted' || p.status === 'in_progress' || p.status === 'completed') {
			const from =
				monthsBetween(createdMonth, lastMonth) > 12 ? addMonths(lastMonth, -11) : createdMonth;
			for (let period = from; period <= lastMonth; period = addMonths(period, 1)) {
				if (rng.chance(0.85)) report('project', p.id, period, RAG(rng, health), p.ownerId);
			}
		}
		if (p.status !== 'proposed') {
			const scorer = rng.pick(steering).id;
			const scoredAt = between(rng, p.createdMs, nowMs);
			for (const lens of LENSES) {
				scores_.row([
					p.id,
					lens,
					rng.int(1, 5),
					'Vurdert i styringsgruppemøtet.',
					scorer,
					scoredAt
				]);
			}
		}
		const projectRisks = Number(rng.weighted({ 0: 30, 1: 40, 2: 20, 3: 10 }));
		for (let r = 0; r < projectRisks; r++) addRisk(p.id, null, p.ownerId, p.createdMs);
		for (let m = p.firstMeasure; m < p.firstMeasure + p.measures; m++) {
			// Measures under way report monthly for the last half-year, most months.
			if (measureUnderWay[m] && measureRng.chance(0.6)) {
				const createdMonth = osloDayOf(measureCreatedMs[m]!).slice(0, 7);
				for (let k = 6; k >= 1; k--) {
					if (addMonths(ctx.month, -k) >= createdMonth && measureRng.chance(0.7)) {
						report('measure', m, addMonths(ctx.month, -k), RAG(measureRng, health), p.ownerId);
					}
				}
			}
			if (measureRng.chance(0.3)) addRisk(null, m, p.ownerId, p.createdMs);
		}
	}
}
