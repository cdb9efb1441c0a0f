/**
 * Benefit maps and realised gains at scale (seed 001, chapter 6 «Gevinstarbeid»): per project,
 * changes and benefits linked measure → change → benefit → effect goal. Links between two
 * changes or two benefits always run from the older to the newer node, so every map is a DAG
 * by construction. Quantitative benefits are priced in estimate lines, get a baseline, a
 * target, sometimes planned values per period, and realisations month by month: one value
 * counts per month, and corrections are new rows that replace it.
 */
import {
	behindPlanFollowUp,
	benefit,
	benefitChange,
	benefitLink,
	estimateLine,
	plannedPeriod,
	realisation
} from '../../src/lib/server/db/schema';
import { LEVEL_OF_BENEFIT } from '../../src/lib/domain/benefits/vocabulary';
import {
	addMonths,
	firstDay,
	monthsBetween,
	osloDayOf,
	workingTime,
	type Context
} from './context';
import type { Org } from './org';
import type { Portfolio, ScaleProject } from './portfolio';
import { partition, type Rng } from './random';
import type { RowSink } from './table-writer';
import {
	ASSESSMENT_NARRATIVES,
	BENEFIT_TITLES,
	CHANGE_TITLES,
	CORRECTIVE_MEASURES,
	ESTIMATE_LINES,
	FOLLOW_UP_CAUSES
} from './words';
import {
	ASSESSMENTS,
	BENEFICIARIES,
	type BENEFIT_LEVELS,
	BENEFIT_UNITS,
	type NodeKind,
	QUALITY_DIMENSIONS
} from '../../src/lib/domain/benefits/vocabulary';

const WHERE = 'bench/scale/benefits.ts';
const DAY = 86_400_000;

type BenefitUnit = (typeof BENEFIT_UNITS)[number];

export interface Benefits {
	/** Benefit ids a programme leader may log for (their own projects), quantitative, by leader. */
	loggableByOwner: Map<number, number[]>;
	/** Realisations per benefit id. */
	realisationCount: Uint16Array;
	/** Project of each benefit id. */
	projectOf: Uint32Array;
}

/** Realised gains are only logged for work that has started. */
const REALISING = new Set(['adopted', 'in_progress', 'completed']);

interface Plan {
	id: number;
	project: ScaleProject;
	unit: BenefitUnit | null;
	baselinePeriod: string | null;
	baselineValue: number;
	targetPeriod: string;
	targetValue: number;
	ownerId: number;
	/** 1 = on plan; below 1 behind. */
	pace: number;
	createdMs: number;
}

export function seedBenefits(ctx: Context, org: Org, portfolio: Portfolio): Benefits {
	const rng = ctx.rng('benefits');
	const nowMs = ctx.now.getTime();
	const lastMonth = addMonths(ctx.month, -1);
	const { projects, goalsByLevel } = portfolio;
	const changeCounts = partition(rng, ctx.scaled(30_000, 2), projects.length);
	const benefitCounts = partition(rng, ctx.scaled(50_000, 2), projects.length);

	const changes_ = ctx.writer(
		benefitChange,
		['id', 'projectId', 'title', 'description', 'createdAt'],
		WHERE
	);
	const benefits_ = ctx.writer(
		benefit,
		[
			'id',
			'projectId',
			'title',
			'description',
			'level',
			'kind',
			'unit',
			'beneficiary',
			'beneficiaryOther',
			'qualityDimensions',
			'ownerId',
			'indicator',
			'measurement',
			'takeout',
			'baselineValue',
			'baselineDate',
			'baselineMethod',
			'targetValue',
			'targetDate',
			'createdAt'
		],
		WHERE
	);
	const links_ = ctx.writer(
		benefitLink,
		['id', 'projectId', 'fromKind', 'fromId', 'toKind', 'toId', 'createdAt'],
		WHERE
	);
	const lines_ = ctx.writer(
		estimateLine,
		['id', 'benefitId', 'description', 'amountPerCase', 'cases', 'shareHundredths', 'createdAt'],
		WHERE
	);
	const planned_ = ctx.writer(plannedPeriod, ['id', 'benefitId', 'period', 'value'], WHERE);

	const leaders = org.byRole.programme_leader;
	const unitLeaders = org.byRole.unit_leader;
	const plans: Plan[] = [];
	const projectOf = new Uint32Array(ctx.scaled(50_000, 2) + 1);
	let changeId = 0;
	let benefitId = 0;

	for (const [i, p] of projects.entries()) {
		const seen = new Set<string>();
		const link = (from: [NodeKind, number], to: [NodeKind, number], at: number) => {
			const key = `${from[0]}:${from[1]}>${to[0]}:${to[1]}`;
			if (seen.has(key)) return;
			seen.add(key);
			links_.row([links_.count + 1, p.id, from[0], from[1], to[0], to[1], at]);
		};
		const mapStart = p.createdMs + rng.int(1, 30) * DAY;
		const changeIds: number[] = [];
		for (let k = 0; k < changeCounts[i]!; k++) {
			changeId += 1;
			const at = Math.min(nowMs - DAY, mapStart + k * DAY);
			changes_.row([
				changeId,
				p.id,
				rng.pick(CHANGE_TITLES),
				rng.chance(0.3) ? 'Fra innsiktsarbeidet' : '',
				at
			]);
			// An intermediate change builds on an earlier one (seed 001: «foreløpig → mellomliggende»).
			if (changeIds.length && rng.chance(0.25))
				link(['change', rng.pick(changeIds)], ['change', changeId], at);
			changeIds.push(changeId);
		}
		for (let m = p.firstMeasure; m < p.firstMeasure + p.measures && changeIds.length; m++) {
			for (const c of rng.sample(changeIds, rng.chance(0.7) ? 1 : 2)) {
				link(['measure', m], ['change', c], mapStart);
			}
		}
		const benefitIds: number[] = [];
		const realising = REALISING.has(p.status);
		for (let k = 0; k < benefitCounts[i]!; k++) {
			benefitId += 1;
			projectOf[benefitId] = p.id;
			const { plan, level } = writeBenefit(
				ctx,
				rng,
				benefitId,
				p,
				realising,
				mapStart + k * 3_600_000,
				{
					benefits_,
					lines_,
					planned_,
					owner: rng.weighted({ project: 60, leader: 20, unit: 20 }),
					leaders,
					unitLeaders,
					lastMonth
				}
			);
			if (plan) plans.push(plan);
			const at = Math.min(nowMs - DAY, mapStart + k * 3_600_000);
			for (const c of rng.sample(changeIds, rng.chance(0.75) ? 1 : 2)) {
				link(['change', c], ['benefit', benefitId], at);
			}
			if (benefitIds.length && rng.chance(0.12))
				link(['benefit', rng.pick(benefitIds)], ['benefit', benefitId], at);
			const goals = goalsByLevel[LEVEL_OF_BENEFIT[level]];
			for (const g of rng.sample(goals, rng.chance(0.9) ? 1 : 2)) {
				link(['benefit', benefitId], ['goal', g], at);
			}
			benefitIds.push(benefitId);
		}
	}

	const realisationCount = seedRealisations(ctx, plans, benefitId);
	seedFollowUps(ctx, plans);

	const loggableByOwner = new Map<number, number[]>();
	for (const plan of plans) {
		if (plan.unit === null || plan.baselinePeriod === null) continue;
		const list = loggableByOwner.get(plan.project.ownerId) ?? [];
		list.push(plan.id);
		loggableByOwner.set(plan.project.ownerId, list);
	}
	return { loggableByOwner, realisationCount, projectOf };
}

function writeBenefit(
	ctx: Context,
	rng: Rng,
	id: number,
	p: ScaleProject,
	realising: boolean,
	createdMs: number,
	w: {
		benefits_: RowSink;
		lines_: RowSink;
		planned_: RowSink;
		owner: 'project' | 'leader' | 'unit';
		leaders: Org['users'];
		unitLeaders: Org['users'];
		lastMonth: string;
	}
): { plan: Plan | null; level: (typeof BENEFIT_LEVELS)[number] } {
	const nowMs = ctx.now.getTime();
	const level = rng.weighted({ bruker: 35, tjeneste: 40, system: 25 });
	const quantitative = rng.chance(0.7);
	const unit: BenefitUnit | null = quantitative
		? rng.weighted({ kr: 45, timer: 30, antall: 20, prosent: 5 })
		: null;
	const beneficiary = rng.weighted({
		helse: 25,
		utdanning: 20,
		kommunalt: 30,
		familie: 15,
		stat: 7,
		annet: 3
	} satisfies Record<(typeof BENEFICIARIES)[number], number>);
	const ownerId =
		w.owner === 'project'
			? p.ownerId
			: w.owner === 'leader'
				? rng.pick(w.leaders).id
				: rng.pick(w.unitLeaders).id;
	const takeout =
		unit === 'kr'
			? rng.chance(0.6)
				? 'budsjettkutt'
				: 'kvalitet'
			: unit === 'timer'
				? 'frigjort_tid'
				: 'kvalitet';

	// Realised gains start at the project's start, within the last three years.
	const earliest = addMonths(w.lastMonth, -35);
	const start =
		p.startMonth < earliest ? earliest : p.startMonth > w.lastMonth ? w.lastMonth : p.startMonth;
	const hasPlan = quantitative && (realising || rng.chance(0.5));
	const baselinePeriod = hasPlan ? start : null;
	const targetPeriod = addMonths(start, rng.int(24, 48));
	const created = Math.min(nowMs - DAY, createdMs);

	let targetValue = 0;
	let baselineValue = 0;
	if (quantitative) {
		const lines = rng.int(1, 3);
		let total = 0;
		for (let l = 0; l < lines; l++) {
			const amount =
				unit === 'kr'
					? rng.logUniform(1_000, 1_500_000)
					: unit === 'timer'
						? rng.int(1, 200)
						: rng.int(1, 20);
			const cases = rng.logUniform(1, 5_000);
			const share = rng.int(4, 40) * 250;
			total += Math.round((amount * cases * share) / 10_000);
			w.lines_.row([
				w.lines_.count + 1,
				id,
				rng.pick(ESTIMATE_LINES),
				amount,
				cases,
				share,
				created
			]);
		}
		if (unit === 'prosent') {
			baselineValue = rng.int(20, 60);
			targetValue = baselineValue + rng.int(10, 30);
		} else {
			targetValue = Math.max(10, Math.min(total, 500_000_000));
		}
	}
	const titles = BENEFIT_TITLES[unit ?? 'kvalitativ'];
	w.benefits_.row([
		id,
		p.id,
		rng.pick(titles),
		rng.chance(0.4) ? 'Gevinsten følges opp i gevinstplanen.' : '',
		level,
		quantitative ? 'kvantitativ' : 'kvalitativ',
		unit,
		beneficiary,
		beneficiary === 'annet' ? 'Frivillige organisasjoner' : '',
		JSON.stringify(rng.sample(QUALITY_DIMENSIONS, rng.int(0, 3))),
		ownerId,
		quantitative ? 'Månedlig måling mot nullpunktet' : 'Vurdering 1–5 eller rød/gul/grønn',
		rng.chance(0.5) ? 'Fagsystemet, månedlig uttrekk' : 'Spørreundersøkelse, halvårlig',
		takeout,
		hasPlan ? baselineValue : null,
		hasPlan ? firstDay(start) : null,
		hasPlan ? 'Registrert i fagsystemet før oppstart' : null,
		hasPlan ? targetValue : null,
		hasPlan ? `${targetPeriod}-28` : null,
		created
	]);
	if (hasPlan && rng.chance(0.2)) {
		const span = monthsBetween(start, targetPeriod);
		const offsets = rng.sample(
			Array.from({ length: span - 1 }, (_, k) => k + 1),
			rng.int(2, 4)
		);
		for (const k of offsets) {
			const value = baselineValue + Math.round(((targetValue - baselineValue) * k) / span);
			w.planned_.row([w.planned_.count + 1, id, addMonths(start, k), value]);
		}
	}
	if (!realising) return { plan: null, level };
	const plan = {
		id,
		project: p,
		unit,
		baselinePeriod,
		baselineValue,
		targetPeriod,
		targetValue,
		ownerId,
		pace: rng.chance(0.25) ? 0.3 + rng.next() * 0.45 : 0.85 + rng.next() * 0.45,
		createdMs: created
	};
	return { plan, level };
}

/**
 * Exactly the national count of realisations (scaled), spread over the benefits of started
 * projects in proportion to how long they have run; qualitative ones are assessed less often.
 */
function seedRealisations(ctx: Context, plans: Plan[], benefitTotal: number): Uint16Array {
	const rng = ctx.rng('realisations');
	const nowMs = ctx.now.getTime();
	const lastMonth = addMonths(ctx.month, -1);
	const total = ctx.scaled(1_000_000, 10);
	const firstOf = (plan: Plan) => plan.baselinePeriod ?? plan.project.startMonth;
	const months = plans.map((plan) => Math.max(1, monthsBetween(firstOf(plan), lastMonth) + 1));
	const weights = plans.map(
		(plan, i) => months[i]! * (plan.unit ? 0.5 + rng.next() : 0.2) * (rng.chance(0.2) ? 3 : 1)
	);
	const sum = weights.reduce((a, b) => a + b, 0);
	const counts = new Uint16Array(benefitTotal + 1);
	const rows = ctx.writer(
		realisation,
		[
			'id',
			'benefitId',
			'period',
			'value',
			'assessment',
			'narrative',
			'comment',
			'evidence',
			'supersedesId',
			'authorId',
			'createdAt'
		],
		WHERE
	);
	let acc = 0;
	let given = 0;
	for (const [i, plan] of plans.entries()) {
		acc += weights[i]!;
		const n = Math.round((total * acc) / sum) - given;
		given += n;
		counts[plan.id] = n;
		if (n === 0) continue;
		const span = months[i]!;
		// One value counts per month (a second replaces the first, as the app writes it): a
		// benefit logs at most one new value a month, and its other rows are corrections of a
		// month's current value, a chain when a month is corrected twice.
		const entries = Math.min(span, n > 3 ? n - Math.round(n * 0.03 * rng.next() * 2) : n);
		const corrections = n - entries;
		const first = firstOf(plan);
		const targetSpan = Math.max(1, monthsBetween(first, plan.targetPeriod));
		const step = ((plan.targetValue - plan.baselineValue) / targetSpan) * plan.pace;
		const current: { id: number; period: string; at: number }[] = [];
		const write = (period: string, supersedes: number | null, at: number) => {
			const id = rows.count + 1;
			const value = plan.unit ? Math.max(0, Math.round(step * (0.6 + rng.next() * 0.8))) : null;
			const assessment = plan.unit ? null : rng.pick(ASSESSMENTS);
			rows.row([
				id,
				plan.id,
				period,
				value,
				assessment,
				assessment ? rng.pick(ASSESSMENT_NARRATIVES) : '',
				supersedes ? 'Rettet: tallet var tastet feil' : '',
				rng.chance(0.5) ? 'Månedsrapport fra fagsystemet' : '',
				supersedes,
				rng.chance(0.8) ? plan.ownerId : plan.project.ownerId,
				at
			]);
			return { id, period, at };
		};
		for (let e = 0; e < entries; e++) {
			// Evenly over the months since the start, one a month at most.
			const period = addMonths(first, Math.floor((e * span) / entries));
			const at = Math.min(
				nowMs - 3_600_000,
				workingTime(rng, firstDay(addMonths(period, 1)), rng.int(0, 10))
			);
			current.push(write(period, null, at));
		}
		for (let c = 0; c < corrections; c++) {
			const k = rng.int(0, entries - 1);
			const old = current[k]!;
			// Days after the row it replaces, and before now however long the chain.
			const at = Math.round(Math.min(old.at + rng.int(1, 20) * DAY, (old.at + nowMs) / 2));
			current[k] = write(old.period, old.id, at);
		}
	}
	return counts;
}

function seedFollowUps(ctx: Context, plans: Plan[]) {
	const rng = ctx.rng('follow-ups');
	const nowMs = ctx.now.getTime();
	const rows = ctx.writer(
		behindPlanFollowUp,
		['id', 'benefitId', 'period', 'cause', 'correctiveMeasure', 'authorId', 'createdAt'],
		WHERE
	);
	for (const plan of plans) {
		if (plan.pace >= 0.8 || plan.unit === null || !rng.chance(0.4)) continue;
		const period = addMonths(ctx.month, -rng.int(1, 3));
		const at = Math.min(nowMs - 3_600_000, workingTime(rng, osloDayOf(nowMs - 20 * DAY)));
		rows.row([
			rows.count + 1,
			plan.id,
			period,
			rng.pick(FOLLOW_UP_CAUSES),
			rng.pick(CORRECTIVE_MEASURES),
			plan.ownerId,
			at
		]);
	}
}
