/**
 * What one project's benefit map page needs: the map of its measures, changes, benefits and
 * links (with the mission's effect goals they lead to), laid out once per map version, and the
 * editor's lists a page at a time. Read for that project alone (not the whole portfolio), and
 * the lists counted and paged in SQL, so the page stays small for a project of a thousand
 * elements (bench/results/benefit-map-layout.md).
 */
import { error } from '@sveltejs/kit';
import { getMission, listEffectGoals } from '$lib/server/db/queries/mission';
import { listMapRows } from '$lib/server/db/queries/benefit-map';
import {
	countBuilderRows,
	listBenefitPage,
	listChangePage,
	listLinkPage,
	listMeasurePage,
	searchBuilderElements,
	type SearchKind
} from '$lib/server/db/queries/benefit-builder';
import { listUserChoices } from '$lib/server/db/queries/users';
import { pickerNames } from '$lib/domain/org/picker-names';
import type { MapAccess } from '../access';
import { drawingPart, mapDrawing, pageMap } from './map-drawing';
import { type NodeKind } from '$lib/domain/benefits/vocabulary';
import { nodeKindLabel } from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';
import { buildMapInput } from '$lib/domain/benefits/map-input';
import { goalLabel } from '$lib/domain/benefits/graph';
import {
	BUILDER_LIST,
	BUILDER_PAGE,
	LINK_PAGE,
	LINK_SEARCH,
	LINK_CHOICE_LIMIT,
	LINK_SELECT_LIMIT
} from '$lib/domain/benefits/builder-lists';
import { pageInfo, pageParam, pagerLinks } from '$lib/paging';
import * as formValues from '$lib/benefits/form-values';

const activeUsers = () =>
	pickerNames(listUserChoices().filter((u) => u.active)).map(({ id, name }) => ({ id, name }));

/** The address's parameters without a form action's (`?/addLink`), which links must not carry. */
function pageParams(url: URL): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of url.searchParams) if (!key.startsWith('/')) params.append(key, value);
	return params;
}

type Goal = { id: number; number: number; title: string };

/** A list's page of rows, with its count and links to the pages either side. */
function paged<T>(
	params: URLSearchParams,
	list: keyof typeof BUILDER_LIST,
	total: number,
	size: number,
	read: (limit: number, offset: number) => T[]
) {
	const { param, anchor } = BUILDER_LIST[list];
	const info = pageInfo(total, size, pageParam(params, param));
	return {
		rows: total ? read(size, info.offset) : [],
		total,
		pager: pagerLinks(params, info, param, anchor)
	};
}

/**
 * The link form's choices. A small project offers every element in its selects; a large one
 * offers what a title search (`sok-fra`, `sok-til`) finds, at most LINK_CHOICE_LIMIT a side,
 * since a select of two thousand options is neither readable nor light: every option is in
 * the HTML twice (the from and to selects), and a keyboard user has to step through them.
 */
function linkChoices(
	projectId: number,
	params: URLSearchParams,
	elements: number,
	goals: Goal[],
	rows: ReturnType<typeof listMapRows>
) {
	const labelled = goals.map((g) => ({ id: g.id, title: goalLabel(g, m.benefits_node_goal()) }));
	if (elements <= LINK_SELECT_LIMIT) {
		const { measures, changes, benefits } = rows;
		const brief = (list: readonly { id: number; title: string }[]) =>
			list.map((r) => ({ id: r.id, title: r.title }));
		return {
			search: null,
			from: { measure: brief(measures), change: brief(changes), benefit: brief(benefits) },
			to: { change: brief(changes), benefit: brief(benefits), goal: labelled }
		};
	}
	const side = (key: string, kinds: SearchKind[]) => {
		const query = (params.get(key) ?? '').trim().slice(0, 200);
		const rows = searchBuilderElements(projectId, query, kinds, LINK_CHOICE_LIMIT);
		const of = (kind: SearchKind) => rows.filter((r) => r.kind === kind);
		return { query, rows, of };
	};
	const from = side(LINK_SEARCH.from, ['measure', 'change', 'benefit']);
	const to = side(LINK_SEARCH.to, ['change', 'benefit']);
	const needle = to.query.toLowerCase();
	return {
		search: {
			from: from.query,
			to: to.query,
			limit: LINK_CHOICE_LIMIT,
			elements,
			// The other parameters (the lists' pages), kept by the search form as hidden fields.
			keep: [...params].filter(([key]) => key !== LINK_SEARCH.from && key !== LINK_SEARCH.to)
		},
		from: { measure: from.of('measure'), change: from.of('change'), benefit: from.of('benefit') },
		to: {
			change: to.of('change'),
			benefit: to.of('benefit'),
			goal: labelled.filter((g) => g.title.toLowerCase().includes(needle))
		}
	};
}

/** The project's map: its rows, and the effect goals its benefits lead to. */
function projectMap(project: MapAccess['project']) {
	const mission = getMission();
	if (!mission) error(404, m.benefits_access_no_project());
	const goals = listEffectGoals(mission.id).map((g) => ({
		id: g.id,
		number: g.number,
		title: g.title,
		level: g.level
	}));
	const rows = listMapRows([project.id]);
	return {
		goals,
		rows,
		map: buildMapInput({ ...rows, goals }, null, m.benefits_disbenefit(), m.benefits_node_goal())
	};
}

/** The project map's drawing (`/gevinster/prosjekt/[id]/tegning`), as on its page. */
export function projectDrawing({ project }: MapAccess, url: URL) {
	const caption = m.benefits_map_caption({ title: project.title, level: '' });
	return mapDrawing(projectMap(project).map, drawingPart(url), caption);
}

/** The project's map editor: the map laid out, and the rows its lists and forms show. */
export function projectMapPage({ project, canEdit }: MapAccess, url: URL) {
	const { goals, rows, map } = projectMap(project);
	const params = pageParams(url);
	const counts = countBuilderRows(project.id);
	const goalById = new Map(goals.map((g) => [g.id, g]));
	const end = (kind: NodeKind, id: number, title: string | null) => {
		const goal = kind === 'goal' ? goalById.get(id) : undefined;
		return `${nodeKindLabel(kind)}: ${goal ? goalLabel(goal, nodeKindLabel('goal')) : (title ?? '?')}`;
	};
	const id = project.id;
	const elements = counts.measures + counts.changes + counts.benefits;
	return {
		project: { id, title: project.title },
		canEdit,
		// A small map goes as its layout (JSON: it holds every node and link the outline needs); a
		// large one is fetched by the browser after the page (map-drawing.ts).
		...pageMap(map, `/gevinster/prosjekt/${id}/tegning`, url),
		measures: paged(params, 'measures', counts.measures, BUILDER_PAGE, (limit, offset) =>
			listMeasurePage(id, limit, offset)
		),
		changes: paged(params, 'changes', counts.changes, BUILDER_PAGE, (limit, offset) =>
			listChangePage(id, limit, offset).map((c) => ({
				id: c.id,
				title: c.title,
				values: formValues.changeValues(c)
			}))
		),
		benefits: paged(params, 'benefits', counts.benefits, BUILDER_PAGE, (limit, offset) =>
			listBenefitPage(id, limit, offset)
		),
		links: paged(params, 'links', counts.links, LINK_PAGE, (limit, offset) =>
			listLinkPage(id, limit, offset).map((l) => ({
				id: l.id,
				from: end(l.fromKind, l.fromId, l.fromTitle),
				to: end(l.toKind, l.toId, l.toTitle)
			}))
		),
		// The forms post to the address as it is, so a failed post (or one without script)
		// comes back to the same pages and search.
		query: params.toString(),
		choices: canEdit ? linkChoices(id, params, elements, goals, rows) : null,
		users: canEdit ? activeUsers() : []
	};
}
