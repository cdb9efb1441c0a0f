/**
 * Planned vs realised gains over time, cumulative (README, «/gevinster»). Rows in,
 * Observable Plot options and the same numbers as table rows out; no DOM here.
 */
import * as Plot from '@observablehq/plot';
import { UNIT_SYMBOL, type BenefitUnit } from '../domain/benefits/vocabulary';
import type { SeriesRow } from '../domain/gain-realisation';
import { formatKroner, formatNumber } from '../format';

export interface RealisationChartOptions {
	unit: BenefitUnit;
	/** What the chart is about, e.g. «Gevinst: Mindre tidsbruk …» or «Prosjekt X». */
	subject: string;
	width?: number;
	height?: number;
}

export interface RealisationTableRow {
	period: string;
	/** «januar 2026» */
	month: string;
	planned: string;
	realised: string;
	/** Realised minus planned, with sign; empty when nothing is logged. */
	difference: string;
}

interface PlotDatum {
	date: Date;
	value: number;
	series: 'Planlagt' | 'Realisert';
}

const monthFormat = new Intl.DateTimeFormat('nb-NO', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const tickMonthFormat = new Intl.DateTimeFormat('nb-NO', {
	month: 'short',
	year: '2-digit',
	timeZone: 'UTC'
});

function periodDate(period: string): Date {
	const [year, month] = period.split('-').map(Number);
	return new Date(Date.UTC(year!, month! - 1, 1));
}

export function formatValue(value: number, unit: BenefitUnit): string {
	switch (unit) {
		case 'kr':
			return formatKroner(value);
		case 'timer':
			return `${formatNumber(value)} t`;
		case 'prosent':
			return `${formatNumber(value)} %`;
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

export function realisationTableRows(
	rows: readonly SeriesRow[],
	unit: BenefitUnit
): RealisationTableRow[] {
	return rows.map((row) => ({
		period: row.period,
		month: monthFormat.format(periodDate(row.period)),
		planned: formatValue(row.planned, unit),
		realised: row.realised === null ? '' : formatValue(row.realised, unit),
		difference: row.realised === null ? '' : signed(row.realised - row.planned, unit)
	}));
}

/** One sentence a screen reader hears instead of the lines. */
export function realisationSummary(rows: readonly SeriesRow[], options: RealisationChartOptions) {
	if (!rows.length) return `${options.subject}: ingen plan eller realisering registrert.`;
	const first = rows[0]!;
	const last = rows[rows.length - 1]!;
	const lastLogged = rows.findLast((r) => r.realised !== null);
	const plan = `planlagt ${formatValue(last.planned, options.unit)} innen ${monthFormat.format(periodDate(last.period))}`;
	const realised = lastLogged
		? `realisert ${formatValue(lastLogged.realised!, options.unit)} per ${monthFormat.format(periodDate(lastLogged.period))} mot planlagt ${formatValue(lastLogged.planned, options.unit)}`
		: 'ingen realisering registrert ennå';
	return `${options.subject}: kumulativ gevinst fra ${monthFormat.format(periodDate(first.period))}, ${plan}; ${realised}.`;
}

export function realisationPlotOptions(
	rows: readonly SeriesRow[],
	options: RealisationChartOptions
): Plot.PlotOptions {
	const planned: PlotDatum[] = rows.map((r) => ({
		date: periodDate(r.period),
		value: r.planned,
		series: 'Planlagt'
	}));
	const realised: PlotDatum[] = rows.flatMap((r) =>
		r.realised === null
			? []
			: [{ date: periodDate(r.period), value: r.realised, series: 'Realisert' as const }]
	);
	const unit = UNIT_SYMBOL[options.unit];
	return {
		width: options.width ?? 640,
		height: options.height ?? 320,
		marginLeft: 80,
		ariaLabel: `Planlagt og realisert gevinst over tid: ${options.subject}`,
		ariaDescription: realisationSummary(rows, options),
		style: { fontSize: '12px' },
		x: {
			type: 'utc',
			label: 'Måned',
			tickFormat: (d: Date) => tickMonthFormat.format(d)
		},
		y: {
			label: `Kumulativ gevinst (${unit})`,
			grid: true,
			zero: true,
			tickFormat: (v: number) => formatNumber(v)
		},
		color: {
			domain: ['Planlagt', 'Realisert'],
			range: ['#52525b', '#1d4ed8'],
			legend: true
		},
		marks: [
			Plot.ruleY([0]),
			// Dashed vs solid-with-dots: the two series differ by more than colour.
			Plot.lineY(planned, {
				x: 'date',
				y: 'value',
				stroke: 'series',
				strokeDasharray: '6 4',
				strokeWidth: 2,
				ariaDescription: 'Planlagt kumulativ gevinst, stiplet linje'
			}),
			Plot.lineY(realised, {
				x: 'date',
				y: 'value',
				stroke: 'series',
				strokeWidth: 2.5,
				ariaDescription: 'Realisert kumulativ gevinst, heltrukken linje med punkter'
			}),
			Plot.dot(realised, {
				x: 'date',
				y: 'value',
				fill: 'series',
				r: 3.5,
				ariaLabel: (d: PlotDatum) =>
					`${monthFormat.format(d.date)}: realisert ${formatValue(d.value, options.unit)}`
			})
		]
	};
}
