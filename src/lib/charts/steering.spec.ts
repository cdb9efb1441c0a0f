import { describe, expect, it } from 'vitest';
import { complianceBarsSpec, gainBarsSpec } from './steering';

describe('steering charts', () => {
	it('draws realised against planned on one scale, every bar with its number as text', () => {
		const spec = gainBarsSpec([
			{ key: '1', label: '1A', href: '/gevinster?spor=1', planned: 200, realised: 50, percent: 25 },
			{ key: '2', label: '2', href: '/gevinster?spor=2', planned: 100, realised: 0, percent: 0 }
		]);
		expect(spec.panels[0]!.bars.map((b) => b.width)).toEqual([spec.barWidth, spec.barWidth / 4]);
		expect(spec.panels[1]!.bars.map((b) => b.width)).toEqual([spec.barWidth / 2, 0]);
		expect(spec.panels[0]!.bars[1]!.text).toMatch(/^Realisert 50\skr \(25\s%\)$/);
		expect(spec.table.rows[1]!.cells[2]).toMatch(/^0\s%$/);
		expect(spec.height).toBe(2 * spec.panelHeight);
	});

	it('marks shared benefits in a track and explains that each track counts them', () => {
		const spec = gainBarsSpec([
			{
				key: '1',
				label: '1A',
				href: '/g',
				planned: 200,
				realised: 50,
				percent: 25,
				shared: [
					{ tracks: 2, benefits: 1 },
					{ tracks: 3, benefits: 2 }
				]
			},
			{ key: '2', label: '2', href: '/g', planned: 100, realised: 0, percent: 0, shared: [] }
		]);
		expect(spec.panels[0]!.note).toBe(
			'◆ 1 gevinst delt med 2 spor, 2 gevinster delt med 3 spor; telles i hvert spor'
		);
		expect(spec.panels[1]!.note).toBeUndefined();
		expect(spec.table.rows[0]!.cells[3]).toBe(
			'1 gevinst delt med 2 spor, 2 gevinster delt med 3 spor; telles i hvert spor'
		);
		expect(spec.table.rows[1]!.cells[3]).toBe('–');
		expect(spec.footnote).toMatch(/telles med i hvert av sporene/);
		// Room for the note under the two bars.
		expect(spec.panelHeight).toBeGreaterThan(gainBarsSpec([]).panelHeight);
		expect(spec.panels[0]!.bars.map((b) => b.fraction)).toEqual([1, 0.25]);
	});

	it('draws the share signed on time, and says when nothing has counted yet', () => {
		const spec = complianceBarsSpec([
			{ key: '1', label: '1A', href: '/e', percent: 50, overdue: 3, units: 2 },
			{ key: '2', label: '2', href: '/e', percent: null, overdue: 0, units: 0 }
		]);
		expect(spec.panels.map((p) => p.bars[0]!.width)).toEqual([spec.barWidth / 2, 0]);
		expect(spec.panels[0]!.bars[0]!.text).toMatch(/^50\s% i tide, 3 forfalt$/);
		expect(spec.panels[1]!.bars[0]!.text).toBe('Ingen oppgaver ennå');
		expect(spec.table.headers).toEqual(['Spor', 'Enheter', 'Signert i tide', 'Forfalt']);
	});

	it('groups the thousands of a large overdue count as the percentages are', () => {
		const spec = complianceBarsSpec([
			{ key: '1', label: '1A', href: '/e', percent: 12.5, overdue: 13272, units: 40 }
		]);
		// Intl writes bokmål's group separator as a no-break space (U+00A0).
		expect(spec.panels[0]!.bars[0]!.text).toBe('12,5 % i tide, 13\u00a0272 forfalt');
	});
});
