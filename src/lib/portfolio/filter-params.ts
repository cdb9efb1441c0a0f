/**
 * The overview and portfolio filters live in the URL (`?spor=3&status=in_progress&eier=2&enhet=5`)
 * so a filtered view can be bookmarked and shared, and the filter form works without script.
 * Unknown or malformed values are ignored rather than refused: a stale bookmark still opens.
 */
import { type PortfolioFilter, type RankBy } from '$lib/domain/portfolio/rules';
import { LENSES, LIFECYCLE_STATUSES, type LifecycleStatus } from '$lib/domain/portfolio/vocabulary';
import { idParam } from '$lib/schemas/id';

function id(params: URLSearchParams, key: string): number | undefined {
	return idParam(params.get(key)) ?? undefined;
}

export function parseFilterParams(params: URLSearchParams): PortfolioFilter {
	const status = params.get('status');
	const minScore = Number(params.get('minsnitt'));
	return {
		trackId: id(params, 'spor'),
		status: LIFECYCLE_STATUSES.includes(status as LifecycleStatus)
			? (status as LifecycleStatus)
			: undefined,
		ownerId: id(params, 'eier'),
		unitId: id(params, 'enhet'),
		minScore: minScore >= 1 && minScore <= 5 ? minScore : undefined
	};
}

export function parseRankBy(params: URLSearchParams): RankBy {
	const v = params.get('rangering');
	return v === 'mean' || LENSES.includes(v as never) ? (v as RankBy) : 'total';
}

/** The filter as form values, for filling the filter form back in. */
export function filterValues(filter: PortfolioFilter): Record<string, string> {
	return {
		spor: filter.trackId ? String(filter.trackId) : '',
		status: filter.status ?? '',
		eier: filter.ownerId ? String(filter.ownerId) : '',
		enhet: filter.unitId ? String(filter.unitId) : '',
		minsnitt: filter.minScore ? String(filter.minScore) : ''
	};
}
