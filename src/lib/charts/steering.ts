/**
 * Data → spec for the steering page's two charts (/styring), pure and drawn as plain SVG on
 * the server (no script needed to see them):
 *
 * - `gainBarsSpec`: small multiples, one panel per track, realised against planned gain to
 *   date in kroner, on one shared scale so the panels compare at a glance;
 * - `complianceBarsSpec`: one bar per track, the share of the involved units' wheel tasks
 *   signed on time, with the overdue count beside it.
 *
 * Every bar carries its number as text, so colour is never the only carrier (WCAG 1.4.1), and
 * each chart comes with the same numbers as a table (`rows`).
 */
import { countOf, formatKroner, formatNumber, formatPercent } from '$lib/format';
import { m } from '$lib/paraglide/messages';

export interface BarPanel {
	key: string;
	label: string;
	href: string;
	/**
	 * Bars: width in the chart's units (0 … `barWidth`), the same as a share of the bar area
	 * (`fraction`, 0 … 1, for a figure drawn at its box's width), and the text beside it.
	 */
	bars: {
		name: string;
		width: number;
		fraction: number;
		text: string;
		kind: 'planned' | 'realised' | 'share';
	}[];
	/** A line under the bars, e.g. that some of the track's benefits are shared with others. */
	note?: string;
}

export interface BarChartSpec {
	panels: BarPanel[];
	/** Width of the bar area; the label column is to its left. */
	barWidth: number;
	labelWidth: number;
	panelHeight: number;
	barHeight: number;
	/** Room right of the longest bar for its text. */
	textRoom: number;
	width: number;
	height: number;
	ariaLabel: string;
	/** Said under the chart when a panel has a note (what the marker means). */
	footnote?: string;
	/** The table alternative: a header row and one row per panel, as text. */
	table: {
		headers: string[];
		rows: { key: string; label: string; href: string; cells: string[] }[];
	};
}

const BAR_WIDTH = 360;
const LABEL_WIDTH = 200;
// «Realisert 12 345 678 kr (100 %)» at 12 px with WCAG 1.4.12 letter spacing.
const TEXT_ROOM = 230;
const BAR_HEIGHT = 14;

const scaled = (value: number, max: number) =>
	max <= 0 ? 0 : Math.max(0, Math.round((Math.max(0, value) / max) * BAR_WIDTH));

type TrackRow = { key: string; label: string; href: string };

/** A chart of one panel per track with its table alternative, the layout both charts share. */
function barChart<R extends TrackRow>(
	rows: readonly R[],
	panelHeight: number,
	bars: (r: R) => Omit<BarPanel['bars'][number], 'fraction'>[],
	ariaLabel: string,
	headers: string[],
	cells: (r: R) => string[]
): BarChartSpec {
	const track = (r: R) => ({ key: r.key, label: r.label, href: r.href });
	const withFraction = (b: Omit<BarPanel['bars'][number], 'fraction'>) => ({
		...b,
		fraction: b.width / BAR_WIDTH
	});
	return {
		panels: rows.map((r) => ({ ...track(r), bars: bars(r).map(withFraction) })),
		barWidth: BAR_WIDTH,
		labelWidth: LABEL_WIDTH,
		textRoom: TEXT_ROOM,
		panelHeight,
		barHeight: BAR_HEIGHT,
		width: LABEL_WIDTH + BAR_WIDTH + TEXT_ROOM,
		height: Math.max(1, rows.length) * panelHeight,
		ariaLabel,
		table: { headers, rows: rows.map((r) => ({ ...track(r), cells: cells(r) })) }
	};
}

export interface GainBarInput {
	key: string;
	label: string;
	href: string;
	planned: number;
	realised: number;
	percent: number | null;
	/** Benefits the track shares with other tracks, by how many tracks share them. */
	shared?: readonly { tracks: number; benefits: number }[];
}

/** The marker before a shared-benefits note, drawn as text (not colour alone). */
export const SHARED_MARK = '◆';

/** «◆ 2 gevinster delt med 3 spor; telles i hvert spor», or null when none is shared. */
export function sharedNote(shared: GainBarInput['shared']): string | null {
	if (!shared?.length) return null;
	const parts = shared.map((s) =>
		m.chart_shared_part({
			benefits: countOf(s.benefits, m.count_benefit_one(), m.count_benefit_many()),
			tracks: s.tracks
		})
	);
	return `${SHARED_MARK} ${m.chart_shared_note({ parts: parts.join(', ') })}`;
}

/** Realised against planned gain in kroner per track, on one scale (the largest value). */
export function gainBarsSpec(rows: readonly GainBarInput[]): BarChartSpec {
	const max = Math.max(0, ...rows.flatMap((r) => [r.planned, r.realised]));
	const notes = rows.map((r) => sharedNote(r.shared));
	const anyShared = notes.some((n) => n !== null);
	const spec = barChart(
		rows,
		BAR_HEIGHT * (anyShared ? 3 : 2) + 14 + (anyShared ? 4 : 0),
		(r) => [
			{
				name: m.chart_planned(),
				width: scaled(r.planned, max),
				text: m.chart_planned_value({ amount: formatKroner(r.planned) }),
				kind: 'planned'
			},
			{
				name: m.chart_realised(),
				width: scaled(r.realised, max),
				text: `${m.chart_realised_value({ amount: formatKroner(r.realised) })}${r.percent === null ? '' : ` (${formatPercent(r.percent)})`}`,
				kind: 'realised'
			}
		],
		m.chart_gain_title(),
		[
			m.chart_col_track(),
			m.chart_col_planned(),
			m.chart_col_realised(),
			m.chart_col_share(),
			m.chart_col_shared()
		],
		(r) => [
			formatKroner(r.planned),
			formatKroner(r.realised),
			r.percent === null ? '–' : formatPercent(r.percent),
			sharedNote(r.shared)?.slice(SHARED_MARK.length + 1) ?? '–'
		]
	);
	if (!anyShared) return spec;
	return {
		...spec,
		panels: spec.panels.map((p, i) => (notes[i] ? { ...p, note: notes[i] } : p)),
		footnote: `${SHARED_MARK} ${m.chart_shared_footnote()}`
	};
}

export interface ComplianceBarInput {
	key: string;
	label: string;
	href: string;
	/** Whole percent signed on time; null when nothing has counted yet. */
	percent: number | null;
	overdue: number;
	units: number;
}

/** Share signed on time per track (0–100 %), with the overdue count as text. */
export function complianceBarsSpec(rows: readonly ComplianceBarInput[]): BarChartSpec {
	return barChart(
		rows,
		BAR_HEIGHT + 12,
		(r) => [
			{
				name: m.chart_signed_on_time(),
				width: r.percent === null ? 0 : Math.round((r.percent / 100) * BAR_WIDTH),
				text:
					r.percent === null
						? m.chart_no_tasks()
						: m.tracks_compliance({
								share: formatPercent(r.percent),
								overdue: formatNumber(r.overdue)
							}),
				kind: 'share'
			}
		],
		m.chart_compliance_title(),
		[m.chart_col_track(), m.chart_col_units(), m.chart_signed_on_time(), m.chart_col_overdue()],
		(r) => [String(r.units), r.percent === null ? '–' : formatPercent(r.percent), String(r.overdue)]
	);
}
