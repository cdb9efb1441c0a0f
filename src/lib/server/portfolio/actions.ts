/**
 * The portfolio's writes: the mission and its effect goals, tracks, projects and measures;
 * the follow-up writes they share (status, reports, risks) are in ./follow-up. Each takes what
 * its guard returned, the posted form and the request's time, and answers the form.
 */
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { SessionUser } from '../auth/session';
import { invalid } from '../result';
import {
	archiveEffectGoal,
	createEffectGoal,
	getEffectGoalById,
	getMission,
	saveMission,
	updateEffectGoal
} from '../db/queries/mission';
import {
	createTrack,
	deleteTrack,
	getTrackById,
	setTrackArchived,
	setTrackPrioritised,
	updateTrack
} from '../db/queries/tracks';
import {
	createProject,
	deleteProject,
	getProjectById,
	saveProjectScores,
	setProjectArchived,
	updateProject
} from '../db/queries/projects';
import {
	createMeasure,
	deleteMeasure,
	getMeasureById,
	setMeasureArchived,
	updateMeasure
} from '../db/queries/measures';
import { parseForm } from '$lib/schemas/form';
import { idField } from '$lib/schemas/id';
import { withVersion, versionField } from '$lib/schemas/version';
import {
	effectGoalSchema,
	measureSchema,
	missionSchema,
	newMeasureSchema,
	newProjectSchema,
	projectSchema,
	scoringSchema,
	trackSchema
} from '$lib/schemas/portfolio';
import {
	goalValues,
	measureValues,
	missionValues,
	projectValues,
	scoreValues,
	trackValues
} from '$lib/portfolio/form-values';
import {
	assertMayAddMeasure,
	canEditAny,
	ownerAllowed,
	type MeasureEditor,
	type ProjectEditor,
	type TrackEditor
} from './access';
import { itemOf, refusePortfolio as refuse, type ItemEditor } from './follow-up';
import { PORTFOLIO_FIELD, PORTFOLIO_SUCCESS as DONE } from './messages';

export * from './follow-up';

type Scorer<K extends string> = { user: SessionUser } & Record<K, { id: number }>;

// ── The mission and its effect goals (admins) ───────────────────────────────────────────────

// No version when the form was loaded before any mission existed; saveMission then refuses
// it if someone has created the mission since.
const missionFormSchema = missionSchema.safeExtend({
	version: z.preprocess(
		(v) => (v === undefined || v === '' ? undefined : Number(v)),
		z.number().int().min(0).optional()
	)
});
const goalIdSchema = z.object({ goalId: idField(PORTFOLIO_FIELD.invalidGoal) });
const editGoalSchema = withVersion(effectGoalSchema.extend(goalIdSchema.shape));

export function saveMissionFromForm(admin: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(missionFormSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'mission');
	const result = saveMission(form.data, admin.id, now);
	if (!result.ok) {
		const fresh = getMission();
		return refuse(result.reason, fresh ? missionValues(fresh) : form.values, 'mission');
	}
	return { action: 'mission', success: DONE.missionSaved };
}

export function addGoal(admin: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(effectGoalSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'addGoal');
	const mission = getMission();
	if (!mission) return refuse('no_mission', form.values, 'addGoal');
	createEffectGoal(mission.id, form.data, admin.id, now);
	return { action: 'addGoal', success: DONE.goalAdded };
}

export function saveGoal(admin: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(editGoalSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'updateGoal');
	const { goalId, ...input } = form.data;
	const result = updateEffectGoal(goalId, input, admin.id, now);
	if (!result.ok) {
		// Lost update: show the newer values, not the stale ones the user posted.
		const fresh = result.reason === 'conflict' ? getEffectGoalById(goalId) : undefined;
		return refuse(result.reason, fresh ? goalValues(fresh) : form.values, 'updateGoal');
	}
	return { action: 'updateGoal', success: DONE.goalSaved };
}

export function archiveGoal(admin: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(goalIdSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'archiveGoal');
	const result = archiveEffectGoal(form.data.goalId, admin.id, now);
	if (!result.ok) return refuse(result.reason, form.values, 'archiveGoal');
	return { action: 'archiveGoal', success: DONE.goalArchived };
}

// ── Creating tracks, projects and measures ──────────────────────────────────────────────────

export function addTrack(user: SessionUser, formData: FormData, now: Date) {
	// Like a project, a new track starts as «Forslag» and moves on through `?/status`.
	const form = parseForm(trackSchema.omit({ status: true }), formData);
	if (!form.ok) return invalid(form.values, form.errors);
	if (!ownerAllowed(user, form.data.ownerId))
		return refuse('not_own_owner', form.values, undefined);
	const mission = getMission();
	if (!mission) return refuse('no_mission', form.values, 'create');
	const result = createTrack(mission.id, { ...form.data, status: 'proposed' }, user.id, now);
	if (!result.ok) {
		const field = result.reason === 'code_taken' ? 'code' : '_form';
		return refuse(result.reason, form.values, 'create', 'track', field);
	}
	redirect(303, `/portefolje/spor/${result.value}?opprettet=1`);
}

export function addProject(user: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(newProjectSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors);
	if (!ownerAllowed(user, form.data.ownerId))
		return refuse('not_own_owner', form.values, undefined);
	const mission = getMission();
	if (!mission) return refuse('no_mission', form.values, 'create');
	const result = createProject(mission.id, form.data, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, 'create', 'project', 'trackIds');
	redirect(303, `/portefolje/prosjekter/${result.value}?opprettet=1`);
}

export function addMeasure(user: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(newMeasureSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors);
	const project = getProjectById(form.data.projectId);
	if (!project) return refuse('project_missing', form.values, 'create', '', 'projectId');
	assertMayAddMeasure(user, project);
	if (!ownerAllowed(user, form.data.ownerId) && form.data.ownerId !== project.ownerId) {
		return refuse('not_own_owner', form.values, undefined);
	}
	const result = createMeasure(form.data, user.id, now);
	if (!result.ok) {
		const field = result.reason === 'unit_missing' ? 'unitIds' : 'projectId';
		return refuse(result.reason, form.values, 'create', 'measure', field);
	}
	redirect(303, `/portefolje/tiltak/${result.value}?opprettet=1`);
}

// ── Editing them ────────────────────────────────────────────────────────────────────────────

// The status moves only through `?/status`, under the same lifecycle rules as projects and
// measures (canTransition, a reason to reject); the edit form does not carry it.
const editTrackSchema = trackSchema.omit({ status: true }).extend({ version: versionField });

export function saveTrack({ user, track }: TrackEditor, formData: FormData, now: Date) {
	const form = parseForm(editTrackSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'update');
	if (form.data.ownerId !== track.ownerId && !ownerAllowed(user, form.data.ownerId)) {
		return refuse('not_own_owner', form.values, 'update');
	}
	const result = updateTrack(track.id, form.data, user.id, now);
	if (!result.ok) {
		const fresh = result.reason === 'conflict' ? getTrackById(track.id) : undefined;
		const field = result.reason === 'code_taken' ? 'code' : '_form';
		const values = fresh ? trackValues(fresh) : form.values;
		return refuse(result.reason, values, 'update', 'track', field);
	}
	return { action: 'update', success: DONE.trackSaved };
}

export function saveProject({ user, project }: ProjectEditor, formData: FormData, now: Date) {
	const form = parseForm(projectSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'update');
	if (form.data.ownerId !== project.ownerId && !ownerAllowed(user, form.data.ownerId)) {
		return refuse('not_own_owner', form.values, 'update');
	}
	const result = updateProject(project.id, form.data, user.id, now);
	if (!result.ok) {
		// Lost update: show the newer values, not the stale ones the user posted.
		const fresh = result.reason === 'conflict' ? getProjectById(project.id) : undefined;
		const values = fresh ? projectValues(fresh) : form.values;
		return refuse(result.reason, values, 'update', 'project');
	}
	return { action: 'update', success: DONE.projectSaved };
}

export function saveMeasure(ctx: MeasureEditor, formData: FormData, now: Date) {
	const { user, measure, project } = ctx;
	const form = parseForm(measureSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'update');
	const { ownerId, projectId } = form.data;
	const keepsOwner = ownerId === measure.ownerId || ownerId === project.ownerId;
	if (!keepsOwner && !ownerAllowed(user, ownerId)) {
		return refuse('not_own_owner', form.values, 'update');
	}
	if (projectId !== measure.projectId) {
		const target = getProjectById(projectId);
		if (target && !canEditAny(user, target.ownerId)) {
			return refuse('not_own_project', form.values, 'update', '', 'projectId');
		}
	}
	const result = updateMeasure(measure.id, form.data, user.id, now);
	if (!result.ok) {
		const fresh = result.reason === 'conflict' ? getMeasureById(measure.id) : undefined;
		const values = fresh ? measureValues(fresh) : form.values;
		return refuse(result.reason, values, 'update', 'measure');
	}
	return { action: 'update', success: DONE.measureSaved };
}

const prioritiseSchema = z.object({
	prioritised: z.enum(['yes', 'no'], { error: PORTFOLIO_FIELD.invalidChoice })
});

export function prioritiseTrack({ user, track }: Scorer<'track'>, formData: FormData, now: Date) {
	const form = parseForm(prioritiseSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'prioritise');
	const yes = form.data.prioritised === 'yes';
	const result = setTrackPrioritised(track.id, yes, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, 'prioritise', 'track');
	return { action: 'prioritise', success: yes ? DONE.prioritised : DONE.unprioritised };
}

const editScoringSchema = withVersion(scoringSchema);

export function scoreProject({ user, project }: Scorer<'project'>, formData: FormData, now: Date) {
	const form = parseForm(editScoringSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'score');
	const { version, ...scores } = form.data;
	const result = saveProjectScores(project.id, { scores, version }, user.id, now);
	if (!result.ok) {
		// Lost update: show the scores saved in between, not the stale ones posted.
		const fresh = result.reason === 'conflict' ? getProjectById(project.id) : undefined;
		const values = fresh ? scoreValues(fresh.scores, fresh.scoresVersion) : form.values;
		return refuse(result.reason, values, 'score', 'project');
	}
	return { action: 'score', success: DONE.scored };
}

// ── Archiving, restoring and deleting ───────────────────────────────────────────────────────

const ITEM_WRITES = {
	track: { archive: setTrackArchived, remove: deleteTrack },
	project: { archive: setProjectArchived, remove: deleteProject },
	measure: { archive: setMeasureArchived, remove: deleteMeasure }
};

/**
 * Archives, restores or deletes a track, project or measure; after archiving or deleting, the
 * page goes up to the portfolio (a measure: to its project). Deleting something with children
 * is refused: archive it instead.
 */
export function archiveItem(ctx: ItemEditor, change: 'archive' | 'restore' | 'delete', now: Date) {
	const { subject, row } = itemOf(ctx);
	const writes = ITEM_WRITES[subject];
	const result =
		change === 'delete'
			? writes.remove(row.id, ctx.user.id, now)
			: writes.archive(row.id, change === 'archive', ctx.user.id, now);
	if (!result.ok) return refuse(result.reason, {}, change, subject);
	if (change === 'restore') return { action: 'restore', success: DONE.restored };
	redirect(
		303,
		'measure' in ctx ? `/portefolje/prosjekter/${ctx.measure.projectId}` : '/portefolje'
	);
}
