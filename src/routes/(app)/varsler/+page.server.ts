import type { Actions, PageServerLoad } from './$types';
import { requireNoticeReader } from '$lib/server/notices/access';
import { markAllRead, markRead } from '$lib/server/notices/actions';
import { noticesPage } from '$lib/server/notices/views';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireNoticeReader(event);
	return noticesPage(user, event.url);
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireNoticeReader(event);
		return markRead(user, await readForm(event), event.locals.now);
	},
	readAll: async (event) => {
		const user = requireNoticeReader(event);
		return markAllRead(user, event.locals.now);
	}
};
