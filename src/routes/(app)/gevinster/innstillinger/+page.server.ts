import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import { gainSettingsSchema } from '$lib/schemas/benefits';
import { withVersion } from '$lib/schemas/version';
import { gainSettingsValues } from '$lib/benefits/form-values';
import { getMission } from '$lib/server/db/queries/mission';
import { saveGainSettings } from '$lib/server/db/queries/benefits-settings';
import { invalid, refuse } from '$lib/server/write-errors';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const mission = getMission();
	return { settings: mission ? gainSettingsValues(mission) : null };
};

const editSettingsSchema = withVersion(gainSettingsSchema);

export const actions: Actions = {
	save: async (event) => {
		const admin = requireAdmin(event);
		const mission = getMission();
		if (!mission) error(404, 'Ingen misjon er registrert ennå.');
		const form = parseForm(editSettingsSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'save');
		const result = saveGainSettings(mission.id, form.data, admin.id, event.locals.now);
		if (!result.ok) {
			// Lost update: show the newer values, not the stale ones the user posted.
			const fresh = result.reason === 'conflict' ? getMission() : undefined;
			return refuse(
				result.reason,
				fresh ? gainSettingsValues(fresh) : form.values,
				'_form',
				'save'
			);
		}
		return { action: 'save', success: 'Innstillingene er lagret.' };
	}
};
