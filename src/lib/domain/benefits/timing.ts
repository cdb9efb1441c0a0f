/**
 * When a benefit starts realising: when one of the project's measures reaches a lifecycle status
 * (DOMAIN.md «Realising gains»: gains follow from the measures). If that measure slips, the
 * benefit's planned path moves with it, in whole months. Pure: the caller passes `now`'s month.
 */
import { FUNNEL_RANK, LIFECYCLE_LABEL, type LifecycleStatus } from '../portfolio/vocabulary';
import type { PlanPoint } from './plan-versions';
import { formatMonthShort } from '../../format';
import { periodWords } from './attestation';
import { periodIndex, periodFromIndex, plannedPath } from './gain-realisation';

/** What the rule reads of a measure, before or after a change. */
export interface MeasureTiming {
	status: LifecycleStatus;
	/** `YYYY-MM-DD` or null. */
	startDate: string | null;
	endDate: string | null;
}

/** The statuses a benefit can wait for (waiting for «Forkastet» makes no sense). */
export const START_STATUSES = [
	'recommended',
	'adopted',
	'in_progress',
	'completed'
] as const satisfies readonly LifecycleStatus[];

export function hasReached(current: LifecycleStatus, wanted: LifecycleStatus): boolean {
	return FUNNEL_RANK[current] > 0 && FUNNEL_RANK[current] >= FUNNEL_RANK[wanted];
}

/**
 * The measure's planned date for reaching the status: its end date for «Avsluttet», else its
 * start date (work starts once it is adopted, so every earlier step is due by then).
 */
export function plannedDateFor(m: MeasureTiming, wanted: LifecycleStatus): string | null {
	return wanted === 'completed' ? m.endDate : m.startDate;
}

/** `YYYY-MM` plus whole months (negative goes back), across year ends. */
export function addMonths(period: string, months: number): string {
	const [y, m] = period.split('-').map(Number);
	const index = y! * 12 + (m! - 1) + months;
	const year = Math.floor(index / 12);
	return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (`YYYY-MM` or `YYYY-MM-DD`); negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
	const n = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
	return n(to) - n(from);
}

export interface Slip {
	months: number;
	/** The month the plan counted on, and the month now expected (`YYYY-MM`). */
	from: string;
	to: string;
}

/**
 * How many whole months a change of the measure moves the benefit's start, or null for none.
 * - Not there yet, before and after: the plan moves as far as the planned date moved later.
 *   `countedOn` is the month the plan already counts on after earlier slips, when later than
 *   the measure's own date.
 * - It had reached the status and went back: it can reach it again this month at the earliest,
 *   so the plan moves from the planned month to this month if that month has passed.
 * - Reaching the status, moving earlier, being rejected (no date to move to), a missing date
 *   or a change that touches neither status nor date: no move. A plan never moves earlier by
 *   itself; an early measure leaves the plan for its leader to bring forward.
 */
export function startSlip(
	before: MeasureTiming,
	after: MeasureTiming,
	wanted: LifecycleStatus,
	nowMonth: string,
	countedOn: string | null = null
): Slip | null {
	if (after.status === 'rejected' || hasReached(after.status, wanted)) return null;
	const date = plannedDateFor(before, wanted)?.slice(0, 7);
	// The plan may already count on a later month than the measure's date says (a status that
	// went back moved it without a new date): a slip is measured from there, so none counts twice.
	const was = date && countedOn && countedOn > date ? countedOn : date;
	const planned = plannedDateFor(after, wanted)?.slice(0, 7);
	if (!was || !planned) return null;
	const wentBack = hasReached(before.status, wanted);
	const to = wentBack && nowMonth > planned ? nowMonth : planned;
	const months = monthsBetween(was, to);
	return months > 0 ? { months, from: was, to } : null;
}

/** The planned path moved `months` later, every value kept. */
export function shiftPlan(plan: readonly PlanPoint[], months: number): PlanPoint[] {
	return plan.map((p) => ({ period: addMonths(p.period, months), value: p.value }));
}

/** A plan's baseline or target: a day `YYYY-MM-DD` and a whole value, either null if not set. */
export interface PlanEnd {
	date: string | null;
	value: number | null;
}

/**
 * The planned path moved `months` later, as the plan's new explicit months. A path given month
 * by month moves as it is (`shiftPlan`). An empty path means «Rett linje fra nullpunkt til mål»
 * (`plannedPath`); moving only the target day would stretch that line from the fixed baseline
 * («Nullpunktet står fast») instead of moving it. So the line is first written out month by
 * month with `plannedPath`'s own values and rounding, from the month after the baseline's to
 * the target's, and moved: the months from the baseline to the moved start keep the baseline
 * value (no gain is planned before the measure), and the moved target month holds the target.
 * A line that cannot be drawn (baseline or target missing, target before baseline) stays empty.
 */
export function movePath(
	plan: readonly PlanPoint[],
	baseline: PlanEnd,
	target: PlanEnd,
	months: number
): PlanPoint[] {
	if (months <= 0) return [...plan];
	if (plan.length) return shiftPlan(plan, months);
	if (baseline.date === null || baseline.value === null) return [];
	if (target.date === null || target.value === null) return [];
	const start = periodIndex(baseline.date.slice(0, 7));
	const end = periodIndex(target.date.slice(0, 7));
	if (end < start) return [];
	const line = new Map(
		plannedPath(
			{ date: baseline.date, value: baseline.value },
			{ date: target.date, value: target.value }
		).map((p) => [periodIndex(p.period), p.planned])
	);
	const moved: PlanPoint[] = [];
	for (let i = start + 1; i <= end + months; i++) {
		const from = i - months;
		// A target in the baseline's own month: the line is that single month, the target.
		const value = from === end ? target.value : from <= start ? baseline.value : line.get(from)!;
		moved.push({ period: periodFromIndex(i), value });
	}
	return moved;
}

/** A day `YYYY-MM-DD` moved whole months later, clamped to the month's last day. */
export function shiftDay(day: string, months: number): string {
	const period = addMonths(day.slice(0, 7), months);
	const [y, m] = period.split('-').map(Number);
	const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
	return `${period}-${String(Math.min(Number(day.slice(8, 10)), last)).padStart(2, '0')}`;
}

/** `2026-10` as «okt. 2026». */
export const shortMonth = formatMonthShort;

/** «Gevinsten begynner å realiseres når tiltaket X når status Pågår.» */
export function timingSentence(measureTitle: string, wanted: LifecycleStatus): string {
	return `Gevinsten begynner å realiseres når tiltaket «${measureTitle}» når status «${LIFECYCLE_LABEL[wanted]}».`;
}

/**
 * The reason written on the automatic change request, and in the notice: months in full words
 * («desember 2026»), as the rest of the benefit pages and notices name them (`periodWords`).
 */
export function slipReason(measureTitle: string, slip: Slip, frozen = false): string {
	const months = `${slip.months} ${slip.months === 1 ? 'måned' : 'måneder'}`;
	// An approved plan does not move by itself (SHIFT_RULE): it should move, once approved.
	const move = frozen
		? `planen bør flyttes ${months} senere`
		: `planen er flyttet ${months} senere`;
	return `Tiltaket «${measureTitle}» er forsinket fra ${periodWords(slip.from)} til ${periodWords(slip.to)}; ${move}.`;
}

/** The reason on the request made when a measure slipped while another request waited and that one was rejected. */
export function rejectedDelayReason(versionNumber: number, months: number): string {
	return `Tiltaket ble forsinket mens versjon ${versionNumber} ventet, og den ble avvist; planen bør flyttes ${months} ${months === 1 ? 'måned' : 'måneder'} senere.`;
}

// The two sentences above, as only the system writes them (a frozen plan's `slipReason`).
const AUTOMATIC_REASONS = [
	/^Tiltaket «[^]*» er forsinket fra [^;]+; planen bør flyttes \d+ (?:måned|måneder) senere\.$/,
	/^Tiltaket ble forsinket mens versjon \d+ ventet, og den ble avvist; planen bør flyttes \d+ (?:måned|måneder) senere\.$/
];

/** Whether a stored reason is one the system wrote (`slipReason`, `rejectedDelayReason`). */
export const isAutomaticReason = (reason: string): boolean =>
	AUTOMATIC_REASONS.some((r) => r.test(reason));

/**
 * Who asked for a plan change, in words. A request the system made when a measure slipped
 * carries the id of the person who changed the measure (the audit's actor), but that person did
 * not ask for it. It is told by its reason: the system writes exactly `slipReason` or
 * `rejectedDelayReason`, and a person writes their own reason in the request form. Telling by
 * the reason needs no new column and no audit look-up per version; a person who types the
 * system's sentence word for word is told as automatic, which is what the sentence says anyway.
 */
export function requesterWords(reason: string, requestedBy: string | null): string | null {
	if (!isAutomaticReason(reason)) return requestedBy;
	return requestedBy ? `Automatisk, da ${requestedBy} endret tiltaket` : 'Automatisk';
}

/**
 * Why a plan moves or should move, as data: the notices about a plan keep it, so each reader
 * has it in their own language (server/notices/text.ts). A person's own reason for a request
 * is their words and is shown as written.
 */
export type PlanReason =
	| { kind: 'slip'; measure: string; months: number; from: string; to: string; frozen: boolean }
	| { kind: 'rejected_delay'; version: number; months: number }
	| { kind: 'own'; text: string };

/** A reason the system gives, kept as data on the request (benefit_plan_version.reason_params). */
export type AutomaticReason = Exclude<PlanReason, { kind: 'own' }>;

/**
 * A request's reason as stored: the words in bokmål (`reason`), and, when the system gave it,
 * the same as data (`reasonParams`), so each reader has it in their language. A person's own
 * reason is their words only.
 */
export function storedReason(why: PlanReason): {
	reason: string;
	reasonParams: AutomaticReason | null;
} {
	return { reason: planReasonWords(why), reasonParams: why.kind === 'own' ? null : why };
}

/** The reason in bokmål, as stored on the request (`slipReason`, `rejectedDelayReason`). */
export function planReasonWords(why: PlanReason): string {
	switch (why.kind) {
		case 'slip':
			return slipReason(why.measure, why, why.frozen);
		case 'rejected_delay':
			return rejectedDelayReason(why.version, why.months);
		case 'own':
			return why.text;
	}
}

/** The reason a measure's slip gives (`slipReason`), as data. */
export const slipWhy = (measure: string, slip: Slip, frozen: boolean): PlanReason => ({
	kind: 'slip',
	measure,
	months: slip.months,
	from: slip.from,
	to: slip.to,
	frozen
});

/**
 * What became of a measure's slip (`followMeasure`): the unapproved plan `moved`; a change
 * request was `requested`; another request waits and the delay was `added` to it; or one was
 * decided meanwhile and the leader must `ask` by hand.
 */
export type ShiftOutcome = 'moved' | 'requested' | 'added' | 'ask';

/** What a plan notice (kinds `plan_request`, `plan_shifted`) says, as data. */
export interface PlanNoticeParams {
	/** The benefit's title. */
	benefit: string;
	reason: PlanReason;
	/** `plan_shifted` only. */
	outcome?: ShiftOutcome;
	/** The waiting request's version number, when the delay was `added` to it. */
	waiting?: number;
}

const monthsWords = (n: number) => `${n} ${n === 1 ? 'måned' : 'måneder'}`;

/** A plan notice's title and body in bokmål, as stored beside its params. */
export function planNoticeWords(
	kind: 'plan_request' | 'plan_shifted',
	p: PlanNoticeParams
): { title: string; body: string } {
	const reason = planReasonWords(p.reason);
	if (kind === 'plan_request') {
		return { title: `Endring av gevinstplan til godkjenning: ${p.benefit}`, body: reason };
	}
	if (p.outcome === 'moved' || !p.outcome) {
		return { title: `Gevinstplanen er flyttet: ${p.benefit}`, body: reason };
	}
	const months = p.reason.kind === 'own' ? 0 : p.reason.months;
	const then = {
		requested:
			'Planen er godkjent og endres ikke av seg selv: styringsgruppen avgjør endringsforespørselen.',
		ask: 'Planen er godkjent og endres ikke av seg selv; be om flyttingen på gevinstens side.',
		added: `En endringsforespørsel (versjon ${p.waiting}) venter allerede på styringsgruppen, og forsinkelsen er lagt til den. Blir den godkjent, flyttes planen i tillegg ${monthsWords(months)} senere; blir den avvist, lages en ny forespørsel om flyttingen.`
	}[p.outcome];
	return { title: `Gevinstplanen bør flyttes: ${p.benefit}`, body: `${reason} ${then}` };
}

/** The rule as the benefit page states it. */
export const SHIFT_RULE =
	'Blir tiltaket forsinket (planlagt dato for statusen flyttes senere, eller tiltaket går tilbake til en tidligere status etter at datoen er passert), flyttes gevinstplanen like mange hele måneder senere. Er planen ikke godkjent, flyttes den straks. Er planen godkjent, endres den ikke av seg selv: det lages en endringsforespørsel som styringsgruppen godkjenner eller avviser. Gevinsteier og programleder får beskjed. Et tiltak som blir tidlig ferdig, flytter ikke planen.';
