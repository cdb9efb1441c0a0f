/**
 * Form actions shared by the track, project and measure pages. Each route action calls its
 * guard first and then one of these; they parse, write and answer like every other action.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { parseForm } from '$lib/schemas/form';
import { riskSchema, statusChangeSchemaFrom, statusReportSchema } from '$lib/schemas/portfolio';
import type { LifecycleStatus } from '$lib/domain/portfolio';
import { invalid } from './write-errors';
import { refusePortfolio } from './portfolio-access';
import {
	changeStatus,
	saveStatusReport,
	type ReportSubject,
	type StatusSubject
} from './db/queries/lifecycle';
import { createRisk, getRiskById, updateRisk, type RiskSubject } from './db/queries/risks';
import { riskValues } from '$lib/portfolio/form-values';
import { z } from 'zod';
import { readForm } from './read-form';

type Event = Pick<RequestEvent, 'request' | 'locals'>;

export async function statusAction(
	event: Event,
	subject: StatusSubject,
	id: number,
	current: LifecycleStatus,
	actorId: number
) {
	const form = parseForm(statusChangeSchemaFrom(current), await readForm(event));
	if (!form.ok) return invalid(form.values, form.errors, 'status');
	const result = changeStatus(
		subject,
		id,
		form.data.to,
		form.data.reason,
		actorId,
		event.locals.now
	);
	if (!result.ok) return refusePortfolio(result.reason, form.values, 'status', subject);
	return { action: 'status', success: 'Statusen er endret.' };
}

export async function reportAction(
	event: Event,
	subject: ReportSubject,
	id: number,
	actorId: number
) {
	const form = parseForm(statusReportSchema, await readForm(event));
	if (!form.ok) return invalid(form.values, form.errors, 'report');
	const result = saveStatusReport(subject, id, form.data, actorId, event.locals.now);
	if (!result.ok) return refusePortfolio(result.reason, form.values, 'report', subject);
	return { action: 'report', success: 'Statusrapporten er lagret.' };
}

export async function addRiskAction(event: Event, subject: RiskSubject, actorId: number) {
	const form = parseForm(riskSchema, await readForm(event));
	if (!form.ok) return invalid(form.values, form.errors, 'addRisk');
	const result = createRisk(subject, form.data, actorId, event.locals.now);
	if (!result.ok) return refusePortfolio(result.reason, form.values, 'addRisk');
	return { action: 'addRisk', success: `Risikoen «${form.data.title}» er lagt til.` };
}

const riskEditSchema = riskSchema.extend({
	riskId: z.coerce.number().int().positive('Ugyldig risiko'),
	version: z.coerce.number().int().min(0, 'Mangler versjon')
});

/** Only risks of this project or measure (`belongs`) may be changed from its page. */
export async function updateRiskAction(
	event: Event,
	belongs: (risk: { projectId: number | null; measureId: number | null }) => boolean,
	actorId: number
) {
	const form = parseForm(riskEditSchema, await readForm(event));
	if (!form.ok) return invalid(form.values, form.errors, 'updateRisk');
	const existing = getRiskById(form.data.riskId);
	if (!existing || !belongs(existing)) {
		return refusePortfolio('not_found', form.values, 'updateRisk');
	}
	const { riskId, ...input } = form.data;
	const result = updateRisk(riskId, input, actorId, event.locals.now);
	if (!result.ok) {
		const fresh = getRiskById(riskId);
		const values = result.reason === 'conflict' && fresh ? riskValues(fresh) : form.values;
		return refusePortfolio(result.reason, values, 'updateRisk');
	}
	return { action: 'updateRisk', success: `Risikoen «${form.data.title}» er lagret.` };
}
