/**
 * Rules for deviations (avvik) and the risk-and-control matrix (kommuneloven § 25-1 c: «avdekke
 * og følge opp avvik og risiko for avvik»; KS «Rådmannens internkontroll – Orden i eget hus»:
 * each risk, the control that addresses it, who does it, how often). Pure: days are Oslo
 * calendar days `YYYY-MM-DD` given by the caller.
 */

/** An open deviation is overdue from the day after its deadline (judged in Oslo). */
export function isDeviationOverdue(
	d: { status: 'open' | 'closed'; deadline: string | null },
	today: string
): boolean {
	return d.status === 'open' && d.deadline !== null && d.deadline < today;
}

/**
 * A control that keeps finding deviations: its occurrences got deviations in this many distinct
 * periods within the window. One bad month can be chance; a second within a year says the
 * control finds a standing problem that the corrective measures do not fix.
 */
export const REPEATED_FINDINGS_MIN_PERIODS = 2;
/** The window, in months back from today, that «gjentatte ganger» looks at. */
export const REPEATED_FINDINGS_WINDOW_MONTHS = 12;

/** The first period `YYYY-MM` in the window that ends with today's month. */
export function repeatedFindingsFrom(today: string): string {
	const year = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7));
	// Twelve months including this one: e.g. 2026-03 → 2025-04.
	const index = year * 12 + (month - 1) - (REPEATED_FINDINGS_WINDOW_MONTHS - 1);
	const y = Math.floor(index / 12);
	const m = (index % 12) + 1;
	return `${y}-${String(m).padStart(2, '0')}`;
}

/** Whether a task whose occurrences got deviations in `periods` distinct periods is flagged. */
export function findsDeviationsRepeatedly(periods: number): boolean {
	return periods >= REPEATED_FINDINGS_MIN_PERIODS;
}

/** An open risk with no wheel task controlling it has no control (§ 25-1 c). */
export function riskHasNoControl(r: { status: string; controlCount: number }): boolean {
	return r.status !== 'closed' && r.controlCount === 0;
}

/**
 * A corrective measure's deadline cannot lie before the day the deviation was found: a
 * deadline already passed when it is set makes the deviation overdue from the start, and the
 * § 25-2 report would show it so (days `YYYY-MM-DD`, compared as text).
 */
export function deadlineBeforeFound(deadline: string | null, foundOn: string): boolean {
	return deadline !== null && deadline < foundOn;
}
