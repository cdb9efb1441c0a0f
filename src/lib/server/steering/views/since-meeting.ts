/**
 * «Siden forrige møte» on /styring and in the Styringsrapport: what changed since a chosen day
 * (status changes, status reports that change colour, realisations, risks, reopened
 * sign-offs), counted and listed newest first a page at a time (queries/steering.ts).
 */
import { formatNumber, osloDay } from '$lib/format';
import { osloDayStartMs } from '$lib/domain/shared/oslo-day';
import { changeWindow } from '$lib/domain/steering/rules';
import { severityFor } from '$lib/domain/portfolio/risk';
import {
	LIFECYCLE_LABEL,
	RAG_LABEL,
	RISK_STATUS_LABEL,
	type Severity
} from '$lib/domain/portfolio/vocabulary';
import { ASSESSMENT_LABEL, BENEFIT_UNITS, type BenefitUnit } from '$lib/domain/benefits/vocabulary';
import { lifecycleLabel, ragLabel } from '$lib/labels';
import { riskStatusLabel, severityLabel } from '$lib/labels-portfolio';
import { assessmentLabel, periodLabel } from '$lib/labels-benefits';
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

/** A code's label in the reader's language, or the code itself when the code is unknown. */
function labelOf<C extends string>(codes: Record<C, string>, label: (code: C) => string) {
	return (code: string) => (Object.hasOwn(codes, code) ? label(code as C) : code);
}

const lifecycle = labelOf(LIFECYCLE_LABEL, lifecycleLabel);
const rag = labelOf(RAG_LABEL, ragLabel);
const riskStatus = labelOf(RISK_STATUS_LABEL, riskStatusLabel);
const assessment = labelOf(ASSESSMENT_LABEL, assessmentLabel);

/** «Spor», «Prosjekt», «Tiltak»: what a status change or report is about. */
function whatOf(level: string | null): string {
	if (level === 'track') return m.since_what_track();
	if (level === 'project') return m.since_what_project();
	return m.since_what_measure();
}

/** A realisation's value with its unit («75 timer», «12 000 kr»): a bare 75 means nothing. */
function realisedValue(r: ChangeRow, assessed: string | null): string {
	const unit = BENEFIT_UNITS.includes(r.e as BenefitUnit) ? (r.e as BenefitUnit) : 'antall';
	if (r.d === null) return assessed ? assessment(assessed) : m.since_assessment();
	if (unit !== 'timer') return formatValue(r.d, unit);
	const hours = formatNumber(r.d);
	return r.d === 1 ? m.since_hours_one({ hours }) : m.since_hours_many({ hours });
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
			const [from, to] = (r.c ?? '>').split('>') as [string, string];
			const path = r.a === 'track' ? 'spor' : r.a === 'project' ? 'prosjekter' : 'tiltak';
			return {
				...base,
				detail: `${whatOf(r.a)}: ${lifecycle(from)} → ${lifecycle(to)}`,
				href: `/portefolje/${path}/${r.b}`
			};
		}
		case 'report': {
			const [before, now] = (r.c ?? '>').split('>') as [string, string];
			const path = r.a === 'track' ? 'spor' : r.a === 'project' ? 'prosjekter' : 'tiltak';
			const what = whatOf(r.a);
			return {
				...base,
				detail: before
					? `${what}: ${rag(before)} → ${rag(now)}`
					: m.since_first_report({ what, status: rag(now) }),
				href: `/portefolje/${path}/${r.b}`
			};
		}
		case 'realisation': {
			// A correction replaces an earlier row for the period: said, so no one adds the two.
			const correction = r.a?.startsWith('correction:') ?? false;
			const assessed = correction ? r.a!.slice('correction:'.length) || null : r.a;
			const value = `${r.c ? periodLabel(r.c) : m.since_unknown_month()}: ${realisedValue(r, assessed)}`;
			return {
				...base,
				detail: correction ? m.since_corrected({ value }) : value,
				href: `/gevinster/${r.b}`
			};
		}
		case 'risk': {
			const likelihood = Math.floor((r.d ?? 11) / 10);
			const consequence = (r.d ?? 11) % 10;
			const severity: Severity = severityFor(likelihood * consequence);
			const risk = m.since_risk({ severity: severityLabel(severity), likelihood, consequence });
			const status = r.c ? riskStatus(r.c) : '';
			return {
				...base,
				detail: status ? `${risk}, ${status}` : risk,
				href: `/portefolje/${r.a === 'project' ? 'prosjekter' : 'tiltak'}/${r.b}`
			};
		}
		case 'reopening':
			return {
				...base,
				detail: `${r.a ?? m.since_unit()}, ${r.c ? periodLabel(r.c) : m.since_unknown_period()}`,
				href: `/arshjul/forekomst/${r.b}/${r.d}/${r.c}`
			};
	}
}

/** Every table countChangesSince reads (tests/integration/read-cache-tables.spec.ts). */
export const CHANGE_COUNT_READS = [
	'realisation',
	'risk',
	'status_change',
	'status_report',
	'wheel_reopening'
] as const;

export function sinceMeeting(params: SteeringParams, now: Date): SinceMeeting {
	// No day chosen: from the last steering meeting (set on /styring/moter), if there was one.
	const meeting = params.since ? undefined : lastMeetingBefore(osloDay(now));
	const chosen = params.since ?? meeting?.date ?? null;
	const window = changeWindow(chosen ? osloDayStartMs(chosen) : null, now);
	const since =
		chosen && osloDayStartMs(chosen) <= now.getTime() ? chosen : osloDay(new Date(window.since));
	// Counting a year of changes reads 600 000 realisations' index entries and compares 15 000
	// reports with the one before each (60 ms at national scale): kept until one of the tables
	// it counts is written (read-cache.ts). The window ends now, and only such a write adds a
	// change to it, which also ends the cached count; the minute in the key keeps an earlier `now` from reading a later
	// window's count.
	const counts = versioned(
		`steering:changes:${window.since}:${Math.floor(window.until / 60_000)}`,
		() => countChangesSince(window),
		CHANGE_COUNT_READS
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
