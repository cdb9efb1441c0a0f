/**
 * The portfolio's spreadsheets (steering issue «Spreadsheets»): Portefølje (tracks, the
 * projects as ranked and filtered on the page, their measures with status) and Risiko (the
 * risks the list shows, filters applied). Read a chunk at a time and stopped at a stated cap;
 * the «Om uttrekket» sheet names the filters and whether anything was cut. Column headers are
 * fixed, one header row a sheet, so the sheets can be read back in.
 */
import { parseFilterParams, parseRankBy } from '$lib/portfolio/filter-params';
import { listRankingPage, rankingParams } from '$lib/server/db/queries/portfolio-ranking';
import { listRisksPage } from '$lib/server/db/queries/portfolio-risks';
import type { SortKey } from '$lib/paging';
import { listMeasures } from '$lib/server/db/queries/measures';
import { listTracks } from '$lib/server/db/queries/tracks';
import { listUserNames, listActiveUnitNames } from '$lib/server/db/queries/portfolio-people';
import { XlsxWorkbook } from '$lib/server/exports/xlsx';
import { datedFileName, organisationName } from '$lib/server/exports/download';
import type { CellValue } from '$lib/server/reports/table';
import { riskScore, severityFor } from '$lib/domain/portfolio/risk';
import { LENSES, type ConsequenceArea, type ScaleValue } from '$lib/domain/portfolio/vocabulary';
import { lifecycleLabel } from '$lib/labels';
import { areaLabel, lensLabel, riskStatusLabel, severityLabel } from '$lib/labels-portfolio';
import { formatNumber } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { PORTFOLIO_COLUMN_TEXT as col, PORTFOLIO_SHEET_TEXT as sheet } from './export-headers';
import { readRiskFilter } from './risks';
import { IMPORT_MAX_ROWS } from '$lib/domain/imports/limits';

/**
 * Caps per sheet, for the same reason as the register's (benefits/views/register.ts), and for
 * Spor, Prosjekter and Tiltak together the rows an import takes (`rows`), so the download
 * always imports back: every track, then the projects up to their cap, then the measures up to
 * theirs or to what is left of `rows`, whichever is smaller.
 */
export const PORTFOLIO_LIMITS = {
	projects: 10_000,
	measures: 20_000,
	risks: 20_000,
	rows: IMPORT_MAX_ROWS
};
const CHUNK = 1_000;

export interface ExportFile {
	content: Uint8Array;
	fileName: string;
	rows: number;
}

const cutNote = (what: string, n: number, cut: boolean, limit: number) =>
	(cut ? m.export_cut_some : m.export_cut_all)({
		what,
		count: formatNumber(n),
		limit: formatNumber(limit)
	});

/** Portefølje as xlsx: the page's filters and ranking (`spor`, `niva`, `status`, `rangering` …). */
export async function portfolioXlsx(params: URLSearchParams, now: Date): Promise<ExportFile> {
	const filter = parseFilterParams(params);
	const rankBy = parseRankBy(params);
	const sql = rankingParams(filter);
	const projects: ReturnType<typeof listRankingPage> = [];
	let cut = false;
	for (let offset = 0; ; offset += CHUNK) {
		const got = listRankingPage(sql, rankBy, CHUNK, offset);
		projects.push(...got);
		if (got.length < CHUNK) break;
		if (projects.length >= PORTFOLIO_LIMITS.projects) {
			cut = listRankingPage(sql, rankBy, 1, PORTFOLIO_LIMITS.projects).length > 0;
			projects.length = PORTFOLIO_LIMITS.projects;
			break;
		}
	}
	const shown = new Set(projects.map((p) => p.id));
	const projectTitle = new Map(projects.map((p) => [p.id, p.title]));
	const users = new Map(listUserNames().map((u) => [u.id, u.name]));
	const units = new Map(listActiveUnitNames().map((u) => [u.id, u.name]));
	const allMeasures = listMeasures().filter((x) => shown.has(x.projectId));
	const tracks = listTracks();
	const measureLimit = Math.max(
		0,
		Math.min(PORTFOLIO_LIMITS.measures, PORTFOLIO_LIMITS.rows - tracks.length - projects.length)
	);
	const measuresCut = allMeasures.length > measureLimit;
	const measures = allMeasures.slice(0, measureLimit);

	const notes = describePortfolioFilter(params);
	notes.push(
		cutNote(sheet.projects(), projects.length, cut, PORTFOLIO_LIMITS.projects),
		cutNote(sheet.measures(), measures.length, measuresCut, measureLimit),
		m.export_measures_note()
	);
	const xlsx = new XlsxWorkbook({
		title: m.export_portfolio_title(),
		organisation: organisationName(),
		createdAt: now,
		notes
	})
		.sheet({
			name: sheet.tracks(),
			caption: sheet.tracks(),
			columns: [
				{ header: col.trackId(), format: 'integer' },
				{ header: col.code() },
				{ header: col.track() },
				{ header: col.status() },
				{ header: col.prioritised() },
				{ header: col.owner() },
				// What the track form holds and the import reads back (imports/portfolio.ts): the
				// columns after the page's own, so a download re-creates the portfolio whole.
				{ header: col.problemStatement() },
				{ header: col.barriers() }
			],
			rows: tracks.map((t) => [
				t.id,
				t.code,
				t.title,
				lifecycleLabel(t.status),
				t.prioritised ? m.export_yes() : m.export_no(),
				t.ownerId === null ? null : (users.get(t.ownerId) ?? null),
				t.problemStatement || null,
				t.barriers || null
			]),
			empty: m.export_no_tracks()
		})
		.sheet({
			name: sheet.projects(),
			caption: sheet.projects(),
			columns: [
				{ header: col.rank(), format: 'integer' },
				{ header: col.projectId(), format: 'integer' },
				{ header: col.project() },
				{ header: col.status() },
				{ header: col.owner() },
				{ header: col.tracks() },
				...LENSES.map((l) => ({ header: lensLabel(l), format: 'number' as const })),
				{ header: col.scoreSum(), format: 'number' },
				{ header: col.mean(), format: 'number' },
				{ header: col.description() },
				{ header: col.start(), format: 'date' },
				{ header: col.end(), format: 'date' }
			],
			rows: projects.map((p): CellValue[] => [
				p.rank,
				p.id,
				p.title,
				lifecycleLabel(p.status),
				p.ownerName,
				p.trackCodes,
				...LENSES.map((l) => p[l]),
				p.scoredCount ? p.total : null,
				p.mean,
				p.description || null,
				p.startDate,
				p.endDate
			]),
			empty: m.export_no_projects()
		})
		.sheet({
			name: sheet.measures(),
			caption: sheet.measures(),
			columns: [
				{ header: col.measureId(), format: 'integer' },
				{ header: col.measure() },
				{ header: col.projectId(), format: 'integer' },
				{ header: col.project() },
				{ header: col.status() },
				{ header: col.owner() },
				{ header: col.units() },
				{ header: col.start(), format: 'date' },
				{ header: col.end(), format: 'date' },
				{ header: col.description() }
			],
			rows: measures.map((x) => [
				x.id,
				x.title,
				x.projectId,
				projectTitle.get(x.projectId) ?? null,
				lifecycleLabel(x.status),
				x.ownerId === null ? null : (users.get(x.ownerId) ?? null),
				x.unitIds.map((id) => units.get(id) ?? `#${id}`).join(', ') || null,
				x.startDate,
				x.endDate,
				x.description || null
			]),
			empty: m.export_no_measures()
		});
	return {
		content: await xlsx.render(),
		fileName: datedFileName(m.export_file_portfolio(), now, 'xlsx'),
		rows: projects.length
	};
}

function describePortfolioFilter(params: URLSearchParams): string[] {
	const shown = [...params.entries()].filter(([k, v]) => v && k !== 'side');
	return shown.length
		? shown.map(([name, value]) => m.export_filter_note({ name, value }))
		: [m.export_whole_portfolio()];
}

/** Risiko as xlsx: the list's filters and sort (`spor`, `omrade`, `lukkede`, the cell …). */
export async function risksXlsx(params: URLSearchParams, now: Date): Promise<ExportFile> {
	const { sort, ...filter } = readRiskFilter(params);
	const rows: ReturnType<typeof listRisksPage> = [];
	let after: SortKey | undefined;
	let cut = false;
	for (;;) {
		// listRisksPage answers one row beyond the page when there is more.
		const got = listRisksPage(filter, sort, after ? { after } : {}, CHUNK);
		const page = got.slice(0, CHUNK);
		rows.push(...page);
		if (got.length <= CHUNK) break;
		if (rows.length >= PORTFOLIO_LIMITS.risks) {
			cut = true;
			rows.length = PORTFOLIO_LIMITS.risks;
			break;
		}
		after = page[page.length - 1]!.key;
	}
	const track = listTracks().find((t) => t.id === filter.trackId);
	const notes = [
		track ? m.export_track_note({ code: track.code, title: track.title }) : m.export_all_tracks(),
		filter.area
			? m.export_area_note({ area: areaLabel(filter.area as ConsequenceArea) })
			: m.export_all_areas(),
		filter.closed ? m.export_closed_included() : m.export_closed_left_out(),
		...(filter.likelihood !== null && filter.consequence !== null
			? [
					m.export_cell_note({
						likelihood: String(filter.likelihood),
						consequence: String(filter.consequence)
					})
				]
			: []),
		cutNote(sheet.risks(), rows.length, cut, PORTFOLIO_LIMITS.risks)
	];
	const xlsx = new XlsxWorkbook({
		title: sheet.risks(),
		organisation: organisationName(),
		createdAt: now,
		notes
	}).sheet({
		name: sheet.risks(),
		caption: sheet.risks(),
		columns: [
			{ header: col.riskId(), format: 'integer' },
			{ header: col.risk() },
			{ header: col.subject() },
			{ header: col.projectId(), format: 'integer' },
			{ header: col.measureId(), format: 'integer' },
			{ header: col.likelihood(), format: 'integer' },
			{ header: col.consequence(), format: 'integer' },
			{ header: col.riskScore(), format: 'integer' },
			{ header: col.severity() },
			{ header: col.status() }
		],
		rows: rows.map((r) => {
			const score = riskScore(r.likelihood as ScaleValue, r.consequence as ScaleValue);
			return [
				r.id,
				r.title,
				r.subjectTitle,
				r.projectId,
				r.measureId,
				r.likelihood,
				r.consequence,
				score,
				severityLabel(severityFor(score)),
				riskStatusLabel(r.status)
			];
		}),
		empty: m.export_no_risks()
	});
	return {
		content: await xlsx.render(),
		fileName: datedFileName(m.export_file_risks(), now, 'xlsx'),
		rows: rows.length
	};
}
