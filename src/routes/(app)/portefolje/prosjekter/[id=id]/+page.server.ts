import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import { projectSchema, scoringSchema } from '$lib/schemas/portfolio';
import { invalid } from '$lib/server/write-errors';
import {
	canEditAny,
	canScore,
	NOT_OWN_OWNER,
	ownerAllowed,
	projectOr404,
	refusePortfolio,
	requireProjectEditor,
	requireScorer
} from '$lib/server/portfolio-access';
import {
	deleteProject,
	getProjectById,
	listProjectScores,
	saveProjectScores,
	setProjectArchived,
	updateProject
} from '$lib/server/db/queries/projects';
import { listTracks, listTracksByIds } from '$lib/server/db/queries/tracks';
import { listMeasuresByProject } from '$lib/server/db/queries/measures';
import { listRisksByProject } from '$lib/server/db/queries/risks';
import { listStatusChanges, listStatusReports } from '$lib/server/db/queries/lifecycle';
import { listOwnerCandidates, listUserNames } from '$lib/server/db/queries/portfolio-people';
import {
	addRiskAction,
	reportAction,
	statusAction,
	updateRiskAction
} from '$lib/server/portfolio-actions';
import { projectValues, scoreValues } from '$lib/portfolio/form-values';
import { withVersion } from '$lib/schemas/version';
import { osloDay } from '$lib/format';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const project = projectOr404(event);
	const names = new Map(listUserNames().map((u) => [u.id, u.name]));
	const linked = listTracksByIds(project.trackIds).map((t) => ({
		...t,
		archived: t.archivedAt !== null
	}));
	// An archived track stays offered (marked) while the project is linked to it, so saving
	// the form does not silently drop the link; new links go to active tracks only.
	const formTracks = [
		...listTracks().map((t) => ({ ...t, archived: false })),
		...linked.filter((t) => t.archived)
	].sort((a, b) => a.code.localeCompare(b.code, 'nb'));
	return {
		project: {
			...project,
			ownerName: project.ownerId ? (names.get(project.ownerId) ?? null) : null,
			tracks: linked
		},
		values: projectValues(project),
		tracks: formTracks,
		measures: listMeasuresByProject(project.id).map((m) => ({
			id: m.id,
			title: m.title,
			status: m.status,
			ownerName: m.ownerId ? (names.get(m.ownerId) ?? null) : null
		})),
		risks: listRisksByProject(project.id),
		history: listStatusChanges('project', project.id).map((c) => ({
			...c,
			actorName: c.actorId ? (names.get(c.actorId) ?? null) : null
		})),
		reports: listStatusReports('project', project.id),
		scoredBy: listProjectScores(project.id).map((s) => ({
			lens: s.lens,
			by: s.scoredBy ? (names.get(s.scoredBy) ?? null) : null
		})),
		owners: listOwnerCandidates(),
		canEdit: canEditAny(user, project.ownerId),
		canScore: canScore(user),
		currentPeriod: osloDay(event.locals.now).slice(0, 7),
		userId: user.id
	};
};

const editScoringSchema = withVersion(scoringSchema);

export const actions: Actions = {
	update: async (event) => {
		const { user, project } = requireProjectEditor(event);
		const form = parseForm(projectSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'update');
		if (form.data.ownerId !== project.ownerId && !ownerAllowed(user, form.data.ownerId)) {
			return invalid(form.values, { ownerId: NOT_OWN_OWNER }, 'update');
		}
		const result = updateProject(project.id, form.data, user.id, event.locals.now);
		if (!result.ok) {
			// Lost update: show the newer values, not the stale ones the user posted.
			const fresh = result.reason === 'conflict' ? getProjectById(project.id) : undefined;
			return refusePortfolio(
				result.reason,
				fresh ? projectValues(fresh) : form.values,
				'update',
				'project'
			);
		}
		return { action: 'update', success: 'Prosjektet er lagret.' };
	},
	status: async (event) => {
		const { user, project } = requireProjectEditor(event);
		return statusAction(event, 'project', project.id, project.status, user.id);
	},
	report: async (event) => {
		const { user, project } = requireProjectEditor(event);
		return reportAction(event, 'project', project.id, user.id);
	},
	score: async (event) => {
		const user = requireScorer(event);
		const project = projectOr404(event);
		const form = parseForm(editScoringSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'score');
		const { version, ...scores } = form.data;
		const result = saveProjectScores(project.id, { scores, version }, user.id, event.locals.now);
		if (!result.ok) {
			// Lost update: show the scores saved in between, not the stale ones posted.
			const fresh = result.reason === 'conflict' ? getProjectById(project.id) : undefined;
			const values = fresh ? scoreValues(fresh.scores, fresh.scoresVersion) : form.values;
			return refusePortfolio(result.reason, values, 'score', 'project');
		}
		return { action: 'score', success: 'Vurderingen er lagret.' };
	},
	addRisk: async (event) => {
		const { user, project } = requireProjectEditor(event);
		return addRiskAction(event, { projectId: project.id }, user.id);
	},
	updateRisk: async (event) => {
		const { user, project } = requireProjectEditor(event);
		return updateRiskAction(event, (r) => r.projectId === project.id, user.id);
	},
	archive: async (event) => {
		const { user, project } = requireProjectEditor(event);
		const result = setProjectArchived(project.id, true, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'archive', 'project');
		redirect(303, '/portefolje');
	},
	restore: async (event) => {
		const { user, project } = requireProjectEditor(event);
		const result = setProjectArchived(project.id, false, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'restore', 'project');
		return { action: 'restore', success: 'Gjenopprettet.' };
	},
	delete: async (event) => {
		const { user, project } = requireProjectEditor(event);
		const result = deleteProject(project.id, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'delete', 'project');
		redirect(303, '/portefolje');
	}
};
