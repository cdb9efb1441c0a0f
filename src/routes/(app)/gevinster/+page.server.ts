import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { mayImportBenefits, mayImportRealisations } from '$lib/server/benefits/access';
import { overviewPage } from '$lib/server/benefits/views/overview';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		...overviewPage(user, event.url),
		imports: { benefits: mayImportBenefits(user), realisations: mayImportRealisations(user) }
	};
};
