/**
 * Benefits, their estimate lines and their realised values from a spreadsheet, with the columns
 * the benefit register download writes (/gevinster/last-ned, benefits/views/register-headers.ts:
 * sheets «Gevinster», «Estimatlinjer», «Realiseringer»), or one of them in a CSV file. Labels
 * are read as the pages show them («Tjeneste», «Kroner», «Budsjettkutt») or as their codes.
 */
import {
	ASSESSMENT_LABEL,
	ASSESSMENTS,
	BENEFICIARY_LABEL,
	BENEFIT_LEVEL_LABEL,
	TAKEOUT_LABEL,
	UNIT_LABEL
} from '../benefits/vocabulary';
import {
	levelMapping,
	levelSheetIndex,
	type ColumnMapping,
	type ImportField,
	type RememberedMapping,
	type SheetHeaders
} from './mapping';
import type { BenefitSheet } from './vocabulary';

const f = (
	sheet: BenefitSheet | 'realisations',
	key: string,
	label: string,
	required: boolean,
	synonyms: string[] = [],
	hint?: string
): ImportField => ({ key: `${sheet}.${key}`, sheet, label, required, synonyms, hint });

const words = (labels: Record<string, string>) => Object.values(labels).join(', ');

export const BENEFIT_FIELDS: readonly ImportField[] = [
	f(
		'benefits',
		'externalId',
		'Gevinst-ID',
		false,
		['id'],
		'Finnes gevinsten med denne ID-en og tittelen, hoppes raden over.'
	),
	f('benefits', 'title', 'Gevinst', true, ['tittel', 'navn', 'gevinstnavn']),
	f(
		'benefits',
		'projectId',
		'Prosjekt-ID',
		false,
		[],
		'Brukes når prosjektet med denne ID-en har tittelen i «Prosjekt».'
	),
	f('benefits', 'project', 'Prosjekt', true, ['prosjektnavn'], 'Prosjektets tittel.'),
	f('benefits', 'level', 'Nivå', true, [], words(BENEFIT_LEVEL_LABEL) + '.'),
	f('benefits', 'kind', 'Type', true, ['art'], 'Kvantitativ eller Kvalitativ.'),
	f('benefits', 'unit', 'Enhet', false, [], `${words(UNIT_LABEL)}; må fylles når kvantitativ.`),
	f('benefits', 'owner', 'Gevinstansvarlig', false, ['gevinsteier', 'eier'], 'Brukerens navn.'),
	f('benefits', 'indicator', 'Indikator', false),
	f('benefits', 'measurement', 'Måling', false, ['målemetode']),
	f('benefits', 'takeout', 'Uttak', true, ['uttaksmetode'], words(TAKEOUT_LABEL) + '.'),
	f(
		'benefits',
		'beneficiary',
		'Mottaker',
		true,
		['gevinstmottaker'],
		'Helse, Utdanning, Kommunalt, Familie, Stat, eller hvem som helst annen med egne ord.'
	),
	f('benefits', 'description', 'Beskrivelse', false),
	f('benefits', 'disbenefit', 'Ulempe', false, [], '«Ulempe» eller «Ja» for en negativ effekt.'),
	// A reduction (fewer overtime shifts, shorter waits) has its target below the baseline: the
	// plan's check (value-rules.ts) needs the direction to accept it, as the form does.
	f(
		'benefits',
		'direction',
		'Retning',
		false,
		['målretning'],
		'Høyere er bedre eller Lavere er bedre; tom er Høyere er bedre. Et mål under nullpunktet (en reduksjon) krever Lavere er bedre.'
	),
	f('benefits', 'baselineValue', 'Nullpunkt', false, ['nullpunktverdi']),
	f('benefits', 'baselineDate', 'Nullpunkt dato', false, [], 'ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.'),
	f(
		'benefits',
		'baselineMethod',
		'Metode for nullpunkt',
		false,
		['nullpunkt metode', 'nullpunktmetode'],
		'Må fylles når nullpunktet er gitt; kan fylles med en standardverdi.'
	),
	f('benefits', 'targetValue', 'Målverdi', false),
	f('benefits', 'targetDate', 'Måldato', false),
	f('lines', 'externalId', 'Linje-ID', false, ['id']),
	f('lines', 'benefitId', 'Gevinst-ID', false, []),
	f(
		'lines',
		'benefit',
		'Gevinst',
		true,
		['gevinstnavn'],
		'Gevinstens tittel: en gevinst som finnes, eller en i arket «Gevinster».'
	),
	f('lines', 'description', 'Beskrivelse', true, ['linje']),
	f('lines', 'amountPerCase', 'Beløp per tilfelle', true, ['beløp', 'verdi per tilfelle']),
	f('lines', 'cases', 'Antall tilfeller', true, ['antall']),
	f('lines', 'share', 'Andel', true, ['andel prosent'], 'Prosent: «60 %» eller «60».')
];

export const REALISATION_FIELDS: readonly ImportField[] = [
	f(
		'realisations',
		'externalId',
		'Rad-ID',
		false,
		['id'],
		'Finnes raden med denne ID-en for gevinsten og måneden, hoppes den over.'
	),
	f('realisations', 'benefitId', 'Gevinst-ID', false, []),
	f('realisations', 'benefit', 'Gevinst', true, ['gevinstnavn'], 'Gevinstens tittel.'),
	f('realisations', 'period', 'Måned', true, ['periode'], 'ÅÅÅÅ-MM, MM.ÅÅÅÅ eller en dato.'),
	f('realisations', 'value', 'Verdi', false, ['realisert'], 'Helt tall; for kvantitative.'),
	f(
		'realisations',
		'assessment',
		'Vurdering',
		false,
		[],
		'1–5, Rød, Gul eller Grønn; for kvalitative.'
	),
	f('realisations', 'narrative', 'Begrunnelse for vurderingen', false, ['vurderingstekst']),
	f('realisations', 'comment', 'Kommentar', false),
	f('realisations', 'supersedes', 'Erstatter rad', false, ['korrigerer']),
	f('realisations', 'correctionReason', 'Begrunnelse for korrigering', false)
];

const SHEET_NAMES: Record<BenefitSheet | 'realisations', string[]> = {
	benefits: ['gevinster', 'gevinst', 'gevinstregister'],
	lines: ['estimatlinjer', 'estimat', 'linjer'],
	realisations: ['realiseringer', 'realisering', 'realisert']
};

/**
 * Which of the file's sheets holds a level: the sheet of that name, or, for a file of one sheet
 * (a CSV), the level its headers name: «Måned» means realisations, «Beløp per tilfelle» lines,
 * else benefits.
 */
export function benefitSheetIndex(sheets: SheetHeaders, level: BenefitSheet | 'realisations') {
	return levelSheetIndex(sheets, level, SHEET_NAMES, (headers) =>
		headers.includes('måned')
			? 'realisations'
			: headers.includes('beløp per tilfelle')
				? 'lines'
				: 'benefits'
	);
}

/** The mapping of every level present, each matched against its own sheet's headers. */
export function benefitMapping(
	fields: readonly ImportField[],
	sheets: SheetHeaders,
	remembered?: RememberedMapping
): ColumnMapping {
	const levels = new Set(fields.map((x) => x.sheet as BenefitSheet));
	return levelMapping(fields, levels, sheets, benefitSheetIndex, remembered);
}

const plain = (text: string) => text.trim().toLocaleLowerCase('nb-NO');

/** The code whose label or code the text is, or null. */
export function codeOf<K extends string>(labels: Record<K, string>, text: string): K | null {
	const t = plain(text);
	const keys = Object.keys(labels) as K[];
	return keys.find((k) => plain(k) === t || plain(labels[k]) === t) ?? null;
}

/** «Kvantitativ»/«Kvalitativ» or their codes; null when neither. */
export function kindOf(text: string): 'kvantitativ' | 'kvalitativ' | null {
	const t = plain(text);
	return t === 'kvantitativ' || t === 'kvalitativ' ? t : null;
}

/** A known recipient's code; any other text is «annet» with the text as its own words. */
export function beneficiaryOf(text: string): { code: string; other: string } {
	if (text.trim() === '') return { code: '', other: '' };
	const code = codeOf(BENEFICIARY_LABEL, text);
	if (code && code !== 'annet') return { code, other: '' };
	return { code: 'annet', other: code === 'annet' ? '' : text.trim() };
}

/** The register writes «Ulempe»; «Ja», «x» and «true» mean the same. Blank is a gain. */
export function isDisbenefitText(text: string): boolean | null {
	const t = plain(text);
	if (t === '' || t === 'nei' || t === 'false' || t === 'gevinst') return false;
	return ['ulempe', 'ja', 'x', 'true'].includes(t) ? true : null;
}

/** «1 – svært svak», «1», «Grønn» or «gronn». */
export function assessmentOf(text: string): string | null {
	const t = plain(text);
	if (t === '') return '';
	return (
		ASSESSMENTS.find(
			(a) =>
				a === t ||
				plain(ASSESSMENT_LABEL[a]) === t ||
				plain(ASSESSMENT_LABEL[a]).startsWith(`${t} `)
		) ?? null
	);
}

/**
 * A month as `YYYY-MM`: `2026-03`, a day in it (`2026-03-01`, as a month cell of the register
 * reads back), `03.2026` or `01.03.2026`. Anything else is given back as it is, for the form's
 * own schema to refuse with its message.
 */
export function isoMonth(text: string): string {
	const t = text.trim();
	let m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(t);
	if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
	m = /^(?:\d{1,2}\.)?(\d{1,2})\.(\d{4})$/.exec(t);
	if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
	return t;
}

/**
 * A share as the estimate line form takes it (percent, «12,5»): «60 %» and «60» are 60. A
 * percent cell of a workbook reads as «60 %» (imports/read.ts), so the register's «Andel»
 * comes back as it was shown.
 */
export function sharePercentText(text: string): string {
	const t = text.trim().replace(/\s+/g, '');
	return t.endsWith('%') ? t.slice(0, -1) : t;
}
