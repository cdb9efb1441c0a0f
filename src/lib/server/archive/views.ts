/**
 * The report archive's pages: /rapporter (earlier reports, newest first, a page at a time,
 * and the form that freezes a report) and /rapporter/[id] (one report: what it is, its SHA-256,
 * who froze and who approved it, and the approval form when this user may approve).
 */
import { error } from '@sveltejs/kit';
import {
	countReports,
	getReportFile,
	listReports,
	type ReportSummary
} from '../db/queries/reports';
import { getProjectById } from '../db/queries/projects';
import { pageInfo, pageParam, pagerLinks } from '$lib/paging';
import { idParam } from '$lib/schemas/id';
import { tertialToDate } from '$lib/domain/reports/period';
import { osloDay } from '$lib/format';
import { reportKindLabel, reportStatusLabel } from '$lib/labels-portfolio';
import {
	canApproveKind,
	canFreeze,
	isSteering,
	type requireReportFile,
	type requireReportReader
} from './access';
import { ARCHIVE_ACCESS } from './messages';

export const REPORT_PAGE = 25;

function row(r: ReportSummary) {
	return {
		id: r.id,
		kind: reportKindLabel(r.kind),
		title: r.title,
		periodFrom: r.periodFrom,
		periodTo: r.periodTo,
		meetingDate: r.meetingDate,
		fileName: r.fileName,
		byteSize: r.byteSize,
		status: r.status,
		statusLabel: reportStatusLabel(r.status),
		createdBy: r.createdByName,
		createdAt: r.createdAt.getTime(),
		approvedBy: r.approvedByName,
		approvedAt: r.approvedAt?.getTime() ?? null
	};
}

export function reportsPage(
	{ user, kinds }: ReturnType<typeof requireReportReader>,
	url: URL,
	now: Date
) {
	const filter = { kinds };
	const info = pageInfo(countReports(filter), REPORT_PAGE, pageParam(url.searchParams));
	const projectId = idParam(url.searchParams.get('prosjekt'));
	const project = projectId === null ? undefined : getProjectById(projectId);
	const planFor =
		project && canFreeze(user, 'gevinstrealiseringsplan', project.ownerId)
			? { id: project.id, title: project.title }
			: null;
	return {
		reports: listReports(filter, REPORT_PAGE, info.offset).map(row),
		total: info.total,
		pager: pagerLinks(url.searchParams, info, 'side', 'tidligere'),
		freeze: {
			plan: planFor,
			register: isSteering(user),
			period: tertialToDate(osloDay(now))
		}
	};
}

export function reportPage({ user, report }: ReturnType<typeof requireReportFile>) {
	return {
		report: { ...row(report), sha256: report.sha256, version: report.version, scope: report.scope },
		canApprove:
			report.status === 'draft' &&
			canApproveKind(user, report.kind) &&
			report.createdById !== user.id,
		frozeItYourself: report.createdById === user.id,
		// The internal-control report is signed by the kommunedirektør (kommuneloven § 25-2).
		approver: report.kind === 'internkontroll' ? ('director' as const) : ('steering' as const)
	};
}

/** The stored file of a report the guard let through: the bytes exactly as issued. */
export function reportFile({ report }: ReturnType<typeof requireReportFile>) {
	const file = getReportFile(report.id);
	if (!file) error(404, ARCHIVE_ACCESS.notFound);
	return file;
}
