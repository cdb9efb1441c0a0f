import { describe, expect, it } from 'vitest';
import { withLocale } from '$lib/server/i18n';
import { parseForm } from '$lib/schemas/form';
import { trackSchema } from '$lib/schemas/portfolio';
import { portfolioMessages, PORTFOLIO_SUCCESS } from '$lib/server/portfolio/messages';
import { messageFor } from '$lib/server/result';

/** A track form with a blank code and no owner. */
function blankTrack(): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries({
		code: '',
		title: 'Felles rutiner',
		problemStatement: 'Ulik praksis mellom enhetene',
		status: 'proposed'
	})) {
		data.append(key, value);
	}
	return data;
}

const errorsIn = (locale: 'nb' | 'nn' | 'en') =>
	withLocale(locale, () => {
		const parsed = parseForm(trackSchema, blankTrack());
		return !parsed.ok && { code: parsed.errors.code, ownerId: parsed.errors.ownerId };
	});

describe('the portfolio answers in the language of the request', () => {
	it('says what is wrong with a form in bokmål, nynorsk and English', () => {
		expect(errorsIn('nn')).toEqual({ code: 'Må fyllast ut', ownerId: 'Vel ein eigar' });
		expect(errorsIn('en')).toEqual({ code: 'Required', ownerId: 'Choose an owner' });
		// Read at answer time: nothing of the last request's language stays behind.
		expect(errorsIn('nb')).toEqual({ code: 'Må fylles ut', ownerId: 'Velg en eier' });
	});

	it('refuses and confirms a write in the reader’s language', () => {
		const refusal = (locale: 'nb' | 'nn' | 'en') =>
			withLocale(locale, () => messageFor(portfolioMessages('track'), 'has_children'));
		expect(refusal('nb')).toMatch(/^Sporet har prosjekter og kan ikke slettes/);
		expect(refusal('nn')).toMatch(/^Sporet har prosjekt og kan ikkje slettast/);
		expect(refusal('en')).toMatch(/^The track has projects and cannot be deleted/);
		expect(withLocale('en', () => PORTFOLIO_SUCCESS.riskAdded('Tid'))).toBe(
			'The risk “Tid” has been added.'
		);
		expect(withLocale('nb', () => PORTFOLIO_SUCCESS.trackSaved)).toBe('Sporet er lagret.');
	});
});
