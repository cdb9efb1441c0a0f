import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import { measureSchema } from '$lib/schemas/portfolio';
import { invalid } from '$lib/server/write-errors';
import {
	canEditAny,
	measureOr404,
	NOT_OWN_OWNER,
	ownerAllowed,
	refusePortfolio,
	requireMeasureEditor
} from '$lib/server/portfolio-access';
import {
	deleteMeasure,
	getMeasureById,
	setMeasureArchived,
	updateMeasure
} from '$lib/server/db/queries/measures';
import { getProjectById, listProjects } from '$lib/server/db/queries/projects';
import { listRisksByMeasure } from '$lib/server/db/queries/risks';
import { listStatusChanges, listStatusReports } from '$lib/server/db/queries/lifecycle';
import {
	listActiveUnitNames,
	listOwnerCandidates,
	listUserNames
} from '$lib/server/db/queries/portfolio-people';
import {
	addRiskAction,
	reportAction,
	statusAction,
	updateRiskAction
} from '$lib/server/portfolio-actions';
import { measureValues } from '$lib/portfolio/form-values';
import { osloDay } from '$lib/format';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { measure, project } = measureOr404(event);
	const names = new Map(listUserNames().map((u) => [u.id, u.name]));
	const units = listActiveUnitNames();
	return {
		measure: {
			...measure,
			ownerName: measure.ownerId ? (names.get(measure.ownerId) ?? null) : null,
			unitNames: units.filter((u) => measure.unitIds.includes(u.id)).map((u) => u.name)
		},
		project: { id: project.id, title: project.title },
		values: measureValues(measure),
		projects: listProjects()
			.filter((p) => p.id === project.id || canEditAny(user, p.ownerId))
			.map((p) => ({ id: p.id, title: p.title })),
		units,
		risks: listRisksByMeasure(measure.id),
		history: listStatusChanges('measure', measure.id).map((c) => ({
			...c,
			actorName: c.actorId ? (names.get(c.actorId) ?? null) : null
		})),
		reports: listStatusReports('measure', measure.id),
		owners: listOwnerCandidates(),
		canEdit: canEditAny(user, measure.ownerId, project.ownerId),
		currentPeriod: osloDay(event.locals.now).slice(0, 7),
		userId: user.id
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { user, measure, project } = requireMeasureEditor(event);
		const form = parseForm(measureSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'update');
		if (
			form.data.ownerId !== measure.ownerId &&
			form.data.ownerId !== project.ownerId &&
			!ownerAllowed(user, form.data.ownerId)
		) {
			return invalid(form.values, { ownerId: NOT_OWN_OWNER }, 'update');
		}
		if (form.data.projectId !== measure.projectId) {
			const target = getProjectById(form.data.projectId);
			if (target && !canEditAny(user, target.ownerId)) {
				return invalid(
					form.values,
					{ projectId: 'Du kan bare flytte tiltaket til prosjekter du leder.' },
					'update'
				);
			}
		}
		const result = updateMeasure(measure.id, form.data, user.id, event.locals.now);
		if (!result.ok) {
			const fresh = result.reason === 'conflict' ? getMeasureById(measure.id) : undefined;
			return refusePortfolio(
				result.reason,
				fresh ? measureValues(fresh) : form.values,
				'update',
				'measure'
			);
		}
		return { action: 'update', success: 'Tiltaket er lagret.' };
	},
	status: async (event) => {
		const { user, measure } = requireMeasureEditor(event);
		return statusAction(event, 'measure', measure.id, measure.status, user.id);
	},
	report: async (event) => {
		const { user, measure } = requireMeasureEditor(event);
		return reportAction(event, 'measure', measure.id, user.id);
	},
	addRisk: async (event) => {
		const { user, measure } = requireMeasureEditor(event);
		return addRiskAction(event, { measureId: measure.id }, user.id);
	},
	updateRisk: async (event) => {
		const { user, measure } = requireMeasureEditor(event);
		return updateRiskAction(event, (r) => r.measureId === measure.id, user.id);
	},
	archive: async (event) => {
		const { user, measure } = requireMeasureEditor(event);
		const result = setMeasureArchived(measure.id, true, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'archive', 'measure');
		redirect(303, `/portefolje/prosjekter/${measure.projectId}`);
	},
	restore: async (event) => {
		const { user, measure } = requireMeasureEditor(event);
		const result = setMeasureArchived(measure.id, false, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'restore', 'measure');
		return { action: 'restore', success: 'Gjenopprettet.' };
	},
	delete: async (event) => {
		const { user, measure } = requireMeasureEditor(event);
		const result = deleteMeasure(measure.id, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'delete', 'measure');
		redirect(303, `/portefolje/prosjekter/${measure.projectId}`);
	}
};
