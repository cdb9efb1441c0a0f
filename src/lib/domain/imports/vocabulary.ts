/** What can be imported, and the sheets it is read from, as codes with their bokmål labels. */

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

/** The sheets of a portfolio workbook, as the portfolio download names them. */
export type PortfolioSheet = 'tracks' | 'projects' | 'measures';

export const PORTFOLIO_SHEET_LABEL: Record<PortfolioSheet, string> = {
	tracks: 'Spor',
	projects: 'Prosjekter',
	measures: 'Tiltak'
};

/** The sheets of a benefits workbook, as the benefit register download names them. */
export type BenefitSheet = 'benefits' | 'lines';

export const BENEFIT_SHEET_LABEL: Record<BenefitSheet | 'realisations', string> = {
	benefits: 'Gevinster',
	lines: 'Estimatlinjer',
	realisations: 'Realiseringer'
};
