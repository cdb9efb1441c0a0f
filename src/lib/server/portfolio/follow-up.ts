/**
 * The follow-up writes that tracks, projects and measures share: status changes, monthly
 * status reports and risks. Each route action calls its guard first and then one of these.
 */
import { parseForm, type FormValues } from '$lib/schemas/form';
import { riskSchema, statusChangeSchemaFrom, statusReportSchema } from '$lib/schemas/portfolio';
import { idField } from '$lib/schemas/id';
import { versionField } from '$lib/schemas/version';
import { riskValues } from '$lib/portfolio/form-values';
import { invalid, refused } from '../result';
import { changeStatus, saveStatusReport } from '../db/queries/lifecycle';
import { createRisk, getRiskById, updateRisk, type RiskSubject } from '../db/queries/risks';
import type { MeasureEditor, ProjectEditor, TrackEditor } from './access';
import {
	portfolioMessages,
	PORTFOLIO_FIELD,
	PORTFOLIO_SUCCESS as DONE,
	type PortfolioEntity
} from './messages';

/** A refused portfolio write: the area's message, on `field` or the reason's own field. */
export function refusePortfolio(
	reason: string,
	values: FormValues,
	action: string | undefined,
	entity: PortfolioEntity = '',
	field = '_form'
) {
	return refused(portfolioMessages(entity), reason, values, { action, field });
}

/** What an editor's guard found: a track, a project, or a measure (with its project). */
export type ItemEditor = TrackEditor | ProjectEditor | MeasureEditor;

/** The row an editor's guard found, and which kind it is. */
export function itemOf(ctx: ItemEditor) {
	if ('measure' in ctx) return { subject: 'measure' as const, row: ctx.measure };
	if ('project' in ctx) return { subject: 'project' as const, row: ctx.project };
	return { subject: 'track' as const, row: ctx.track };
}

/** Project and measure rows: the subjects of reports and risks. */
function reportItemOf(ctx: ProjectEditor | MeasureEditor) {
	return 'measure' in ctx
		? { subject: 'measure' as const, id: ctx.measure.id }
		: { subject: 'project' as const, id: ctx.project.id };
}

export function changeItemStatus(ctx: ItemEditor, formData: FormData, now: Date) {
	const { user } = ctx;
	const { subject, row } = itemOf(ctx);
	const { id, status } = row;
	const form = parseForm(statusChangeSchemaFrom(status), formData);
	if (!form.ok) return invalid(form.values, form.errors, 'status');
	const result = changeStatus(subject, id, form.data.to, form.data.reason, user.id, now);
	if (!result.ok) return refusePortfolio(result.reason, form.values, 'status', subject);
	return { action: 'status', success: DONE.statusChanged };
}

export function saveReport(ctx: ProjectEditor | MeasureEditor, formData: FormData, now: Date) {
	const { user } = ctx;
	const { subject, id } = reportItemOf(ctx);
	const form = parseForm(statusReportSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'report');
	const result = saveStatusReport(subject, id, form.data, user.id, now);
	if (!result.ok) return refusePortfolio(result.reason, form.values, 'report', subject);
	return { action: 'report', success: DONE.reportSaved };
}

/** A risk belongs to the project or measure whose page it was added on. */
function riskSubjectOf(ctx: ProjectEditor | MeasureEditor): RiskSubject {
	const { subject, id } = reportItemOf(ctx);
	return subject === 'measure' ? { measureId: id } : { projectId: id };
}

export function addRisk(ctx: ProjectEditor | MeasureEditor, formData: FormData, now: Date) {
	const { user } = ctx;
	const subject = riskSubjectOf(ctx);
	const form = parseForm(riskSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'addRisk');
	const result = createRisk(subject, form.data, user.id, now);
	if (!result.ok) return refusePortfolio(result.reason, form.values, 'addRisk');
	return { action: 'addRisk', success: DONE.riskAdded(form.data.title) };
}

const riskEditSchema = riskSchema.extend({
	riskId: idField(PORTFOLIO_FIELD.invalidRisk),
	version: versionField
});

/** Only risks of this project or measure may be changed from its page. */
export function saveRisk(ctx: ProjectEditor | MeasureEditor, formData: FormData, now: Date) {
	const { user } = ctx;
	const subject = riskSubjectOf(ctx);
	const form = parseForm(riskEditSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'updateRisk');
	const existing = getRiskById(form.data.riskId);
	const belongs =
		existing &&
		('projectId' in subject
			? existing.projectId === subject.projectId
			: existing.measureId === subject.measureId);
	if (!belongs) return refusePortfolio('not_found', form.values, 'updateRisk');
	const { riskId, ...input } = form.data;
	const result = updateRisk(riskId, input, user.id, now);
	if (!result.ok) {
		const fresh = getRiskById(riskId);
		const values = result.reason === 'conflict' && fresh ? riskValues(fresh) : form.values;
		return refusePortfolio(result.reason, values, 'updateRisk');
	}
	return { action: 'updateRisk', success: DONE.riskSaved(form.data.title) };
}
