import { describe, expect, it } from 'vitest';
import { apiGuide, textParts } from './guide';
import { API_OPERATIONS, IDEMPOTENCY_KEY_TEXT } from './operations';
import { withLocale } from '../../../tests/helpers/runtime-locale';

const guide = apiGuide('https://misjonskart.example');

describe('the /api page’s guide', () => {
	it('gives the projects example its required track', () => {
		const projects = guide.operations.find((o) => o.id === 'listProjects')!;
		expect(projects.curl).toContain(
			'"https://misjonskart.example/api/v1/portefolje/prosjekter?spor=2"'
		);
	});

	it('shows names in backticks as code, never the backticks', () => {
		expect(textParts('Send som `etter` for neste side.')).toEqual([
			{ text: 'Send som ', code: false },
			{ text: 'etter', code: true },
			{ text: ' for neste side.', code: false }
		]);
		const texts = guide.operations.flatMap((o) => [
			...o.description,
			...o.parameters.flatMap((p) => p.description)
		]);
		expect(texts.some((t) => t.code)).toBe(true);
		expect(texts.filter((t) => t.text.includes('`'))).toEqual([]);
	});
});

describe('the /api page in the reader’s language', () => {
	const texts = (locale: 'nb' | 'nn' | 'en') =>
		withLocale(locale, () =>
			apiGuide('https://x').operations.flatMap((o) => [
				`${o.id}: ${o.summary}`,
				`${o.id}: ${o.who}`,
				`${o.id}: ${o.description.map((p) => p.text).join('')}`,
				...o.parameters.map(
					(p) => `${o.id}.${p.name}: ${p.description.map((d) => d.text).join('')}`
				)
			])
		);
	// The OpenAPI document's own (bokmål) texts, as operations.ts gives them.
	const own = API_OPERATIONS.flatMap((o) => [
		`${o.id}: ${o.summary}`,
		`${o.id}: ${o.who}`,
		`${o.id}: ${textParts(o.description)
			.map((p) => p.text)
			.join('')}`,
		...o.pathParams.map((p) => `${o.id}.${p.name}: ${p.description}`),
		...[o.query, o.body].flatMap((s) =>
			Object.entries(s?.shape ?? {}).map(
				([name, f]) =>
					`${o.id}.${name}: ${textParts((f as { description?: string }).description ?? '')
						.map((p) => p.text)
						.join('')}`
			)
		),
		...(o.idempotent
			? [
					`${o.id}.Idempotency-Key: ${textParts(IDEMPOTENCY_KEY_TEXT)
						.map((p) => p.text)
						.join('')}`
				]
			: [])
	]);

	it('says in bokmål what the OpenAPI document says', () => {
		expect(new Set(texts('nb'))).toEqual(new Set(own));
	});

	it('says it in English and nynorsk, not in the document’s bokmål', () => {
		for (const locale of ['en', 'nn'] as const) {
			const bokmaal = new Set(own);
			const same = texts(locale).filter((t) => bokmaal.has(t) && !t.endsWith(': '));
			// Two nynorsk sentences read as bokmål does.
			expect(same.length, locale).toBeLessThanOrEqual(locale === 'nn' ? 3 : 0);
		}
		const en = texts('en');
		expect(en).toContain('getPortfolio: Everyone signed in, as Overview.');
		expect(en).toContain('signOccurrence.periode: The month the occurrence is for, YYYY-MM.');
	});
});
