/**
 * Portfolio items from a spreadsheet: tracks, projects and measures, each level on its own
 * sheet as the portfolio download writes them (/portefolje/last-ned: «Spor», «Prosjekter»,
 * «Tiltak», fixed headers), or one level in a CSV file. A project names its tracks by code, a
 * measure its project by id or title; a status is the label the pages show («Vedtatt»).
 */
import { LIFECYCLE_TRANSITIONS } from '../portfolio/rules';
import { LIFECYCLE_LABEL, LIFECYCLE_STATUSES, type LifecycleStatus } from '../portfolio/vocabulary';
import {
	levelMapping,
	levelSheetIndex,
	type ColumnMapping,
	type ImportField,
	type RememberedMapping,
	type SheetHeaders
} from './mapping';
import type { PortfolioSheet } from './vocabulary';

const STATUS_HINT = `${LIFECYCLE_STATUSES.map((s) => LIFECYCLE_LABEL[s]).join(', ')}; tom er Forslag.`;
const OWNER_HINT = 'Brukerens navn; tom er deg selv.';

const f = (
	sheet: PortfolioSheet,
	key: string,
	label: string,
	required: boolean,
	synonyms: string[] = [],
	hint?: string
): ImportField => ({ key: `${sheet}.${key}`, sheet, label, required, synonyms, hint });

export const PORTFOLIO_FIELDS: readonly ImportField[] = [
	f(
		'tracks',
		'externalId',
		'Spor-ID',
		false,
		['id'],
		'Finnes sporet med denne ID-en og koden, hoppes raden over.'
	),
	f('tracks', 'code', 'Kode', true, ['sporkode'], 'For eksempel 1A.'),
	f('tracks', 'title', 'Spor', true, ['tittel', 'navn', 'missionspor']),
	f('tracks', 'status', 'Status', false, [], STATUS_HINT),
	f('tracks', 'owner', 'Eier', false, ['ansvarlig'], OWNER_HINT),
	f(
		'tracks',
		'problemStatement',
		'Problemformulering',
		true,
		['problem', 'problemstilling'],
		'Kan fylles med en standardverdi.'
	),
	f('tracks', 'barriers', 'Hovedbarrierer', false, ['barrierer']),
	f('projects', 'externalId', 'Prosjekt-ID', false, ['id']),
	f('projects', 'title', 'Prosjekt', true, ['tittel', 'navn', 'prosjektnavn']),
	f('projects', 'status', 'Status', false, [], STATUS_HINT),
	f('projects', 'owner', 'Eier', false, ['prosjektleder', 'ansvarlig'], OWNER_HINT),
	f(
		'projects',
		'tracks',
		'Spor',
		true,
		['missionspor', 'sporkoder'],
		'Sporenes koder, skilt med komma: «1A, 1B».'
	),
	f('projects', 'description', 'Beskrivelse', false),
	f('projects', 'startDate', 'Start', false, ['startdato'], 'ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.'),
	f('projects', 'endDate', 'Slutt', false, ['sluttdato']),
	f('measures', 'externalId', 'Tiltak-ID', false, ['id']),
	f('measures', 'title', 'Tiltak', true, ['tittel', 'navn']),
	f(
		'measures',
		'projectId',
		'Prosjekt-ID',
		false,
		[],
		'Brukes når prosjektet med denne ID-en har tittelen i «Prosjekt».'
	),
	f(
		'measures',
		'project',
		'Prosjekt',
		true,
		['prosjektnavn'],
		'Prosjektets tittel: et prosjekt som finnes, eller et i filen.'
	),
	f('measures', 'status', 'Status', false, [], STATUS_HINT),
	f('measures', 'owner', 'Eier', false, ['ansvarlig'], OWNER_HINT),
	f('measures', 'units', 'Enheter', false, ['enhet'], 'Enhetenes navn, skilt med komma.'),
	f('measures', 'description', 'Beskrivelse', false),
	f('measures', 'startDate', 'Start', false, ['startdato']),
	f('measures', 'endDate', 'Slutt', false, ['sluttdato'])
];

const SHEET_NAMES: Record<PortfolioSheet, string[]> = {
	tracks: ['spor', 'missionspor'],
	projects: ['prosjekter', 'prosjekt'],
	measures: ['tiltak']
};

/**
 * Which of the file's sheets holds a level: the sheet of that name, or, for a file of one sheet
 * (a CSV), the level its headers name: a «Tiltak» column means measures, else «Prosjekt»
 * projects, else «Kode» tracks.
 */
export function portfolioSheetIndex(sheets: SheetHeaders, level: PortfolioSheet): number {
	return levelSheetIndex(sheets, level, SHEET_NAMES, (headers) =>
		headers.includes('tiltak') ? 'measures' : headers.includes('prosjekt') ? 'projects' : 'tracks'
	);
}

/** The mapping of every level present, each matched against its own sheet's headers. */
export function portfolioMapping(
	sheets: SheetHeaders,
	remembered?: RememberedMapping
): ColumnMapping {
	const levels = ['tracks', 'projects', 'measures'] as const;
	return levelMapping(PORTFOLIO_FIELDS, levels, sheets, portfolioSheetIndex, remembered);
}

/** «Vedtatt», «vedtatt» or «adopted»; blank is a new proposal. Null when unknown. */
export function lifecycleOf(text: string): LifecycleStatus | null {
	const t = text.trim().toLocaleLowerCase('nb-NO');
	if (t === '') return 'proposed';
	return (
		LIFECYCLE_STATUSES.find(
			(s) => s === t || LIFECYCLE_LABEL[s].toLocaleLowerCase('nb-NO') === t
		) ?? null
	);
}

/**
 * The steps from `from` to `to` along the lifecycle (seed 004's funnel: forslag → anbefalt →
 * vedtatt → pågår → avsluttet), each a transition the status form would allow, so an imported
 * «Pågår» has the same history as one moved there by hand. Empty when already there.
 */
export function lifecyclePath(from: LifecycleStatus, to: LifecycleStatus): LifecycleStatus[] {
	const previous = new Map<LifecycleStatus, LifecycleStatus>();
	const queue: LifecycleStatus[] = [from];
	while (queue.length > 0) {
		const at = queue.shift()!;
		if (at === to) break;
		for (const next of LIFECYCLE_TRANSITIONS[at]) {
			if (next !== from && !previous.has(next)) {
				previous.set(next, at);
				queue.push(next);
			}
		}
	}
	const path: LifecycleStatus[] = [];
	for (let at = to; at !== from; at = previous.get(at)!) {
		if (!previous.has(at)) return [];
		path.unshift(at);
	}
	return path;
}

/** «1A, 1B» or «1A; 1B»: the items, trimmed, without blanks or repeats. */
export function listItems(text: string): string[] {
	return [
		...new Set(
			text
				.split(/[,;\n]/)
				.map((s) => s.trim())
				.filter(Boolean)
		)
	];
}

/** `DD.MM.ÅÅÅÅ` (as Norwegian Excel writes a date in CSV) as `YYYY-MM-DD`; anything else as given. */
export function isoDay(text: string): string {
	const t = text.trim();
	const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
	return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
}

/** Titles and names compare without case and extra spaces. */
export function nameKey(text: string): string {
	return text.toLocaleLowerCase('nb-NO').replace(/\s+/g, ' ').trim();
}
