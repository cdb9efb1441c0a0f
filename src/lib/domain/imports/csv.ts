/**
 * CSV as spreadsheets write it (RFC 4180: fields in double quotes may hold the separator, line
 * breaks and doubled quotes). Norwegian Excel writes `;` between fields, since `,` is the
 * decimal sign; others write `,` or a tab. The separator is the one the header line uses most,
 * outside quotes. A UTF-8 byte order mark (Excel's «CSV UTF-8») is dropped.
 */

export type CsvSeparator = ';' | ',' | '\t';

/** The separator the first line uses most, outside quotes; `;` when it has none. */
export function detectSeparator(text: string): CsvSeparator {
	const counts: Record<CsvSeparator, number> = { ';': 0, ',': 0, '\t': 0 };
	let quoted = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
	}
	const best = (Object.keys(counts) as CsvSeparator[]).reduce((a, b) =>
		counts[b] > counts[a] ? b : a
	);
	return counts[best] > 0 ? best : ';';
}

export type CsvResult = { ok: true; rows: string[][] } | { ok: false; line: number };

/**
 * The records of `text`, each a list of fields; a record of one empty field (a blank line) is
 * kept so line numbers stay the spreadsheet's row numbers. A quote left open at the end is
 * refused with the line it opened on. `maxRows` stops reading early (the caller refuses the file).
 */
export function parseCsv(input: string, maxRows = Infinity): CsvResult {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const sep = detectSeparator(text);
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let quoteLine = 0;
	let line = 1;
	let i = 0;
	const endRecord = () => {
		row.push(field);
		rows.push(row);
		row = [];
		field = '';
	};
	while (i < text.length) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (ch === '"') quoted = false;
			else {
				if (ch === '\n') line += 1;
				field += ch;
			}
			i += 1;
			continue;
		}
		if (ch === '"' && field === '') {
			quoted = true;
			quoteLine = line;
		} else if (ch === sep) {
			row.push(field);
			field = '';
		} else if (ch === '\r' || ch === '\n') {
			if (ch === '\r' && text[i + 1] === '\n') i += 1;
			line += 1;
			endRecord();
			if (rows.length > maxRows) return { ok: true, rows };
		} else field += ch;
		i += 1;
	}
	if (quoted) return { ok: false, line: quoteLine };
	if (field !== '' || row.length > 0) endRecord();
	return { ok: true, rows };
}
