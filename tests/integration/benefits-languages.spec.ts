import { describe, expect, it } from 'vitest';
import { withLocale } from '$lib/server/i18n';
import { BENEFIT_MESSAGES, alreadyDecided, checkNewLink } from '$lib/server/benefits/messages';
import { benefitSchema, plannedPeriodSchema } from '$lib/schemas/benefits';
import { periodLabel } from '$lib/labels-benefits';
import { realisationSummary } from '$lib/charts/realisation';

/**
 * The benefit area's server answers in the request's language (messages/benefits): the
 * refusals a write gives, the form errors, and the words charts and lists are drawn with.
 * Bokmål stays word for word what it was; the other specs assert it.
 */
describe('benefit texts per language', () => {
	const nodes = [
		{ id: 'c1', kind: 'change' as const, label: 'Økt bevissthet' },
		{ id: 'c2', kind: 'change' as const, label: 'Felles forståelse' }
	];
	const edges = [{ from: 'c1', to: 'c2' }];

	it('refuses a link in nynorsk and English', () => {
		expect(withLocale('nn', () => checkNewLink(nodes, edges, 'c1', 'c1'))).toEqual({
			ok: false,
			message: 'Eit element kan ikkje koplast til seg sjølv.'
		});
		expect(withLocale('en', () => checkNewLink(nodes, edges, 'c2', 'c1'))).toEqual({
			ok: false,
			message:
				'The link would make a circle: “Økt bevissthet” already leads back to “Felles forståelse”.'
		});
	});

	it('reads a refusal when it is given, not when the module was loaded', () => {
		expect(withLocale('nb', () => BENEFIT_MESSAGES.messages.benefit_missing)).toBe(
			'Fant ikke gevinsten. Last siden på nytt.'
		);
		expect(withLocale('nn', () => BENEFIT_MESSAGES.messages.benefit_missing)).toBe(
			'Fann ikkje gevinsten. Last sida på nytt.'
		);
		expect(withLocale('en', () => alreadyDecided('approved', 'Kari', null))).toBe(
			'The change has already been approved by Kari. The page now shows how the plan stands.'
		);
	});

	it('gives form errors in the reader’s language', () => {
		const errorsIn = (locale: 'nb' | 'nn' | 'en') =>
			withLocale(locale, () => {
				const parsed = plannedPeriodSchema.safeParse({ period: '2026-13', value: 'x' });
				return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
			});
		expect(errorsIn('nb')).toEqual([
			'Skriv måneden som ÅÅÅÅ-MM, for eksempel 2026-10',
			'Skriv verdien som et helt tall'
		]);
		expect(errorsIn('nn')).toEqual([
			'Skriv månaden som ÅÅÅÅ-MM, til dømes 2026-10',
			'Skriv verdien som eit heilt tal'
		]);
		expect(errorsIn('en')).toEqual([
			'Write the month as YYYY-MM, for example 2026-10',
			'Write the value as a whole number'
		]);
		const title = withLocale('en', () => {
			const parsed = benefitSchema.safeParse({});
			return parsed.error?.issues.find((i) => i.path[0] === 'title')?.message;
		});
		expect(title).toBe('Give the benefit a name');
	});

	it('names months and describes the realisation chart in the reader’s language', () => {
		expect(withLocale('nb', () => periodLabel('2026-10'))).toBe('oktober 2026');
		expect(withLocale('en', () => periodLabel('2026-10'))).toBe('October 2026');
		const rows = [
			{ period: '2026-01', planned: 0, realised: 0 },
			{ period: '2026-02', planned: 10, realised: null }
		];
		expect(
			withLocale('nn', () => realisationSummary(rows, { unit: 'antall', subject: 'Saker' }))
		).toBe(
			'Saker: kumulativ gevinst frå januar 2026, planlagt 10 innan februar 2026; realisert 0 per januar 2026 mot planlagt 0.'
		);
	});
});
