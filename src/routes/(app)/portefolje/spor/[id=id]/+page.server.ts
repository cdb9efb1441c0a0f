import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/schemas/form';
import { trackSchema } from '$lib/schemas/portfolio';
import { invalid } from '$lib/server/write-errors';
import {
	canCreateInPortfolio,
	canEditAny,
	canScore,
	NOT_OWN_OWNER,
	ownerAllowed,
	refusePortfolio,
	requireScorer,
	requireTrackEditor,
	trackOr404
} from '$lib/server/portfolio-access';
import {
	deleteTrack,
	getTrackById,
	setTrackArchived,
	setTrackPrioritised,
	updateTrack
} from '$lib/server/db/queries/tracks';
import { listProjectsByTrack } from '$lib/server/db/queries/projects';
import { listStatusChanges } from '$lib/server/db/queries/lifecycle';
import { listOwnerCandidates, listUserNames } from '$lib/server/db/queries/portfolio-people';
import { statusAction } from '$lib/server/portfolio-actions';
import { trackValues } from '$lib/portfolio/form-values';
import { z } from 'zod';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const track = trackOr404(event);
	const names = new Map(listUserNames().map((u) => [u.id, u.name]));
	return {
		track: { ...track, ownerName: track.ownerId ? (names.get(track.ownerId) ?? null) : null },
		values: trackValues(track),
		projects: listProjectsByTrack(track.id).map((p) => ({
			id: p.id,
			title: p.title,
			status: p.status,
			ownerName: p.ownerId ? (names.get(p.ownerId) ?? null) : null
		})),
		history: listStatusChanges('track', track.id).map((c) => ({
			...c,
			actorName: c.actorId ? (names.get(c.actorId) ?? null) : null
		})),
		owners: listOwnerCandidates(),
		canEdit: canEditAny(user, track.ownerId),
		canCreateProject: canCreateInPortfolio(user),
		canPrioritise: canScore(user)
	};
};

// The status moves only through `?/status`, under the same lifecycle rules as projects and
// measures (canTransition, a reason to reject); the edit form does not carry it.
const editSchema = trackSchema.omit({ status: true }).extend({
	version: z.coerce.number().int().min(0, 'Mangler versjon')
});

const prioritiseSchema = z.object({
	prioritised: z.enum(['yes', 'no'], { error: 'Ugyldig valg' })
});

export const actions: Actions = {
	update: async (event) => {
		const { user, track } = requireTrackEditor(event);
		const form = parseForm(editSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'update');
		if (form.data.ownerId !== track.ownerId && !ownerAllowed(user, form.data.ownerId)) {
			return invalid(form.values, { ownerId: NOT_OWN_OWNER }, 'update');
		}
		const result = updateTrack(track.id, form.data, user.id, event.locals.now);
		if (!result.ok) {
			const fresh = result.reason === 'conflict' ? getTrackById(track.id) : undefined;
			const field = result.reason === 'code_taken' ? 'code' : '_form';
			return refusePortfolio(
				result.reason,
				fresh ? trackValues(fresh) : form.values,
				'update',
				'track',
				field
			);
		}
		return { action: 'update', success: 'Sporet er lagret.' };
	},
	status: async (event) => {
		const { user, track } = requireTrackEditor(event);
		return statusAction(event, 'track', track.id, track.status, user.id);
	},
	/** Prioritising tracks is the steering group's decision (seed 001: 1A/1B and 5). */
	prioritise: async (event) => {
		const user = requireScorer(event);
		const track = trackOr404(event);
		const form = parseForm(prioritiseSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'prioritise');
		const result = setTrackPrioritised(
			track.id,
			form.data.prioritised === 'yes',
			user.id,
			event.locals.now
		);
		if (!result.ok) return refusePortfolio(result.reason, form.values, 'prioritise', 'track');
		return {
			action: 'prioritise',
			success:
				form.data.prioritised === 'yes' ? 'Sporet er prioritert.' : 'Prioriteringen er fjernet.'
		};
	},
	archive: async (event) => {
		const { user, track } = requireTrackEditor(event);
		const result = setTrackArchived(track.id, true, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'archive', 'track');
		redirect(303, '/portefolje');
	},
	restore: async (event) => {
		const { user, track } = requireTrackEditor(event);
		const result = setTrackArchived(track.id, false, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'restore', 'track');
		return { action: 'restore', success: 'Gjenopprettet.' };
	},
	delete: async (event) => {
		const { user, track } = requireTrackEditor(event);
		const result = deleteTrack(track.id, user.id, event.locals.now);
		if (!result.ok) return refusePortfolio(result.reason, {}, 'delete', 'track');
		redirect(303, '/portefolje');
	}
};
