import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { newProjectSchema } from '$lib/schemas/portfolio';
import { invalid } from '$lib/server/write-errors';
import {
	NOT_OWN_OWNER,
	ownerAllowed,
	refusePortfolio,
	requirePortfolioWriter
} from '$lib/server/portfolio-access';
import { getMission } from '$lib/server/db/queries/mission';
import { listTracks } from '$lib/server/db/queries/tracks';
import { createProject } from '$lib/server/db/queries/projects';
import { listOwnerCandidates } from '$lib/server/db/queries/portfolio-people';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requirePortfolioWriter(event);
	const trackId = event.url.searchParams.get('spor');
	return {
		hasMission: getMission() !== undefined,
		tracks: listTracks(),
		owners: listOwnerCandidates(),
		values: { ownerId: String(user.id), trackIds: trackId ? [trackId] : [] }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePortfolioWriter(event);
		const form = parseForm(newProjectSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors);
		if (!ownerAllowed(user, form.data.ownerId)) {
			return invalid(form.values, { ownerId: NOT_OWN_OWNER });
		}
		const mission = getMission();
		if (!mission) return refusePortfolio('no_mission', form.values, 'create');
		const result = createProject(mission.id, form.data, user.id, event.locals.now);
		if (!result.ok)
			return refusePortfolio(result.reason, form.values, 'create', 'project', 'trackIds');
		redirect(303, `/portefolje/prosjekter/${result.value}?opprettet=1`);
	}
};
