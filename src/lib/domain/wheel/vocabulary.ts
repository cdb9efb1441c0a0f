/**
 * The årshjul's vocabulary: how often a task recurs and the status of an occurrence, as codes
 * in English with their bokmål labels. The database stores these codes as they are.
 */

/** How often a task recurs (seed 004): every month, in given months, or once a year. */
export type ScheduleKind = 'monthly' | 'months' | 'yearly';

export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['monthly', 'months', 'yearly'];

export const SCHEDULE_KIND_LABEL: Record<ScheduleKind, string> = {
	monthly: 'Hver måned',
	months: 'Valgte måneder',
	yearly: 'Én gang i året'
};

export type OccurrenceStatus = 'signed' | 'signed_late' | 'due' | 'overdue' | 'future';

export const OCCURRENCE_STATUSES: readonly OccurrenceStatus[] = [
	'signed',
	'signed_late',
	'due',
	'overdue',
	'future'
];

export const OCCURRENCE_STATUS_LABEL: Record<OccurrenceStatus, string> = {
	signed: 'Signert',
	signed_late: 'Signert for sent',
	due: 'Til signering',
	overdue: 'Forfalt',
	future: 'Fremtidig'
};
