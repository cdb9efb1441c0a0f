import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseLocale, locales } from './i18n';

// Every language has every message, with the same parameters: a key missing in one file would
// show the key's function falling back to bokmål; a parameter missing would print «undefined».
type Messages = Record<string, unknown>;

// The message files, one set per area (project.inlang/settings.json, «pathPattern»): the shell
// and shared words in messages/{locale}.json, each area's page texts in messages/<area>/.
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const patterns = settings['plugin.inlang.messageFormat'].pathPattern;

const read = (pattern: string, locale: string) =>
	JSON.parse(readFileSync(pattern.replace('{locale}', locale), 'utf8')) as Messages;

const files = Object.fromEntries(
	locales.map((locale) => [
		locale,
		Object.assign({}, ...patterns.map((p) => read(p, locale))) as Messages
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

	it('keeps each key in one file only', () => {
		const seen = new Map<string, string>();
		const twice = patterns.flatMap((p) =>
			keysOf(read(p, baseLocale)).flatMap((k) => {
				const before = seen.get(k);
				seen.set(k, p);
				return before ? [`${k}: ${before} and ${p}`] : [];
			})
		);
		expect(twice).toEqual([]);
	});

	it.each(locales.filter((l) => l !== baseLocale))(
		'%s keeps each key in the file bokmål has it in',
		(l) => {
			const misplaced = patterns.flatMap((p) => {
				const own = keysOf(read(p, baseLocale));
				return keysOf(read(p, l))
					.filter((k) => !own.includes(k))
					.map((k) => `${k} in ${p.replace('{locale}', l)}`);
			});
			expect(misplaced).toEqual([]);
		}
	);

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
