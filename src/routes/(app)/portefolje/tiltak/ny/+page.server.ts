import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { newMeasureSchema } from '$lib/schemas/portfolio';
import { invalid } from '$lib/server/write-errors';
import {
	canEditAny,
	NOT_OWN_OWNER,
	ownerAllowed,
	refusePortfolio,
	requirePortfolioWriter
} from '$lib/server/portfolio-access';
import { getProjectById, listProjects } from '$lib/server/db/queries/projects';
import { createMeasure } from '$lib/server/db/queries/measures';
import { listActiveUnitNames, listOwnerCandidates } from '$lib/server/db/queries/portfolio-people';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requirePortfolioWriter(event);
	// Measures are added to projects one leads (or any, for an admin).
	const projects = listProjects()
		.filter((p) => canEditAny(user, p.ownerId))
		.map((p) => ({ id: p.id, title: p.title }));
	return {
		projects,
		units: listActiveUnitNames(),
		owners: listOwnerCandidates(),
		values: { ownerId: String(user.id), projectId: event.url.searchParams.get('prosjekt') ?? '' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePortfolioWriter(event);
		const form = parseForm(newMeasureSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors);
		const project = getProjectById(form.data.projectId);
		if (!project) return refusePortfolio('project_missing', form.values, 'create', '', 'projectId');
		if (!canEditAny(user, project.ownerId)) {
			error(403, 'Du kan bare legge tiltak til prosjekter du leder.');
		}
		if (!ownerAllowed(user, form.data.ownerId) && form.data.ownerId !== project.ownerId) {
			return invalid(form.values, { ownerId: NOT_OWN_OWNER });
		}
		const result = createMeasure(form.data, user.id, event.locals.now);
		if (!result.ok) {
			const field = result.reason === 'unit_missing' ? 'unitIds' : 'projectId';
			return refusePortfolio(result.reason, form.values, 'create', 'measure', field);
		}
		redirect(303, `/portefolje/tiltak/${result.value}?opprettet=1`);
	}
};
