import type { Actions, PageServerLoad } from './$types';
import { requireMapEditor, requireProjectReader } from '$lib/server/benefits/access';
import { projectMapScope } from '$lib/server/benefits/views/project-map';
import { benefitSchema, changeSchema, linkSchema } from '$lib/schemas/benefits';
import { parseForm } from '$lib/schemas/form';
import { withVersion } from '$lib/schemas/version';
import { changeValues } from '$lib/benefits/form-values';
import {
	createBenefit,
	createChange,
	deleteChange,
	getChange,
	updateChange
} from '$lib/server/db/queries/benefits';
import { createLink, deleteLink } from '$lib/server/db/queries/benefits-links';
import { listUsers } from '$lib/server/db/queries/users';
import { invalid, refuse } from '$lib/server/write-errors';
import { buildMapInput } from '$lib/domain/benefit-map-input';
import { benefitMapLayouts } from '$lib/server/benefits/map-layout';
import { NODE_KIND_LABEL, nodeKey } from '$lib/domain/benefit-graph';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const { project, canEdit } = requireProjectReader(event, Number(event.params.id));
	const projectId = project.id;
	const scope = projectMapScope(projectId);
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
	for (const g of goals) label.set(nodeKey('goal', g.id), `Effektmål ${g.number}: ${g.title}`);
	return {
		project: { id: project.id, title: project.title },
		canEdit,
		map,
		layout: benefitMapLayouts.layout(map.nodes, map.edges),
		measures: scope.measures.map((m) => ({ id: m.id, title: m.title })),
		changes: scope.changes.map((c) => ({ id: c.id, title: c.title, values: changeValues(c) })),
		benefits: benefits.map((b) => ({ id: b.id, title: b.title, level: b.level, kind: b.kind })),
		goals,
		links: scope.links.map((l) => ({
			id: l.id,
			from: `${NODE_KIND_LABEL[l.fromKind]}: ${label.get(nodeKey(l.fromKind, l.fromId)) ?? '?'}`,
			to: `${NODE_KIND_LABEL[l.toKind]}: ${label.get(nodeKey(l.toKind, l.toId)) ?? '?'}`
		})),
		users: canEdit
			? listUsers()
					.filter((u) => u.active)
					.map((u) => ({ id: u.id, name: u.name }))
			: []
	};
};

const linkIdSchema = z.object({
	linkId: z
		.string({ error: 'Ugyldig kobling' })
		.regex(/^[1-9][0-9]{0,9}$/, 'Ugyldig kobling')
		.transform(Number)
});

const changeIdSchema = z.object({
	changeId: z
		.string({ error: 'Ugyldig endring' })
		.regex(/^[1-9][0-9]{0,9}$/, 'Ugyldig endring')
		.transform(Number)
});

const editChangeSchema = withVersion(changeSchema.extend(changeIdSchema.shape));

/** The link form sends «kind:id» per end; the schema wants the parts. */
function splitEnds(formData: FormData): FormData {
	const out = new FormData();
	for (const end of ['from', 'to'] as const) {
		const raw = String(formData.get(end) ?? '');
		const [kind = '', id = ''] = raw.split(':');
		out.set(end, raw);
		out.set(`${end}Kind`, kind);
		out.set(`${end}Id`, id);
	}
	return out;
}

export const actions: Actions = {
	addChange: async (event) => {
		const { user, project } = requireMapEditor(event, Number(event.params.id));
		const form = parseForm(changeSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'addChange');
		createChange(project.id, form.data, user.id, event.locals.now);
		return { action: 'addChange', success: `Endringen «${form.data.title}» er lagt til.` };
	},
	addBenefit: async (event) => {
		const { user, project } = requireMapEditor(event, Number(event.params.id));
		const form = parseForm(benefitSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'addBenefit');
		const result = createBenefit(project.id, form.data, user.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'addBenefit');
		return { action: 'addBenefit', success: `Gevinsten «${form.data.title}» er lagt til.` };
	},
	addLink: async (event) => {
		const { user, project } = requireMapEditor(event, Number(event.params.id));
		const formData = splitEnds(await readForm(event));
		const form = parseForm(linkSchema, formData);
		if (!form.ok) {
			const errors = { ...form.errors };
			if (errors.fromKind || errors.fromId) errors.from = 'Velg hva koblingen går fra';
			if (errors.toKind || errors.toId) errors.to ??= errors.toId ?? 'Velg hva koblingen går til';
			return invalid(form.values, errors, 'addLink');
		}
		const result = createLink(project.id, form.data, user.id, event.locals.now);
		if (!result.ok) return invalid(form.values, { to: result.message }, 'addLink');
		return { action: 'addLink', success: 'Koblingen er lagt til.' };
	},
	deleteLink: async (event) => {
		const { user, project } = requireMapEditor(event, Number(event.params.id));
		const form = parseForm(linkIdSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'deleteLink');
		const result = deleteLink(project.id, form.data.linkId, user.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'deleteLink');
		return { action: 'deleteLink', success: 'Koblingen er fjernet.' };
	},
	updateChange: async (event) => {
		const { user, project } = requireMapEditor(event, Number(event.params.id));
		const form = parseForm(editChangeSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'updateChange');
		const { changeId, ...change } = form.data;
		const result = updateChange(project.id, changeId, change, user.id, event.locals.now);
		if (!result.ok) {
			// Lost update: show the newer values, not the stale ones the user posted.
			const fresh = result.reason === 'conflict' ? getChange(project.id, changeId) : undefined;
			return refuse(
				result.reason,
				fresh ? changeValues(fresh) : form.values,
				'_form',
				'updateChange'
			);
		}
		return { action: 'updateChange', success: `Endringen «${change.title}» er lagret.` };
	},
	deleteChange: async (event) => {
		const { user, project } = requireMapEditor(event, Number(event.params.id));
		const form = parseForm(changeIdSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'deleteChange');
		const result = deleteChange(project.id, form.data.changeId, user.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'deleteChange');
		return { action: 'deleteChange', success: 'Endringen og koblingene til den er fjernet.' };
	}
};
