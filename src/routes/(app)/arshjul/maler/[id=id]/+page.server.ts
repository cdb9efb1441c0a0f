import type { Actions, PageServerLoad } from './$types';
import { requireWheelEditor, requireWheelReader } from '$lib/server/wheel/access';
import * as wheel from '$lib/server/wheel/actions';
import { templatePage } from '$lib/server/wheel/views/templates';
import { readForm } from '$lib/server/read-form';
import { linkRisk, unlinkRisk } from '$lib/server/control/actions';
import { wheelRiskControls } from '$lib/server/control/views/matrix';

export const load: PageServerLoad = async (event) => {
	const ctx = requireWheelReader(event);
	return { ...templatePage(ctx), ...wheelRiskControls(ctx.wheel.id, ctx.canEdit) };
};

export const actions: Actions = {
	updateWheel: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.saveWheel(ctx, await readForm(event), event.locals.now);
	},
	addTask: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.addTask(ctx, await readForm(event), event.locals.now);
	},
	updateTask: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.saveTask(ctx, await readForm(event), event.locals.now);
	},
	archiveTask: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.archiveTask(ctx, await readForm(event), event.locals.now);
	},
	assign: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.assignUnit(ctx, await readForm(event), event.locals.now);
	},
	unassign: async (event) => {
		const ctx = requireWheelEditor(event);
		return wheel.unassignUnit(ctx, await readForm(event), event.locals.now);
	},
	/** The risks a task controls (KS risk-and-control matrix): editing the wheel. */
	linkRisk: async (event) => {
		const { user, wheel } = requireWheelEditor(event);
		return linkRisk(user, wheel, await readForm(event), event.locals.now);
	},
	unlinkRisk: async (event) => {
		const { user, wheel } = requireWheelEditor(event);
		return unlinkRisk(user, wheel, await readForm(event), event.locals.now);
	}
};
