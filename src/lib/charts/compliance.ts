import * as Plot from '@observablehq/plot';
import { MONTHS, type Month } from '$lib/domain/wheel/schedule';
import { monthLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { formatPercent } from '$lib/format';

export interface ComplianceRow {
	unitId: string | number;
	unitName: string;
	month: Month;
	/** Occurrences that count this month: due by now, or signed. */
	total: number;
	signedOnTime: number;
	/** Of `total`, how many are signed at all (on time or late); the rest are overdue. */
	signed?: number;
}

export interface ComplianceCell {
	unit: string;
	month: string;
	/** Share signed on time, 0–1; null when nothing was due. */
	share: number | null;
	text: string;
	textFill: string;
	title: string;
}

export interface ComplianceSpec {
	units: string[];
	months: string[];
	cells: ComplianceCell[];
	height: number;
	/** Room for the longest unit name (see `unitMargin`). */
	marginLeft: number;
	/** Narrowest the heatmap can be drawn with its 13 px text; a narrower box scrolls it. */
	minWidth: number;
	ariaLabel: string;
	ariaDescription: string;
}

// ColorBrewer RdBu buckets: safe for red–green colour blindness, and the percentage is written
// in every cell, so colour is never the only carrier (WCAG 1.4.1). Each text colour has
// ≥ 4.5:1 contrast on its fill (WCAG 1.4.3).
export const SHARE_BUCKETS = [
	{ from: 0, fill: '#b2182b', text: '#ffffff' },
	{ from: 0.5, fill: '#f4a582', text: '#1b1f24' },
	{ from: 0.8, fill: '#92c5de', text: '#1b1f24' },
	{ from: 0.95, fill: '#2166ac', text: '#ffffff' }
] as const;

/**
 * Legend entries for the buckets, in the order of SHARE_BUCKETS, their percentages written as
 * the reader's language writes them («0–49 %», «0–49%»).
 */
export function shareLegend() {
	return SHARE_BUCKETS.map((bucket, i) => {
		const next = SHARE_BUCKETS[i + 1];
		const from = Math.round(bucket.from * 100);
		return {
			fill: bucket.fill,
			label: `${from}–${formatPercent(next ? Math.round(next.from * 100) - 1 : 100)}`
		};
	});
}

const CELL_HEIGHT = 36;
const FONT_PX = 13;
/** Per character in em: ~0.6 for a sans-serif plus WCAG 1.4.12's 0.12 em letter spacing. */
const CHAR_EM = 0.72;
/** A month column holds «100 %» with the same spacing, and a little air. */
const MIN_CELL_WIDTH = Math.ceil(5 * CHAR_EM * FONT_PX + 10);
const MAX_MARGIN_LEFT = 260;

/** Left margin for the unit names: the longest, with spacing room, within MAX_MARGIN_LEFT. */
function unitMargin(labels: readonly string[]): number {
	const longest = Math.max(0, ...labels.map((l) => l.length));
	return Math.min(MAX_MARGIN_LEFT, Math.max(60, Math.ceil(longest * CHAR_EM * FONT_PX + 12)));
}

/** A unit name that would not fit the margin is cut with «…» (the table has it whole). */
function fitUnitName(label: string): string {
	const room = Math.floor((MAX_MARGIN_LEFT - 12) / (CHAR_EM * FONT_PX));
	return label.length <= room ? label : `${label.slice(0, room - 1).trimEnd()}…`;
}
const MARGIN_TOP = 40;
const MARGIN_BOTTOM = 8;

function bucketOf(share: number) {
	return SHARE_BUCKETS.findLast((bucket) => share >= bucket.from) ?? SHARE_BUCKETS[0];
}

/** «jan», «feb» … in the reader's language (monthShortName in domain/wheel/schedule.ts). */
const monthShortLabel = (month: Month) => monthLabel(month).slice(0, 3);

function percent(share: number): string {
	return formatPercent(Math.round(share * 100));
}

interface Totals {
	unitId: string | number;
	unitName: string;
	/** Axis and table label; two units with the same name are told apart by id. */
	label: string;
	months: Map<Month, { total: number; signedOnTime: number }>;
	/** Counted but unsigned, when the rows say how many are signed; else null. */
	overdue: number | null;
}

/** Sums rows per unit and month (rows may come per wheel), keeping the units' first-seen order. */
function totalsByUnit(rows: readonly ComplianceRow[]): Totals[] {
	const units = new Map<string | number, Totals>();
	for (const row of rows) {
		let unit = units.get(row.unitId);
		if (!unit) {
			unit = {
				unitId: row.unitId,
				unitName: row.unitName,
				label: row.unitName,
				months: new Map(),
				overdue: null
			};
			units.set(row.unitId, unit);
		}
		if (row.signed !== undefined) unit.overdue = (unit.overdue ?? 0) + row.total - row.signed;
		const sum = unit.months.get(row.month) ?? { total: 0, signedOnTime: 0 };
		unit.months.set(row.month, {
			total: sum.total + row.total,
			signedOnTime: sum.signedOnTime + row.signedOnTime
		});
	}
	const totals = [...units.values()];
	for (const unit of totals) {
		if (totals.some((other) => other !== unit && other.unitName === unit.unitName)) {
			unit.label = `${unit.unitName} (${unit.unitId})`;
		}
	}
	return totals;
}

export function complianceSpec(rows: readonly ComplianceRow[]): ComplianceSpec {
	const totals = totalsByUnit(rows);
	const cells = totals.flatMap(({ label, months }) =>
		MONTHS.map((month): ComplianceCell => {
			const sum = months.get(month);
			const where = `${label}, ${monthLabel(month)}`;
			const base = { unit: label, month: monthShortLabel(month) };
			if (!sum || sum.total === 0) {
				return {
					...base,
					share: null,
					text: '–',
					textFill: '#1b1f24',
					title: m.wheel_heat_cell_none({ where })
				};
			}
			const share = sum.signedOnTime / sum.total;
			const text = percent(share);
			return {
				...base,
				share,
				text,
				textFill: bucketOf(share).text,
				title: m.wheel_heat_cell({
					where,
					share: text,
					onTime: sum.signedOnTime,
					total: sum.total
				})
			};
		})
	);
	const marginLeft = unitMargin(totals.map((unit) => unit.label));
	return {
		units: totals.map((unit) => unit.label),
		months: MONTHS.map(monthShortLabel),
		cells,
		height: MARGIN_TOP + MARGIN_BOTTOM + Math.max(1, totals.length) * CELL_HEIGHT,
		marginLeft,
		minWidth: marginLeft + MONTHS.length * MIN_CELL_WIDTH,
		ariaLabel: m.wheel_heat_caption(),
		ariaDescription: m.wheel_heat_description()
	};
}

/**
 * Observable Plot options for the spec; `Plot.plot(options)` draws it. The figure passes the
 * width it is drawn at (never below `spec.minWidth`), so the text is 13 CSS px at any zoom.
 */
export function compliancePlotOptions(spec: ComplianceSpec, width = 760): Plot.PlotOptions {
	const withShare = spec.cells.filter((cell) => cell.share !== null);
	const empty = spec.cells.filter((cell) => cell.share === null);
	return {
		ariaLabel: spec.ariaLabel,
		ariaDescription: spec.ariaDescription,
		width,
		height: spec.height,
		marginTop: MARGIN_TOP,
		marginBottom: MARGIN_BOTTOM,
		marginLeft: spec.marginLeft,
		padding: 0.06,
		// No `color` here: the figure sets it in CSS, so that forced colours can replace it (an
		// inline colour on the <svg> would keep the labels dark on a black Canvas).
		style: { fontSize: `${FONT_PX}px` },
		x: { domain: spec.months, axis: 'top', label: null, tickSize: 0 },
		y: { domain: spec.units, label: null, tickSize: 0, tickFormat: fitUnitName },
		// The figure draws the legend in HTML (Plot's ramp legend has 10 px text).
		color: {
			type: 'threshold',
			// `percent` scales shares to 0–100 before the thresholds apply.
			percent: true,
			domain: SHARE_BUCKETS.slice(1).map((bucket) => bucket.from * 100),
			range: SHARE_BUCKETS.map((bucket) => bucket.fill)
		},
		marks: [
			// The table alternative carries the numbers, so the marks stay out of the a11y tree.
			Plot.cell(withShare, {
				x: 'month',
				y: 'unit',
				fill: 'share',
				title: 'title',
				ariaHidden: 'true',
				className: 'share'
			}),
			// Each text colour is chosen for its cell's fill, so these keep their colours…
			Plot.text(withShare, {
				x: 'month',
				y: 'unit',
				text: 'text',
				fill: 'textFill',
				ariaHidden: 'true',
				className: 'share-text'
			}),
			// …while «–» on no cell is in the text colour, which forced colours make CanvasText.
			Plot.text(empty, {
				x: 'month',
				y: 'unit',
				text: 'text',
				fill: 'currentColor',
				ariaHidden: 'true',
				className: 'empty-text'
			})
		]
	};
}

export interface ComplianceTableRow {
	/** The rows' `unitId`. */
	key: string | number;
	unit: string;
	/** One per month, January first: «88 % (7 av 8)» or «–». */
	months: string[];
	year: string;
	/** Overdue in the year (counted, not signed), when the rows carry `signed`. */
	overdue: number | null;
}

/** The same numbers as the heatmap, as rows for a text alternative (units × months). */
export function complianceTable(rows: readonly ComplianceRow[]): {
	headers: string[];
	rows: ComplianceTableRow[];
} {
	const describe = (sum: { total: number; signedOnTime: number } | undefined) =>
		sum && sum.total > 0
			? m.wheel_heat_share({
					share: percent(sum.signedOnTime / sum.total),
					onTime: sum.signedOnTime,
					total: sum.total
				})
			: '–';
	return {
		headers: MONTHS.map(monthLabel),
		rows: totalsByUnit(rows).map((unit) => {
			const year = [...unit.months.values()].reduce(
				(acc, sum) => ({
					total: acc.total + sum.total,
					signedOnTime: acc.signedOnTime + sum.signedOnTime
				}),
				{ total: 0, signedOnTime: 0 }
			);
			return {
				key: unit.unitId,
				unit: unit.label,
				months: MONTHS.map((month) => describe(unit.months.get(month))),
				year: describe(year),
				overdue: unit.overdue
			};
		})
	};
}
