import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseLocale, locales } from './i18n';

// Every language has every message, with the same parameters: a key missing in one file would
// show the key's function falling back to bokmål; a parameter missing would print «undefined».
type Messages = Record<string, unknown>;

const files = Object.fromEntries(
	locales.map((locale) => [
		locale,
		JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Messages
	])
);

const keysOf = (messages: Messages) => Object.keys(messages).filter((k) => k !== '$schema');

/** The `{name}` parameters of a message, in every variant (plural forms are nested objects). */
function paramsOf(value: unknown): string[] {
	const found = new Set<string>();
	const walk = (v: unknown) => {
		if (typeof v === 'string') for (const m of v.matchAll(/\{\s*([\w]+)\s*\}/g)) found.add(m[1]!);
		else if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') Object.values(v).forEach(walk);
	};
	walk(value);
	return [...found].sort();
}

describe('message files', () => {
	const base = files[baseLocale]!;

	it.each(locales.filter((l) => l !== baseLocale))('%s has exactly the keys bokmål has', (l) => {
		const keys = keysOf(files[l]!);
		expect(
			keysOf(base).filter((k) => !keys.includes(k)),
			`missing in ${l}.json`
		).toEqual([]);
		expect(
			keys.filter((k) => !(k in base)),
			`only in ${l}.json`
		).toEqual([]);
	});

	it.each(locales.filter((l) => l !== baseLocale))('%s takes the parameters bokmål takes', (l) => {
		const differing = keysOf(base)
			.filter((k) => k in files[l]!)
			.filter((k) => paramsOf(base[k]).join() !== paramsOf(files[l]![k]).join());
		expect(differing, `parameters differ in ${l}.json`).toEqual([]);
	});

	it('has no empty message', () => {
		const empty = locales.flatMap((l) =>
			keysOf(files[l]!)
				.filter((k) => typeof files[l]![k] === 'string' && !(files[l]![k] as string).trim())
				.map((k) => `${l}: ${k}`)
		);
		expect(empty).toEqual([]);
	});
});
