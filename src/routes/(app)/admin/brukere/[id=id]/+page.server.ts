import type { Actions, PageServerLoad } from './$types';
import { requireLinkedAccount, requireUserAccount } from '$lib/server/org/access';
import * as org from '$lib/server/org/actions';
import { userPage } from '$lib/server/org/views';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const ctx = requireUserAccount(event);
	return userPage(ctx);
};

export const actions: Actions = {
	rename: async (event) => {
		const ctx = requireUserAccount(event);
		return org.renameUser(ctx, await readForm(event), event.locals.now);
	},
	deactivate: async (event) => {
		const ctx = requireUserAccount(event);
		return org.setAccountActive(ctx, false, event.locals.now);
	},
	activate: async (event) => {
		const ctx = requireUserAccount(event);
		return org.setAccountActive(ctx, true, event.locals.now);
	},
	resetPassword: async (event) => {
		const ctx = requireUserAccount(event);
		const form = await readForm(event);
		return org.resetPassword({ ...ctx, origin: event.url.origin }, form, event.locals.now);
	},
	addRole: async (event) => {
		const ctx = requireUserAccount(event);
		return org.addRole(ctx, await readForm(event), event.locals.now);
	},
	removeRole: async (event) => {
		const ctx = requireUserAccount(event);
		return org.removeRole(ctx, await readForm(event), event.locals.now);
	},
	unlinkIdentity: async (event) => {
		const ctx = requireLinkedAccount(event);
		return org.unlinkIdentity(ctx, await readForm(event), event.locals.now);
	}
};
