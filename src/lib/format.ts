import { getLocale } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/i18n';

// Kroner, numbers and dates in the request's language, read here (getLocale(): the hooks'
// choice on the server, <html lang> in the browser, bokmål in scripts) so no caller passes it,
// and a formatter handed to a chart as a callback cannot be given a wrong one. Oslo time
// whatever the language.
const OSLO = 'Europe/Oslo';

/**
 * The Intl locales of each language, best first. Nynorsk falls back to bokmål where an ICU
 * build lacks it (their numbers and dates are written alike), never to the browser's default.
 */
const INTL: Readonly<Record<Locale, string[]>> = {
	nb: ['nb-NO'],
	nn: ['nn-NO', 'nb-NO'],
	en: ['en-GB']
};

type Formats = {
	kroner: Intl.NumberFormat;
	number: Intl.NumberFormat;
	date: Intl.DateTimeFormat;
	dateTime: Intl.DateTimeFormat;
};

// Built once per language: constructing an Intl formatter costs ~70 µs, and pages format
// thousands of figures per request (bench/wheel-occurrences.bench.js).
const formats = new Map<Locale, Formats>();

function formatsOf(locale: Locale): Formats {
	let f = formats.get(locale);
	if (!f) {
		const intl = INTL[locale];
		f = {
			kroner: new Intl.NumberFormat(intl, { maximumFractionDigits: 0 }),
			number: new Intl.NumberFormat(intl, { maximumFractionDigits: 1 }),
			date: new Intl.DateTimeFormat(intl, {
				timeZone: OSLO,
				day: 'numeric',
				month: 'long',
				year: 'numeric'
			}),
			dateTime: new Intl.DateTimeFormat(intl, {
				timeZone: OSLO,
				day: '2-digit',
				month: '2-digit',
				year: 'numeric',
				hour: '2-digit',
				minute: '2-digit'
			})
		};
		formats.set(locale, f);
	}
	return f;
}

/**
 * `1 655 000 kr` in Norwegian (Intl uses a narrow no-break space as group separator in nb-NO);
 * `NOK 1,655,000` in English, the currency code an English reader knows for kroner.
 */
export function formatKroner(kroner: number): string {
	const locale = getLocale();
	const amount = formatsOf(locale).kroner.format(kroner);
	return locale === 'en' ? `NOK ${amount}` : `${amount} kr`;
}

export function formatNumber(value: number): string {
	return formatsOf(getLocale()).number.format(value);
}

/** `12,5 %` in Norwegian (Språkrådet: a space before the sign), `12.5%` in English. */
export function formatPercent(value: number): string {
	const number = formatNumber(value);
	return getLocale() === 'en' ? `${number}%` : `${number} %`;
}

/** A calendar day `YYYY-MM-DD` shown as «31. januar 2026» (English: «31 January 2026»). */
export function formatDay(day: string): string {
	return formatDayIn(day, getLocale());
}

/** formatDay in a given language: for text that stays in one language whatever the reader's. */
export function formatDayIn(day: string, locale: Locale): string {
	return formatsOf(locale).date.format(new Date(`${day}T12:00:00Z`));
}

const NORWEGIAN_SHORT_MONTHS = [
	'jan.',
	'feb.',
	'mars',
	'apr.',
	'mai',
	'juni',
	'juli',
	'aug.',
	'sep.',
	'okt.',
	'nov.',
	'des.'
] as const;

const ENGLISH_SHORT_MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
] as const;

/**
 * A month `YYYY-MM` as «okt. 2026» (bokmål and nynorsk shorten alike) or «Oct 2026»: spelled out
 * here so server, browser and tests agree whatever ICU data they carry.
 */
export function formatMonthShort(period: string): string {
	const months = getLocale() === 'en' ? ENGLISH_SHORT_MONTHS : NORWEGIAN_SHORT_MONTHS;
	return `${months[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

export function formatDateTime(at: Date | number): string {
	return formatsOf(getLocale()).dateTime.format(typeof at === 'number' ? new Date(at) : at);
}

const isoDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: OSLO });

/** Today's calendar day in Oslo, `YYYY-MM-DD`. */
export function osloDay(at: Date): string {
	return isoDayFormat.format(at);
}

/**
 * «1 åpent avvik», «2 åpne avvik»: bokmål agrees the adjective (and noun) with the number, so
 * a count is written with both forms.
 */
export function countOf(n: number, one: string, many: string): string {
	return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
