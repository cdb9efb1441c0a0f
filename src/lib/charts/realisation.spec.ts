import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../domain/benefits/gains';
import {
	ORIGINAL_TARGET_MARK,
	REALISATION_SERIES,
	forecastPoints,
	realisationPlotOptions,
	realisationSummary,
	realisationTableRows
} from './realisation';
import { contrastRatio } from './contrast';

const rows: SeriesRow[] = [
	{ period: '2026-01', planned: 0, realised: 0 },
	{ period: '2026-02', planned: 50_000, realised: 30_000 },
	{ period: '2026-03', planned: 100_000, realised: 110_000 },
	{ period: '2026-04', planned: 150_000, realised: null }
];

/** Plot marks carry many defaults; the snapshot keeps what we chose. */
function describeOptions(options: ReturnType<typeof realisationPlotOptions>) {
	const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
	return {
		ariaLabel: options.ariaLabel,
		ariaDescription: options.ariaDescription,
		width: options.width,
		height: options.height,
		x: { type: options.x?.type, label: options.x?.label },
		y: { label: options.y?.label, grid: options.y?.grid, zero: options.y?.zero },
		color: options.color,
		marks: (options.marks ?? []).map((mark) => {
			const m = json(mark);
			return {
				className: m.className,
				ariaDescription: m.ariaDescription,
				strokeDasharray: m.strokeDasharray,
				strokeWidth: m.strokeWidth,
				channels: Object.keys(m.channels as object),
				data: m.data
			};
		})
	};
}

describe('realisationPlotOptions', () => {
	it('draws planned dashed and realised solid with dots, in Norwegian', () => {
		const options = realisationPlotOptions(rows, {
			unit: 'kr',
			subject: 'Gevinst: Mindre tidsbruk'
		});
		expect(describeOptions(options)).toMatchSnapshot();
	});

	it('adds the dotted forecast and the dash-dot original target', () => {
		const options = realisationPlotOptions(rows, {
			unit: 'kr',
			subject: 'Gevinst: Mindre tidsbruk',
			originalTarget: 120_000,
			forecasts: [{ period: '2026-04', value: 20_000 }]
		});
		expect(describeOptions(options)).toMatchSnapshot();
	});

	it('tells the series apart by line style, and by colours ≥ 3:1 apart and against white', () => {
		const [planned, realised, forecast] = REALISATION_SERIES;
		const dashes = [...REALISATION_SERIES.map((s) => s.dash), ORIGINAL_TARGET_MARK.dash];
		expect(new Set(dashes).size).toBe(dashes.length);
		expect(forecast.style).toBe('prikket linje');
		expect(ORIGINAL_TARGET_MARK.style).toBe('strek-prikk-linje');
		expect(planned.dash).not.toBe(realised.dash);
		expect(planned.dots).not.toBe(realised.dots);
		expect(contrastRatio(planned.colour, realised.colour)).toBeGreaterThanOrEqual(3);
		for (const s of REALISATION_SERIES)
			expect(contrastRatio(s.colour, '#ffffff')).toBeGreaterThanOrEqual(3);
		const options = realisationPlotOptions(rows, { unit: 'kr', subject: 'x' });
		expect(options.color?.range).toEqual([planned.colour, realised.colour, forecast.colour]);
		// The figure draws the legend with the line styles; Plot's would be colour squares.
		expect(options.color?.legend).toBeUndefined();
	});

	it('leaves room for the y tick labels and spaces the month ticks for their width', () => {
		const big: SeriesRow[] = [{ period: '2026-01', planned: 12_000_000, realised: null }];
		const narrow = realisationPlotOptions(big, { unit: 'kr', subject: 'x', width: 280 });
		// «18 000 000» (the axis may round up) at 12 px with letter spacing room.
		expect(narrow.marginLeft).toBeGreaterThanOrEqual(10 * 0.72 * 12);
		const year = Array.from({ length: 12 }, (_, i) => ({
			period: `2026-${String(i + 1).padStart(2, '0')}`,
			planned: i * 10,
			realised: null
		}));
		const ticksAt = (width: number) =>
			(realisationPlotOptions(year, { unit: 'kr', subject: 'x', width }).x?.ticks as Date[]).map(
				(d) => d.toISOString().slice(0, 7)
			);
		// At 320 px two ticks fit («jan. 2026» with letter spacing is about 80 px): every 6th month.
		expect(ticksAt(320)).toEqual(['2026-01', '2026-07']);
		// «okt. 2026» is wider than «okt. 26»: one tick per 110 px, on whole months.
		const wide = ticksAt(1000);
		expect(wide.length).toBeLessThanOrEqual(Math.floor(1000 / 110));
		expect(wide[0]).toBe('2026-01');
	});

	it('formats ticks in nb-NO', () => {
		const options = realisationPlotOptions(rows, { unit: 'timer', subject: 'Prosjekt A' });
		const xFormat = options.x?.tickFormat as (d: Date) => string;
		const yFormat = options.y?.tickFormat as (v: number) => string;
		expect(xFormat(new Date(Date.UTC(2026, 0, 1)))).toBe('jan. 2026');
		expect(xFormat(new Date(Date.UTC(2026, 9, 1)))).toBe('okt. 2026');
		expect(xFormat(new Date(Date.UTC(2027, 2, 1)))).toBe('mars 2027');
		expect(yFormat(150_000).replace(/\s/g, ' ')).toBe('150 000');
		expect(options.y?.label).toBe('Kumulativ gevinst (timer)');
	});

	it('leaves months without realised values out of the realised line', () => {
		const options = realisationPlotOptions(rows, { unit: 'kr', subject: 'x' });
		const [, planned, realised, dots] = options.marks as unknown as { data: unknown[] }[];
		expect(planned!.data).toHaveLength(4);
		expect(realised!.data).toHaveLength(3);
		expect(dots!.data).toHaveLength(3);
	});
});

describe('the forecast', () => {
	const forecasts = [
		{ period: '2026-02', value: 999 },
		{ period: '2026-04', value: 60_000 }
	];

	it('runs on from the last realised month, adding each later month’s forecast', () => {
		expect(forecastPoints(rows, forecasts)).toEqual([
			{ period: '2026-03', value: 110_000 },
			{ period: '2026-04', value: 170_000 }
		]);
		expect(forecastPoints(rows, [])).toEqual([]);
		expect(forecastPoints([{ period: '2026-01', planned: 0, realised: null }], forecasts)).toEqual(
			[]
		);
	});

	it('a month without a forecast carries the planned step, not 0', () => {
		const longer = [...rows, { period: '2026-05', planned: 200_000, realised: null }];
		// April has no forecast: it adds its planned 50 000; May adds its forecast 10 000.
		expect(forecastPoints(longer, [{ period: '2026-05', value: 10_000 }])).toEqual([
			{ period: '2026-03', value: 110_000 },
			{ period: '2026-04', value: 160_000 },
			{ period: '2026-05', value: 170_000 }
		]);
	});

	it('is drawn dotted, and listed in the table from the month after the last realised', () => {
		const options = realisationPlotOptions(rows, { unit: 'kr', subject: 'x', forecasts });
		const marks = options.marks as unknown as { data: unknown[] }[];
		expect(marks.at(-1)!.data).toHaveLength(2);
		const table = realisationTableRows(rows, 'kr', forecasts).map((r) =>
			r.forecast.replace(/\s/g, ' ')
		);
		expect(table).toEqual(['', '', '', '170 000 kr']);
	});
});

describe('text alternative', () => {
	it('gives the same numbers as table rows', () => {
		const table = realisationTableRows(rows, 'kr').map((r) =>
			Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.replace(/\s/g, ' ')]))
		);
		expect(table).toEqual([
			{
				period: '2026-01',
				month: 'januar 2026',
				planned: '0 kr',
				realised: '0 kr',
				difference: '0 kr',
				forecast: ''
			},
			{
				period: '2026-02',
				month: 'februar 2026',
				planned: '50 000 kr',
				realised: '30 000 kr',
				difference: '\u221220 000 kr',
				forecast: ''
			},
			{
				period: '2026-03',
				month: 'mars 2026',
				planned: '100 000 kr',
				realised: '110 000 kr',
				difference: '+10 000 kr',
				forecast: ''
			},
			{
				period: '2026-04',
				month: 'april 2026',
				planned: '150 000 kr',
				realised: '',
				difference: '',
				forecast: ''
			}
		]);
	});

	it('summarises the chart in one sentence', () => {
		expect(
			realisationSummary(rows, { unit: 'kr', subject: 'Prosjekt A' }).replace(/\s/g, ' ')
		).toBe(
			'Prosjekt A: kumulativ gevinst fra januar 2026, planlagt 150 000 kr innen april 2026; realisert 110 000 kr per mars 2026 mot planlagt 100 000 kr.'
		);
		expect(realisationSummary([], { unit: 'kr', subject: 'Tom' })).toBe(
			'Tom: ingen plan eller realisering registrert.'
		);
	});
});
