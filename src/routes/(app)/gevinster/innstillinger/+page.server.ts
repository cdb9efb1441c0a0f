import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import { gainSettingsSchema } from '$lib/schemas/benefits';
import { getMission } from '$lib/server/db/queries/mission';
import { saveGainSettings } from '$lib/server/db/queries/benefits-settings';
import { invalid } from '$lib/server/write-errors';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const mission = getMission();
	return {
		settings: mission
			? {
					hourlyRate: mission.hourlyRateKroner,
					behindMarginPercent: mission.behindPlanMarginPercent
				}
			: null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const admin = requireAdmin(event);
		const mission = getMission();
		if (!mission) error(404, 'Ingen misjon er registrert ennå.');
		const form = parseForm(gainSettingsSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'save');
		saveGainSettings(mission.id, form.data, admin.id, event.locals.now);
		return { action: 'save', success: 'Innstillingene er lagret.' };
	}
};
