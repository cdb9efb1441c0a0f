/**
 * The rules of a benefit's plan versions, pure. Once a plan is approved («frozen») a change to
 * baseline, target or planned path is a request with a reason that a steering member decides
 * (DOMAIN.md «Benefit governance»; DFØ's veileder i gevinstrealisering: realised gains are
 * documented against the approved nullpunkt, and changes to it are approved and traceable).
 */
import type { BenefitDirection } from './vocabulary';

export interface PlanPoint {
	/** `YYYY-MM`. */
	period: string;
	value: number;
}

export interface PlanValues {
	baselineValue: number | null;
	baselineDate: string | null;
	baselineMethod: string | null;
	baselineSource: string | null;
	targetValue: number | null;
	targetDate: string | null;
	plan: PlanPoint[];
	/** The estimate's lines; null where a version did not record them (nothing changed). */
	lines: PlanLine[] | null;
	/** How the benefit is judged against the plan (health.ts); null: as it was. */
	direction: BenefitDirection | null;
	tolerancePercent: number | null;
	disbenefit: boolean | null;
}

/** One estimate line as a plan version keeps it (gain-estimates.ts computes its total). */
export interface PlanLine {
	description: string;
	amountPerCase: number;
	cases: number;
	/** 0–100, at most two decimals. */
	sharePercent: number;
}

/** One typed estimate line, its numbers still text for the form's own field rules. */
export interface TypedLine {
	/** The line's number in the text field, for the error message. */
	line: number;
	description: string;
	amountPerCase: string;
	cases: string;
	sharePercent: string;
}

/**
 * The estimate lines as typed in the change form, one a line: «Porto; 1 000; 120; 50» —
 * description, amount per case, cases, share in percent. The description may hold semicolons:
 * the last three fields are the numbers. Empty lines are skipped; a line with fewer than four
 * fields is an error with its number.
 */
export function splitEstimateLines(
	text: string
): { ok: true; lines: TypedLine[] } | { ok: false; line: number } {
	const out: TypedLine[] = [];
	const rows = text.split(/\r?\n/);
	for (let i = 0; i < rows.length; i++) {
		const raw = rows[i]!;
		if (raw.trim() === '') continue;
		const parts = raw.split(';');
		if (parts.length < 4) return { ok: false, line: i + 1 };
		const [amountPerCase, cases, share] = parts.slice(-3).map((p) => p.trim());
		out.push({
			line: i + 1,
			description: parts.slice(0, -3).join(';').trim(),
			amountPerCase: amountPerCase!,
			cases: cases!,
			sharePercent: share!.replace(/\s*%$/, '')
		});
	}
	return { ok: true, lines: out };
}

/** The lines as the change form shows them, the inverse of `splitEstimateLines`. */
export function formatEstimateLines(lines: readonly PlanLine[]): string {
	return lines
		.map(
			(l) =>
				`${l.description}; ${l.amountPerCase}; ${l.cases}; ${String(l.sharePercent).replace('.', ',')}`
		)
		.join('\n');
}

/** Whether two sets of lines are the same, in the same order. */
export function sameLines(a: readonly PlanLine[], b: readonly PlanLine[]): boolean {
	const key = (l: PlanLine) => [l.description, l.amountPerCase, l.cases, l.sharePercent];
	return JSON.stringify(a.map(key)) === JSON.stringify(b.map(key));
}

const LINE = /^\s*(\d{4}-(?:0[1-9]|1[0-2]))\s*[:=]\s*(-?[\d\s\u00a0\u202f]+)\s*$/;

/**
 * The planned path as typed in the change form, one month a line: «2027-01: 250 000». Empty
 * lines are skipped; a month given twice, or a line that is not «month: whole number», is an
 * error with the line's number.
 */
export function parsePlanPath(
	text: string
): { ok: true; plan: PlanPoint[] } | { ok: false; line: number } {
	const seen = new Map<string, number>();
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i]!;
		if (raw.trim() === '') continue;
		const m = LINE.exec(raw);
		if (!m) return { ok: false, line: i + 1 };
		const value = Number(m[2]!.replace(/[\s\u00a0\u202f]/g, ''));
		if (!Number.isSafeInteger(value) || seen.has(m[1]!)) return { ok: false, line: i + 1 };
		seen.set(m[1]!, value);
	}
	const plan = [...seen].map(([period, value]) => ({ period, value }));
	return { ok: true, plan: plan.sort((a, b) => a.period.localeCompare(b.period)) };
}

export function formatPlanPath(plan: readonly PlanPoint[]): string {
	return plan.map((p) => `${p.period}: ${p.value}`).join('\n');
}

/** A month of the path outside baseline..target, or null when all lie inside. */
export function pathOutside(
	plan: readonly PlanPoint[],
	baselineDate: string,
	targetDate: string
): string | null {
	const from = baselineDate.slice(0, 7);
	const to = targetDate.slice(0, 7);
	return plan.find((p) => p.period < from || p.period > to)?.period ?? null;
}

export type DecisionRefusal = 'not_waiting' | 'own_request' | 'stale';

/**
 * Why a decision on a request is refused: it is no longer waiting, the one deciding asked for it
 * (four eyes: nobody approves their own change, an administrator neither), or the plan in force
 * is no longer the one the request was made against (approving it would silently undo the
 * approval in between).
 */
export function decisionRefusal(
	request: { status: string; requestedById: number | null; basedOnId: number | null },
	approvedId: number | null,
	actorId: number,
	decision: 'approve' | 'reject'
): DecisionRefusal | null {
	if (request.status !== 'requested') return 'not_waiting';
	if (request.requestedById === actorId && decision === 'approve') return 'own_request';
	if (decision === 'approve' && request.basedOnId !== approvedId) return 'stale';
	return null;
}

export interface PlanChange {
	field: keyof PlanValues;
	label: string;
	before: string;
	after: string;
}

const LABELS: Record<keyof PlanValues, string> = {
	baselineValue: 'Nullpunkt, verdi',
	baselineDate: 'Nullpunkt, dato',
	baselineMethod: 'Målemetode',
	baselineSource: 'Kilde',
	targetValue: 'Mål, verdi',
	targetDate: 'Måldato',
	plan: 'Planlagt bane',
	lines: 'Estimatlinjer',
	direction: 'Retning',
	tolerancePercent: 'Toleranse',
	disbenefit: 'Ulempe'
};

/** What a request changes, field by field, with `show` formatting a value for reading. */
export function planChanges(
	before: PlanValues,
	after: PlanValues,
	show: (field: keyof PlanValues, value: PlanValues[keyof PlanValues]) => string
): PlanChange[] {
	const out: PlanChange[] = [];
	for (const field of Object.keys(LABELS) as (keyof PlanValues)[]) {
		const a = JSON.stringify(before[field] ?? null);
		const b = JSON.stringify(after[field] ?? null);
		if (a === b) continue;
		out.push({
			field,
			label: LABELS[field],
			before: show(field, before[field]),
			after: show(field, after[field])
		});
	}
	return out;
}
