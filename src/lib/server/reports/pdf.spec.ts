import { describe, expect, it } from 'vitest';
import { realisationPlotOptions } from '$lib/charts/realisation';
import { plotToSvg } from './chart-svg';
import { PdfReport } from './pdf';
import { pdfInfo, pdfPages, pdfText } from './pdf-text';
import type { TableSpec } from './table';

const ISSUED = new Date('2026-11-20T10:00:00Z');
const META = {
	title: 'Styringsrapport',
	organisation: 'Molde kommune',
	period: { from: '2026-01-01', to: '2026-04-30' },
	issuedAt: ISSUED,
	notes: ['Status: Utkast']
};

// Seed 001, page BRUKER: the family's priced benefits.
const FAMILY: TableSpec = {
	caption: 'Potensielle gevinster for familien',
	columns: [{ header: 'Gevinst' }, { header: 'Estimat', format: 'kroner' }],
	rows: [
		['Tapt arbeidsinntekt ved sykemelding for far', 73_530],
		['Ekstra tidsbruk ved skolestart', 80_000],
		['Ekstra tidsbruk ved koordinering og oppfølging av medisinske tilbud og skole', 1_500_000]
	],
	totals: ['Sum potensielle prissatte gevinster for familien', 1_653_530]
};

const LONG: TableSpec = {
	caption: 'Realiseringer per måned',
	columns: [
		{ header: 'Måned', format: 'month' },
		{ header: 'Dato', format: 'date' },
		{ header: 'Realisert', format: 'kroner' },
		{ header: 'Andel', format: 'percent' }
	],
	rows: Array.from({ length: 70 }, (_, i) => [
		`20${26 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
		'2026-03-31',
		10_000 * (i + 1),
		0.425
	])
};

function build() {
	const chart = plotToSvg(
		realisationPlotOptions(
			[
				{ period: '2026-01', planned: 0, realised: 0 },
				{ period: '2026-02', planned: 50_000, realised: 30_000 },
				{ period: '2026-03', planned: 100_000, realised: null }
			],
			{ unit: 'kr', subject: 'Søknadsportal' }
		)
	);
	return new PdfReport(META)
		.heading('Gevinster')
		.paragraph('Prissatte gevinster for én familie (seed 001, side BRUKER): æøå ÆØÅ.')
		.table(FAMILY)
		.chart(chart, 'Planlagt og realisert gevinst')
		.heading('Oppfølging', 2)
		.table(LONG)
		.table({
			caption: 'Risikoer',
			columns: [{ header: 'Risiko' }],
			rows: [],
			empty: 'Ingen risikoer i perioden.'
		});
}

describe('PdfReport', () => {
	it('has a title page, headings, kroner totals and «Side N av M» on every page after the first', async () => {
		const bytes = await build().render();
		const info = pdfInfo(bytes);
		const pages = pdfPages(bytes);
		expect(Number(info.Pages)).toBe(pages.length);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(pages[0]).toContain('Styringsrapport');
		expect(pages[0]).toContain('Molde kommune');
		expect(pages[0]).toContain('1. januar 2026 – 30. april 2026');
		expect(pages[0]).toContain('20. november 2026');
		expect(pages[0]).toContain('Utkast');
		expect(pages[0]).not.toMatch(/Side \d+ av/);
		pages.slice(1).forEach((page, i) => {
			expect(page).toContain(`Side ${i + 2} av ${pages.length}`);
		});
		const text = pdfText(bytes).replace(/\u00a0|\u202f/g, ' ');
		expect(text).toContain('Gevinster');
		expect(text).toContain('æøå ÆØÅ');
		expect(text).toContain('1 653 530 kr');
		expect(text).toContain('Tabell 1: Potensielle gevinster for familien');
		expect(text).toContain('Ingen risikoer i perioden.');
		expect(text).toContain('42,5 %');
		expect(text).toContain('31. mars 2026');
		expect(info.Title).toBe('Styringsrapport');
		expect(info.Author).toBe('Molde kommune');
	});

	it('draws the chart as vector text, not an image', async () => {
		const text = pdfText(await build().render());
		expect(text).toContain('Figur 1: Planlagt og realisert gevinst');
		// Axis label and legend from the chart spec, drawn as text in the PDF.
		expect(text).toContain('Kumulativ gevinst (kr)');
		expect(text).toContain('Realisert');
	});

	it('repeats the table header on each page the table runs over', async () => {
		const pages = pdfPages(await build().render(), { layout: true }).map((p) =>
			p.replace(/\u00a0|\u202f/g, ' ')
		);
		const first = pages.findIndex((p) => p.includes('Tabell 2: Realiseringer per måned'));
		const last = pages.findIndex((p) => p.includes('700 000 kr'));
		expect(first).toBeGreaterThan(0);
		expect(last).toBeGreaterThan(first);
		for (const page of pages.slice(first, last + 1)) {
			expect(page).toMatch(/Måned +Dato +Realisert +Andel/);
		}
	});

	it('gives the same bytes for the same content and creation date', async () => {
		const a = await build().render();
		const b = await build().render();
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
		const c = await build().render({ creationDate: new Date('2027-01-01T00:00:00Z') });
		expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
	});

	it('says so when there is nothing to report', async () => {
		const text = pdfText(await new PdfReport(META).render());
		expect(text).toContain('Rapporten har ikke noe innhold for utvalget.');
	});

	it('spells arrows the embedded font lacks, in text and tables alike', async () => {
		const pdf = new PdfReport(META)
			.heading('Endringer')
			.paragraph('Tiltak: Forslag → Anbefalt')
			.table({ caption: 'Status', columns: [{ header: 'Endring' }], rows: [['Anbefalt→Vedtatt']] });
		const text = pdfText(await pdf.render());
		expect(text).toContain('Forslag > Anbefalt');
		expect(text).toContain('Anbefalt > Vedtatt');
		expect(text).not.toContain('→');
	});
});
