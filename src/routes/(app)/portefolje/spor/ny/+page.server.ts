import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { trackSchema } from '$lib/schemas/portfolio';
import { invalid } from '$lib/server/write-errors';
import {
	NOT_OWN_OWNER,
	ownerAllowed,
	refusePortfolio,
	requirePortfolioWriter
} from '$lib/server/portfolio-access';
import { getMission } from '$lib/server/db/queries/mission';
import { createTrack } from '$lib/server/db/queries/tracks';
import { listOwnerCandidates } from '$lib/server/db/queries/portfolio-people';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requirePortfolioWriter(event);
	return {
		hasMission: getMission() !== undefined,
		owners: listOwnerCandidates(),
		values: { ownerId: String(user.id) }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requirePortfolioWriter(event);
		// Like a project, a new track starts as «Forslag» and moves on through `?/status`.
		const form = parseForm(trackSchema.omit({ status: true }), await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors);
		if (!ownerAllowed(user, form.data.ownerId)) {
			return invalid(form.values, { ownerId: NOT_OWN_OWNER });
		}
		const mission = getMission();
		if (!mission) return refusePortfolio('no_mission', form.values, 'create');
		const result = createTrack(
			mission.id,
			{ ...form.data, status: 'proposed' },
			user.id,
			event.locals.now
		);
		if (!result.ok) {
			const field = result.reason === 'code_taken' ? 'code' : '_form';
			return refusePortfolio(result.reason, form.values, 'create', 'track', field);
		}
		redirect(303, `/portefolje/spor/${result.value}?opprettet=1`);
	}
};
