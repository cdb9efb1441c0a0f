import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { signFromList } from '$lib/server/wheel/actions';
import { myTasksPage } from '$lib/server/wheel/views/mine';
import { waitingConfirmations } from '$lib/server/benefits/views/attestation';
import { readForm } from '$lib/server/read-form';
import { myDeviations } from '$lib/server/control/views/deviations';

export const load: PageServerLoad = async (event) => {
	// Everyone signed in: a benefit owner's measurements and the next meeting are theirs too,
	// and so are the deviations whose corrective measure they answer for.
	const user = requireUser(event);
	return {
		...myTasksPage(user, event.url, event.locals.now),
		confirmations: waitingConfirmations(user.id, event.url.searchParams),
		deviations: myDeviations(user, event.locals.now)
	};
};

export const actions: Actions = {
	sign: async (event) => {
		const user = requireUser(event);
		return signFromList(user, await readForm(event), event.locals.now);
	}
};
