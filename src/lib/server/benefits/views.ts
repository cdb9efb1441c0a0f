/**
 * What the benefit pages show: the overview (sums, series, behind plan), the map, a project's
 * map editor, one benefit, and the gain settings. Reads come from ./scope and the queries; the
 * figures from the pure gain rules in $lib/domain.
 */
import { error } from '@sveltejs/kit';
import { isAdmin } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { getMission } from '../db/queries/mission';
import {
	listEstimateLines,
	listFollowUps,
	listPlannedPeriods,
	listRealisations
} from '../db/queries/benefits-gains';
import { listUsers } from '../db/queries/users';
import { canLogFor, type BenefitAccess, type MapAccess } from './access';
import { loadScope, readFilter, scopeSums, toFacts, type Scope, type ScopeFilter } from './scope';
import { combinedKronerSeries, benefitResult } from '$lib/domain/benefit-figures';
import { BENEFIT_LEVEL_LABEL, NODE_KIND_LABEL } from '$lib/domain/benefits/vocabulary';
import { buildMapInput } from '$lib/domain/benefit-map-input';
import { goalLabel, nodeKey } from '$lib/domain/benefit-graph';
import { realisationHistory } from '$lib/domain/gain-realisation';
import { layoutBenefitMap } from '$lib/charts/benefit-map-layout';
import * as formValues from '$lib/benefits/form-values';

const brief = (rows: readonly { id: number; title: string }[]) =>
	rows.map((r) => ({ id: r.id, title: r.title }));
const tracksOf = (scope: Scope) =>
	scope.tracks.map((t) => ({ id: t.id, code: t.code, title: t.title }));

/** Benefits behind plan, each with its latest cause and whether this user is asked for one. */
function behindPlan(user: SessionUser, scope: Scope) {
	const projectById = new Map(scope.allProjects.map((p) => [p.id, p]));
	const latestFollowUp = new Map(scope.followUps.map((f) => [f.benefitId, f]));
	return scope.computed
		.filter((c) => c.result.status?.behind)
		.map(({ benefit, result }) => {
			const status = result.status!;
			const followUp = latestFollowUp.get(benefit.id);
			const project = projectById.get(benefit.projectId);
			return {
				id: benefit.id,
				title: benefit.title,
				project: project?.title ?? '',
				// The owner (or the project's leader) is the one asked for a cause.
				mine: canLogFor(user, benefit, project ?? { ownerId: null }),
				unit: benefit.unit ?? 'antall',
				period: status.period,
				planned: status.planned,
				realised: status.realised,
				followUp:
					followUp && followUp.period === status.period
						? { cause: followUp.cause, correctiveMeasure: followUp.correctiveMeasure }
						: null
			};
		});
}

/** «prosjekt X, spor 1B, brukernivå», or the whole mission. */
function subjectOf(scope: Scope, filter: ScopeFilter): string {
	const project = scope.allProjects.find((p) => p.id === filter.projectId);
	const track = scope.tracks.find((t) => t.id === filter.trackId);
	const subject = [
		filter.projectId ? `prosjekt ${project?.title ?? ''}` : null,
		track ? `spor ${track.code}` : null,
		filter.level ? BENEFIT_LEVEL_LABEL[filter.level].toLowerCase() : null
	]
		.filter(Boolean)
		.join(', ');
	return subject || 'hele misjonen';
}

export function overviewPage(user: SessionUser, url: URL) {
	const admin = isAdmin(user);
	const filter = readFilter(url);
	const scope = loadScope(filter);
	if (!scope) return { scope: null, filter, isAdmin: admin };
	const projectTitle = new Map(scope.allProjects.map((p) => [p.id, p.title]));
	return {
		filter,
		isAdmin: admin,
		scope: {
			subject: subjectOf(scope, filter),
			hourlyRate: scope.settings.hourlyRateKroner,
			margin: scope.settings.marginPercent,
			tracks: tracksOf(scope),
			projects: brief(scope.allProjects),
			shownProjects: brief(scope.projects),
			sums: scopeSums(scope),
			series: combinedKronerSeries(
				scope.computed.map((c) => ({ facts: c.facts, result: c.result })),
				scope.settings.hourlyRateKroner
			),
			behind: behindPlan(user, scope),
			benefits: scope.computed.map(({ benefit, result }) => ({
				id: benefit.id,
				title: benefit.title,
				project: projectTitle.get(benefit.projectId) ?? '',
				level: benefit.level,
				kind: benefit.kind,
				unit: benefit.unit,
				estimate: result.estimate?.total ?? null,
				estimateKroner: result.estimate?.kroner ?? null,
				status: result.status
					? result.status.behind
						? ('behind' as const)
						: ('on_plan' as const)
					: ('none' as const)
			}))
		}
	};
}

export function mapPage(url: URL) {
	const filter = readFilter(url);
	const scope = loadScope({ ...filter, level: null });
	if (!scope) return { filter, scope: null };
	const map = buildMapInput(
		{
			measures: scope.measures,
			changes: scope.changes,
			benefits: scope.computed.map((c) => c.benefit),
			goals: scope.goals,
			links: scope.links
		},
		filter.level
	);
	const project = scope.allProjects.find((p) => p.id === filter.projectId);
	const track = scope.tracks.find((t) => t.id === filter.trackId);
	const title = project
		? project.title
		: track
			? `spor ${track.code}: ${track.title}`
			: 'hele misjonen';
	const level = filter.level ? `, ${BENEFIT_LEVEL_LABEL[filter.level].toLowerCase()}` : '';
	return {
		filter,
		scope: {
			caption: `Gevinstkart for ${title}${level}`,
			tracks: tracksOf(scope),
			projects: brief(scope.allProjects),
			map,
			layout: layoutBenefitMap(map.nodes, map.edges),
			editProjectId: project?.id ?? null
		}
	};
}

const activeUsers = () =>
	listUsers()
		.filter((u) => u.active)
		.map((u) => ({ id: u.id, name: u.name }));

export function projectMapPage({ project, canEdit }: MapAccess) {
	const scope = loadScope({ projectId: project.id, trackId: null, level: null });
	if (!scope) error(404, 'Fant ikke prosjektet.');
	const benefits = scope.computed.map((c) => c.benefit);
	const goals = scope.goals.map((g) => ({
		id: g.id,
		number: g.number,
		title: g.title,
		level: g.level
	}));
	const map = buildMapInput({
		measures: scope.measures,
		changes: scope.changes,
		benefits,
		goals,
		links: scope.links
	});
	const label = new Map(map.nodes.map((n) => [n.id, n.label]));
	for (const g of goals) label.set(nodeKey('goal', g.id), goalLabel(g));
	const end = (kind: keyof typeof NODE_KIND_LABEL, id: number) =>
		`${NODE_KIND_LABEL[kind]}: ${label.get(nodeKey(kind, id)) ?? '?'}`;
	return {
		project: { id: project.id, title: project.title },
		canEdit,
		map,
		layout: layoutBenefitMap(map.nodes, map.edges),
		measures: brief(scope.measures),
		changes: scope.changes.map((c) => ({
			id: c.id,
			title: c.title,
			values: formValues.changeValues(c)
		})),
		benefits: benefits.map((b) => ({ id: b.id, title: b.title, level: b.level, kind: b.kind })),
		goals,
		links: scope.links.map((l) => ({
			id: l.id,
			from: end(l.fromKind, l.fromId),
			to: end(l.toKind, l.toId)
		})),
		users: canEdit ? activeUsers() : []
	};
}

export function benefitPage({ benefit, project, canEdit, canLog }: BenefitAccess) {
	const id = benefit.id;
	const mission = getMission();
	const settings = {
		hourlyRateKroner: mission?.hourlyRateKroner ?? null,
		marginPercent: mission?.behindPlanMarginPercent ?? 20
	};
	const lines = listEstimateLines([id]);
	const realisations = listRealisations([id]);
	const given = listPlannedPeriods([id]);
	const result = benefitResult(toFacts(benefit, lines, realisations, given), settings);
	const users = listUsers().map((u) => ({ id: u.id, name: u.name, active: u.active }));
	const nameOf = new Map(users.map((u) => [u.id, u.name]));
	const authorOf = (authorId: number | null) => (authorId ? (nameOf.get(authorId) ?? '') : '');
	// Qualitative entries carry no value; the history rule only needs ids, times and links.
	const rowById = new Map(realisations.map((r) => [r.id, r]));
	const history = realisationHistory(
		realisations.map((r) => ({
			id: r.id,
			period: r.period,
			value: r.value ?? 0,
			createdAt: r.createdAt,
			supersedesId: r.supersedesId
		}))
	).map((h) => {
		const row = rowById.get(h.entry.id)!;
		return {
			id: row.id,
			period: row.period,
			value: row.value,
			assessment: row.assessment,
			narrative: row.narrative,
			comment: row.comment,
			evidence: row.evidence,
			supersedesId: row.supersedesId,
			author: authorOf(row.authorId),
			createdAt: row.createdAt.getTime(),
			effective: h.effective,
			supersededById: h.supersededById
		};
	});
	return {
		benefit: {
			...benefit,
			createdAt: undefined,
			owner: benefit.ownerId ? (nameOf.get(benefit.ownerId) ?? null) : null
		},
		project: { id: project.id, title: project.title },
		values: formValues.benefitValues(benefit),
		planValues: formValues.planValues(benefit),
		canEdit,
		canLog,
		settings,
		lines: lines.map((l, i) => ({
			id: l.id,
			description: l.description,
			amountPerCase: l.amountPerCase,
			cases: l.cases,
			sharePercent: l.shareHundredths / 100,
			total: result.estimate?.lineTotals[i] ?? 0,
			values: formValues.lineValues(l)
		})),
		estimate: result.estimate,
		series: result.series,
		given: given.map((g) => ({ id: g.id, period: g.period, value: g.value })),
		status: result.status,
		history,
		followUps: listFollowUps([id]).map((f) => ({
			id: f.id,
			period: f.period,
			cause: f.cause,
			correctiveMeasure: f.correctiveMeasure,
			author: authorOf(f.authorId),
			createdAt: f.createdAt.getTime()
		})),
		users: canEdit ? users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })) : []
	};
}

export function settingsPage() {
	const mission = getMission();
	return { settings: mission ? formValues.gainSettingsValues(mission) : null };
}
