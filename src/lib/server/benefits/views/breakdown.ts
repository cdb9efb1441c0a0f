/**
 * The breakdown page's read model (/gevinster/fordeling): sums by who gains and by quality
 * dimension for the filter in the address (`spor`, `prosjekt`, `niva`, `mottaker`), each as
 * gross, dis-benefits and net (domain/benefits/net.ts), summed in SQL (gain-breakdowns.ts).
 * The whole mission's breakdown reads every benefit's figure, so it is kept until one of the
 * tables it reads is written (read-cache.ts).
 */
import { readCheckedFilter } from '$lib/server/benefits/scope';
import { FILTER_NOTICES } from '$lib/server/benefits/messages';
import { gainBreakdown, type BreakdownFilter } from '$lib/server/db/queries/gain-breakdowns';
import { listTrackProjectOptions, type GainSumRow } from '$lib/server/db/queries/gain-views';
import { BENEFITS_IN_SCOPE_READS } from '$lib/server/db/queries/gain-lists';
import { getMission } from '$lib/server/db/queries/mission';
import { getProjectById } from '$lib/server/db/queries/projects';
import { listTracks } from '$lib/server/db/queries/tracks';
import { versioned } from '$lib/server/read-cache';
import { kronerWithHours, netSumRow, type NetSumRow } from '$lib/domain/benefits/net';
import {
	BENEFICIARIES,
	QUALITY_DIMENSIONS,
	type BenefitLevel
} from '$lib/domain/benefits/vocabulary';
import type { BreakdownInput } from '$lib/charts/breakdown';
import {
	benefitLevelLabel,
	beneficiaryLabel as beneficiaryWord,
	qualityLabel
} from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';

type Beneficiary = (typeof BENEFICIARIES)[number];

/**
 * The scope filter and `?mottaker=`; a value that names nothing is dropped (all are shown), with
 * a notice that says so.
 */
export function readBreakdownFilter(url: URL): { filter: BreakdownFilter; notices: string[] } {
	const { filter, notices } = readCheckedFilter(url);
	const raw = url.searchParams.get('mottaker')?.trim() || null;
	const known = BENEFICIARIES.includes(raw as Beneficiary);
	if (raw && !known) notices.push(FILTER_NOTICES.mottaker(raw.slice(0, 40)));
	return { filter: { ...filter, beneficiary: known ? raw : null }, notices };
}

// In the reader's language (labels-benefits.ts); «annet» is a group here, not «write your own».
const beneficiaryLabel = (key: string) =>
	key === 'annet' ? m.benefits_beneficiary_other_short() : beneficiaryWord(key);
const dimensionLabel = (key: string) =>
	key === 'ingen' ? m.benefits_breakdown_no_quality() : qualityLabel(key);

/** In the vocabulary's order, so the tables and charts read the same every time. */
function ordered(rows: GainSumRow[], order: readonly string[], label: (k: string) => string) {
	const at = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
	return rows
		.filter((r) => r.benefits + r.disbenefits > 0)
		.sort((a, b) => at(String(a.key)) - at(String(b.key)))
		.map((r) => ({ key: String(r.key), label: label(String(r.key)), sums: r }));
}

/** The chart's bars: estimate in kroner, hours at the timesats (left out when none is set). */
function chartRows(rows: NetSumRow[], rate: number | null): BreakdownInput[] {
	return rows.map((r) => {
		const n = kronerWithHours(r.kroner, r.hours, rate);
		return {
			key: r.key,
			label: r.label,
			gross: n.gross.estimate,
			disbenefits: n.disbenefits.estimate,
			net: n.net.estimate
		};
	});
}

export function breakdownPage(url: URL) {
	const { filter, notices } = readBreakdownFilter(url);
	const mission = getMission();
	if (!mission) return { filter, notices, scope: null };
	const rate = mission.hourlyRateKroner;
	const sums = versioned(
		`breakdown:${JSON.stringify(filter)}`,
		() => gainBreakdown(filter),
		BENEFITS_IN_SCOPE_READS
	);
	const rows = (list: ReturnType<typeof ordered>) =>
		list.map((r) => netSumRow(r.sums, r.key, r.label, rate));
	const byBeneficiary = rows(ordered(sums.beneficiary, BENEFICIARIES, beneficiaryLabel));
	const byQuality = rows(ordered(sums.quality, [...QUALITY_DIMENSIONS, 'ingen'], dimensionLabel));
	const tracks = listTracks();
	const track = tracks.find((t) => t.id === filter.trackId);
	const project = filter.projectId ? getProjectById(filter.projectId) : undefined;
	const subject =
		[
			project ? m.benefits_subject_project({ title: project.title }) : null,
			track ? m.benefits_subject_track({ code: track.code }) : null,
			filter.level ? benefitLevelLabel(filter.level as BenefitLevel).toLowerCase() : null,
			filter.beneficiary
				? m.benefits_breakdown_beneficiary_filter({
						beneficiary: beneficiaryLabel(filter.beneficiary).toLowerCase()
					})
				: null
		]
			.filter(Boolean)
			.join(', ') || m.benefits_subject_mission();
	return {
		filter,
		notices,
		scope: {
			subject,
			hourlyRate: rate,
			tracks: tracks.map((t) => ({ id: t.id, code: t.code, title: t.title })),
			projects: filter.trackId
				? listTrackProjectOptions(filter.trackId)
				: project
					? [{ id: project.id, title: project.title }]
					: [],
			byBeneficiary,
			byQuality,
			charts: {
				beneficiary: chartRows(byBeneficiary, rate),
				quality: chartRows(byQuality, rate)
			}
		}
	};
}
