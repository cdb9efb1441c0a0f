import { describe, expect, it } from 'vitest';
import { breakdownSpec } from './breakdown';

const rows = [
	{ key: 'familie', label: 'Familie', gross: 1_653_530, disbenefits: 0, net: 1_653_530 },
	{ key: 'kommunalt', label: 'Kommunalt', gross: 400_000, disbenefits: 200_000, net: 200_000 }
];

/** Norwegian number formatting groups with a no-break space; compare as plain text. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('breakdownSpec', () => {
	const spec = breakdownSpec(rows, 'Estimat i kroner etter hvem som får gevinsten');

	it('draws gross right of zero, dis-benefits left of it and net, with words on every bar', () => {
		const [gross, dis, net] = spec.groups[1]!.bars;
		expect(gross!.x).toBe(spec.zeroX);
		expect(dis!.x + dis!.width).toBe(spec.zeroX);
		expect(dis!.textAnchor).toBe('end');
		expect(net!.x).toBe(spec.zeroX);
		expect(gross!.width).toBeGreaterThan(net!.width);
		expect(spec.groups[1]!.bars.map((b) => plain(b.text))).toEqual([
			'Brutto gevinst 400 000 kr',
			'Ulemper −200 000 kr',
			'Netto 200 000 kr'
		]);
	});

	it('keeps every bar and its words inside the picture, the largest gain at the far end', () => {
		// The words' room is reckoned at 9 px a character (12 px text with WCAG text spacing).
		for (const s of [spec, breakdownSpec(rows, 'x', 1120), breakdownSpec(rows, 'x', 320)]) {
			for (const g of s.groups) {
				for (const b of g.bars) {
					expect(b.x).toBeGreaterThanOrEqual(0);
					expect(b.x + b.width).toBeLessThanOrEqual(s.width);
					const words = b.text.length * 9;
					if (b.textAnchor === 'start') expect(b.textX + words).toBeLessThanOrEqual(s.width);
					else expect(b.textX - words).toBeGreaterThanOrEqual(0);
				}
			}
			const right = Math.max(...s.groups.flatMap((g) => g.bars.map((b) => b.x + b.width)));
			expect(right).toBe(s.width - 6 - 'Brutto gevinst 1 653 530 kr'.length * 9);
		}
		// A name on its own line above its three bars.
		expect(spec.height).toBe(2 * (22 + 3 * 21 + 16));
	});

	it('has the same numbers as a table and in its description', () => {
		expect(spec.table.rows[1]!.cells.map(plain)).toEqual([
			'400 000 kr',
			'−200 000 kr',
			'200 000 kr'
		]);
		expect(plain(spec.ariaLabel)).toContain(
			'Kommunalt: brutto 400 000 kr, ulemper −200 000 kr, netto 200 000 kr'
		);
	});

	it('takes the width of its box, never less than its words need', () => {
		for (const width of [1120, 700, 320]) {
			expect(breakdownSpec(rows, 'x', width).width).toBe(Math.max(560, width));
		}
		expect(spec.width).toBe(840);
	});

	it('draws a net below zero to the left', () => {
		const s = breakdownSpec([{ key: 'a', label: 'A', gross: 0, disbenefits: 50, net: -50 }], 'x');
		const net = s.groups[0]!.bars[2]!;
		expect(net.x + net.width).toBe(s.zeroX);
		expect(net.textAnchor).toBe('end');
	});
});
