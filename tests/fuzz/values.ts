/**
 * Field values a person, a browser or an attacker may post: numbers JavaScript reads oddly,
 * impossible dates, ids that do not exist, text that is huge or not what it looks like.
 */
import fc from 'fast-check';

/** Keys that name members of Object.prototype, or that devalue and JSON treat specially. */
export const PROTOTYPE_KEYS = [
	'__proto__',
	'constructor',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'isPrototypeOf',
	'__defineGetter__',
	'prototype',
	'toJSON',
	'then'
];

const NUMBERS = [
	'NaN',
	'-NaN',
	'-0',
	'0',
	'-1',
	'1e309',
	'-1e309',
	'Infinity',
	'1e3',
	'1e21',
	'0x10',
	'0b11',
	'1_000',
	' 7 ',
	'07',
	'1.5',
	'2,5',
	'9007199254740993',
	'9999999999',
	'2147483648',
	'-9223372036854775809',
	'١٢٣',
	'１２',
	'½'
];

/** Ids that name nothing, or are not ids at all. */
export const UNKNOWN_IDS = [
	'99999',
	'0',
	'-1',
	'-99999',
	'1.0',
	'2147483647',
	'4294967296',
	'1e1',
	'null',
	'undefined'
];

const DATES = [
	'2026-02-30',
	'2026-02-29',
	'2024-02-29',
	'2026-13-01',
	'2026-00-10',
	'2026-04-31',
	'0000-00-00',
	'9999-12-31',
	'2026-1-5',
	'2026-10',
	'2026-13',
	'2026-00',
	'1969-12',
	'+002026-01-01',
	'2026-01-01T00:00:00Z',
	'2027-03-28T02:30',
	'31.12.2026'
];

const TEXT = [
	'',
	' ',
	'\t\n',
	'a\u0000b',
	'\u0000',
	'\u202eevil.exe\u202c',
	'\u200b',
	'\u200d\u200b\ufeff',
	'\u0645\u0631\u062d\u0628\u0627',
	'e\u0301',
	'\ud800',
	'\udfff\ud800',
	'\u{1f468}\u200d\u{1f469}\u200d\u{1f467}',
	'\r\nSet-Cookie: x=1',
	'<script>alert(1)</script>',
	"' OR 1=1 --",
	'javascript:alert(1)',
	'https://',
	'http://[::1',
	'on',
	'true',
	'yes',
	'[object Object]',
	'__proto__',
	'constructor'
];

/** Long enough to pass any sane limit; the body stays small enough to build quickly. */
const HUGE = [5_000, 70_000].map((n) => 'å'.repeat(n));

export const nastyValue: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constantFrom(...NUMBERS, ...UNKNOWN_IDS, ...DATES, ...TEXT), weight: 6 },
	{ arbitrary: fc.constantFrom(...HUGE), weight: 1 },
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
	{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
	{ arbitrary: fc.integer().map(String), weight: 1 },
	{ arbitrary: fc.double().map(String), weight: 1 },
	{
		arbitrary: fc
			.tuple(
				fc.integer({ min: 0, max: 9999 }),
				fc.integer({ min: 0, max: 13 }),
				fc.integer({ min: 0, max: 32 })
			)
			.map(
				([y, m, d]) =>
					`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
			),
		weight: 1
	}
);

/** Query values for `redirectTo`: the open-redirect and header-injection vectors. */
export const REDIRECT_TARGETS = [
	'/',
	'/portefolje',
	'//evil.example',
	'/\\evil.example',
	'/\t/evil.example',
	'https://evil.example',
	'javascript:alert(1)',
	'/%2F%2Fevil.example',
	'/\r\nSet-Cookie: x=1',
	'/\nLocation: https://evil.example',
	'/\u0000'
];
