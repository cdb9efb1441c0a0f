import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ComplianceHeatmap from './ComplianceHeatmap.svelte';
import {
	compliancePlotOptions,
	complianceSpec,
	complianceTable,
	SHARE_BUCKETS,
	shareLegend,
	type ComplianceRow
} from './compliance';
import { contrastRatio } from './contrast';

const rows: ComplianceRow[] = [
	{ unitId: 1, unitName: 'Bo og habilitering Øst', month: 1, total: 8, signedOnTime: 7 },
	{ unitId: 1, unitName: 'Bo og habilitering Øst', month: 2, total: 6, signedOnTime: 6 },
	{ unitId: 1, unitName: 'Bo og habilitering Øst', month: 3, total: 5, signedOnTime: 2 },
	{ unitId: 2, unitName: 'Bo og habilitering Vest', month: 1, total: 4, signedOnTime: 2 },
	// A second wheel for the same unit and month adds to the first.
	{ unitId: 2, unitName: 'Bo og habilitering Vest', month: 1, total: 4, signedOnTime: 4 },
	{ unitId: 2, unitName: 'Bo og habilitering Vest', month: 2, total: 0, signedOnTime: 0 }
];

describe('complianceSpec', () => {
	it('turns fixed rows into the same spec every time', () => {
		expect(complianceSpec(rows)).toMatchSnapshot();
	});

	it('gives every unit twelve cells with shares, percentages and text colours', () => {
		const spec = complianceSpec(rows);
		expect(spec.units).toEqual(['Bo og habilitering Øst', 'Bo og habilitering Vest']);
		expect(spec.months).toEqual([
			'jan',
			'feb',
			'mar',
			'apr',
			'mai',
			'jun',
			'jul',
			'aug',
			'sep',
			'okt',
			'nov',
			'des'
		]);
		expect(spec.cells).toHaveLength(24);
		const cell = (unit: string, month: string) =>
			spec.cells.find((c) => c.unit === unit && c.month === month);
		expect(cell('Bo og habilitering Øst', 'jan')).toMatchObject({
			share: 0.875,
			text: '88 %',
			textFill: '#1b1f24',
			title: 'Bo og habilitering Øst, januar: 88 % signert i tide (7 av 8)'
		});
		expect(cell('Bo og habilitering Øst', 'feb')).toMatchObject({ share: 1, textFill: '#ffffff' });
		expect(cell('Bo og habilitering Øst', 'mar')).toMatchObject({
			text: '40 %',
			textFill: '#ffffff'
		});
		expect(cell('Bo og habilitering Vest', 'jan')).toMatchObject({ share: 0.75, text: '75 %' });
		expect(cell('Bo og habilitering Vest', 'feb')).toMatchObject({
			share: null,
			text: '–',
			title: 'Bo og habilitering Vest, februar: ingen oppgaver'
		});
	});

	it('tells apart two units with the same name', () => {
		const spec = complianceSpec([
			{ unitId: 3, unitName: 'Avdeling A', month: 1, total: 1, signedOnTime: 1 },
			{ unitId: 4, unitName: 'Avdeling A', month: 1, total: 1, signedOnTime: 0 }
		]);
		expect(spec.units).toEqual(['Avdeling A (3)', 'Avdeling A (4)']);
	});

	it('puts text with at least 4.5:1 contrast on every bucket colour', () => {
		for (const bucket of SHARE_BUCKETS) {
			expect(contrastRatio(bucket.text, bucket.fill)).toBeGreaterThanOrEqual(4.5);
		}
	});
});

describe('compliancePlotOptions', () => {
	it('builds a labelled threshold heatmap with cell and text marks', () => {
		const { marks, ...options } = compliancePlotOptions(complianceSpec(rows));
		expect(options).toMatchSnapshot();
		expect(marks).toHaveLength(3);
		// Months without tasks get no coloured cell, only the dash, in the text colour (which
		// forced colours turn into CanvasText); shares keep the text colour chosen for their cell.
		expect(marks?.[0]).toHaveProperty('data.length', 4);
		expect(marks?.[1]).toHaveProperty('data.length', 4);
		expect(marks?.[2]).toHaveProperty('data.length', 20);
	});

	it('is never drawn narrower than its text needs, and makes room for the unit names', () => {
		const spec = complianceSpec(rows);
		// «Bo og habilitering Vest» (23 characters) at 13 px with letter spacing room.
		expect(spec.marginLeft).toBeGreaterThanOrEqual(23 * 13 * 0.72);
		// Twelve columns, each wide enough for «100 %» with WCAG 1.4.12 spacing.
		expect(spec.minWidth).toBeGreaterThanOrEqual(spec.marginLeft + 12 * 5 * 13 * 0.72);
		expect(compliancePlotOptions(spec, spec.minWidth).width).toBe(spec.minWidth);
	});

	it('cuts a unit name too long for the margin, and keeps it whole in the table', () => {
		const long = 'Tjenester for funksjonshemmede, rus og psykisk helse, avdeling nord';
		const spec = complianceSpec([{ ...rows[0]!, unitName: long }]);
		const format = compliancePlotOptions(spec).y?.tickFormat as (s: string) => string;
		expect(format(long).endsWith('…')).toBe(true);
		expect(format(long).length * 13 * 0.72).toBeLessThanOrEqual(spec.marginLeft);
		expect(complianceTable([{ ...rows[0]!, unitName: long }]).rows[0]?.unit).toBe(long);
	});

	it('has a legend entry per bucket', () => {
		expect(shareLegend().map((e) => e.label)).toEqual(['0–49 %', '50–79 %', '80–94 %', '95–100 %']);
	});
});

describe('complianceTable', () => {
	it('gives the same numbers as text, with a whole-year column', () => {
		const table = complianceTable(rows);
		expect(table.headers[0]).toBe('januar');
		expect(table.headers).toHaveLength(12);
		expect(table.rows).toEqual([
			{
				key: 1,
				unit: 'Bo og habilitering Øst',
				months: ['88 % (7 av 8)', '100 % (6 av 6)', '40 % (2 av 5)', ...Array(9).fill('–')],
				year: '79 % (15 av 19)',
				overdue: null
			},
			{
				key: 2,
				unit: 'Bo og habilitering Vest',
				months: ['75 % (6 av 8)', ...Array(11).fill('–')],
				year: '75 % (6 av 8)',
				overdue: null
			}
		]);
	});

	it('counts as overdue what is counted but not signed, when the rows say what is signed', () => {
		const table = complianceTable([
			{ unitId: 'a', unitName: 'A', month: 1, total: 4, signedOnTime: 2, signed: 3 },
			{ unitId: 'a', unitName: 'A', month: 2, total: 2, signedOnTime: 0, signed: 0 }
		]);
		expect(table.rows[0]).toMatchObject({ key: 'a', year: '33 % (2 av 6)', overdue: 3 });
	});
});

describe('ComplianceHeatmap.svelte (server render)', () => {
	it('renders the caption and the table alternative, leaving the plot to the browser', () => {
		const { body } = render(ComplianceHeatmap, { props: { rows } });
		expect(body).toMatch(/<figcaption[^>]*>Andel oppgaver signert i tide/);
		expect(body).toMatch(/<summary[^>]*>Vis som tabell<\/summary>/);
		// Svelte's hydration markers (<!--…-->) may sit around the label.
		expect(body).toMatch(
			/<th scope="row"[^>]*>(<!--[^>]*-->)*Bo og habilitering Øst(<!--[^>]*-->)*<\/th>/
		);
		expect(body).toContain('88 % (7 av 8)');
		expect(body).not.toContain('<svg');
	});

	it('shows the table at once when open, with a footer row and the overdue column', () => {
		const withSigned = rows.map((r) => ({ ...r, signed: r.signedOnTime }));
		const footer = [
			{
				unitId: 'sum',
				unitName: 'Alle enheter',
				month: 1 as const,
				total: 16,
				signedOnTime: 13,
				signed: 14
			}
		];
		const { body } = render(ComplianceHeatmap, { props: { rows: withSigned, footer, open: true } });
		expect(body).not.toContain('<summary');
		expect(body).toMatch(
			/<tfoot[^>]*>.*Alle enheter.*81 % \(13 av 16\).*<td[^>]*>2<\/td>.*<\/tfoot>/s
		);
		expect(body).toMatch(/<th scope="col"[^>]*>Forfalt<\/th>/);
	});

	it('says so when there is nothing to show', () => {
		const { body } = render(ComplianceHeatmap, { props: { rows: [] } });
		expect(body).toContain('Ingen oppgaver å vise');
		expect(body).not.toContain('<table');
	});
});
