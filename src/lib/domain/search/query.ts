/**
 * What a person types into «Søk», read into an SQLite FTS5 query (https://sqlite.org/fts5.html,
 * "Full-text Query Syntax"). Only words go through: each becomes a quoted string with `*`, so
 * «rutine fel» finds «Felles rutine for overføring» as it is typed, and nothing typed can be
 * read as FTS5 syntax (quotes, `AND`, `NEAR`, `:`, `^`, parentheses): a syntax error is
 * impossible by construction rather than caught afterwards.
 */

/** Longest search read, in characters; a title is rarely longer than a sentence. */
export const MAX_QUERY_LENGTH = 200;
/** Most words in one search; every word narrows, so more would find nothing anyway. */
export const MAX_QUERY_WORDS = 8;

export type SearchRefusal = 'too_long' | 'no_words' | 'too_many_words';

export type ParsedQuery =
	{ ok: true; words: string[]; match: string } | { ok: false; reason: SearchRefusal };

export const SEARCH_REFUSAL_MESSAGE: Record<SearchRefusal, string> = {
	too_long: `Søket er for langt. Bruk høyst ${MAX_QUERY_LENGTH} tegn.`,
	no_words: 'Søket må inneholde minst ett ord eller tall.',
	too_many_words: `Søket har for mange ord. Bruk høyst ${MAX_QUERY_WORDS}.`
};

/**
 * Words are runs of letters, combining marks and digits (Unicode classes L, M, N), the
 * characters FTS5's unicode61 tokenizer keeps; everything else separates words, as it does in
 * the index («ROS-analyse» is «ros» and «analyse» in both). NFC first, so an «å» typed as «a»
 * plus a combining ring (as macOS may send it) is the one letter the titles hold.
 */
export function parseSearchQuery(input: string): ParsedQuery {
	if (input.length > MAX_QUERY_LENGTH) return { ok: false, reason: 'too_long' };
	const found = input
		.normalize('NFC')
		.toLocaleLowerCase('nb-NO')
		.match(/[\p{L}\p{M}\p{N}]+/gu);
	const words = [...new Set(found ?? [])];
	if (words.length === 0) return { ok: false, reason: 'no_words' };
	if (words.length > MAX_QUERY_WORDS) return { ok: false, reason: 'too_many_words' };
	return { ok: true, words, match: words.map(term).join(' ') };
}

/**
 * A word of two or more characters is a prefix; a single one is itself («tiltak 5» finds
 * «Tiltak 5: …», not every title with a word starting in 5): a one-letter prefix matches most
 * of the index, 47 000 titles for «t» at national scale, which helps nobody.
 */
function term(word: string): string {
	return [...word].length > 1 ? `"${word}"*` : `"${word}"`;
}
