/**
 * Roll-ups of benefit figures per project, track, level and mission, without counting a
 * benefit shared by several tracks twice.
 */
import type { BenefitLevel, BenefitUnit } from './vocabulary';
import { periodFromIndex, periodIndex, type SeriesRow } from './gain-realisation';

// ── Roll-ups ───────────────────────────────────────────────────────────────────────────────

export type RollUpDimension = 'project' | 'track' | 'level' | 'mission';

/** One row per (benefit, project, track) link; a benefit may appear in many rows. */
export interface BenefitMembership {
	benefitId: string | number;
	projectId: string | number;
	trackId: string | number;
	level: BenefitLevel;
	missionId: string | number;
}

export interface BenefitFigures {
	benefitId: string | number;
	unit: BenefitUnit;
	estimate: number;
	planned: number;
	realised: number;
}

export interface UnitSums {
	estimate: number;
	planned: number;
	realised: number;
}

export interface RollUpRow {
	key: string;
	benefitCount: number;
	kroner: UnitSums;
	hours: UnitSums;
}

function keyOf(membership: BenefitMembership, by: RollUpDimension): string {
	switch (by) {
		case 'project':
			return String(membership.projectId);
		case 'track':
			return String(membership.trackId);
		case 'level':
			return membership.level;
		case 'mission':
			return String(membership.missionId);
	}
}

/**
 * Sums per project, track, level or mission. A benefit shared by two tracks counts once in
 * each track and once (not twice) in the mission: membership is deduplicated by benefit id
 * within each group. Only kr and timer are summed; antall and prosent are counted.
 */
export function rollUp(
	figures: readonly BenefitFigures[],
	memberships: readonly BenefitMembership[],
	by: RollUpDimension
): RollUpRow[] {
	const figuresById = new Map(figures.map((f) => [String(f.benefitId), f]));
	const groups = new Map<string, Set<string>>();
	for (const membership of memberships) {
		const key = keyOf(membership, by);
		let ids = groups.get(key);
		if (!ids) groups.set(key, (ids = new Set()));
		ids.add(String(membership.benefitId));
	}
	const rows: RollUpRow[] = [];
	for (const [key, ids] of groups) {
		const kroner: UnitSums = { estimate: 0, planned: 0, realised: 0 };
		const hours: UnitSums = { estimate: 0, planned: 0, realised: 0 };
		for (const id of ids) {
			const f = figuresById.get(id);
			if (!f) continue;
			const sums = f.unit === 'kr' ? kroner : f.unit === 'timer' ? hours : null;
			if (!sums) continue;
			sums.estimate += f.estimate;
			sums.planned += f.planned;
			sums.realised += f.realised;
		}
		rows.push({ key, benefitCount: ids.size, kroner, hours });
	}
	return rows.sort((a, b) => a.key.localeCompare(b.key, 'nb'));
}

/**
 * Adds the series of several benefits month by month, once per benefit id. Before its own
 * path starts a benefit contributes its first planned value, after it ends its last; the
 * realised total carries each benefit's last cumulative value forward (its baseline until it
 * logs anything) and is null for months after the last logged month of any benefit.
 */
export function combineSeries(
	seriesByBenefit: ReadonlyMap<string | number, readonly SeriesRow[]>
): SeriesRow[] {
	const unique = new Map<string, readonly SeriesRow[]>();
	for (const [id, rows] of seriesByBenefit) {
		if (!unique.has(String(id)) && rows.length) unique.set(String(id), rows);
	}
	if (!unique.size) return [];
	let min = Infinity;
	let max = -Infinity;
	for (const rows of unique.values()) {
		min = Math.min(min, periodIndex(rows[0]!.period));
		max = Math.max(max, periodIndex(rows[rows.length - 1]!.period));
	}
	const lastRealisedIndex = Math.max(
		...[...unique.values()].map((rows) => {
			const last = rows.findLast((r) => r.realised !== null);
			return last ? periodIndex(last.period) : -Infinity;
		})
	);
	const result: SeriesRow[] = [];
	for (let index = min; index <= max; index++) {
		let planned = 0;
		let realised = 0;
		let anyRealised = false;
		for (const rows of unique.values()) {
			const offset = index - periodIndex(rows[0]!.period);
			const clamped = Math.min(Math.max(offset, 0), rows.length - 1);
			planned += rows[clamped]!.planned;
			const upTo = rows.slice(0, Math.max(0, Math.min(offset + 1, rows.length)));
			const lastValue = upTo.findLast((r) => r.realised !== null)?.realised;
			if (lastValue !== undefined && lastValue !== null) {
				realised += lastValue;
				anyRealised = true;
			} else {
				// Nothing logged yet means the benefit still stands at its baseline.
				realised += rows[0]!.planned;
			}
		}
		result.push({
			period: periodFromIndex(index),
			planned,
			realised: anyRealised && index <= lastRealisedIndex ? realised : null
		});
	}
	return result;
}
