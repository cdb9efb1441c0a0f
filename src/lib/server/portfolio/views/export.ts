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
import { riskScore, severityFor } from '$lib/domain/risk';
import {
	CONSEQUENCE_AREA_LABEL,
	LENSES,
	LENS_INFO,
	LIFECYCLE_LABEL,
	RISK_STATUS_LABEL,
	SEVERITY_LABEL,
	type ConsequenceArea,
	type ScaleValue
} from '$lib/domain/portfolio/vocabulary';
import { readRiskFilter } from './risks';

/** Caps per sheet, for the same reason as the register's (benefits/views/register.ts). */
export const PORTFOLIO_LIMITS = { projects: 10_000, measures: 20_000, risks: 20_000 };
const CHUNK = 1_000;

export interface ExportFile {
	content: Uint8Array;
	fileName: string;
	rows: number;
}

const cutNote = (what: string, n: number, cut: boolean, limit: number) =>
	cut
		? `${what}: de første ${n.toLocaleString('nb-NO')} radene (grense ${limit.toLocaleString('nb-NO')}). Avgrens utvalget for å få med resten.`
		: `${what}: alle ${n.toLocaleString('nb-NO')} radene (grense ${limit.toLocaleString('nb-NO')}).`;

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
	const allMeasures = listMeasures().filter((m) => shown.has(m.projectId));
	const measuresCut = allMeasures.length > PORTFOLIO_LIMITS.measures;
	const measures = allMeasures.slice(0, PORTFOLIO_LIMITS.measures);
	const tracks = listTracks();

	const notes = describePortfolioFilter(params);
	notes.push(
		cutNote('Prosjekter', projects.length, cut, PORTFOLIO_LIMITS.projects),
		cutNote('Tiltak', measures.length, measuresCut, PORTFOLIO_LIMITS.measures),
		'Tiltak: tiltakene i prosjektene over, uten arkiverte.'
	);
	const xlsx = new XlsxWorkbook({
		title: 'Portefølje',
		organisation: organisationName(),
		createdAt: now,
		notes
	})
		.sheet({
			name: 'Spor',
			caption: 'Spor',
			columns: [
				{ header: 'Spor-ID', format: 'integer' },
				{ header: 'Kode' },
				{ header: 'Spor' },
				{ header: 'Status' },
				{ header: 'Prioritert' },
				{ header: 'Eier' }
			],
			rows: tracks.map((t) => [
				t.id,
				t.code,
				t.title,
				LIFECYCLE_LABEL[t.status],
				t.prioritised ? 'Ja' : 'Nei',
				t.ownerId === null ? null : (users.get(t.ownerId) ?? null)
			]),
			empty: 'Ingen spor.'
		})
		.sheet({
			name: 'Prosjekter',
			caption: 'Prosjekter',
			columns: [
				{ header: 'Rangering', format: 'integer' },
				{ header: 'Prosjekt-ID', format: 'integer' },
				{ header: 'Prosjekt' },
				{ header: 'Status' },
				{ header: 'Eier' },
				{ header: 'Spor' },
				...LENSES.map((l) => ({ header: LENS_INFO[l].label, format: 'number' as const })),
				{ header: 'Sum poeng', format: 'number' },
				{ header: 'Snitt', format: 'number' }
			],
			rows: projects.map((p): CellValue[] => [
				p.rank,
				p.id,
				p.title,
				LIFECYCLE_LABEL[p.status],
				p.ownerName,
				p.trackCodes,
				...LENSES.map((l) => p[l]),
				p.scoredCount ? p.total : null,
				p.mean
			]),
			empty: 'Ingen prosjekter i utvalget.'
		})
		.sheet({
			name: 'Tiltak',
			caption: 'Tiltak',
			columns: [
				{ header: 'Tiltak-ID', format: 'integer' },
				{ header: 'Tiltak' },
				{ header: 'Prosjekt-ID', format: 'integer' },
				{ header: 'Prosjekt' },
				{ header: 'Status' },
				{ header: 'Eier' },
				{ header: 'Enheter' },
				{ header: 'Start', format: 'date' },
				{ header: 'Slutt', format: 'date' }
			],
			rows: measures.map((m) => [
				m.id,
				m.title,
				m.projectId,
				projectTitle.get(m.projectId) ?? null,
				LIFECYCLE_LABEL[m.status],
				m.ownerId === null ? null : (users.get(m.ownerId) ?? null),
				m.unitIds.map((id) => units.get(id) ?? `#${id}`).join(', ') || null,
				m.startDate,
				m.endDate
			]),
			empty: 'Ingen tiltak i utvalget.'
		});
	return {
		content: await xlsx.render(),
		fileName: datedFileName('portefolje', now, 'xlsx'),
		rows: projects.length
	};
}

function describePortfolioFilter(params: URLSearchParams): string[] {
	const shown = [...params.entries()].filter(([k, v]) => v && k !== 'side');
	return shown.length
		? shown.map(([k, v]) => `Filter ${k}: ${v}`)
		: ['Hele porteføljen (uten arkiverte)'];
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
		track ? `Spor: ${track.code} ${track.title}` : 'Alle spor',
		filter.area
			? `Konsekvensområde: ${CONSEQUENCE_AREA_LABEL[filter.area as ConsequenceArea]}`
			: 'Alle konsekvensområder',
		filter.closed ? 'Lukkede risikoer tatt med' : 'Uten lukkede risikoer',
		...(filter.likelihood !== null && filter.consequence !== null
			? [`Celle: sannsynlighet ${filter.likelihood}, konsekvens ${filter.consequence}`]
			: []),
		cutNote('Risikoer', rows.length, cut, PORTFOLIO_LIMITS.risks)
	];
	const xlsx = new XlsxWorkbook({
		title: 'Risikoer',
		organisation: organisationName(),
		createdAt: now,
		notes
	}).sheet({
		name: 'Risikoer',
		caption: 'Risikoer',
		columns: [
			{ header: 'Risiko-ID', format: 'integer' },
			{ header: 'Risiko' },
			{ header: 'Gjelder' },
			{ header: 'Prosjekt-ID', format: 'integer' },
			{ header: 'Tiltak-ID', format: 'integer' },
			{ header: 'Sannsynlighet', format: 'integer' },
			{ header: 'Konsekvens', format: 'integer' },
			{ header: 'Risikoverdi', format: 'integer' },
			{ header: 'Alvorlighet' },
			{ header: 'Status' }
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
				SEVERITY_LABEL[severityFor(score)],
				RISK_STATUS_LABEL[r.status]
			];
		}),
		empty: 'Ingen risikoer i utvalget.'
	});
	return {
		content: await xlsx.render(),
		fileName: datedFileName('risikoer', now, 'xlsx'),
		rows: rows.length
	};
}
