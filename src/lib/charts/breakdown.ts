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
import { m } from '$lib/paraglide/messages';

export interface BreakdownInput {
	key: string;
	label: string;
	gross: number;
	disbenefits: number;
	net: number;
}

export type BarKind = 'gross' | 'disbenefits' | 'net';

/** A bar's kind in words, in the reader's language. */
export const BAR_KIND_LABEL: Readonly<Record<BarKind, string>> = {
	get gross() {
		return m.benefits_breakdown_gross();
	},
	get disbenefits() {
		return m.benefits_breakdown_disbenefits();
	},
	get net() {
		return m.benefits_breakdown_net();
	}
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
	/** Where a group's bars start below its label line. */
	barsY: number;
	barHeight: number;
	zeroX: number;
	ariaLabel: string;
	table: { headers: string[]; rows: { key: string; label: string; cells: string[] }[] };
}

/**
 * Room for a bar's words, per character: 12 px text is about 7 px a character, and WCAG
 * 1.4.12's text spacing (letter 0.12 em, word 0.16 em) adds up to 2 more.
 */
const CHAR_PX = 9;
const TEXT_GAP = 6;
const BAR_HEIGHT = 18;
const GAP = 3;
/** The group's name on its own line above its bars: a long name never runs into a bar's words. */
const LABEL_LINE = 22;
const GROUP_PAD = 16;
/** The width drawn before the box is measured (on the server), and the least it is drawn at. */
export const BREAKDOWN_WIDTH = 840;
export const BREAKDOWN_MIN_WIDTH = 560;

// `|| 0`: no «−0 kr».
const kr = (n: number) => formatKroner(n || 0);

/** Room the words need beside a bar, on the side they are drawn. */
const room = (texts: string[]) =>
	texts.length ? Math.max(...texts.map((t) => t.length)) * CHAR_PX + TEXT_GAP : 0;

/** The chart for `rows`, in kroner; `what` names the figure in the picture's description. */
export function breakdownSpec(
	rows: readonly BreakdownInput[],
	what: string,
	/** The figure's box (BreakdownBars measures it): the bars take what the words leave. */
	width = BREAKDOWN_WIDTH
): BreakdownSpec {
	const drawn = Math.max(BREAKDOWN_MIN_WIDTH, Math.floor(width));
	// Each bar from 0 to its value; its words outside its end, to the left for a bar to the left
	// and for a dis-benefit (it counts against the gain).
	const planned = rows.map((r) =>
		(
			[
				['gross', r.gross],
				['disbenefits', -r.disbenefits],
				['net', r.net]
			] as const
		).map(([kind, to]) => ({
			kind,
			to,
			text: `${BAR_KIND_LABEL[kind]} ${kr(to)}`,
			leftward: to < 0
		}))
	);
	const all = planned.flat();
	const leftRoom = room(all.filter((b) => b.leftward).map((b) => b.text));
	const rightRoom = room(all.filter((b) => !b.leftward).map((b) => b.text));
	const low = Math.min(0, ...all.map((b) => b.to));
	const high = Math.max(0, ...all.map((b) => b.to));
	const x = scaleLinear()
		.domain([low, high === low ? low + 1 : high])
		.range([leftRoom, Math.max(leftRoom + 1, drawn - rightRoom)]);
	const zeroX = Math.round(x(0));
	const bar = (b: (typeof all)[number]): BreakdownBar => {
		const left = Math.round(x(Math.min(0, b.to)));
		const right = Math.round(x(Math.max(0, b.to)));
		return {
			kind: b.kind,
			x: left,
			width: Math.max(1, right - left),
			text: b.text,
			textX: b.leftward ? left - TEXT_GAP : right + TEXT_GAP,
			textAnchor: b.leftward ? 'end' : 'start'
		};
	};
	const groupHeight = LABEL_LINE + 3 * (BAR_HEIGHT + GAP) + GROUP_PAD;
	return {
		groups: rows.map((r, i) => ({
			key: r.key,
			label: r.label,
			y: i * groupHeight,
			bars: planned[i]!.map(bar)
		})),
		width: drawn,
		height: Math.max(1, rows.length) * groupHeight,
		barsY: LABEL_LINE,
		barHeight: BAR_HEIGHT,
		zeroX,
		ariaLabel: `${what}: ${rows
			.map((r) =>
				m.benefits_breakdown_described({
					label: r.label,
					gross: kr(r.gross),
					disbenefits: kr(-r.disbenefits),
					net: kr(r.net)
				})
			)
			.join('; ')}`,
		table: {
			headers: [
				m.benefits_breakdown_group(),
				BAR_KIND_LABEL.gross,
				BAR_KIND_LABEL.disbenefits,
				BAR_KIND_LABEL.net
			],
			rows: rows.map((r) => ({
				key: r.key,
				label: r.label,
				cells: [kr(r.gross), kr(-r.disbenefits), kr(r.net)]
			}))
		}
	};
}
