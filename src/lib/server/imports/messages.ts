/** The import's messages: why a file is refused, and what a commit answers. */
import {
	formatByteSize,
	IMPORT_MAX_BYTES,
	IMPORT_MAX_COLUMNS,
	IMPORT_MAX_ROWS,
	IMPORT_MAX_TEXT,
	IMPORT_MAX_UNPACKED_BYTES
} from '$lib/domain/imports/limits';
import type { ReadRefusal } from './read';

const rows = IMPORT_MAX_ROWS.toLocaleString('nb-NO');
const NOTHING = 'Ingenting er importert.';

/** «Spor», «Prosjekter» eller «Tiltak». */
const list = (names: string[], last: string) => {
	const quoted = names.map((x) => `«${x}»`);
	return quoted.length < 2
		? quoted.join('')
		: `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1]}`;
};

/** A refused file, in words: what is wrong, and what to do. */
export function refusalMessage(reason: ReadRefusal | 'no_file', where?: string): string {
	const at = where ? ` (${where})` : '';
	switch (reason) {
		case 'no_file':
			return 'Velg en fil å importere.';
		case 'empty':
			return `Filen er tom. ${NOTHING}`;
		case 'too_large':
			return `Filen er større enn ${formatByteSize(IMPORT_MAX_BYTES)}. Del den opp og importer delene hver for seg. ${NOTHING}`;
		case 'too_many_rows':
			return `Filen har flere enn ${rows} rader. Del den opp og importer delene hver for seg. ${NOTHING}`;
		case 'too_many_columns':
			return `Et ark har flere enn ${IMPORT_MAX_COLUMNS} kolonner. Fjern kolonnene som ikke skal importeres. ${NOTHING}`;
		case 'too_much_text':
			return `Filen har mer tekst i cellene enn ${formatByteSize(IMPORT_MAX_TEXT)}. Fjern kolonnene som ikke skal importeres. ${NOTHING}`;
		case 'wrong_type':
			return `Filen er verken et Excel-regneark (.xlsx) eller en CSV-fil. Innholdet avgjør typen, ikke filnavnet. ${NOTHING}`;
		case 'old_excel':
			return `Filen er i det gamle Excel-formatet (.xls). Lagre den som Excel-arbeidsbok (.xlsx) eller CSV, og prøv igjen. ${NOTHING}`;
		case 'macro':
			return `Filen inneholder makroer (VBA). Vi tar ikke imot regneark med makroer: lagre den som vanlig Excel-arbeidsbok (.xlsx) og prøv igjen. ${NOTHING}`;
		case 'zip_bomb':
			return `Filen pakker seg ut til mer enn den sier, eller til mer enn ${formatByteSize(IMPORT_MAX_UNPACKED_BYTES)}. Den er avvist som mulig skadelig fil («zip-bombe»). ${NOTHING}`;
		case 'unreadable':
			return `Filen kunne ikke leses som regneark${at}. Den kan være skadet; åpne og lagre den på nytt i Excel. ${NOTHING}`;
		case 'encoding':
			return `CSV-filen er ikke i UTF-8. I Excel: Lagre som → «CSV UTF-8 (kommadelt)». ${NOTHING}`;
		case 'open_quote':
			return `CSV-filen har et anførselstegn som ikke lukkes${at}. ${NOTHING}`;
		case 'formula':
			return `Cellen ${where ?? ''} inneholder en formel. Importen tar bare faste verdier: kopier cellene og lim inn som verdier, og prøv igjen. ${NOTHING}`;
		case 'merged':
			return `Filen har sammenslåtte celler${at}. Del opp de sammenslåtte cellene slik at hver rad har sine egne verdier, og prøv igjen. ${NOTHING}`;
		case 'error_value':
			return `Cellen ${where ?? ''} har en feilverdi (som #I/T eller #DIV/0!). Rett cellen og prøv igjen. ${NOTHING}`;
		case 'no_rows':
			return `Filen har ingen rader under overskriftene. ${NOTHING}`;
	}
}

export const IMPORT_MESSAGES = {
	notFound:
		'Fant ikke filen du lastet opp. Den kan ha utløpt (etter en time); last den opp på nytt.',
	alreadyCommitted: 'Denne filen er allerede importert.',
	hasErrors: (n: number) =>
		`${n === 1 ? 'Én rad har' : `${n.toLocaleString('nb-NO')} rader har`} feil. Rett filen og last den opp på nytt. ${NOTHING}`,
	changed:
		'Det som skulle importeres, er endret siden forhåndsvisningen (noen kan ha lagt til det samme i mellomtiden). Se over forhåndsvisningen og bekreft på nytt. Ingenting er importert.',
	unmapped: (labels: string[]) =>
		`Velg en kolonne for ${labels.map((l) => `«${l}»`).join(' og ')}, eller fyll inn en standardverdi.`,
	doubleMapped: (a: string, b: string) => `Samme kolonne kan ikke fylle både «${a}» og «${b}».`,
	mappingSaved: 'Kolonnene er lagret. Forhåndsvisningen under viser radene slik de blir lagret.',
	refused: 'Importen ble avbrutt og ingenting er lagret. Last siden på nytt og prøv igjen.',
	/** A workbook with none of the sheets the kind reads: nothing in it can be imported. */
	noSheets: (expected: string[], found: string[]) =>
		`Filen har ingen av arkene som importeres: ${list(expected, 'eller')}. Filen har ${found.length === 1 ? 'arket' : 'arkene'} ${list(found, 'og')}. Last opp en fil med ${expected.length === 1 ? 'dette arket' : 'minst ett av disse arkene'}. ${NOTHING}`,
	/** An id in the file names an item here under another name: neither skipped nor a new one. */
	idNamesOther: (label: string, id: string, here: string, inFile: string, what = 'tittelen') =>
		`${label} ${id} er «${here}» i Misjonskart, ikke «${inFile}». Endre ${what} i filen eller fjern ID-en.`
} as const;

/** «27 oppgaver importert, 0 hoppet over.» */
export function receiptMessage(created: number, skipped: number, noun: [string, string]): string {
	const n = (x: number) => x.toLocaleString('nb-NO');
	return `${n(created)} ${created === 1 ? noun[0] : noun[1]} importert, ${n(skipped)} hoppet over.`;
}
