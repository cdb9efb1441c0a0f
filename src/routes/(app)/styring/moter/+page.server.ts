import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';
import { requireMeetingEditor, requireSteeringReader } from '$lib/server/steering/access';
import { addMeeting, removeMeeting, saveMeeting } from '$lib/server/steering/actions';
import { meetingsPage } from '$lib/server/steering/views/meetings';

export const load: PageServerLoad = async (event) => {
	const user = requireSteeringReader(event);
	return meetingsPage(user, event.url, event.locals.now);
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireMeetingEditor(event);
		return addMeeting(user, await readForm(event), event.locals.now);
	},
	update: async (event) => {
		const user = requireMeetingEditor(event);
		return saveMeeting(user, await readForm(event), event.locals.now);
	},
	delete: async (event) => {
		const user = requireMeetingEditor(event);
		return removeMeeting(user, await readForm(event), event.locals.now);
	}
};
