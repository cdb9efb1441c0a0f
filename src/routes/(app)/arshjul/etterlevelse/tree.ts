import type { ComplianceRow } from '$lib/charts/compliance';
import { MONTHS } from '$lib/domain/wheel/schedule';
import { m } from '$lib/paraglide/messages';

/** A heatmap row as the page gets it: twelve months as arrays, January first. */
export interface TreeRowLike {
	key: string;
	name: string;
	kind?: 'unit' | 'own';
	depth?: number;
	unitId?: number;
	archived?: boolean;
	childCount?: number | null;
	open?: boolean;
	total: number[];
	signed: number[];
	onTime: number[];
}

/**
 * The chart's rows: one per month per tree row. The label shows the depth with dashes (as the
 * unit selects do), so the heatmap's axis reads as the tree.
 */
export function heatmapRows(rows: readonly TreeRowLike[]): ComplianceRow[] {
	return rows.flatMap((row) => {
		const label =
			'– '.repeat(row.depth ?? 0) +
			row.name +
			(row.kind === 'own'
				? ` ${m.wheel_cmp_own_tasks()}`
				: row.archived
					? ` ${m.wheel_cmp_archived()}`
					: '');
		return MONTHS.map((month, i) => ({
			unitId: row.key,
			unitName: label,
			month,
			total: row.total[i] ?? 0,
			signedOnTime: row.onTime[i] ?? 0,
			signed: row.signed[i] ?? 0
		}));
	});
}
