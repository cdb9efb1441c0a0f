/**
 * The wheel as one Tab stop: which mark the arrow keys move to (Wheel.svelte keeps the focus on
 * it). Pure, so the moves are tested without a browser.
 */
/** A mark's place in the layout: its ring's index and its index in that ring's marks. */
export interface MarkPosition {
	ring: number;
	index: number;
}

/**
 * Where the arrow keys move in the wheel, so it is one Tab stop (WAI-ARIA APG, «Developing a
 * Keyboard Interface», roving tabindex): → and ← to the next and previous mark in the ring,
 * round the year; ↑ to the ring outside and ↓ to the ring inside, at the same month or the
 * nearest month that has a mark; Home and End to the ring's first and last mark. Null: the key
 * is not the wheel's, or there is nowhere to go.
 */
export function moveInWheel(
	rings: readonly { marks: readonly { month: number }[] }[],
	from: MarkPosition,
	key: string
): MarkPosition | null {
	const marks = rings[from.ring]?.marks ?? [];
	const n = marks.length;
	if (!n) return null;
	switch (key) {
		case 'ArrowRight':
			return { ring: from.ring, index: (from.index + 1) % n };
		case 'ArrowLeft':
			return { ring: from.ring, index: (from.index - 1 + n) % n };
		case 'Home':
			return { ring: from.ring, index: 0 };
		case 'End':
			return { ring: from.ring, index: n - 1 };
		case 'ArrowUp':
		case 'ArrowDown': {
			const step = key === 'ArrowUp' ? 1 : -1;
			const month = marks[from.index]?.month ?? 1;
			for (let r = from.ring + step; r >= 0 && r < rings.length; r += step) {
				const target = rings[r]!.marks;
				if (!target.length) continue;
				// Months are a circle: December is next to January.
				const distance = (m: number) => Math.min(Math.abs(m - month), 12 - Math.abs(m - month));
				let best = 0;
				target.forEach((m, i) => {
					if (distance(m.month) < distance(target[best]!.month)) best = i;
				});
				return { ring: r, index: best };
			}
			return null;
		}
		default:
			return null;
	}
}

/** The mark the wheel's Tab stop starts on: the first in today's month or after, else the first. */
export function firstStop(
	rings: readonly { marks: readonly { month: number }[] }[],
	todayMonth: number | null
): MarkPosition | null {
	const ring = rings.findIndex((r) => r.marks.length > 0);
	if (ring < 0) return null;
	const marks = rings[ring]!.marks;
	const index = todayMonth === null ? 0 : marks.findIndex((m) => m.month >= todayMonth);
	return { ring, index: Math.max(0, index) };
}
