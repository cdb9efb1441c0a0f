/**
 * Data → spec for the breakdown charts (/gevinster/fordeling): per group (who gains, or a
 * quality dimension) three bars in kroner on one shared scale: the gross gain to the right of
 * zero, the dis-benefits to the left of it (they count against the gain), and the net. Pure,
 * drawn as plain SVG by BreakdownBars.svelte. The kinds differ by fill pattern (solid, hatched,
 * outlined) and by the words on each bar, never by colour alone (WCAG 1.4.1); the same numbers
 * come as a table (`table`, WCAG 1.1.1).
 */
import { scaleLinear } from 'd3-scale';
import { formatKroner } from '$lib/format';

export interface BreakdownInput {
	key: string;
	label: string;
	gross: number;
	disbenefits: number;
	net: number;
}

export type BarKind = 'gross' | 'disbenefits' | 'net';

export const BAR_KIND_LABEL: Record<BarKind, string> = {
	gross: 'Brutto gevinst',
	disbenefits: 'Ulemper',
	net: 'Netto'
};

export interface BreakdownBar {
	kind: BarKind;
	x: number;
	width: number;
	/** The bar's words: its kind and its amount. */
	text: string;
	/** Where the text starts, and whether it ends there (left of a bar to the left). */
	textX: number;
	textAnchor: 'start' | 'end';
}

export interface BreakdownSpec {
	groups: { key: string; label: string; y: number; bars: BreakdownBar[] }[];
	width: number;
	height: number;
	labelWidth: number;
	barHeight: number;
	zeroX: number;
	ariaLabel: string;
	table: { headers: string[]; rows: { key: string; label: string; cells: string[] }[] };
}

const LABEL_WIDTH = 230;
const TEXT_ROOM = 190;
/** The width drawn before the box is measured (on the server), and the least it is drawn at. */
export const BREAKDOWN_WIDTH = 840;
export const BREAKDOWN_MIN_WIDTH = 560;
const BAR_HEIGHT = 18;
const GAP = 3;
const GROUP_PAD = 16;

// `|| 0`: no «−0 kr».
const kr = (n: number) => formatKroner(n || 0);

/** The chart for `rows`, in kroner; `what` names the figure in the picture's description. */
export function breakdownSpec(
	rows: readonly BreakdownInput[],
	what: string,
	/** The figure's box (BreakdownBars measures it): the bars take what labels and words leave. */
	width = BREAKDOWN_WIDTH
): BreakdownSpec {
	const drawn = Math.max(BREAKDOWN_MIN_WIDTH, Math.floor(width));
	const BAR_AREA = drawn - LABEL_WIDTH - TEXT_ROOM;
	const low = Math.min(0, ...rows.flatMap((r) => [-r.disbenefits, r.net]));
	const high = Math.max(0, ...rows.flatMap((r) => [r.gross, r.net]));
	const x = scaleLinear()
		.domain([low, high === low ? low + 1 : high])
		.range([TEXT_ROOM / 2, TEXT_ROOM / 2 + BAR_AREA]);
	const zeroX = LABEL_WIDTH + Math.round(x(0));
	const bar = (kind: BarKind, from: number, to: number, shown: number): BreakdownBar => {
		const left = LABEL_WIDTH + Math.round(x(Math.min(from, to)));
		const right = LABEL_WIDTH + Math.round(x(Math.max(from, to)));
		const leftward = to < from || (kind === 'disbenefits' && shown !== 0);
		return {
			kind,
			x: left,
			width: Math.max(1, right - left),
			text: `${BAR_KIND_LABEL[kind]} ${kr(shown)}`,
			textX: leftward ? left - 6 : right + 6,
			textAnchor: leftward ? 'end' : 'start'
		};
	};
	const groupHeight = 3 * (BAR_HEIGHT + GAP) + GROUP_PAD;
	return {
		groups: rows.map((r, i) => ({
			key: r.key,
			label: r.label,
			y: i * groupHeight,
			bars: [
				bar('gross', 0, r.gross, r.gross),
				bar('disbenefits', 0, -r.disbenefits, -r.disbenefits),
				bar('net', 0, r.net, r.net)
			]
		})),
		width: drawn,
		height: Math.max(1, rows.length) * groupHeight,
		labelWidth: LABEL_WIDTH,
		barHeight: BAR_HEIGHT,
		zeroX,
		ariaLabel: `${what}: ${rows
			.map(
				(r) =>
					`${r.label}: brutto ${kr(r.gross)}, ulemper ${kr(-r.disbenefits)}, netto ${kr(r.net)}`
			)
			.join('; ')}`,
		table: {
			headers: ['Gruppe', BAR_KIND_LABEL.gross, BAR_KIND_LABEL.disbenefits, BAR_KIND_LABEL.net],
			rows: rows.map((r) => ({
				key: r.key,
				label: r.label,
				cells: [kr(r.gross), kr(-r.disbenefits), kr(r.net)]
			}))
		}
	};
}
