/**
 * The benefit overview's read model (Gevinster): for the scope in the URL (`spor`, `prosjekt`,
 * `niva`), the sums per scope, track, level and project, the combined series in kroner, the
 * benefits behind plan and all benefits — every number from SQL (db/queries/gain-views.ts),
 * the long lists a page at a time with keyset paging (`bak-`, `gev-`, `pro-` + `etter`/`for`).
 */
import { planStatusOf } from '$lib/domain/benefits/health';
import { isAdmin } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';
import { canLogFor } from '$lib/server/benefits/access';
import { readCheckedFilter } from '$lib/server/benefits/scope';
import { versioned } from '$lib/server/read-cache';
import {
	gainSeries,
	gainSums,
	listProjectSumsPage,
	listTrackProjectOptions,
	type GainScope,
	type GainSumRow
} from '$lib/server/db/queries/gain-views';
import {
	BENEFITS_IN_SCOPE_READS,
	countPlanStatus,
	listBehindPage,
	listBenefitsPage
} from '$lib/server/db/queries/gain-lists';
import { getMission } from '$lib/server/db/queries/mission';
import { getProjectById } from '$lib/server/db/queries/projects';
import { listTracks } from '$lib/server/db/queries/tracks';
import { netSumRow, type NetSumRow } from '$lib/domain/benefits/net';
import { keysetList } from '$lib/paging';
import { countOf } from '$lib/format';
import { benefitLevelLabel } from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';
import { type BenefitLevel } from '$lib/domain/benefits/vocabulary';

export const BEHIND_PAGE = 20;
export const BENEFIT_PAGE = 25;
export const PROJECT_PAGE = 25;

/** A row of the sums tables: gross, dis-benefits and net; hours also in kroner at the timesats. */
const sumRow = (row: GainSumRow, label: string, rate: number | null): NetSumRow =>
	netSumRow(row, String(row.key), label, rate);

type Status = 'behind' | 'at_risk' | 'on_plan' | 'none';

/** «1 gevinst og 1 ulempe telles også i et annet spor», or nothing when none is shared. */
function sharedNote(shared: GainSumRow | undefined): string | undefined {
	if (!shared || shared.benefits + shared.disbenefits === 0) return undefined;
	const parts = [
		shared.benefits
			? countOf(shared.benefits, m.count_benefit_one(), m.count_benefit_many())
			: null,
		shared.disbenefits
			? countOf(shared.disbenefits, m.count_disbenefit_one(), m.count_disbenefit_many())
			: null
	].filter(Boolean);
	return m.benefits_shared_note({ parts: parts.join(m.benefits_and()) });
}

export function benefitOverview(params: URLSearchParams, user: SessionUser) {
	const { filter, notices } = readCheckedFilter(new URL(`http://x/?${params}`));
	const mission = getMission();
	if (!mission) return { filter, notices, scope: null };
	const rate = mission.hourlyRateKroner;
	const margin = mission.behindPlanMarginPercent;
	const scope: GainScope = { missionId: mission.id, ...filter };
	const tracks = listTracks();
	const trackLabel = new Map(
		tracks.map((t) => [t.id, m.benefits_sum_track({ code: t.code, title: t.title })])
	);
	const trackOrder = new Map(tracks.map((t, i) => [String(t.id), i]));
	const order = (key: string) => trackOrder.get(key) ?? tracks.length;
	const chosenProject = filter.projectId ? getProjectById(filter.projectId) : undefined;

	const sums = gainSums(scope);
	const projectPage = keysetList(
		params,
		(position, limit) => listProjectSumsPage(scope, position, limit),
		{
			prefix: 'pro-',
			hash: 'prosjekter',
			size: PROJECT_PAGE,
			keyLength: 2,
			keyOf: (r) => [r.title, Number(r.key)]
		}
	);
	const behindPage = keysetList(
		params,
		(position, limit) => listBehindPage(scope, margin, position, limit),
		{ prefix: 'bak-', hash: 'bak-plan', size: BEHIND_PAGE, keyLength: 1, keyOf: (r) => [r.id] }
	);
	// How many in the scope are behind and in the danger zone, as the lists judge them.
	const counts = versioned(
		`gevinster:status:${margin}:${JSON.stringify(filter)}`,
		() => countPlanStatus(scope, margin),
		BENEFITS_IN_SCOPE_READS
	);
	const benefitPage = keysetList(
		params,
		(position, limit) => listBenefitsPage(scope, margin, position, limit),
		{ prefix: 'gev-', hash: 'gevinstliste', size: BENEFIT_PAGE, keyLength: 1, keyOf: (r) => [r.id] }
	);

	const track = tracks.find((t) => t.id === filter.trackId);
	const subject = [
		chosenProject ? m.benefits_subject_project({ title: chosenProject.title }) : null,
		track ? m.benefits_subject_track({ code: track.code }) : null,
		filter.level ? benefitLevelLabel(filter.level).toLowerCase() : null
	]
		.filter(Boolean)
		.join(', ');
	const pager = (p: { previous: string | null; next: string | null; first: string | null }) => ({
		previous: p.previous,
		next: p.next,
		first: p.first
	});

	return {
		filter,
		notices,
		scope: {
			subject: subject || m.benefits_subject_mission(),
			hourlyRate: rate,
			margin,
			counts,
			tracks: tracks.map((t) => ({ id: t.id, code: t.code, title: t.title })),
			// Projects to choose from: those of the chosen track (a whole mission's would be thousands).
			projects: filter.trackId
				? listTrackProjectOptions(filter.trackId)
				: chosenProject
					? [{ id: chosenProject.id, title: chosenProject.title }]
					: [],
			sums: {
				mission: sums.mission ? [sumRow(sums.mission, m.benefits_sum_mission(), rate)] : [],
				// By track code; projects without a (live) track last, as «Uten spor». A benefit of a
				// project in two tracks counts in both, and the row says how many it shares; the
				// table's total counts each benefit once, as the scope's sum does.
				track: sums.track
					.map((r) => ({
						...sumRow(r, trackLabel.get(Number(r.key)) ?? m.benefits_sum_no_track(), rate),
						note: sharedNote(sums.shared.find((x) => x.key === r.key))
					}))
					.sort((a, b) => order(a.key) - order(b.key)),
				trackTotal: sums.mission ? sumRow(sums.mission, m.benefits_sum_all_tracks(), rate) : null,
				level: sums.level
					.map((r) => sumRow(r, benefitLevelLabel(r.key as BenefitLevel), rate))
					.sort((a, b) => a.key.localeCompare(b.key, 'nb')),
				project: projectPage.rows.map((r) => sumRow(r, r.title, rate))
			},
			projectPager: pager(projectPage),
			series: gainSeries(scope, rate),
			behind: behindPage.rows.map((b) => ({
				id: b.id,
				title: b.title,
				project: b.projectTitle,
				mine: canLogFor(user, { ownerId: b.ownerId }, { ownerId: b.projectOwnerId }),
				unit: b.unit ?? 'antall',
				period: b.statusPeriod!,
				planned: b.statusPlanned!,
				realised: b.statusRealised!,
				followUp:
					b.followUpPeriod === b.statusPeriod && b.cause !== null
						? { cause: b.cause, correctiveMeasure: b.correctiveMeasure ?? '' }
						: null
			})),
			behindPager: pager(behindPage),
			behindPageSize: BEHIND_PAGE,
			benefits: benefitPage.rows.map((b) => ({
				id: b.id,
				title: b.title,
				project: b.projectTitle,
				level: b.level,
				kind: b.kind,
				unit: b.unit,
				estimate: b.estimate,
				estimateKroner:
					b.estimate === null
						? null
						: b.unit === 'kr'
							? b.estimate
							: b.unit === 'timer' && rate !== null
								? b.estimate * rate
								: null,
				status: planStatusOf(b) as Status,
				disbenefit: b.disbenefit === 1
			})),
			benefitPager: pager(benefitPage),
			shownProjects: projectPage.rows.map((r) => ({ id: Number(r.key), title: r.title }))
		}
	};
}

/** Gevinster: the overview for this user, and whether they may change the gain settings. */
export function overviewPage(user: SessionUser, url: URL) {
	return { ...benefitOverview(url.searchParams, user), isAdmin: isAdmin(user) };
}
