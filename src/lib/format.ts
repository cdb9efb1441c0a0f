const OSLO = 'Europe/Oslo';

const kronerFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat('nb-NO', {
	timeZone: OSLO,
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});
const dateTimeFormat = new Intl.DateTimeFormat('nb-NO', {
	timeZone: OSLO,
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/** `1 655 000 kr`. Intl uses a narrow no-break space as group separator in nb-NO. */
export function formatKroner(kroner: number): string {
	return `${kronerFormat.format(kroner)} kr`;
}

export function formatNumber(value: number): string {
	return numberFormat.format(value);
}

export function formatPercent(value: number): string {
	return `${numberFormat.format(value)} %`;
}

/** A calendar day `YYYY-MM-DD` shown as «31. januar 2026». */
export function formatDay(day: string): string {
	return dateFormat.format(new Date(`${day}T12:00:00Z`));
}

const SHORT_MONTHS = [
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

/**
 * A month `YYYY-MM` as «okt. 2026»: bokmål's short month names (as nb-NO in Intl), spelled out
 * here so server, browser and tests agree whatever ICU data they carry.
 */
export function formatMonthShort(period: string): string {
	return `${SHORT_MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

export function formatDateTime(at: Date | number): string {
	return dateTimeFormat.format(typeof at === 'number' ? new Date(at) : at);
}

// Built once: constructing an Intl.DateTimeFormat costs ~70 µs, and the annual-wheel pages
// judge thousands of occurrences per request (bench/wheel-occurrences.bench.js).
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
