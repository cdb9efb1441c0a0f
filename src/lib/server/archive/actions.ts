/**
 * The report archive's writes: freeze a report as issued to a meeting, and approve it. Freezing
 * makes the report now, from the data as it stands, and stores those very bytes
 * (queries/reports.ts: written once, with their SHA-256; the database refuses any change), so
 * what is downloaded later is byte for byte what was issued.
 */
import { freezeReport, approveReport } from '../db/queries/reports';
import { invalid, refused } from '../result';
import { XLSX_MEDIA_TYPE } from '../exports/xlsx';
import { gainPlanPdf } from '../benefits/views/plan-report';
import { benefitRegisterXlsx } from '../benefits/views/register';
import { steeringReportPdf } from '../steering/views/report';
import { parseForm } from '$lib/schemas/form';
import { approveReportSchema, freezeReportSchema } from '$lib/schemas/reports';
import { formatDay } from '$lib/format';
import { withLocale } from '../i18n';
import type { ApproverAccess, FreezerAccess } from './access';
import { ARCHIVE_MESSAGES, ARCHIVE_SUCCESS, choosePlanProject } from './messages';

export async function freezeIssuedReport({ user, formData, project }: FreezerAccess, now: Date) {
	const form = parseForm(freezeReportSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'freeze');
	const { kind, periodFrom, periodTo, meetingDate } = form.data;
	if (kind === 'gevinstrealiseringsplan' && !project)
		return invalid(form.values, { prosjekt: choosePlanProject() }, 'freeze');
	// The reports are in bokmål whatever the reader's language, as their downloads are
	// (src/lib/server/i18n.ts): the stored bytes are one language throughout.
	const file = await withLocale('nb', async () => {
		const meeting = meetingDate ? ` til møtet ${formatDay(meetingDate)}` : '';
		if (kind === 'gevinstrealiseringsplan') {
			const plan = await gainPlanPdf(project!, now, {
				status: `Frosset som utstedt${meeting}`,
				period: { from: periodFrom, to: periodTo }
			});
			return { ...plan, mediaType: 'application/pdf' };
		}
		if (kind === 'styringsrapport') {
			const report = await steeringReportPdf(user, { from: periodFrom, to: periodTo }, now, {
				status: `Frosset som utstedt${meeting}`
			});
			return { ...report, mediaType: 'application/pdf' };
		}
		const register = await benefitRegisterXlsx(user, new URLSearchParams(), now);
		return { ...register, title: 'Gevinstregister', mediaType: XLSX_MEDIA_TYPE };
	});
	const result = freezeReport(
		{
			kind,
			title: file.title,
			period: { from: periodFrom, to: periodTo },
			meetingDate,
			scope: project ? `project:${project.id}` : null,
			mediaType: file.mediaType,
			fileName: file.fileName,
			content: file.content
		},
		user.id,
		now
	);
	if (!result.ok) {
		return refused(ARCHIVE_MESSAGES, result.reason, form.values, { action: 'freeze' });
	}
	return { action: 'freeze', success: ARCHIVE_SUCCESS.frozen, id: result.value };
}

export function approveIssuedReport(
	{ user, report }: ApproverAccess,
	formData: FormData,
	now: Date
) {
	const form = parseForm(approveReportSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'approve');
	const result = approveReport(report.id, { version: form.data.version }, user.id, now);
	if (!result.ok) {
		return refused(ARCHIVE_MESSAGES, result.reason, form.values, { action: 'approve' });
	}
	return { action: 'approve', success: ARCHIVE_SUCCESS.approved };
}
