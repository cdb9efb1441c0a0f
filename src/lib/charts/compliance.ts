import * as Plot from '@observablehq/plot';
import { monthName, monthShortName, MONTHS, type Month } from '$lib/domain/schedule';
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

const CELL_HEIGHT = 36;
const MARGIN_TOP = 40;
const MARGIN_BOTTOM = 8;

function bucketOf(share: number) {
	return SHARE_BUCKETS.findLast((bucket) => share >= bucket.from) ?? SHARE_BUCKETS[0];
}

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
			const where = `${label}, ${monthName(month)}`;
			const base = { unit: label, month: monthShortName(month) };
			if (!sum || sum.total === 0) {
				return {
					...base,
					share: null,
					text: '–',
					textFill: '#1b1f24',
					title: `${where}: ingen oppgaver`
				};
			}
			const share = sum.signedOnTime / sum.total;
			const text = percent(share);
			return {
				...base,
				share,
				text,
				textFill: bucketOf(share).text,
				title: `${where}: ${text} signert i tide (${sum.signedOnTime} av ${sum.total})`
			};
		})
	);
	return {
		units: totals.map((unit) => unit.label),
		months: MONTHS.map(monthShortName),
		cells,
		height: MARGIN_TOP + MARGIN_BOTTOM + Math.max(1, totals.length) * CELL_HEIGHT,
		ariaLabel: 'Andel oppgaver signert i tide, per enhet og måned',
		ariaDescription:
			'Varmekart med én rad per enhet og én kolonne per måned. Hver rute viser andelen av ' +
			'årshjulsoppgavene som ble signert innen fristen. De samme tallene står i tabellen under.'
	};
}

/** Observable Plot options for the spec; `Plot.plot(options)` draws it. */
export function compliancePlotOptions(spec: ComplianceSpec, width = 760): Plot.PlotOptions {
	const withShare = spec.cells.filter((cell) => cell.share !== null);
	return {
		ariaLabel: spec.ariaLabel,
		ariaDescription: spec.ariaDescription,
		width,
		height: spec.height,
		marginTop: MARGIN_TOP,
		marginBottom: MARGIN_BOTTOM,
		marginLeft: 180,
		padding: 0.06,
		style: { fontSize: '13px', color: '#1b1f24' },
		x: { domain: spec.months, axis: 'top', label: null, tickSize: 0 },
		y: { domain: spec.units, label: null, tickSize: 0 },
		color: {
			type: 'threshold',
			// `percent` scales shares to 0–100 before the thresholds apply.
			percent: true,
			domain: SHARE_BUCKETS.slice(1).map((bucket) => bucket.from * 100),
			range: SHARE_BUCKETS.map((bucket) => bucket.fill),
			legend: true,
			tickFormat: 'd',
			label: 'Andel signert i tide (%)'
		},
		marks: [
			// The table alternative carries the numbers, so the marks stay out of the a11y tree.
			Plot.cell(withShare, {
				x: 'month',
				y: 'unit',
				fill: 'share',
				title: 'title',
				ariaHidden: 'true'
			}),
			Plot.text(spec.cells, {
				x: 'month',
				y: 'unit',
				text: 'text',
				fill: 'textFill',
				ariaHidden: 'true'
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
			? `${percent(sum.signedOnTime / sum.total)} (${sum.signedOnTime} av ${sum.total})`
			: '–';
	return {
		headers: MONTHS.map(monthName),
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
