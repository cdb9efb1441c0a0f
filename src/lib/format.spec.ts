import { describe, expect, it } from 'vitest';
import { withLocale } from '../../tests/helpers/runtime-locale';
import {
	formatDateTime,
	formatDay,
	formatKroner,
	formatMonthShort,
	formatNumber,
	formatPercent
} from './format';

// Intl writes a narrow no-break space (U+202F) or a no-break space between groups in Norwegian.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting per language', () => {
	it('is bokmål outside a request (scripts, start-up)', () => {
		expect(plain(formatKroner(1_655_000))).toBe('1 655 000 kr');
		expect(formatDay('2026-01-31')).toBe('31. januar 2026');
	});

	it('writes kroner, numbers and dates as each language does', () => {
		const sample = () => [
			plain(formatKroner(1_655_000)),
			plain(formatNumber(12.5)),
			plain(formatPercent(12.5)),
			formatDay('2026-01-31'),
			formatMonthShort('2026-10'),
			// 23:30 UTC on New Year's Eve is already the new year in Oslo.
			formatDateTime(new Date('2026-12-31T23:30:00Z'))
		];
		expect(withLocale('nb', sample)).toEqual([
			'1 655 000 kr',
			'12,5',
			'12,5 %',
			'31. januar 2026',
			'okt. 2026',
			'01.01.2027, 00:30'
		]);
		expect(withLocale('nn', sample)).toEqual([
			'1 655 000 kr',
			'12,5',
			'12,5 %',
			'31. januar 2026',
			'okt. 2026',
			'01.01.2027, 00:30'
		]);
		expect(withLocale('en', sample)).toEqual([
			'NOK 1,655,000',
			'12.5',
			'12.5%',
			'31 January 2026',
			'Oct 2026',
			'01/01/2027, 00:30'
		]);
	});
});
