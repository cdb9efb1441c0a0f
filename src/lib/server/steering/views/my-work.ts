/**
 * «Mitt arbeid» (/mitt-arbeid): where a programme leader lands — their projects, and the
 * benefits waiting for last month's value, a page at a time, counted in SQL.
 */
import { osloDay } from '$lib/format';
import { lifecycleLabel } from '$lib/labels';
import { pageInfo, pageParam, pagerLinks } from '$lib/paging';
import {
	countOwnProjects,
	countWaitingBenefits,
	listOwnProjects,
	listWaitingBenefits
} from '$lib/server/db/queries/steering';
import type { SessionUser } from '$lib/server/auth/session';

export const OWN_PROJECTS_SHOWN = 50;
export const WAITING_PAGE = 25;

/** The month before `day`'s month, `YYYY-MM`: the latest month a value can be due for. */
function previousMonth(day: string): string {
	const y = Number(day.slice(0, 4));
	const m = Number(day.slice(5, 7));
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function myWorkPage(user: SessionUser, url: URL, now: Date) {
	const today = osloDay(now);
	const due = previousMonth(today);
	const info = pageInfo(
		countWaitingBenefits(user.id, due, today),
		WAITING_PAGE,
		pageParam(url.searchParams)
	);
	return {
		due,
		projects: listOwnProjects(user.id, OWN_PROJECTS_SHOWN).map((p) => ({
			...p,
			statusLabel: lifecycleLabel(p.status),
			href: `/portefolje/prosjekter/${p.id}`,
			mapHref: `/gevinster/prosjekt/${p.id}`
		})),
		projectCount: countOwnProjects(user.id),
		waiting: listWaitingBenefits(user.id, due, today, WAITING_PAGE, info.offset).map((b) => ({
			...b,
			href: `/gevinster/${b.id}`,
			projectHref: `/portefolje/prosjekter/${b.projectId}`
		})),
		waitingCount: info.total,
		pager: pagerLinks(url.searchParams, info, 'side', 'venter')
	};
}
