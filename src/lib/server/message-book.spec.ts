import { describe, expect, it } from 'vitest';
import { withLocale } from './i18n';
import { lazy, lazyWith } from './message-book';
import { m } from '$lib/paraglide/messages';

describe('a book of lazy messages', () => {
	const book = lazyWith(
		{ created: m.portfolio_meetings_created },
		{ shout: (s: string) => s.toUpperCase() }
	);

	it('reads each message in the language of the moment it is read', () => {
		expect(withLocale('nn', () => book.created)).toBe('Møtet er lagt inn i årshjulet.');
		expect(withLocale('en', () => book.created)).toBe(
			'The meeting has been added to the annual wheel.'
		);
		expect(book.shout('ja')).toBe('JA');
	});

	it('shows its keys as an object literal does', () => {
		const texts = lazy({ a: () => 'A', b: () => 'B' });
		expect(Object.keys(texts)).toEqual(['a', 'b']);
		expect(Object.hasOwn(texts, 'b')).toBe(true);
		expect({ ...texts }).toEqual({ a: 'A', b: 'B' });
	});
});
