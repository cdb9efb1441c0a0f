/**
 * The reports' codes and their Norwegian labels (steering issue «Reports»: Styringsrapport,
 * Gevinstrealiseringsplan; a report frozen as of a meeting is utkast until a steering member
 * approves it, then godkjent).
 */
export const REPORT_KINDS = [
	'styringsrapport',
	'gevinstrealiseringsplan',
	'regneark',
	'internkontroll'
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABEL: Record<ReportKind, string> = {
	styringsrapport: 'Styringsrapport',
	gevinstrealiseringsplan: 'Gevinstrealiseringsplan',
	regneark: 'Regneark',
	internkontroll: 'Internkontrollrapport'
};

/** utkast → godkjent; an approved report is never changed or deleted. */
export const REPORT_STATUSES = ['draft', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
	draft: 'Utkast',
	approved: 'Godkjent'
};
