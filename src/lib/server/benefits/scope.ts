/**
 * Everything a benefit overview, map or chart needs for a scope (mission, track, project,
 * level), loaded with a handful of queries and computed with the pure gain rules.
 */
import { getMission, listEffectGoals } from '../db/queries/mission';
import { listTracks } from '../db/queries/tracks';
import { getProjectById, listProjects } from '../db/queries/projects';
import { FILTER_NOTICES } from './messages';
import { listMeasures } from '../db/queries/measures';
import {
	listBenefitsByProjects,
	listChangesByProjects,
	listLinksByProjects,
	type BenefitRow
} from '../db/queries/benefits';
import {
	listEstimateLines,
	listFollowUps,
	listPlannedPeriods,
	listRealisations,
	type EstimateLineRow,
	type PlannedPeriodRow,
	type RealisationRow
} from '../db/queries/benefits-gains';
import {
	benefitResult,
	figuresFor,
	type BenefitFacts,
	type GainSettings,
	type SumRow
} from '$lib/domain/benefits/figures';
import {
	BENEFIT_LEVEL_LABEL,
	isBenefitLevel,
	type BenefitLevel
} from '$lib/domain/benefits/vocabulary';
import { hoursToKroner } from '$lib/domain/benefits/gain-estimates';
import { idParam } from '$lib/schemas/id';
import {
	rollUp,
	type BenefitMembership,
	type RollUpDimension
} from '$lib/domain/benefits/gain-rollups';

export interface ScopeFilter {
	projectId: number | null;
	trackId: number | null;
	level: BenefitLevel | null;
}

/** `?prosjekt=`, `?spor=`, `?niva=`; anything unreadable is ignored rather than refused. */
export function readFilter(url: URL): ScopeFilter {
	const level = url.searchParams.get('niva');
	return {
		projectId: idParam(url.searchParams.get('prosjekt')),
		trackId: idParam(url.searchParams.get('spor')),
		level: isBenefitLevel(level) ? level : null
	};
}

/** Long values are cut in the notice: it repeats the address back, not whatever is in it. */
const shown = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/**
 * `readFilter`, and a notice for each part of the address that names no live track, no project
 * or no level: that part is dropped (all are shown) and the page says so (FILTER_NOTICES).
 */
export function readCheckedFilter(url: URL): { filter: ScopeFilter; notices: string[] } {
	const filter = readFilter(url);
	const notices: string[] = [];
	const raw = (key: string) => url.searchParams.get(key)?.trim() || null;
	const spor = raw('spor');
	if (spor && (filter.trackId === null || !listTracks().some((t) => t.id === filter.trackId))) {
		filter.trackId = null;
		notices.push(FILTER_NOTICES.spor(shown(spor)));
	}
	const prosjekt = raw('prosjekt');
	if (prosjekt) {
		const project = filter.projectId === null ? undefined : getProjectById(filter.projectId);
		if (!project) {
			filter.projectId = null;
			notices.push(FILTER_NOTICES.prosjekt(shown(prosjekt)));
		} else if (filter.trackId !== null && !project.trackIds.includes(filter.trackId)) {
			// The form keeps the project chosen when only the track is changed; the pair would
			// select nothing and read as an empty project, so the track wins and the page says so.
			filter.projectId = null;
			notices.push(FILTER_NOTICES.prosjektUtenforSpor(shown(project.title)));
		}
	}
	const niva = raw('niva');
	if (niva && filter.level === null) notices.push(FILTER_NOTICES.niva(shown(niva)));
	return { filter, notices };
}

export function toFacts(
	b: BenefitRow,
	lines: readonly EstimateLineRow[],
	realisations: readonly RealisationRow[],
	planned: readonly PlannedPeriodRow[]
): BenefitFacts {
	return {
		id: b.id,
		kind: b.kind,
		unit: b.unit,
		baselineValue: b.baselineValue,
		baselineDate: b.baselineDate,
		targetValue: b.targetValue,
		targetDate: b.targetDate,
		direction: b.direction,
		tolerancePercent: b.tolerancePercent,
		lines: lines
			.filter((l) => l.benefitId === b.id)
			.map((l) => ({
				description: l.description,
				amountPerCase: l.amountPerCase,
				cases: l.cases,
				sharePercent: l.shareHundredths / 100
			})),
		realisations: realisations
			.filter((r) => r.benefitId === b.id && r.value !== null)
			.map((r) => ({
				id: r.id,
				period: r.period,
				value: r.value!,
				createdAt: r.createdAt,
				supersedesId: r.supersedesId
			})),
		given: planned
			.filter((p) => p.benefitId === b.id)
			.map((p) => ({ period: p.period, planned: p.value }))
	};
}

export function loadScope(filter: ScopeFilter) {
	const mission = getMission();
	if (!mission) return null;
	const settings: GainSettings = {
		hourlyRateKroner: mission.hourlyRateKroner,
		marginPercent: mission.behindPlanMarginPercent
	};
	// One mission per installation (seed 001): the portfolio's lists are the mission's.
	const tracks = listTracks();
	const goals = listEffectGoals(mission.id);
	const allProjects = listProjects();
	const projects = allProjects.filter(
		(p) =>
			(filter.projectId === null || p.id === filter.projectId) &&
			(filter.trackId === null || p.trackIds.includes(filter.trackId))
	);
	const projectIds = projects.map((p) => p.id);
	const inScope = new Set(projectIds);
	// In creation order, not by title: renaming a measure must not reshuffle the map's layout.
	const measures = listMeasures()
		.filter((m) => inScope.has(m.projectId))
		.sort((a, b) => a.id - b.id);
	const benefits = listBenefitsByProjects(projectIds).filter(
		(b) => filter.level === null || b.level === filter.level
	);
	const benefitIds = benefits.map((b) => b.id);
	const lines = listEstimateLines(benefitIds);
	const realisations = listRealisations(benefitIds);
	const planned = listPlannedPeriods(benefitIds);
	const followUps = listFollowUps(benefitIds);
	const computed = benefits.map((b) => {
		const facts = toFacts(b, lines, realisations, planned);
		return { benefit: b, facts, result: benefitResult(facts, settings) };
	});
	return {
		mission,
		settings,
		tracks,
		goals,
		allProjects,
		projects,
		measures,
		changes: listChangesByProjects(projectIds),
		links: listLinksByProjects(projectIds),
		computed,
		followUps
	};
}

export type Scope = NonNullable<ReturnType<typeof loadScope>>;

/**
 * Sums per mission, track, level and project. A benefit of a project in two tracks counts
 * in both tracks and once in the mission (`rollUp` deduplicates per group).
 */
export function scopeSums(scope: Scope) {
	const projectsById = new Map(scope.allProjects.map((p) => [p.id, p]));
	const memberships: BenefitMembership[] = scope.computed.flatMap(({ benefit }) => {
		const trackIds = projectsById.get(benefit.projectId)?.trackIds ?? [];
		return (trackIds.length ? trackIds : [0]).map((trackId) => ({
			benefitId: benefit.id,
			projectId: benefit.projectId,
			trackId,
			level: benefit.level,
			missionId: scope.mission.id
		}));
	});
	const figures = scope.computed.flatMap(({ facts, result }) => {
		const f = figuresFor(facts, result);
		return f ? [f] : [];
	});
	const rate = scope.settings.hourlyRateKroner;
	const toKr = (h: number) => (rate === null ? 0 : hoursToKroner(h, rate));
	const trackLabel = new Map(scope.tracks.map((t) => [String(t.id), `Spor ${t.code}: ${t.title}`]));
	const labelOf = (by: RollUpDimension, key: string) =>
		by === 'mission'
			? 'Hele misjonen'
			: by === 'track'
				? (trackLabel.get(key) ?? 'Uten spor')
				: by === 'level'
					? BENEFIT_LEVEL_LABEL[key as BenefitLevel]
					: (projectsById.get(Number(key))?.title ?? key);
	const rows = (by: RollUpDimension): SumRow[] =>
		rollUp(figures, memberships, by).map((r) => ({
			key: r.key,
			label: labelOf(by, r.key),
			benefitCount: r.benefitCount,
			kroner: r.kroner,
			hours: r.hours,
			hoursInKroner:
				rate === null
					? null
					: {
							estimate: toKr(r.hours.estimate),
							planned: toKr(r.hours.planned),
							realised: toKr(r.hours.realised)
						}
		}));
	return {
		mission: rows('mission'),
		track: rows('track'),
		level: rows('level'),
		project: rows('project')
	};
}
