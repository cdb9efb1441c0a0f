/**
 * PDF reports built on the server with pdfmake (https://pdfmake.github.io/docs/0.3/), on
 * PDFKit: a title page (title, organisation, period, date issued), running page numbers
 * «Side N av M» (in the request's language, as every fixed word here), headings kept with what follows them, paragraphs, tables whose header row
 * repeats on every page they run over, and charts drawn as vector graphics (chart-svg.ts).
 * Roboto is embedded (pdfmake ships it; it covers æøå and the minus sign), so the file looks
 * the same everywhere. With a fixed `creationDate` the output is byte-identical for the same
 * content: PDFKit derives the file ID from the document info, and nothing else in it varies.
 *
 *   const pdf = new PdfReport({ title: 'Styringsrapport', organisation: 'Molde kommune',
 *     period: { from: '2026-01-01', to: '2026-04-30' }, issuedAt: now });
 *   pdf.heading('Gevinster').paragraph('…').table(spec).chart(plotToSvg(options), 'Figur 1 …');
 *   const bytes = await pdf.render();
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { formatDay, osloDay } from '$lib/format';
import { INTL_LOCALE } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { ChartSvg } from './chart-svg';
import { formatCell, isNumeric, type TableSpec } from './table';

const require = createRequire(import.meta.url);

interface PdfMake {
	setFonts(fonts: Record<string, Record<string, string>>): void;
	setUrlAccessPolicy(callback: (url: string) => boolean): void;
	setLocalAccessPolicy(callback: (path: string) => boolean): void;
	createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

/**
 * pdfmake is one configured instance per process: the fonts are the same for every report, and
 * it may read nothing but them (no URLs, no other files), so a report's text cannot make the
 * server fetch or read anything.
 */
function pdfmake(): PdfMake {
	const instance = require('pdfmake') as PdfMake;
	const regular = require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf');
	const dir = path.dirname(regular);
	instance.setFonts({
		Roboto: {
			normal: regular,
			bold: path.join(dir, 'Roboto-Medium.ttf'),
			italics: path.join(dir, 'Roboto-Italic.ttf'),
			bolditalics: path.join(dir, 'Roboto-MediumItalic.ttf')
		}
	});
	instance.setUrlAccessPolicy(() => false);
	instance.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir + path.sep));
	return instance;
}

export interface ReportMeta {
	/** «Styringsrapport» */
	title: string;
	/** A line under the title, e.g. the project a plan is for. */
	subtitle?: string;
	/** The organisation's name, on the title page and in every page header. */
	organisation: string;
	/** ISO days, inclusive. */
	period: { from: string; to: string };
	/** When the report was issued; shown as the date on the title page. */
	issuedAt: Date;
	/** Extra lines on the title page, e.g. «Status: Utkast», «Utarbeidet av: …». */
	notes?: string[];
}

export interface RenderOptions {
	/**
	 * The creation date written into the file; by default `meta.issuedAt`. The same content and
	 * date give the same bytes, so a frozen report can be rebuilt and compared.
	 */
	creationDate?: Date;
}

const INK = '#1b1f24';
const MUTED = '#4b5563';
const RULE = '#9ca3af';

/** «1. januar 2026 – 30. april 2026» */
export function formatPeriod(period: { from: string; to: string }): string {
	return `${formatDay(period.from)} – ${formatDay(period.to)}`;
}

/**
 * Characters the embedded Roboto lacks, spelled with ones it has: an arrow would print as an
 * empty box, and a frozen report keeps it for good.
 */
const OUTSIDE_FONT: [RegExp, string][] = [
	[/\s*→\s*/g, ' > '],
	[/\s*←\s*/g, ' < ']
];

/** `content` with every string made printable in Roboto, but SVG figures left as they are. */
function inFont<T>(content: T): T {
	if (typeof content === 'string') {
		return OUTSIDE_FONT.reduce((t, [from, to]) => t.replace(from, to), content as string) as T;
	}
	if (Array.isArray(content)) return content.map(inFont) as T;
	if (content && typeof content === 'object') {
		return Object.fromEntries(
			Object.entries(content).map(([k, v]) => [k, k === 'svg' ? v : inFont(v)])
		) as T;
	}
	return content;
}

/** A4 portrait's text area in points, less room for the caption: a figure never spans pages. */
const FIGURE_BOX = { width: 515, height: 680 };

/** The width a figure is drawn at: its own, or less so it fits the text area both ways. */
export function chartWidth(chart: { width: number; height: number }): number {
	return Math.min(
		chart.width,
		FIGURE_BOX.width,
		(FIGURE_BOX.height * chart.width) / Math.max(1, chart.height)
	);
}

export class PdfReport {
	readonly #meta: ReportMeta;
	readonly #content: Content[] = [];
	#figures = 0;
	#tables = 0;

	constructor(meta: ReportMeta) {
		this.#meta = meta;
	}

	/** Level 1 starts a new page when it is not the first thing after the title page. */
	heading(text: string, level: 1 | 2 | 3 = 1): this {
		this.#content.push({
			text,
			style: `h${level}`,
			headlineLevel: level,
			outline: level < 3,
			pageBreak: level === 1 && this.#content.length > 0 ? 'before' : undefined
		} as Content);
		return this;
	}

	paragraph(text: string): this {
		this.#content.push({ text, style: 'body' });
		return this;
	}

	list(items: string[]): this {
		this.#content.push({ ul: items, style: 'body' });
		return this;
	}

	/** Label and value lines, e.g. «Gevinsteier: Pia Programleder». */
	facts(pairs: [string, string][]): this {
		this.#content.push({
			style: 'body',
			table: {
				widths: ['auto', '*'],
				body: pairs.map(([k, v]) => [{ text: k, bold: true }, { text: v }])
			},
			layout: 'noBorders'
		});
		return this;
	}

	/**
	 * A table whose header row repeats on every page; rows are not split across pages, and the
	 * caption stays with the header. An empty table is said in words instead.
	 */
	table(spec: TableSpec): this {
		this.#tables += 1;
		const caption: Content = {
			text: m.export_pdf_table({ n: String(this.#tables), caption: spec.caption }),
			style: 'caption',
			headlineLevel: 4
		} as Content;
		if (!spec.rows.length) {
			this.#content.push(caption, {
				text: spec.empty ?? m.export_pdf_no_rows(),
				style: 'body',
				italics: true
			});
			return this;
		}
		const align = (i: number) => (isNumeric(spec.columns[i]?.format) ? 'right' : 'left');
		const header: TableCell[] = spec.columns.map((c, i) => ({
			text: c.header,
			style: 'th',
			alignment: align(i)
		}));
		const body: TableCell[][] = spec.rows.map((row) =>
			row.map((v, i) => ({ text: formatCell(v, spec.columns[i]?.format), alignment: align(i) }))
		);
		if (spec.totals) {
			body.push(
				spec.totals.map((v, i) => ({
					text: v === null ? '' : formatCell(v, spec.columns[i]?.format),
					bold: true,
					alignment: align(i)
				}))
			);
		}
		this.#content.push(caption, {
			style: 'table',
			table: {
				headerRows: 1,
				dontBreakRows: true,
				keepWithHeaderRows: 1,
				widths: spec.columns.map((c) => c.width ?? (isNumeric(c.format) ? 'auto' : '*')),
				body: [header, ...body]
			},
			layout: {
				hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
					i === 0 || i === 1 || i === node.table.body.length ? 1 : 0.5,
				vLineWidth: () => 0,
				hLineColor: () => RULE,
				paddingTop: () => 3,
				paddingBottom: () => 3
			}
		});
		return this;
	}

	/**
	 * A chart as vector graphics, scaled to the page width at most, with a numbered caption.
	 * The same numbers belong in a table beside it (a chart is never the only carrier).
	 */
	chart(chart: ChartSvg, caption: string): this {
		this.#figures += 1;
		const width = chartWidth(chart);
		this.#content.push({
			stack: [
				{ svg: chart.svg, width },
				{
					text: m.export_pdf_figure({ n: String(this.#figures), caption }),
					style: 'caption',
					margin: [0, 4, 0, 12]
				}
			],
			unbreakable: true
		} as Content);
		return this;
	}

	pageBreak(): this {
		this.#content.push({ text: '', pageBreak: 'after' });
		return this;
	}

	#titlePage(): Content[] {
		const meta = this.#meta;
		return [
			{ text: meta.organisation, style: 'org', margin: [0, 160, 0, 24] },
			{ text: meta.title, style: 'title' },
			...(meta.subtitle ? [{ text: meta.subtitle, style: 'subtitle' }] : []),
			{
				margin: [0, 32, 0, 0],
				style: 'body',
				table: {
					widths: ['auto', '*'],
					body: [
						[{ text: m.export_pdf_period(), bold: true }, formatPeriod(meta.period)],
						[{ text: m.export_pdf_issued(), bold: true }, formatDay(osloDay(meta.issuedAt))],
						...(meta.notes ?? []).map((n) => {
							const [k, ...rest] = n.split(': ');
							return rest.length
								? [{ text: k!, bold: true }, rest.join(': ')]
								: [{ text: n, colSpan: 2 }, ''];
						})
					]
				},
				layout: 'noBorders'
			} as Content
		];
	}

	definition(options: RenderOptions = {}): TDocumentDefinitions {
		const meta = this.#meta;
		// The page numbers are written while pdfmake lays out, in the language the report began in.
		const locale = getLocale();
		const content = this.#content.length
			? this.#content
			: [{ text: m.export_pdf_no_content(), style: 'body' }];
		return {
			pageSize: 'A4',
			pageMargins: [40, 56, 40, 56],
			language: INTL_LOCALE[locale],
			info: {
				title: meta.title + (meta.subtitle ? ` – ${meta.subtitle}` : ''),
				author: meta.organisation,
				subject: formatPeriod(meta.period),
				creator: 'Misjonskart',
				producer: 'Misjonskart (pdfmake)',
				creationDate: options.creationDate ?? meta.issuedAt
			},
			header: (page: number) =>
				page === 1
					? null
					: {
							columns: [
								{ text: meta.title, alignment: 'left' },
								{ text: meta.organisation, alignment: 'right' }
							],
							margin: [40, 24, 40, 0],
							style: 'running'
						},
			footer: (page: number, pages: number) =>
				page === 1
					? null
					: {
							text: m.export_pdf_page({ page: String(page), pages: String(pages) }, { locale }),
							alignment: 'center',
							style: 'running'
						},
			// A heading or a table caption never ends a page: it moves to the next with what it
			// introduces.
			pageBreakBefore: (
				node: { headlineLevel?: number; pageNumbers: number[] },
				nodes: {
					getFollowingNodesOnPage(): unknown[];
				}
			) => Boolean(node.headlineLevel) && nodes.getFollowingNodesOnPage().length === 0,
			content: inFont([...this.#titlePage(), { text: '', pageBreak: 'after' }, ...content]),
			defaultStyle: { font: 'Roboto', fontSize: 10, color: INK, lineHeight: 1.2 },
			styles: {
				org: { fontSize: 14, color: MUTED },
				title: { fontSize: 28, bold: true },
				subtitle: { fontSize: 16, margin: [0, 8, 0, 0] },
				h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] },
				h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
				h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
				body: { margin: [0, 0, 0, 8] },
				caption: { fontSize: 9, bold: true, color: MUTED, margin: [0, 8, 0, 4] },
				table: { fontSize: 9, margin: [0, 0, 0, 12] },
				th: { bold: true, fillColor: '#f3f4f6' },
				running: { fontSize: 8, color: MUTED }
			}
		} as TDocumentDefinitions;
	}

	/** The PDF's bytes. */
	async render(options: RenderOptions = {}): Promise<Uint8Array> {
		const buffer = await pdfmake().createPdf(this.definition(options)).getBuffer();
		return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
	}
}
