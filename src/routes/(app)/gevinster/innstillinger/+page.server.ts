import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { requireSettingsEditor } from '$lib/server/benefits/access';
import { saveSettings } from '$lib/server/benefits/actions';
import { settingsPage } from '$lib/server/benefits/views/settings';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return settingsPage();
};

export const actions: Actions = {
	save: async (event) => {
		const ctx = requireSettingsEditor(event);
		return saveSettings(ctx, await readForm(event), event.locals.now);
	}
};
