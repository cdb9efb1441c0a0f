import type { PageServerLoad } from './$types';
import { requireTilsynReader } from '$lib/server/control/access';
import { tilsynListPage } from '$lib/server/control/views/tilsyn';

export const load: PageServerLoad = async (event) => {
	const { canEdit } = requireTilsynReader(event);
	return tilsynListPage(event.url, canEdit);
};
