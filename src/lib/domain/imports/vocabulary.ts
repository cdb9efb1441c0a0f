/** What can be imported, as codes with their bokmål labels. */

export const IMPORT_KINDS = [
	'wheel_tasks',
	'portfolio',
	'benefits',
	'benefit_realisations'
] as const;

export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABEL: Record<ImportKind, string> = {
	wheel_tasks: 'Oppgaver i et årshjul',
	portfolio: 'Spor, prosjekter og tiltak',
	benefits: 'Gevinster og estimatlinjer',
	benefit_realisations: 'Realiserte verdier'
};
