/**
 * Seeded randomness for the scale data. Each area draws from its own stream, so adding a
 * column or a row kind in one area does not reshuffle every other area's data.
 */
import { mulberry32 } from '../generate-map';

export class Rng {
	readonly next: () => number;

	constructor(seed: number, stream: string) {
		let h = seed >>> 0;
		for (const ch of stream) h = Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1) >>> 0;
		this.next = mulberry32(h);
	}

	/** Integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** One of the keys, with the given relative weights. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
		const entries = Object.entries(weights) as [K, number][];
		const total = entries.reduce((s, [, w]) => s + w, 0);
		let roll = this.next() * total;
		for (const [key, w] of entries) {
			roll -= w;
			if (roll < 0) return key;
		}
		return entries[entries.length - 1]![0];
	}

	/** `k` distinct items (fewer when there are fewer), in their original order. */
	sample<T>(items: readonly T[], k: number): T[] {
		if (k >= items.length) return [...items];
		const chosen = new Set<number>();
		// Floyd's algorithm: exactly k draws, no rejection loop.
		for (let j = items.length - k; j < items.length; j++) {
			const t = this.int(0, j);
			chosen.add(chosen.has(t) ? j : t);
		}
		return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
	}

	/** Log-uniform: as many values between 10 and 100 as between 100 and 1 000. */
	logUniform(min: number, max: number): number {
		return Math.round(Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min))));
	}
}

/**
 * Splits `total` into `parts` counts that vary around the mean (weights 0.3–1.7) and add up
 * to exactly `total`: projects differ in size, but the dataset has the stated row counts.
 */
export function partition(rng: Rng, total: number, parts: number): number[] {
	const weights = Array.from({ length: parts }, () => 0.3 + rng.next() * 1.4);
	const sum = weights.reduce((s, w) => s + w, 0);
	const counts: number[] = [];
	let acc = 0;
	let given = 0;
	for (const w of weights) {
		acc += w;
		const upTo = Math.round((total * acc) / sum);
		counts.push(upTo - given);
		given = upTo;
	}
	return counts;
}
