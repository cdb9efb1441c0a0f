/**
 * The realisation chart's numbers as text: values in the benefit's unit, the table beside the
 * chart, and the forecast as a cumulative line. Pure, shared by the spec and the figure.
 */
import { forecastMonths } from '$lib/domain/benefits/health';
import type { BenefitUnit } from '../domain/benefits/vocabulary';
import type { SeriesRow } from '../domain/benefits/gain-realisation';
import { formatKroner, formatNumber, formatPercent } from '../format';
import { INTL_LOCALE } from '../i18n';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';

export interface RealisationTableRow {
	period: string;
	/** «januar 2026» */
	month: string;
	planned: string;
	realised: string;
	/** Realised minus planned, with sign; empty when nothing is logged. */
	difference: string;
	/** The cumulative forecast; empty where there is none. */
	forecast: string;
}

// One formatter per language: building an Intl.DateTimeFormat costs about 120 µs and, until the
// garbage collector runs, about 25 KB of native memory, and a page words hundreds of months.
const monthYearFormats = new Map<string, Intl.DateTimeFormat>();

/** «januar 2026», «January 2026»: in the reader's language (bokmål in downloads). */
export function formatMonthYear(date: Date): string {
	const intl = INTL_LOCALE[getLocale()];
	let format = monthYearFormats.get(intl);
	if (!format) {
		format = new Intl.DateTimeFormat(intl, { month: 'long', year: 'numeric', timeZone: 'UTC' });
		monthYearFormats.set(intl, format);
	}
	return format.format(date);
}

function periodDate(period: string): Date {
	const [year, month] = period.split('-').map(Number);
	return new Date(Date.UTC(year!, month! - 1, 1));
}

export function formatValue(value: number, unit: BenefitUnit): string {
	switch (unit) {
		case 'kr':
			return formatKroner(value);
		case 'timer':
			return m.gain_hours({ hours: formatNumber(value) });
		case 'prosent':
			return formatPercent(value);
		case 'antall':
			return formatNumber(value);
	}
}

function signed(value: number, unit: BenefitUnit): string {
	// U+2212 minus: screen readers read it as «minus», a hyphen is often skipped.
	return value > 0
		? `+${formatValue(value, unit)}`
		: value < 0
			? `\u2212${formatValue(-value, unit)}`
			: formatValue(0, unit);
}

/**
 * The forecast as a cumulative line: from the last realised month (its realised value) through
 * each month up to the target, as the benefit's health reads it (domain/benefits/health.ts,
 * `forecastMonths`: a month without a forecast carries the plan's step). Empty when nothing is
 * realised yet or no month after it has a forecast.
 */
export function forecastPoints(
	rows: readonly SeriesRow[],
	forecasts: readonly { period: string; value: number }[] = []
): { period: string; value: number }[] {
	const months = forecastMonths(rows, forecasts);
	const last = rows.findLast((r) => r.realised !== null);
	if (!months.length || !last) return [];
	return [
		{ period: last.period, value: last.realised! },
		...months.map((m) => ({ period: m.period, value: m.value }))
	];
}

export function realisationTableRows(
	rows: readonly SeriesRow[],
	unit: BenefitUnit,
	forecasts: readonly { period: string; value: number }[] = []
): RealisationTableRow[] {
	// The anchor month is realised, not forecast: the table shows forecasts after it only.
	const forecast = new Map(
		forecastPoints(rows, forecasts)
			.slice(1)
			.map((f) => [f.period, f.value])
	);
	return rows.map((row) => ({
		period: row.period,
		month: formatMonthYear(periodDate(row.period)),
		planned: formatValue(row.planned, unit),
		realised: row.realised === null ? '' : formatValue(row.realised, unit),
		difference: row.realised === null ? '' : signed(row.realised - row.planned, unit),
		forecast: forecast.has(row.period) ? formatValue(forecast.get(row.period)!, unit) : ''
	}));
}
