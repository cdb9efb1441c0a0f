/**
 * «Siden forrige møte» on /styring and in the Styringsrapport: what changed since a chosen day
 * (status changes, status reports that change colour, realisations, risks, reopened
 * sign-offs), counted and listed newest first a page at a time (queries/steering.ts).
 */
import { formatNumber, osloDay } from '$lib/format';
import { osloDayStartMs } from '$lib/domain/oslo-day';
import { changeWindow } from '$lib/domain/steering';
import { severityFor } from '$lib/domain/risk';
import {
	LIFECYCLE_LABEL,
	RAG_LABEL,
	RISK_STATUS_LABEL,
	SEVERITY_LABEL,
	type LifecycleStatus,
	type RagStatus,
	type RiskStatus,
	type Severity
} from '$lib/domain/portfolio/vocabulary';
import {
	ASSESSMENT_LABEL,
	BENEFIT_UNITS,
	type Assessment,
	type BenefitUnit
} from '$lib/domain/benefits/vocabulary';
import { periodWords } from '$lib/domain/benefits/attestation';
import { formatValue } from '$lib/charts/realisation';
import { encodeKey } from '$lib/paging';
import {
	CHANGE_KINDS,
	countChangesSince,
	listChangesSince,
	type ChangeKind,
	type ChangeRow
} from '$lib/server/db/queries/steering';
import type { SteeringParams } from './steering';
import { lastMeetingBefore } from '$lib/server/db/queries/governance';
import { m } from '$lib/paraglide/messages';
import { versioned } from '$lib/server/read-cache';

/** Changes listed per page of «siden forrige møte». */
export const CHANGE_PAGE = 10;

const CHANGE_KIND: Record<ChangeKind, () => string> = {
	status: m.change_kind_status,
	report: m.change_kind_report,
	realisation: m.change_kind_realisation,
	risk: m.change_kind_risk,
	reopening: m.change_kind_reopening
};

/** A kind of change as the list names it, in the reader's language. */
export const changeKindLabel = (kind: ChangeKind) => CHANGE_KIND[kind]();

export interface SteeringChange {
	kind: ChangeKind;
	id: number;
	kindLabel: string;
	at: number;
	title: string;
	detail: string;
	href: string;
}

export interface SinceMeeting {
	/** The chosen day, `YYYY-MM-DD` (the default when none was chosen). */
	since: string;
	/** The meeting the default day comes from, when no day was chosen. */
	meeting: { date: string; title: string } | null;
	counts: { kind: ChangeKind; label: string; count: number; href: string }[];
	kind: ChangeKind | null;
	changes: SteeringChange[];
	next: string | null;
	first: string | null;
}

export function changeView(r: ChangeRow): SteeringChange {
	const base = {
		kind: r.kind,
		id: r.id,
		kindLabel: changeKindLabel(r.kind),
		at: r.at,
		title: r.title
	};
	switch (r.kind) {
		case 'status': {
			const [from, to] = (r.c ?? '>').split('>') as [LifecycleStatus, LifecycleStatus];
			const path = r.a === 'track' ? 'spor' : r.a === 'project' ? 'prosjekter' : 'tiltak';
			const what = r.a === 'track' ? 'Spor' : r.a === 'project' ? 'Prosjekt' : 'Tiltak';
			return {
				...base,
				detail: `${what}: ${LIFECYCLE_LABEL[from] ?? from} → ${LIFECYCLE_LABEL[to] ?? to}`,
				href: `/portefolje/${path}/${r.b}`
			};
		}
		case 'report': {
			const [before, now] = (r.c ?? '>').split('>') as [RagStatus | '', RagStatus];
			const path = r.a === 'track' ? 'spor' : r.a === 'project' ? 'prosjekter' : 'tiltak';
			const what = r.a === 'track' ? 'Spor' : r.a === 'project' ? 'Prosjekt' : 'Tiltak';
			return {
				...base,
				detail: before
					? `${what}: ${RAG_LABEL[before] ?? before} → ${RAG_LABEL[now] ?? now}`
					: `${what}: første statusrapport, ${RAG_LABEL[now] ?? now}`,
				href: `/portefolje/${path}/${r.b}`
			};
		}
		case 'realisation': {
			// A correction replaces an earlier row for the period: said, so no one adds the two.
			const correction = r.a?.startsWith('correction:') ?? false;
			const assessment = correction ? r.a!.slice('correction:'.length) || null : r.a;
			// The unit is said with the number («75 t», «12 000 kr»): a bare 75 means nothing.
			const unit = BENEFIT_UNITS.includes(r.e as BenefitUnit) ? (r.e as BenefitUnit) : 'antall';
			const value =
				r.d !== null
					? unit === 'timer'
						? `${formatNumber(r.d)} timer`
						: formatValue(r.d, unit)
					: assessment
						? (ASSESSMENT_LABEL[assessment as Assessment] ?? assessment)
						: 'vurdering';
			return {
				...base,
				detail: `${r.c ? periodWords(r.c) : 'Ukjent måned'}: ${value}${correction ? ' (korrigering, erstatter tidligere verdi)' : ''}`,
				href: `/gevinster/${r.b}`
			};
		}
		case 'risk': {
			const likelihood = Math.floor((r.d ?? 11) / 10);
			const consequence = (r.d ?? 11) % 10;
			const severity: Severity = severityFor(likelihood * consequence);
			return {
				...base,
				detail:
					`${SEVERITY_LABEL[severity]} risiko (${likelihood} × ${consequence}), ${RISK_STATUS_LABEL[r.c as RiskStatus] ?? ''}`.trim(),
				href: `/portefolje/${r.a === 'project' ? 'prosjekter' : 'tiltak'}/${r.b}`
			};
		}
		case 'reopening':
			return {
				...base,
				detail: `${r.a ?? 'Enhet'}, ${r.c ? periodWords(r.c) : 'ukjent periode'}`,
				href: `/arshjul/forekomst/${r.b}/${r.d}/${r.c}`
			};
	}
}

export function sinceMeeting(params: SteeringParams, now: Date): SinceMeeting {
	// No day chosen: from the last steering meeting (set on /styring/moter), if there was one.
	const meeting = params.since ? undefined : lastMeetingBefore(osloDay(now));
	const chosen = params.since ?? meeting?.date ?? null;
	const window = changeWindow(chosen ? osloDayStartMs(chosen) : null, now);
	const since =
		chosen && osloDayStartMs(chosen) <= now.getTime() ? chosen : osloDay(new Date(window.since));
	// Counting a year of changes reads 600 000 realisations' index entries and compares 15 000
	// reports with the one before each (60 ms at national scale): kept until the data changes
	// (read-cache.ts). The window ends now, and only a write adds a change to it, which also
	// ends the cached count; the minute in the key keeps an earlier `now` from reading a later
	// window's count.
	const counts = versioned(
		`steering:changes:${window.since}:${Math.floor(window.until / 60_000)}`,
		() => countChangesSince(window)
	);
	const link = (q: Record<string, string | null>) => {
		const s = new URLSearchParams({ siden: since });
		for (const [k, v] of Object.entries(q)) if (v !== null) s.set(k, v);
		return `/styring?${s}#siden-forrige-mote`;
	};
	const rows = listChangesSince(window, params.kind, params.after, CHANGE_PAGE + 1);
	const shown = rows.slice(0, CHANGE_PAGE);
	const last = shown[shown.length - 1];
	return {
		since,
		meeting: meeting ? { date: meeting.date, title: meeting.title } : null,
		counts: CHANGE_KINDS.map((kind) => ({
			kind,
			label: changeKindLabel(kind),
			count: counts[kind],
			href: link({ endring: kind })
		})),
		kind: params.kind,
		changes: shown.map(changeView),
		next:
			rows.length > CHANGE_PAGE && last
				? link({ endring: params.kind, etter: encodeKey([last.at, last.rank, last.id]) })
				: null,
		first: params.after ? link({ endring: params.kind }) : null
	};
}
