/**
 * Planned vs realised gains over time, cumulative (README, «/gevinster»). Rows in,
 * Observable Plot options and the same numbers as table rows out; no DOM here.
 */
import * as Plot from '@observablehq/plot';
import { UNIT_SYMBOL, type BenefitUnit } from '../domain/benefits/vocabulary';
import type { SeriesRow } from '../domain/benefits/gain-realisation';
import { formatMonthShort, formatNumber } from '../format';
import { forecastPoints, formatMonthYear, formatValue } from './realisation-table';
import { m } from '../paraglide/messages';

export {
	forecastPoints,
	formatValue,
	realisationTableRows,
	type RealisationTableRow
} from './realisation-table';

export interface RealisationChartOptions {
	unit: BenefitUnit;
	/** What the chart is about, e.g. «Gevinst: Mindre tidsbruk …» or «Prosjekt X». */
	subject: string;
	width?: number;
	height?: number;
	/**
	 * The target the plan was first approved with, drawn as its own rule when a later approved
	 * change moved the target, so the original promise stays visible beside the current one.
	 */
	originalTarget?: number | null;
	/** The owner's forecast per month (not cumulative), drawn on from the last realised month. */
	forecasts?: readonly { period: string; value: number }[];
}

interface PlotDatum {
	date: Date;
	value: number;
	series: 'Planlagt' | 'Realisert' | 'Prognose';
}

/** Room right of the plot for half of the last month's label («jan. 2027»). */
const MARGIN_RIGHT = 40;

/** Every k-th month of those shown, so that no more than `most` ticks are drawn. */
function monthTicks(periods: string[], most: number): Date[] {
	const months = [...new Set(periods)].sort();
	const step = Math.max(1, Math.ceil(months.length / most));
	return months.filter((_, i) => i % step === 0).map(periodDate);
}

function periodDate(period: string): Date {
	const [year, month] = period.split('-').map(Number);
	return new Date(Date.UTC(year!, month! - 1, 1));
}

/** One sentence a screen reader hears instead of the lines. */
export function realisationSummary(rows: readonly SeriesRow[], options: RealisationChartOptions) {
	if (!rows.length) return m.benefits_chart_empty({ subject: options.subject });
	const first = rows[0]!;
	const last = rows[rows.length - 1]!;
	const lastLogged = rows.findLast((r) => r.realised !== null);
	const plan = m.benefits_chart_plan({
		value: formatValue(last.planned, options.unit),
		month: formatMonthYear(periodDate(last.period))
	});
	const realised = lastLogged
		? m.benefits_chart_realised({
				value: formatValue(lastLogged.realised!, options.unit),
				month: formatMonthYear(periodDate(lastLogged.period)),
				planned: formatValue(lastLogged.planned, options.unit)
			})
		: m.benefits_chart_no_realised();
	const original = shownOriginalTarget(rows, options);
	const moved =
		original === null
			? ''
			: m.benefits_chart_moved({
					original: formatValue(original, options.unit),
					current: formatValue(last.planned, options.unit)
				});
	return m.benefits_chart_summary({
		subject: options.subject,
		from: formatMonthYear(periodDate(first.period)),
		plan,
		realised,
		moved
	});
}

/**
 * The original target's rule: dash-dot grey, 7.6:1 on white (WCAG 1.4.11), named in the legend;
 * dash-dot so it differs from the dotted forecast as well as by colour (WCAG 1.4.1).
 */
export const ORIGINAL_TARGET_MARK = {
	get label() {
		return m.benefits_chart_original_target();
	},
	className: 'original-target',
	colour: '#4b5563',
	dash: '10 3 2 3',
	get style() {
		return m.benefits_chart_dash_dot();
	}
} as const;

/** The original target when it differs from the current one (the plan's last value), else null. */
export function shownOriginalTarget(
	rows: readonly SeriesRow[],
	options: Pick<RealisationChartOptions, 'originalTarget'>
): number | null {
	const original = options.originalTarget ?? null;
	const last = rows[rows.length - 1];
	if (original === null || !last || original === last.planned) return null;
	return original;
}

/**
 * The series differ by line style as well as colour (WCAG 1.4.1): planned dashed, realised
 * solid with a dot per logged month, forecast dotted. Colours ≥ 3:1 against white (#c96f00
 * 3.7:1, #172554 14.7:1, #0f766e 5.5:1; WCAG 1.4.11) and planned against realised 4.0:1.
 */
export const REALISATION_SERIES = [
	{
		series: 'Planlagt',
		get name() {
			return m.chart_planned();
		},
		className: 'planned',
		colour: '#c96f00',
		dash: '6 4',
		dots: false,
		get style() {
			return m.benefits_chart_dashed();
		}
	},
	{
		series: 'Realisert',
		get name() {
			return m.chart_realised();
		},
		className: 'realised',
		colour: '#172554',
		dash: null,
		dots: true,
		get style() {
			return m.benefits_chart_solid_dots();
		}
	},
	{
		series: 'Prognose',
		get name() {
			return m.benefits_chart_forecast();
		},
		className: 'forecast',
		colour: '#0f766e',
		dash: '1 4',
		dots: false,
		get style() {
			return m.benefits_chart_dotted();
		}
	}
] as const;

/** Below this width the chart keeps its width and scrolls sideways within its own box. */
export const REALISATION_MIN_WIDTH = 280;

/**
 * Left margin for the y tick labels: the longest label (the largest value, rounded up by the
 * axis) at 12 px, with room for WCAG 1.4.12 letter spacing (≈ 0.72 em a character).
 */
function marginLeftFor(rows: readonly SeriesRow[]): number {
	const max = Math.max(1, ...rows.flatMap((r) => [Math.abs(r.planned), Math.abs(r.realised ?? 0)]));
	const chars = formatNumber(max * 1.5).length + (rows.some((r) => r.planned < 0) ? 1 : 0);
	return Math.max(48, Math.ceil(chars * 0.72 * 12 + 14));
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
	const forecast: PlotDatum[] = forecastPoints(rows, options.forecasts).map((f) => ({
		date: periodDate(f.period),
		value: f.value,
		series: 'Prognose'
	}));
	const unit =
		options.unit === 'timer'
			? m.benefits_symbol_timer()
			: options.unit === 'antall'
				? m.benefits_symbol_antall()
				: UNIT_SYMBOL[options.unit];
	const width = options.width ?? 640;
	const original = shownOriginalTarget(rows, options);
	const marginLeft = marginLeftFor(
		original === null
			? rows
			: [...rows, { period: rows[0]?.period ?? '2000-01', planned: original, realised: null }]
	);
	return {
		width,
		height: options.height ?? 320,
		marginLeft,
		marginRight: MARGIN_RIGHT,
		ariaLabel: m.benefits_chart_aria({ subject: options.subject }),
		ariaDescription: realisationSummary(rows, options),
		style: { fontSize: '12px' },
		x: {
			type: 'utc',
			// The ticks name months («okt. 2026»); an axis label beside the last one collided with it.
			label: null,
			// At most one tick per 110 px («mars 2026» with WCAG 1.4.12 letter spacing is about
			// 80 px wide), on whole months chosen here: Plot's own time ticks pick «nice» quarters
			// that may be closer than that on a narrow chart.
			ticks: monthTicks(
				[...rows.map((r) => r.period), ...forecast.map((f) => f.date.toISOString().slice(0, 7))],
				Math.max(2, Math.floor((width - marginLeft - MARGIN_RIGHT) / 110))
			),
			tickFormat: (d: Date) => formatMonthShort(d.toISOString().slice(0, 7))
		},
		y: {
			label: m.benefits_chart_y({ unit }),
			grid: true,
			zero: true,
			tickFormat: (v: number) => formatNumber(v)
		},
		// The figure draws the legend itself, with each series' line style (Plot's legend shows
		// colour squares only).
		color: {
			domain: REALISATION_SERIES.map((s) => s.series),
			range: REALISATION_SERIES.map((s) => s.colour)
		},
		// The figure gives the chart one name and summary (role="img") and the table carries the
		// numbers, so the marks stay out of the accessibility tree (no English group names).
		marks: [
			Plot.ruleY([0], { className: 'zero' }),
			...(original === null
				? []
				: [
						Plot.ruleY([original], {
							stroke: ORIGINAL_TARGET_MARK.colour,
							strokeDasharray: ORIGINAL_TARGET_MARK.dash,
							strokeWidth: 2,
							className: ORIGINAL_TARGET_MARK.className
						}),
						Plot.text([original], {
							y: (d: number) => d,
							frameAnchor: 'left',
							dx: 4,
							dy: -8,
							text: () => ORIGINAL_TARGET_MARK.label,
							fill: ORIGINAL_TARGET_MARK.colour,
							className: ORIGINAL_TARGET_MARK.className
						})
					]),
			Plot.lineY(planned, {
				x: 'date',
				y: 'value',
				stroke: 'series',
				strokeDasharray: REALISATION_SERIES[0].dash,
				strokeWidth: 2,
				className: REALISATION_SERIES[0].className
			}),
			Plot.lineY(realised, {
				x: 'date',
				y: 'value',
				stroke: 'series',
				strokeWidth: 2.5,
				className: REALISATION_SERIES[1].className
			}),
			Plot.dot(realised, {
				x: 'date',
				y: 'value',
				fill: 'series',
				r: 3.5,
				className: REALISATION_SERIES[1].className
			}),
			Plot.lineY(forecast, {
				x: 'date',
				y: 'value',
				stroke: 'series',
				strokeDasharray: REALISATION_SERIES[2].dash,
				strokeWidth: 2.5,
				strokeLinecap: 'round',
				className: REALISATION_SERIES[2].className
			})
		]
	};
}
