/**
 * What one project's benefit map page needs: its measures, changes, benefits, links and the
 * mission's effect goals, read for that project alone (not the whole portfolio), so the page
 * costs the same in a portfolio of ten projects or of thousands.
 */
import { error } from '@sveltejs/kit';
import { getMission, listEffectGoals } from '$lib/server/db/queries/mission';
import { listMeasuresByProject } from '$lib/server/db/queries/measures';
import {
	listBenefitsByProjects,
	listChangesByProjects,
	listLinksByProjects
} from '$lib/server/db/queries/benefits';
import { listUsers } from '$lib/server/db/queries/users';
import type { MapAccess } from '../access';
import { benefitMapLayouts } from '../map-layout';
import { NODE_KIND_LABEL } from '$lib/domain/benefits/vocabulary';
import { buildMapInput } from '$lib/domain/benefit-map-input';
import { goalLabel, nodeKey } from '$lib/domain/benefit-graph';
import * as formValues from '$lib/benefits/form-values';

export function projectMapScope(projectId: number) {
	const mission = getMission();
	if (!mission) return null;
	return {
		goals: listEffectGoals(mission.id),
		// In creation order, not by title: renaming a measure must not reshuffle the map's layout.
		measures: listMeasuresByProject(projectId).sort((a, b) => a.id - b.id),
		changes: listChangesByProjects([projectId]),
		benefits: listBenefitsByProjects([projectId]),
		links: listLinksByProjects([projectId])
	};
}

const brief = (rows: readonly { id: number; title: string }[]) =>
	rows.map((r) => ({ id: r.id, title: r.title }));

const activeUsers = () =>
	listUsers()
		.filter((u) => u.active)
		.map((u) => ({ id: u.id, name: u.name }));

/** The project's map editor: the map laid out, and the rows its forms edit. */
export function projectMapPage({ project, canEdit }: MapAccess) {
	const scope = projectMapScope(project.id);
	if (!scope) error(404, 'Fant ikke prosjektet.');
	const benefits = scope.benefits;
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
		layout: benefitMapLayouts.layout(map.nodes, map.edges),
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
