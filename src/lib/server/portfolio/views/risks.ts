/**
 * The portfolio risk page's read model: the matrix as counts per cell and the risks in a cell
 * (or all of them) as a list, a page at a time with keyset paging, sortable; filters in the URL
 * (`spor`, `omrade`, `lukkede`, `sannsynlighet`, `konsekvens`, `sorter`, `etter`/`for`).
 */
import { isScaleValue, riskScore, severityFor } from '$lib/domain/portfolio/risk';
import { hrefWith, keysetLinks, positiveParam, readKeyset } from '$lib/paging';
import { riskCountMatrixSpec } from '$lib/charts/risk-count-matrix';
import {
	countRisksByCell,
	listRisksPage,
	type RiskFilterParams
} from '$lib/server/db/queries/portfolio-risks';
import { listTracks } from '$lib/server/db/queries/tracks';
import {
	CONSEQUENCE_AREAS,
	type ConsequenceArea,
	RISK_SORTS,
	type RiskSort,
	type ScaleValue
} from '$lib/domain/portfolio/vocabulary';
import {
	areaLabel,
	consequenceLabel,
	likelihoodLabel,
	riskSortLabel,
	riskStatusLabel,
	severityLabel
} from '$lib/labels-portfolio';

export const RISK_PAGE = 25;

function scale(params: URLSearchParams, key: string): ScaleValue | null {
	const n = positiveParam(params, key);
	return n !== undefined && isScaleValue(n) ? n : null;
}

export function readRiskFilter(params: URLSearchParams): RiskFilterParams & { sort: RiskSort } {
	const area = params.get('omrade');
	const sort = params.get('sorter');
	return {
		closed: params.get('lukkede') === '1' ? 1 : 0,
		likelihood: scale(params, 'sannsynlighet'),
		consequence: scale(params, 'konsekvens'),
		trackId: positiveParam(params, 'spor') ?? null,
		area: CONSEQUENCE_AREAS.includes(area as ConsequenceArea) ? area : null,
		sort: RISK_SORTS.includes(sort as RiskSort) ? (sort as RiskSort) : 'score'
	};
}

export function riskListView(params: URLSearchParams) {
	const { sort, ...filter } = readRiskFilter(params);
	const position = readKeyset(params, 3);
	const cell = (l: ScaleValue | null, c: ScaleValue | null) =>
		hrefWith(params, { sannsynlighet: l, konsekvens: c, etter: null, for: null }, 'risikoliste');
	// Closed risks are counted always, so the page can say how many it leaves out.
	const counts = countRisksByCell({ ...filter, closed: 1 }).map((c) => ({
		...c,
		n: filter.closed ? c.n : c.n - c.closed
	}));
	const matrix = riskCountMatrixSpec(counts, cell, filter);
	const page = keysetLinks(
		params,
		position,
		listRisksPage(filter, sort, position, RISK_PAGE),
		RISK_PAGE,
		(r) => r.key,
		'risikoliste'
	);
	const inCell =
		filter.likelihood !== null && filter.consequence !== null
			? (counts.find(
					(c) => c.likelihood === filter.likelihood && c.consequence === filter.consequence
				)?.n ?? 0)
			: matrix.total;
	return {
		matrix,
		closedCount: filter.closed ? 0 : counts.reduce((sum, c) => sum + c.closed, 0),
		listed: inCell,
		cell:
			filter.likelihood !== null && filter.consequence !== null
				? {
						likelihood: filter.likelihood,
						consequence: filter.consequence,
						clearHref: cell(null, null)
					}
				: null,
		risks: page.rows.map((r) => {
			const score = riskScore(r.likelihood as ScaleValue, r.consequence as ScaleValue);
			return {
				id: r.id,
				title: r.title,
				subjectTitle: r.subjectTitle,
				measureProjectTitle: r.measureProjectTitle,
				projectId: r.projectId,
				measureId: r.measureId,
				likelihood: `${r.likelihood} – ${likelihoodLabel(r.likelihood as ScaleValue)}`,
				consequence: `${r.consequence} – ${consequenceLabel(r.consequence as ScaleValue)}`,
				score,
				severity: severityLabel(severityFor(score)),
				status: riskStatusLabel(r.status)
			};
		}),
		pager: { previous: page.previous, next: page.next, first: page.first },
		values: {
			spor: filter.trackId ? String(filter.trackId) : '',
			omrade: filter.area ?? '',
			lukkede: filter.closed === 1,
			sorter: sort,
			sannsynlighet: filter.likelihood ? String(filter.likelihood) : '',
			konsekvens: filter.consequence ? String(filter.consequence) : ''
		},
		options: {
			tracks: listTracks().map((t) => ({ value: String(t.id), label: `${t.code} ${t.title}` })),
			areas: CONSEQUENCE_AREAS.map((a) => ({ value: a, label: areaLabel(a) })),
			sorts: RISK_SORTS.map((s) => ({ value: s, label: riskSortLabel(s) }))
		}
	};
}
