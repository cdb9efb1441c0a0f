/**
 * The annual internal-control report's writes: the kommunedirektør's assessments (one field at
 * a time, with a lost-update check) and freezing the report into the archive, where it is
 * signed (approved). Each write and its audit row go in one transaction.
 */
import { listAssessments, saveAssessment } from '$lib/server/db/queries/control-report';
import { freezeReport } from '$lib/server/db/queries/reports';
import { parseForm } from '$lib/schemas/form';
import { assessmentSchema, freezeControlReportSchema } from '$lib/schemas/control-report';
import { formatDay } from '$lib/format';
import { reportScope } from '$lib/domain/control/report';
import type { SessionUser } from '../../auth/session';
import { invalid, refused } from '../../result';
import { CONTROL_REPORT_MESSAGES, CONTROL_REPORT_SUCCESS } from '../report-messages';
import { controlReport, type ControlReportQuery } from '../views/report';
import { controlReportPdf } from '../views/report-file';
import { withLocale } from '../../i18n';

export function saveControlAssessment(
	user: SessionUser,
	q: ControlReportQuery,
	formData: FormData,
	now: Date
) {
	const form = parseForm(assessmentSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'assessment');
	const { field, body, version } = form.data;
	const result = saveAssessment(
		{
			year: q.period.year,
			tertial: q.period.tertial,
			unitId: q.unit?.id ?? 0,
			field,
			body,
			version
		},
		user.id,
		now
	);
	if (!result.ok) {
		// A lost update: the form shows the newer text and version (conflictMessage says so).
		const current =
			result.reason === 'conflict'
				? listAssessments({
						year: q.period.year,
						tertial: q.period.tertial,
						unitId: q.unit?.id ?? 0
					}).find((a) => a.field === field)
				: undefined;
		const values = current
			? { ...form.values, body: current.body, version: String(current.version) }
			: form.values;
		return refused(CONTROL_REPORT_MESSAGES, result.reason, values, {
			action: 'assessment',
			field: 'body'
		});
	}
	return { action: 'assessment', field, success: CONTROL_REPORT_SUCCESS.saved };
}

/**
 * Makes the report now and stores those bytes in the archive as a draft, issued to the
 * kommunestyre's meeting on the day given.
 */
export async function freezeControlReport(
	user: SessionUser,
	q: ControlReportQuery,
	formData: FormData,
	now: Date
) {
	const form = parseForm(freezeControlReportSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'freeze');
	const { meetingDate } = form.data;
	const data = withLocale('nb', () => controlReport(q, now));
	// A frozen report is a record, made in bokmål whatever the language of the page it was
	// frozen from (as archive/actions.ts makes the others).
	const file = await withLocale('nb', () =>
		controlReportPdf(
			user,
			data,
			now,
			`Frosset som utstedt til kommunestyret ${formatDay(meetingDate)}`
		)
	);
	const result = freezeReport(
		{
			kind: 'internkontroll',
			title: data.title,
			period: { from: q.period.from, to: q.period.to },
			meetingDate,
			scope: reportScope(q.period.year, q.period.tertial, q.unit?.id ?? null),
			mediaType: 'application/pdf',
			fileName: file.fileName,
			content: file.content
		},
		user.id,
		now
	);
	if (!result.ok) {
		return refused(CONTROL_REPORT_MESSAGES, result.reason, form.values, { action: 'freeze' });
	}
	return { action: 'freeze', success: CONTROL_REPORT_SUCCESS.frozen, id: result.value };
}
