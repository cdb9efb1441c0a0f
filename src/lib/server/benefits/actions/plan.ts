/**
 * Writes of a benefit's plan versions: freezing the plan, asking for a change to a frozen
 * plan, and deciding a request. Each takes what its guard returned, the posted form and the
 * request's time, and answers the form.
 */
import { decidePlanRequest, freezePlan, requestPlanChange } from '../../db/queries/benefits-plan';
import { invalid, refused } from '../../result';
import { readOneEvidence } from '../evidence';
import { parseForm, type FormValues } from '$lib/schemas/form';
import { decisionSchema, freezeSchema, planRequestSchema } from '$lib/schemas/benefit-plan';
import { pathOutside } from '$lib/domain/benefits/plan-versions';
import { targetProblem } from '$lib/domain/benefits/value-rules';
import type { BenefitAccess } from '../access';
import {
	alreadyDecided,
	PLAN_VERSION_MESSAGES as BOOK,
	PLAN_VERSION_SUCCESS as DONE
} from '../messages';
import { listPlanVersions } from '../../db/queries/benefits-plan-reads';
import { formatDateTime } from '$lib/format';

const refuse = (reason: string, values: FormValues, action: string, field = '_form') =>
	refused(BOOK, reason, values, { action, field });

function evidenceRefusal(reason: string, values: FormValues, action: string) {
	const status = reason === 'evidence_too_large' ? 413 : 400;
	return invalid(values, { evidence: BOOK.messages[reason]! }, action, status);
}

export async function freeze({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(freezeSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'freezePlan');
	const evidence = await readOneEvidence(formData);
	if (!evidence.ok) return evidenceRefusal(evidence.reason, form.values, 'freezePlan');
	const result = freezePlan(
		benefit.id,
		form.data,
		{ url: form.data.evidenceUrl, file: evidence.file },
		user.id,
		now
	);
	if (!result.ok) return refuse(result.reason, form.values, 'freezePlan');
	return { action: 'freezePlan', success: DONE.frozen };
}

export async function requestChange(
	{ user, benefit }: BenefitAccess,
	formData: FormData,
	now: Date
) {
	const form = parseForm(planRequestSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'requestPlan');
	const outside = pathOutside(form.data.plan, form.data.baselineDate, form.data.targetDate);
	if (outside) return refuse('outside_plan', form.values, 'requestPlan');
	const problem = targetProblem({
		// The direction the request asks for, when it asks for one: the target is judged by it.
		direction: form.data.direction ?? benefit.direction,
		unit: benefit.unit,
		baselineValue: form.data.baselineValue,
		targetValue: form.data.targetValue
	});
	if (problem) return invalid(form.values, { targetValue: problem }, 'requestPlan');
	const evidence = await readOneEvidence(formData);
	if (!evidence.ok) return evidenceRefusal(evidence.reason, form.values, 'requestPlan');
	const result = requestPlanChange(
		benefit.id,
		form.data,
		{ url: form.data.evidenceUrl, file: evidence.file },
		user.id,
		now
	);
	if (!result.ok) return refuse(result.reason, form.values, 'requestPlan');
	return { action: 'requestPlan', success: DONE.requested };
}

export function decide({ user, benefit }: BenefitAccess, formData: FormData, now: Date) {
	const form = parseForm(decisionSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'decidePlan');
	const result = decidePlanRequest(benefit.id, form.data, user.id, now);
	if (!result.ok && result.reason === 'not_waiting') {
		const decided = listPlanVersions(benefit.id).find((v) => v.id === form.data.requestId);
		const at = decided?.decidedAt ? formatDateTime(decided.decidedAt) : null;
		const message = alreadyDecided(decided?.status ?? '', decided?.decidedBy ?? null, at);
		return invalid(form.values, { _form: message }, 'decidePlan', 409);
	}
	if (!result.ok) return refuse(result.reason, form.values, 'decidePlan');
	return {
		action: 'decidePlan',
		success: form.data.decision === 'approve' ? DONE.approved : DONE.rejected
	};
}

/**
 * The direct plan forms (baseline and target, planned months, the estimate) are closed once
 * the plan is frozen: a change is a request. `plan_frozen_estimate` for the estimate's lines.
 */
export const frozenRefusal = (
	action: string,
	values: FormValues,
	reason: 'plan_frozen' | 'plan_frozen_estimate' = 'plan_frozen'
) => refuse(reason, values, action);
