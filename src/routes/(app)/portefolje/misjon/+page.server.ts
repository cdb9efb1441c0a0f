import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { requireAdmin } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import { effectGoalSchema, missionSchema } from '$lib/schemas/portfolio';
import { invalid } from '$lib/server/write-errors';
import { refusePortfolio } from '$lib/server/portfolio-access';
import { withVersion } from '$lib/schemas/version';
import { goalValues } from '$lib/portfolio/form-values';
import {
	archiveEffectGoal,
	createEffectGoal,
	getEffectGoalById,
	getMission,
	listEffectGoals,
	saveMission,
	updateEffectGoal
} from '$lib/server/db/queries/mission';
import { readForm } from '$lib/server/read-form';

function missionValues(m: NonNullable<ReturnType<typeof getMission>>) {
	return {
		grandChallenge: m.grandChallenge,
		statement: m.statement,
		baselineYear: String(m.baselineYear),
		targetYear: String(m.targetYear),
		version: String(m.version)
	};
}

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const mission = getMission();
	return {
		mission: mission ? missionValues(mission) : null,
		goals: mission
			? listEffectGoals(mission.id).map((g) => ({
					id: g.id,
					number: g.number,
					level: g.level,
					title: g.title,
					indicator: g.indicator,
					values: goalValues(g)
				}))
			: []
	};
};

// No version when the form was loaded before any mission existed; saveMission then refuses
// it if someone has created the mission since.
const missionFormSchema = missionSchema.safeExtend({
	version: z.preprocess(
		(v) => (v === undefined || v === '' ? undefined : Number(v)),
		z.number().int().min(0).optional()
	)
});
const goalIdSchema = z.object({ goalId: z.coerce.number().int().positive('Ugyldig effektmål') });
const editGoalSchema = withVersion(effectGoalSchema.extend(goalIdSchema.shape));

export const actions: Actions = {
	mission: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(missionFormSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'mission');
		const result = saveMission(form.data, admin.id, event.locals.now);
		if (!result.ok) {
			const fresh = getMission();
			return refusePortfolio(result.reason, fresh ? missionValues(fresh) : form.values, 'mission');
		}
		return { action: 'mission', success: 'Misjonen er lagret.' };
	},
	addGoal: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(effectGoalSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'addGoal');
		const mission = getMission();
		if (!mission) return refusePortfolio('no_mission', form.values, 'addGoal');
		createEffectGoal(mission.id, form.data, admin.id, event.locals.now);
		return { action: 'addGoal', success: 'Effektmålet er lagt til.' };
	},
	updateGoal: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(editGoalSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'updateGoal');
		const { goalId, ...input } = form.data;
		const result = updateEffectGoal(goalId, input, admin.id, event.locals.now);
		if (!result.ok) {
			// Lost update: show the newer values, not the stale ones the user posted.
			const fresh = result.reason === 'conflict' ? getEffectGoalById(goalId) : undefined;
			return refusePortfolio(result.reason, fresh ? goalValues(fresh) : form.values, 'updateGoal');
		}
		return { action: 'updateGoal', success: 'Effektmålet er lagret.' };
	},
	archiveGoal: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(goalIdSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'archiveGoal');
		const result = archiveEffectGoal(form.data.goalId, admin.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, form.values, 'archiveGoal');
		return { action: 'archiveGoal', success: 'Effektmålet er arkivert.' };
	}
};
