/**
 * The steering page's rules (/styring), pure: a track's status from its
 * projects' latest reports, risks by severity from matrix counts, a compliance share, the
 * window «siden forrige møte» looks at, and where each role lands after signing in.
 */
import { isScaleValue, riskScore, severityFor } from '../portfolio/risk';
import type { RagStatus, Severity } from '../portfolio/vocabulary';
import type { Role } from '../org/vocabulary';

export interface RagCounts {
	green: number;
	amber: number;
	red: number;
}

/**
 * A track's status: red when more than a quarter of its reporting projects report red, amber
 * when more than a quarter report red or amber, else green; none without any report. A single
 * red project in a track of forty does not turn the track red, but a cluster does. The counts
 * are shown beside it, so the rule never hides a red project.
 */
export function trackRag(c: RagCounts): RagStatus | null {
	const reported = c.green + c.amber + c.red;
	if (reported === 0) return null;
	if (c.red * 4 > reported) return 'red';
	if ((c.red + c.amber) * 4 > reported) return 'amber';
	return 'green';
}

/** Risks per matrix cell → per severity band (`severityFor`, the matrix's own bands). */
export function risksBySeverity(
	cells: readonly { likelihood: number; consequence: number; risks: number }[]
): Record<Severity, number> {
	const out: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
	for (const cell of cells) {
		if (!isScaleValue(cell.likelihood) || !isScaleValue(cell.consequence)) continue;
		out[severityFor(riskScore(cell.likelihood, cell.consequence))] += cell.risks;
	}
	return out;
}

/** Share signed on time, in whole percent (rounded half up); null when nothing counted yet. */
export function onTimePercent(c: { total: number; onTime: number }): number | null {
	return c.total === 0 ? null : Math.round((c.onTime * 100) / c.total);
}

/** Whole percent of planned realised (rounded); null when nothing is planned yet. */
export function realisedPercent(planned: number, realised: number): number | null {
	return planned === 0 ? null : Math.round((realised * 100) / planned);
}

/** Days back «siden forrige møte» looks when no day is chosen: a monthly meeting's span. */
export const DEFAULT_SINCE_DAYS = 28;

/**
 * The window of «siden forrige møte»: from the start of the chosen Oslo day (given as its UTC
 * instant by the caller) to now. A day after today, or none, falls back to the default.
 */
export function changeWindow(
	sinceStart: number | null,
	now: Date
): { since: number; until: number } {
	const until = now.getTime();
	const fallback = until - DEFAULT_SINCE_DAYS * 24 * 60 * 60 * 1000;
	return { since: sinceStart !== null && sinceStart <= until ? sinceStart : fallback, until };
}

/**
 * Where a role lands after signing in, and on `/`: the steering group on /styring,
 * a programme leader on «Mitt arbeid», a unit leader on «Mine oppgaver»; an administrator and
 * a reader keep the overview. Someone holding several roles lands where the first of these
 * takes them, an administrator always on the overview.
 */
export function landingPath(roles: readonly Role[]): string {
	if (roles.includes('admin')) return '/';
	if (roles.includes('steering') || roles.includes('municipal_director')) return '/styring';
	if (roles.includes('programme_leader')) return '/mitt-arbeid';
	if (roles.includes('unit_leader')) return '/arshjul/mine';
	return '/';
}
