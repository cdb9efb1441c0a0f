/**
 * The benefit area's writes: a project's map (changes, benefits, links), one benefit's pricing,
 * plan and realisations, and the mission's gain settings. Each takes what its guard returned,
 * the posted form and the request's time, and answers the form.
 */
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	createBenefit,
	createChange,
	deleteBenefit,
	deleteChange,
	getBenefit,
	getChange,
	updateBenefit,
	updateChange
} from '../db/queries/benefits';
import { createLink, deleteLink } from '../db/queries/benefits-links';
import {
	addEstimateLine,
	deleteEstimateLine,
	deletePlannedPeriod,
	getEstimateLine,
	logFollowUp,
	logRealisation,
	setBaselineAndTarget,
	setPlannedPeriod,
	updateEstimateLine
} from '../db/queries/benefits-gains';
import { saveGainSettings } from '../db/queries/benefits-settings';
import { getMission } from '../db/queries/mission';
import { invalid, messageFor, refused } from '../result';
import { parseForm, type FormValues } from '$lib/schemas/form';
import { idField } from '$lib/schemas/id';
import { withVersion } from '$lib/schemas/version';
import {
	benefitSchema,
	causeSchema,
	changeSchema,
	estimateLineSchema,
	gainSettingsSchema,
	linkSchema,
	planSchema,
	plannedPeriodSchema,
	realisationSchemaFor
} from '$lib/schemas/benefits';
import * as formValues from '$lib/benefits/form-values';
import { plannedPeriodProblem } from '$lib/domain/benefits/gain-realisation';
import type { BenefitAccess, MapAccess, SettingsAccess } from './access';
import { BENEFIT_MESSAGES as BOOK, BENEFIT_SUCCESS as DONE, linkMessage } from './messages';
import { frozenRefusal } from './actions/plan';
import { periodLabel } from '$lib/labels-benefits';
import { osloDay } from '$lib/format';
import { targetProblem } from '$lib/domain/benefits/value-rules';
import { futureMonth } from './messages';

const refuse = (reason: string, values: FormValues, action: string, field = '_form') =>
	refused(BOOK, reason, values, { action, field });

/** A line write refused in its transaction: the plan was frozen after the page was loaded. */
const lineRefusal = (reason: string, values: FormValues, action: string) =>
	reason === 'plan_frozen'
		? frozenRefusal(action, values, 'plan_frozen_estimate')
		: refuse(reason, values, action);

const linkIdSchema = z.object({ linkId: idField('Ugyldig kobling') });
const changeIdSchema = z.object({ changeId: idField('Ugyldig endring') });
const lineIdSchema = z.object({ lineId: idField('Ugyldig linje') });
const periodIdSchema = z.object({ periodId: idField('Ugyldig måned') });
const editChangeSchema = withVersion(changeSchema.extend(changeIdSchema.shape));
const editLineSchema = withVersion(estimateLineSchema.extend(lineIdSchema.shape));
const editBenefitSchema = withVersion(benefitSchema);
const editPlanSchema = withVersion(planSchema);
const editSettingsSchema = withVersion(gainSettingsSchema);

// ── A project's map ─────────────────────────────────────────────────────────────────────────

export function addChange({ user, project }: MapAccess, formData: FormData, now: Date) {
	const form = parseForm(changeSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'addChange');
	createChange(project.id, form.data, user.id, now);
	return { action: 'addChange', success: DONE.changeAdded(form.data.title) };
}

export function addBenefit({ user, project }: MapAccess, formData: FormData, now: Date) {
	const form = parseForm(benefitSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'addBenefit');
	const result = createBenefit(project.id, form.data, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, 'addBenefit');
	return { action: 'addBenefit', success: DONE.benefitAdded(form.data.title) };
}

/** The link form sends «kind:id» per end; the schema wants the parts. */
function splitEnds(formData: FormData): FormData {
	const out = new FormData();
	for (const end of ['from', 'to'] as const) {
		const raw = String(formData.get(end) ?? '');
		const [kind = '', id = ''] = raw.split(':');
		out.set(end, raw);
		out.set(`${end}Kind`, kind);
		out.set(`${end}Id`, id);
	}
	return out;
}

export function addLink({ user, project }: MapAccess, formData: FormData, now: Date) {
	const form = parseForm(linkSchema, splitEnds(formData));
	if (!form.ok) {
		const errors = { ...form.errors };
		if (errors.fromKind || errors.fromId) errors.from = BOOK.messages.link_from!;
		if (errors.toKind || errors.toId) errors.to ??= errors.toId ?? BOOK.messages.link_to!;
		return invalid(form.values, errors, 'addLink');
	}
	const result = createLink(project.id, form.data, user.id, now);
	if (!result.ok) {
		const message =
			result.reason === 'link' ? linkMessage(result.refusal) : BOOK.messages.project_missing!;
		return invalid(form.values, { to: message }, 'addLink');
	}
	return { action: 'addLink', success: DONE.linkAdded };
}

export function removeLink({ user, project }: MapAccess, formData: FormData, now: Date) {
	const form = parseForm(linkIdSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'deleteLink');
	const result = deleteLink(project.id, form.data.linkId, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, 'deleteLink');
	return { action: 'deleteLink', success: DONE.linkRemoved };
}

export function saveChange({ user, project }: MapAccess, formData: FormData, now: Date) {
	const form = parseForm(editChangeSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'updateChange');
	const { changeId, ...change } = form.data;
	const result = updateChange(project.id, changeId, change, user.id, now);
	if (!result.ok) {
		// Lost update: show the newer values, not the stale ones the user posted.
		const fresh = result.reason === 'conflict' ? getChange(project.id, changeId) : undefined;
		return refuse(
			result.reason,
			fresh ? formValues.changeValues(fresh) : form.values,
			'updateChange'
		);
	}
	return { action: 'updateChange', success: DONE.changeSaved(change.title) };
}

export function removeChange({ user, project }: MapAccess, formData: FormData, now: Date) {
	const form = parseForm(changeIdSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'deleteChange');
	const result = deleteChange(project.id, form.data.changeId, user.id, now);
	if (!result.ok) return refuse(result.reason, form.values, 'deleteChange');
	return { action: 'deleteChange', success: DONE.changeRemoved };
}

// ── One benefit ─────────────────────────────────────────────────────────────────────────────

export function saveBenefit({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(editBenefitSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'update');
	const result = updateBenefit(benefit.id, form.data, user.id, now);
	if (!result.ok) {
		// Lost update: show the newer values, not the stale ones the user posted.
		const fresh = result.reason === 'conflict' ? getBenefit(benefit.id) : undefined;
		return refuse(result.reason, fresh ? formValues.benefitValues(fresh) : form.values, 'update');
	}
	return { action: 'update', success: DONE.updated };
}

/** Deletes a benefit with no realisations and goes back to its project's map. */
export function removeBenefit({ user, benefit }: BenefitAccess, now: Date) {
	const result = deleteBenefit(benefit.id, user.id, now);
	if (result.ok) redirect(303, `/gevinster/prosjekt/${result.value}`);
	const kept = ['has_realisations', 'plan_frozen'];
	const reason = kept.includes(result.reason) ? result.reason : 'benefit_missing';
	return refuse(reason, {}, 'delete');
}

export function addLine({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(estimateLineSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'addLine');
	if (benefit.kind !== 'kvantitativ') return refuse('not_quantitative', form.values, 'addLine');
	if (benefit.planFrozenAt) return frozenRefusal('addLine', form.values, 'plan_frozen_estimate');
	const result = addEstimateLine(benefit.id, form.data, user.id, now);
	if (!result.ok) return lineRefusal(result.reason, form.values, 'addLine');
	return { action: 'addLine', success: DONE.lineAdded };
}

export function saveLine({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(editLineSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'updateLine');
	if (benefit.planFrozenAt) {
		return frozenRefusal('updateLine', form.values, 'plan_frozen_estimate');
	}
	const { lineId, ...line } = form.data;
	const result = updateEstimateLine(benefit.id, lineId, line, user.id, now);
	if (!result.ok) {
		const fresh = result.reason === 'conflict' ? getEstimateLine(benefit.id, lineId) : undefined;
		return lineRefusal(
			result.reason,
			fresh ? formValues.lineValues(fresh) : form.values,
			'updateLine'
		);
	}
	return { action: 'updateLine', success: DONE.lineChanged };
}

export function removeLine({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(lineIdSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'deleteLine');
	if (benefit.planFrozenAt) {
		return frozenRefusal('deleteLine', form.values, 'plan_frozen_estimate');
	}
	const result = deleteEstimateLine(benefit.id, form.data.lineId, user.id, now);
	if (!result.ok) return lineRefusal(result.reason, form.values, 'deleteLine');
	return { action: 'deleteLine', success: DONE.lineRemoved };
}

export function savePlan({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(editPlanSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'plan');
	if (benefit.planFrozenAt) return frozenRefusal('plan', form.values);
	const problem = targetProblem({
		direction: benefit.direction,
		unit: benefit.unit,
		baselineValue: form.data.baseline.value,
		targetValue: form.data.target.value
	});
	if (problem) return invalid(form.values, { targetValue: problem }, 'plan');
	const result = setBaselineAndTarget(benefit.id, form.data, user.id, now);
	if (!result.ok) {
		if (result.reason === 'plan_frozen') return frozenRefusal('plan', form.values);
		const fresh = result.reason === 'conflict' ? getBenefit(benefit.id) : undefined;
		return refuse(result.reason, fresh ? formValues.planValues(fresh) : form.values, 'plan');
	}
	return { action: 'plan', success: DONE.planSaved };
}

export function planPeriod({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(plannedPeriodSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'planPeriod');
	if (benefit.planFrozenAt) return frozenRefusal('planPeriod', form.values);
	const problem = plannedPeriodProblem(form.data.period, benefit);
	if (problem) return refuse(problem, form.values, 'planPeriod', 'period');
	const result = setPlannedPeriod(benefit.id, form.data, user.id, now);
	if (!result.ok) return frozenRefusal('planPeriod', form.values);
	return { action: 'planPeriod', success: DONE.periodPlanned(periodLabel(form.data.period)) };
}

export function removePlanPeriod({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(periodIdSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'deletePlanPeriod');
	if (benefit.planFrozenAt) return frozenRefusal('deletePlanPeriod', form.values);
	const result = deletePlannedPeriod(benefit.id, form.data.periodId, user.id, now);
	if (result.ok) return { action: 'deletePlanPeriod', success: DONE.periodRemoved };
	if (result.reason === 'plan_frozen') return frozenRefusal('deletePlanPeriod', form.values);
	return refuse(result.reason, form.values, 'deletePlanPeriod');
}

export function realise({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const schema = realisationSchemaFor(benefit.kind, benefit.baselineDate);
	const form = parseForm(schema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'logRealisation');
	// A realised value is what happened: a month that has not begun (Oslo time) has none yet.
	if (form.data.period > osloDay(now).slice(0, 7)) {
		return invalid(form.values, { period: futureMonth() }, 'logRealisation');
	}
	const result = logRealisation(benefit.id, form.data, user.id, now);
	if (!result.ok) {
		if (result.reason === 'supersedes_superseded') {
			// Someone corrected the row first: a lost update (RFC 9110 §15.5.10).
			const message = messageFor(BOOK, result.reason);
			return invalid(form.values, { supersedesId: message }, 'logRealisation', 409);
		}
		const field = result.reason.startsWith('supersedes_') ? 'supersedesId' : 'correctionReason';
		return refuse(result.reason, form.values, 'logRealisation', field);
	}
	const success =
		form.data.supersedesId === null && !form.data.correctionReason ? DONE.realised : DONE.corrected;
	// `created` is what the API's 201 answers, so a client can correct the row later.
	return {
		action: 'logRealisation',
		success,
		created: { id: result.value, period: form.data.period }
	};
}

export function followUp({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(causeSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'followUp');
	logFollowUp(benefit.id, form.data, user.id, now);
	return { action: 'followUp', success: DONE.followUp };
}

// ── The mission's gain settings ─────────────────────────────────────────────────────────────

export function saveSettings({ admin, mission }: SettingsAccess, formData: FormData, now: Date) {
	const form = parseForm(editSettingsSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'save');
	const result = saveGainSettings(mission.id, form.data, admin.id, now);
	if (!result.ok) {
		// Lost update: show the newer values, not the stale ones the user posted.
		const fresh = result.reason === 'conflict' ? getMission() : undefined;
		return refuse(
			result.reason,
			fresh ? formValues.gainSettingsValues(fresh) : form.values,
			'save'
		);
	}
	return { action: 'save', success: DONE.settingsSaved };
}
