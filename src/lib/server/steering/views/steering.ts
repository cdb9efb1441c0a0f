/**
 * The steering page's read model (/styring, docs/architecture.md): «where are we, what needs a decision».
 * `steeringPage(user, params, now)` returns plain data — numbers, labels and links, no
 * functions or dates — so the page, and later the Styringsrapport (PDF) and its spreadsheet,
 * are drawn from the same figures.
 *
 * Every number is counted in SQL: the gain sums from the roll-ups (gain-views.ts, a benefit
 * of a project in two tracks counts in each track and once for the mission), the behind-plan
 * counts from the stored figures, risks per matrix cell, projects per phase and report colour
 * (domain/steering/rules.ts), the wheel compliance of the units a track involves from the wheel
 * area's own read (`unitsCompliance`), and «siden forrige møte» from the indexes on change times. What is
 * left for this module is a few hundred numbers at most: tracks × phases, cells and units.
 *
 * Each figure links to the page that explains it, with the filter applied. A figure from a
 * page the user may not open is left out (`SteeringAccess`): compliance is for the steering
 * group and administrators, as /arshjul/etterlevelse is.
 */
import { countOf, osloDay } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { levelLabel, lifecycleLabel, ragLabel as ragName } from '$lib/labels';
import {
	onTimePercent,
	realisedPercent,
	risksBySeverity,
	trackRag
} from '$lib/domain/steering/rules';
import {
	LIFECYCLE_STATUSES,
	type Level,
	type LifecycleStatus,
	type RagStatus
} from '$lib/domain/portfolio/vocabulary';
import { BENEFIT_LEVEL_OF } from '$lib/domain/benefits/vocabulary';
import { decodeKey } from '$lib/paging';
import { getMission, listEffectGoals } from '$lib/server/db/queries/mission';
import { listTracks } from '$lib/server/db/queries/tracks';
import { gainSums, goalSums } from '$lib/server/db/queries/gain-views';
import { countBehindByTrack } from '$lib/server/db/queries/gain-lists';
import { netSumRow, NO_SUMS, type GroupSums, type NetAmounts } from '$lib/domain/benefits/net';
import { sharedBenefitsByTrack } from '$lib/server/db/queries/shared-benefits';
import {
	CHANGE_KINDS,
	countOpenRisksByTrackAndCell,
	countProjectsByTrackAndPhase,
	countProjectsByTrackAndRag,
	listTrackUnits,
	type ChangeKey,
	type ChangeKind
} from '$lib/server/db/queries/steering';
import { unitsCompliance } from '$lib/server/wheel/views/compliance';
import type { SessionUser } from '$lib/server/auth/session';
import { canReadCompliance } from '../access';
import { sinceMeeting, type SinceMeeting } from './since-meeting';
import { versioned } from '$lib/server/read-cache';

/** What the address asks for: `siden` (a day), `endring` (a kind), `etter` (the list's key). */
export interface SteeringParams {
	since: string | null;
	kind: ChangeKind | null;
	after: ChangeKey | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readSteeringParams(url: URL): SteeringParams {
	const since = url.searchParams.get('siden');
	const kind = url.searchParams.get('endring');
	const key = decodeKey(url.searchParams.get('etter'), 3);
	return {
		since: since && DAY.test(since) && !Number.isNaN(Date.parse(since)) ? since : null,
		kind: CHANGE_KINDS.includes(kind as ChangeKind) ? (kind as ChangeKind) : null,
		after: key && key.every((v) => typeof v === 'number') ? (key as ChangeKey) : null
	};
}

/**
 * Planned and realised gain to date in one unit, as the Gevinster page sums them: gross, the
 * dis-benefits against it and net (domain/benefits/net.ts).
 */
export interface GainFigure {
	planned: number;
	realised: number;
	/** Realised as a whole percentage of planned; null when nothing is planned yet. */
	percent: number | null;
	disbenefits: { planned: number; realised: number };
	net: { planned: number; realised: number };
}

export interface SteeringGains {
	benefits: number;
	disbenefits: number;
	kroner: GainFigure;
	hours: GainFigure;
	href: string;
}

export interface SteeringGoal {
	id: number;
	number: number;
	level: Level;
	levelLabel: string;
	title: string;
	/** Benefits linked to the goal directly in their maps; null when none are. */
	gains: SteeringGains | null;
}

export interface SteeringTrack {
	id: number;
	code: string;
	title: string;
	prioritised: boolean;
	href: string;
	status: {
		rag: RagStatus | null;
		/** The status in words: never colour alone. */
		label: string;
		green: number;
		amber: number;
		red: number;
		href: string;
	};
	projects: {
		total: number;
		phases: { status: LifecycleStatus; label: string; count: number; href: string }[];
		href: string;
	};
	gains: SteeringGains;
	/** Its benefits shared with other tracks, by how many tracks: counted in each. */
	shared: { tracks: number; benefits: number }[];
	/** Behind plan, and (`atRisk`) in the danger zone: on plan now, the forecast short. */
	behind: {
		count: number;
		withCause: number;
		withoutCause: number;
		atRisk: number;
		href: string;
	};
	risks: { high: number; medium: number; low: number; href: string };
	/** The units the track's measures involve; null when the user may not read compliance. */
	compliance: SteeringCompliance | null;
}

export interface SteeringCompliance {
	units: number;
	/** Occurrences that count this year so far: signed, or unsigned past their due day. */
	total: number;
	onTime: number;
	overdue: number;
	percent: number | null;
	href: string;
}

export interface SteeringPageData {
	/** Oslo's day of `now`: what «to date» means. */
	asOf: string;
	mission: { statement: string; baselineYear: number; targetYear: number } | null;
	goals: SteeringGoal[];
	/** The whole mission, each benefit once. */
	total: { gains: SteeringGains; behind: SteeringTrack['behind'] } | null;
	tracks: SteeringTrack[];
	/** The year the compliance figures are for; null when they are not shown to this user. */
	complianceYear: number | null;
	since: SinceMeeting;
}

function figure(n: NetAmounts): GainFigure {
	return {
		planned: n.gross.planned,
		realised: n.gross.realised,
		percent: realisedPercent(n.gross.planned, n.gross.realised),
		disbenefits: { planned: n.disbenefits.planned, realised: n.disbenefits.realised },
		net: { planned: n.net.planned, realised: n.net.realised }
	};
}

function gains(row: GroupSums | undefined, href: string): SteeringGains {
	const r = netSumRow(row ?? NO_SUMS, '', '', null);
	return {
		benefits: r.benefitCount,
		disbenefits: r.disbenefitCount,
		kroner: figure(r.kroner),
		hours: figure(r.hours),
		href
	};
}

function behindFigure(
	row: { behind: number; withCause: number; atRisk: number } | undefined,
	href: string
) {
	const count = row?.behind ?? 0;
	const withCause = row?.withCause ?? 0;
	return { count, withCause, withoutCause: count - withCause, atRisk: row?.atRisk ?? 0, href };
}

function ragLabel(rag: RagStatus | null, c: { green: number; amber: number; red: number }) {
	const reported = c.green + c.amber + c.red;
	if (rag === null) return m.rag_none();
	const parts = [
		countOf(c.red, m.count_red_one(), m.count_red_many()),
		countOf(c.amber, m.count_amber_one(), m.count_amber_many()),
		countOf(c.green, m.count_green_one(), m.count_green_many())
	];
	return m.rag_summary({ status: ragName(rag), parts: parts.join(', '), reported });
}

function group<T extends { trackId: number }>(rows: readonly T[]): Map<number, T[]> {
	const out = new Map<number, T[]>();
	for (const r of rows) out.set(r.trackId, [...(out.get(r.trackId) ?? []), r]);
	return out;
}

/**
 * Every table steeringComplianceFigures reads (a test holds this to what its statements open):
 * the figures are kept until one of these is written, so logging a realisation, renewing a
 * session or any other write elsewhere leaves them be.
 */
export const COMPLIANCE_READS = [
	'measure',
	'measure_unit',
	'project',
	'project_track',
	'unit',
	'wheel',
	'wheel_assignment',
	'wheel_signature',
	'wheel_task',
	'wheel_task_month'
] as const;

/** Every table countBehindByTrack reads (held to its statement by the same test). */
export const BEHIND_READS = [
	'behind_plan_follow_up',
	'benefit',
	'benefit_figure',
	'project',
	'project_track'
] as const;

/** The wheel compliance of the units each track's measures involve, this year to `now`. */
export function steeringComplianceFigures(now: Date) {
	const involved = listTrackUnits();
	const units = new Map<number, number[]>();
	for (const r of involved) units.set(r.trackId, [...(units.get(r.trackId) ?? []), r.unitId]);
	return {
		byTrack: units,
		figures: unitsCompliance([...new Set(involved.map((r) => r.unitId))], now)
	};
}

/** The steering page for this user at `now`. */
export function steeringPage(
	user: SessionUser,
	params: SteeringParams,
	now: Date
): SteeringPageData {
	const asOf = osloDay(now);
	const since = sinceMeeting(params, now);
	const mission = getMission();
	if (!mission) {
		return { asOf, mission: null, goals: [], total: null, tracks: [], complianceYear: null, since };
	}
	const tracks = listTracks();
	const shared = group(sharedBenefitsByTrack());
	const sums = gainSums({ missionId: mission.id, projectId: null, trackId: null, level: null });
	const trackSums = new Map(sums.track.map((r) => [Number(r.key), r]));
	const margin = mission.behindPlanMarginPercent;
	const behind = versioned(
		`steering:behind:${margin}`,
		() => countBehindByTrack(margin),
		BEHIND_READS
	);
	const behindOf = new Map(behind.filter((r) => r.dim === 'track').map((r) => [r.key, r]));
	const phases = group(countProjectsByTrackAndPhase());
	const rags = group(countProjectsByTrackAndRag());
	const risks = group(countOpenRisksByTrackAndCell());

	let compliance: ((trackId: number) => SteeringCompliance) | null = null;
	let complianceYear: number | null = null;
	if (canReadCompliance(user)) {
		// Summed over every unit the tracks involve (hundreds at national scale): kept until the
		// data changes or the day does (what is overdue depends on today), read-cache.ts.
		const { byTrack, figures } = versioned(
			`steering:compliance:${asOf}`,
			() => steeringComplianceFigures(now),
			COMPLIANCE_READS
		);
		complianceYear = figures.year;
		compliance = (trackId) => {
			const units = byTrack.get(trackId) ?? [];
			const sum = { total: 0, signed: 0, onTime: 0 };
			for (const id of units) {
				const f = figures.units.get(id);
				if (!f) continue;
				sum.total += f.total;
				sum.signed += f.signed;
				sum.onTime += f.onTime;
			}
			return {
				units: units.length,
				total: sum.total,
				onTime: sum.onTime,
				overdue: sum.total - sum.signed,
				percent: onTimePercent(sum),
				href: `/arshjul/etterlevelse?ar=${figures.year}`
			};
		};
	}

	const goalOf = new Map(goalSums().map((r) => [Number(r.key), r]));
	const missionBehind = behind.find((r) => r.dim === 'mission');

	return {
		asOf,
		mission: {
			statement: mission.statement,
			baselineYear: mission.baselineYear,
			targetYear: mission.targetYear
		},
		goals: listEffectGoals(mission.id).map((g) => {
			const row = goalOf.get(g.id);
			return {
				id: g.id,
				number: g.number,
				level: g.level,
				levelLabel: levelLabel(g.level),
				title: g.title,
				// The level's benefits as a list: a whole level's map is too large to draw at a
				// national programme's size (the map page asks for a track or project first).
				gains: row ? gains(row, `/gevinster?niva=${BENEFIT_LEVEL_OF[g.level]}`) : null
			};
		}),
		total: {
			gains: gains(sums.mission ?? undefined, '/gevinster'),
			behind: behindFigure(missionBehind, '/gevinster#bak-plan')
		},
		tracks: tracks.map((t): SteeringTrack => {
			const rag = { green: 0, amber: 0, red: 0 };
			for (const r of rags.get(t.id) ?? []) rag[r.rag] = r.projects;
			const byPhase = new Map((phases.get(t.id) ?? []).map((r) => [r.status, r.projects]));
			const status = trackRag(rag);
			return {
				id: t.id,
				code: t.code,
				title: t.title,
				prioritised: t.prioritised,
				href: `/portefolje/spor/${t.id}`,
				status: {
					rag: status,
					label: ragLabel(status, rag),
					...rag,
					href: `/?spor=${t.id}&apne=${t.id}#spor-${t.id}`
				},
				projects: {
					total: [...byPhase.values()].reduce((a, b) => a + b, 0),
					phases: LIFECYCLE_STATUSES.filter((s) => byPhase.has(s)).map((s) => ({
						status: s,
						label: lifecycleLabel(s),
						count: byPhase.get(s)!,
						href: `/portefolje?spor=${t.id}&status=${s}`
					})),
					href: `/portefolje?spor=${t.id}`
				},
				gains: gains(trackSums.get(t.id), `/gevinster?spor=${t.id}`),
				shared: (shared.get(t.id) ?? []).map(({ tracks, benefits }) => ({ tracks, benefits })),
				behind: behindFigure(behindOf.get(t.id), `/gevinster?spor=${t.id}#bak-plan`),
				risks: {
					...risksBySeverity(risks.get(t.id) ?? []),
					href: `/portefolje/risiko?spor=${t.id}`
				},
				compliance: compliance ? compliance(t.id) : null
			};
		}),
		complianceYear,
		since
	};
}
