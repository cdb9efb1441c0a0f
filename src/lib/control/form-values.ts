/**
 * Internal-control rows as the flat values their edit forms post: on first load, and with the
 * newer values after a lost-update conflict.
 */
import type { FormValues } from '$lib/schemas/form';

export function deviationValues(d: {
	title: string;
	description: string;
	severity: string;
	immediateAction: string;
	correctiveAction: string;
	responsibleId: number | null;
	deadline: string | null;
	version: number;
}): FormValues {
	return {
		title: d.title,
		description: d.description,
		severity: d.severity,
		immediateAction: d.immediateAction,
		correctiveAction: d.correctiveAction,
		responsibleId: d.responsibleId === null ? '' : String(d.responsibleId),
		deadline: d.deadline ?? '',
		version: String(d.version)
	};
}

export function tilsynValues(
	t: {
		authority: string;
		theme: string;
		description: string;
		startDate: string | null;
		preliminaryReportDate: string | null;
		finalReportDate: string | null;
		followUpDeadline: string | null;
		status: string;
		version: number;
	},
	unitIds: number[]
): FormValues {
	return {
		authority: t.authority,
		theme: t.theme,
		description: t.description,
		startDate: t.startDate ?? '',
		preliminaryReportDate: t.preliminaryReportDate ?? '',
		finalReportDate: t.finalReportDate ?? '',
		followUpDeadline: t.followUpDeadline ?? '',
		status: t.status,
		unitIds: unitIds.map(String),
		version: String(t.version)
	};
}
