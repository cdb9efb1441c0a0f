import { describe, expect, it } from 'vitest';
import { firstStop, moveInWheel } from './wheel-keys';

// Two rings: the inner has marks in January, March and November, the outer in February and June.
const rings = [
	{ marks: [{ month: 1 }, { month: 3 }, { month: 11 }] },
	{ marks: [{ month: 2 }, { month: 6 }] }
];

describe('moveInWheel', () => {
	it('goes round the ring with → and ←, past December to January', () => {
		expect(moveInWheel(rings, { ring: 0, index: 0 }, 'ArrowRight')).toEqual({ ring: 0, index: 1 });
		expect(moveInWheel(rings, { ring: 0, index: 2 }, 'ArrowRight')).toEqual({ ring: 0, index: 0 });
		expect(moveInWheel(rings, { ring: 0, index: 0 }, 'ArrowLeft')).toEqual({ ring: 0, index: 2 });
	});

	it('goes out with ↑ and in with ↓ to the nearest month, December next to January', () => {
		expect(moveInWheel(rings, { ring: 0, index: 1 }, 'ArrowUp')).toEqual({ ring: 1, index: 0 });
		// November: February is 3 months away round the turn of the year, June 5.
		expect(moveInWheel(rings, { ring: 0, index: 2 }, 'ArrowUp')).toEqual({ ring: 1, index: 0 });
		expect(moveInWheel(rings, { ring: 1, index: 1 }, 'ArrowDown')).toEqual({ ring: 0, index: 1 });
		expect(moveInWheel(rings, { ring: 1, index: 0 }, 'ArrowUp')).toBeNull();
		expect(moveInWheel(rings, { ring: 0, index: 0 }, 'ArrowDown')).toBeNull();
	});

	it('skips an empty ring, and Home and End go to the ends of the ring', () => {
		const gap = [rings[0]!, { marks: [] }, rings[1]!];
		expect(moveInWheel(gap, { ring: 0, index: 0 }, 'ArrowUp')).toEqual({ ring: 2, index: 0 });
		expect(moveInWheel(rings, { ring: 0, index: 1 }, 'Home')).toEqual({ ring: 0, index: 0 });
		expect(moveInWheel(rings, { ring: 0, index: 1 }, 'End')).toEqual({ ring: 0, index: 2 });
		expect(moveInWheel(rings, { ring: 0, index: 1 }, 'Tab')).toBeNull();
	});
});

describe('firstStop', () => {
	it("starts at today's month or the next mark after it, else the first mark", () => {
		expect(firstStop(rings, 3)).toEqual({ ring: 0, index: 1 });
		expect(firstStop(rings, 4)).toEqual({ ring: 0, index: 2 });
		expect(firstStop(rings, 12)).toEqual({ ring: 0, index: 0 });
		expect(firstStop(rings, null)).toEqual({ ring: 0, index: 0 });
		expect(firstStop([{ marks: [] }], 1)).toBeNull();
	});
});
