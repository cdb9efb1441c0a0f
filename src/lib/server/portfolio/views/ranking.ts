/**
 * The portfolio page's read model (Portefølje): the ranking a page at a time, the balance of
 * the filtered projects across tracks and levels, and the selection funnel, all counted in SQL
 * (db/queries/portfolio-ranking.ts). Filters, ranking and page live in the URL.
 */
import { filterValues, parseFilterParams, parseRankBy } from '$lib/portfolio/filter-params';
import { pageInfo, pageParam, pagerLinks } from '$lib/paging';
import {
	listRankingPage,
	portfolioBalanceRows,
	portfolioFunnel,
	rankingParams
} from '$lib/server/db/queries/portfolio-ranking';
import { listTracks } from '$lib/server/db/queries/tracks';
import { listActiveUnitNames } from '$lib/server/db/queries/portfolio-people';
import { listLiveOwners } from '$lib/server/db/queries/portfolio-overview';
import { isAdmin } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';
import { canCreateInPortfolio } from '../access';
import { LENSES, LEVELS, type Level } from '$lib/domain/portfolio/vocabulary';
import { pickerNames } from '$lib/domain/org/picker-names';

export const RANKING_PAGE = 25;

export function rankingView(params: URLSearchParams) {
	const filter = parseFilterParams(params);
	const rankBy = parseRankBy(params);
	const sql = rankingParams(filter);
	const balance = portfolioBalanceRows(sql);
	const info = pageInfo(balance.total, RANKING_PAGE, pageParam(params));
	const ranked = listRankingPage(sql, rankBy, RANKING_PAGE, info.offset).map((r) => ({
		id: r.id,
		rank: r.rank,
		title: r.title,
		status: r.status,
		ownerName: r.ownerName,
		trackCodes: r.trackCodes ?? '',
		scores: Object.fromEntries(LENSES.map((l) => [l, r[l]])) as Record<
			(typeof LENSES)[number],
			number | null
		>,
		total: r.scoredCount ? r.total : null,
		mean: r.mean
	}));
	const funnel = portfolioFunnel(sql);
	const stage = (subject: 'project' | 'measure') => {
		const row = funnel.find((f) => f.subject === subject);
		return {
			proposed: row?.proposed ?? 0,
			recommended: row?.recommended ?? 0,
			adopted: row?.adopted ?? 0
		};
	};
	return {
		ranked,
		total: balance.total,
		pager: pagerLinks(params, info, 'side', 'rangering'),
		rankBy,
		filterValues: { ...filterValues(filter), rangering: rankBy },
		tracks: listTracks().map((t) => ({
			id: t.id,
			code: t.code,
			title: t.title,
			prioritised: t.prioritised,
			count: balance.byTrack.get(t.id) ?? 0
		})),
		balance: {
			total: balance.total,
			byLevel: Object.fromEntries(LEVELS.map((l) => [l, balance.byLevel.get(l) ?? 0])) as Record<
				Level,
				number
			>,
			withoutLevel: balance.withoutLevel
		},
		funnel: { projects: stage('project'), measures: stage('measure') },
		owners: pickerNames(listLiveOwners()),
		units: listActiveUnitNames()
	};
}

/** Portefølje: the steering group's view, with what this user may do there. */
export function portfolioPage(user: SessionUser, url: URL) {
	return {
		...rankingView(url.searchParams),
		canCreate: canCreateInPortfolio(user),
		isAdmin: isAdmin(user)
	};
}
