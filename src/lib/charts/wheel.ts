import {
	arc,
	symbol,
	symbolCircle,
	symbolDiamond,
	symbolSquare2,
	symbolTimes,
	symbolTriangle,
	type SymbolType
} from 'd3-shape';
import { daysInMonth, isMonth, MONTHS, type Month } from '$lib/domain/wheel/schedule';
import { monthLabel, occurrenceStatusLabel } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import {
	OCCURRENCE_STATUSES,
	OCCURRENCE_STATUS_LABEL,
	type OccurrenceStatus
} from '$lib/domain/wheel/vocabulary';

export interface WheelOccurrenceInput {
	id: string | number;
	taskTitle: string;
	month: Month;
	status: OccurrenceStatus;
	href: string;
	/** What the mark says instead of the status's name, e.g. «Avholdt» for a meeting. */
	statusLabel?: string;
}

export interface WheelRingInput {
	wheelId: string | number;
	name: string;
	occurrences: readonly WheelOccurrenceInput[];
}

export interface StatusStyle {
	label: string;
	/** SVG path of the symbol, centred on 0,0. */
	path: string;
	fill: string;
	stroke: string;
}

export interface WheelMark {
	id: string | number;
	href: string;
	x: number;
	y: number;
	month: Month;
	status: OccurrenceStatus;
	taskTitle: string;
	/** «Ressursfordelingskartlegging, januar: Signert for sent» */
	label: string;
}

export interface WheelLayout {
	viewBox: string;
	/** Font size of the month labels, in viewBox units (see `monthLabelSize`). */
	labelSize: number;
	months: {
		month: Month;
		name: string;
		x: number;
		y: number;
		anchor: 'start' | 'middle' | 'end';
		paths: string[];
	}[];
	rings: {
		wheelId: string | number;
		name: string;
		innerRadius: number;
		outerRadius: number;
		marks: WheelMark[];
	}[];
	today: { angle: number; x1: number; y1: number; x2: number; y2: number } | null;
}

// Room outside the wheel for the longest month name («september») beside it; the viewBox
// grows past this when the labels need more (see `labelFrame`).
const SIZE = 680;
/** Month labels at the widest drawing (36rem): 15 units in a 680-unit box is 12.7 CSS px. */
const LABEL_SIZE = 15;
/**
 * Smallest month label on screen, in CSS px: WCAG 1.4.4 asks that text stay readable at 400 %
 * zoom, where the wheel is only ~290 CSS px wide; 12 px and a little for rounding.
 */
const MIN_LABEL_PX = 12.5;
/** Below this drawn width the full names («september») would shrink the wheel too far. */
const SHORT_NAMES_BELOW = 480;
/**
 * A generous width per character in em: about 0.6 for a sans-serif, plus the 0.12 em letter
 * spacing that WCAG 1.4.12 lets readers add.
 */
const CHAR_EM = 0.72;
const HOLE = 56;
const OUTER = 250;
const LABEL_RADIUS = 262;
const RING_GAP = 6;
/** Centre-to-centre distance that keeps two marks of MARK_AREA from touching. */
const MARK_SPACING = 16;
const MARK_AREA = 90;

const SECTOR = (2 * Math.PI) / 12;

const round = (n: number) => Math.round(n * 100) / 100;

/** d3-shape's convention: angle 0 at twelve o'clock, growing clockwise; SVG y points down. */
function point(angle: number, radius: number) {
	return { x: round(radius * Math.sin(angle)), y: round(-radius * Math.cos(angle)) };
}

export function monthStartAngle(month: Month): number {
	return (month - 1) * SECTOR;
}

const symbolPath = (type: SymbolType) => symbol(type, MARK_AREA).digits(2)() ?? '';

// Status shown by shape as well as colour (WCAG 1.4.1); each colour has ≥ 3:1 contrast against
// white and the sector fills (WCAG 1.4.11). Future is hollow: nothing to do yet.
export const STATUS_STYLES: Record<OccurrenceStatus, StatusStyle> = {
	signed: {
		label: OCCURRENCE_STATUS_LABEL.signed,
		path: symbolPath(symbolCircle),
		fill: '#1e6b35',
		stroke: '#1e6b35'
	},
	signed_late: {
		label: OCCURRENCE_STATUS_LABEL.signed_late,
		path: symbolPath(symbolDiamond),
		fill: '#8a5300',
		stroke: '#8a5300'
	},
	due: {
		label: OCCURRENCE_STATUS_LABEL.due,
		path: symbolPath(symbolTriangle),
		fill: '#1f4e79',
		stroke: '#1f4e79'
	},
	overdue: {
		label: OCCURRENCE_STATUS_LABEL.overdue,
		path: symbolPath(symbolTimes),
		fill: 'none',
		stroke: '#a4161a'
	},
	future: {
		label: OCCURRENCE_STATUS_LABEL.future,
		path: symbolPath(symbolSquare2),
		fill: 'none',
		stroke: '#4a5360'
	}
};

export const SECTOR_FILLS = ['#f3f5f8', '#ffffff'] as const;

export const LEGEND = OCCURRENCE_STATUSES.map((status) => ({ status, ...STATUS_STYLES[status] }));

/** Rows of marks in one ring's month sector, outermost first, and how many fit in each. */
function sectorRows(count: number, innerRadius: number, outerRadius: number) {
	const band = outerRadius - innerRadius;
	const maxRows = Math.max(1, Math.floor(band / MARK_SPACING));
	for (let rowCount = 1; ; rowCount++) {
		const rows = Array.from({ length: rowCount }, (_, k) => {
			const radius = outerRadius - ((k + 0.5) * band) / rowCount;
			// The arc between the sector's edges, less one spacing so marks keep off the edges.
			return { radius, capacity: Math.max(1, Math.floor((radius * SECTOR) / MARK_SPACING) - 1) };
		});
		const fits = rows.reduce((sum, row) => sum + row.capacity, 0) >= count;
		// A ring too thin for more rows overlaps its marks rather than leave the ring.
		if (fits || rowCount === maxRows) return rows;
	}
}

/**
 * Spreads a month's marks over its sector in one ring: evenly along the angle, in more rows
 * towards the centre when one row would make them overlap.
 */
function spreadInSector<T>(
	items: readonly T[],
	month: Month,
	innerRadius: number,
	outerRadius: number
) {
	const start = monthStartAngle(month);
	const rows = sectorRows(items.length, innerRadius, outerRadius);
	const waiting = [...items];
	return rows.flatMap(({ radius, capacity }, k) => {
		const inRow = k === rows.length - 1 ? waiting.splice(0) : waiting.splice(0, capacity);
		return inRow.map((item, j) => ({
			item,
			...point(start + ((j + 1) / (inRow.length + 1)) * SECTOR, radius)
		}));
	});
}

/** Angle of the middle of an Oslo calendar day `YYYY-MM-DD` on the wheel. */
export function dayAngle(day: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	const [year, month, date] = (match ?? []).slice(1).map(Number);
	if (year === undefined || month === undefined || date === undefined || !isMonth(month)) {
		throw new RangeError(`Not a calendar day: ${day}`);
	}
	return monthStartAngle(month) + ((date - 0.5) / daysInMonth(year, month)) * SECTOR;
}

/**
 * Label size and the half-width of the viewBox for a wheel drawn `width` CSS px wide: the
 * labels keep ≥ MIN_LABEL_PX on screen (a larger viewBox draws the wheel smaller, so the two
 * are found together), and the box has room for the longest label with WCAG 1.4.12 spacing.
 */
function labelFrame(names: readonly string[], width: number) {
	const longest = Math.max(...names.map((n) => n.length));
	// The labels sit LABEL_RADIUS out, at 15° from an axis at most; the widest reach sideways.
	const reach = LABEL_RADIUS * Math.cos(SECTOR / 2);
	let half = SIZE / 2;
	let size = LABEL_SIZE;
	for (let i = 0; i < 8; i++) {
		size = Math.max(LABEL_SIZE, (MIN_LABEL_PX * 2 * half) / width);
		half = Math.max(SIZE / 2, Math.ceil(reach + longest * CHAR_EM * size + 6));
	}
	return { size: round(size), half };
}

/**
 * `width`: how wide the wheel is drawn, in CSS px (the figure measures it); the default is the
 * widest drawing (36rem). Narrower drawings get larger labels in viewBox units, so that they
 * stay ≥ 12 CSS px at 400 % zoom, and short month names below SHORT_NAMES_BELOW.
 */
export function wheelLayout(
	rings: readonly WheelRingInput[],
	today: string | null,
	{ width = 576, year = null }: { width?: number; year?: number | null } = {}
): WheelLayout {
	// In the reader's language; «jan», «feb» … where the drawing is narrow.
	const names = MONTHS.map((mo) =>
		width < SHORT_NAMES_BELOW ? monthLabel(mo).slice(0, 3) : monthLabel(mo)
	);
	const frame = labelFrame(names, width);
	// Rings share the band between the hole and the outer edge, the first ring innermost.
	const band = (OUTER - HOLE) / Math.max(1, rings.length);
	const radiiOf = (i: number) => ({
		innerRadius: HOLE + i * band + (i === 0 ? 0 : RING_GAP / 2),
		outerRadius: HOLE + (i + 1) * band - (i === rings.length - 1 ? 0 : RING_GAP / 2)
	});
	const sector = arc<{
		innerRadius: number;
		outerRadius: number;
		startAngle: number;
		endAngle: number;
	}>().digits(2);

	const months = MONTHS.map((month) => {
		const startAngle = monthStartAngle(month);
		const label = point(startAngle + SECTOR / 2, LABEL_RADIUS);
		return {
			month,
			name: names[month - 1]!,
			...label,
			// Labels grow away from the wheel on either side.
			anchor:
				label.x > 1 ? ('start' as const) : label.x < -1 ? ('end' as const) : ('middle' as const),
			paths: rings.map(
				(_, i) => sector({ ...radiiOf(i), startAngle, endAngle: startAngle + SECTOR }) ?? ''
			)
		};
	});

	const layoutRings = rings.map((ring, i) => {
		const radii = radiiOf(i);
		const marks = MONTHS.flatMap((month) =>
			spreadInSector(
				ring.occurrences.filter((o) => o.month === month),
				month,
				radii.innerRadius,
				radii.outerRadius
			).map(({ item, x, y }) => ({
				id: item.id,
				href: item.href,
				x,
				y,
				month,
				status: item.status,
				taskTitle: item.taskTitle,
				// Ring and year too: read one at a time, a mark must say which wheel and year it is.
				label: m.wheel_mark_label({
					task: item.taskTitle,
					month: `${monthLabel(month)}${year ? ` ${year}` : ''}`,
					status: item.statusLabel ?? occurrenceStatusLabel(item.status),
					ring: ring.name
				})
			}))
		);
		return { wheelId: ring.wheelId, name: ring.name, ...radii, marks };
	});

	let todayMarker: WheelLayout['today'] = null;
	if (today) {
		const angle = dayAngle(today);
		const from = point(angle, HOLE - 8);
		const to = point(angle, OUTER + 8);
		todayMarker = { angle: round(angle), x1: from.x, y1: from.y, x2: to.x, y2: to.y };
	}

	const { half } = frame;
	return {
		viewBox: `${-half} ${-half} ${2 * half} ${2 * half}`,
		labelSize: frame.size,
		months,
		rings: layoutRings,
		today: todayMarker
	};
}
