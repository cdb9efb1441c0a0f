import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { signFromList } from '$lib/server/wheel/actions';
import { myTasksPage } from '$lib/server/wheel/views/mine';
import { waitingConfirmations } from '$lib/server/benefits/views/attestation';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	// Everyone signed in: a benefit owner's measurements and the next meeting are theirs too.
	const user = requireUser(event);
	return {
		...myTasksPage(user, event.url, event.locals.now),
		confirmations: waitingConfirmations(user.id)
	};
};

export const actions: Actions = {
	sign: async (event) => {
		const user = requireUser(event);
		return signFromList(user, await readForm(event), event.locals.now);
	}
};
