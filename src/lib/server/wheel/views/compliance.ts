/**
 * The compliance page's read model (DOMAIN.md "Annual wheel": overdue occurrences are visible
 * to the steering group; kommuneloven § 25-2: internal control is reported for the whole
 * organisation and per service area). The heatmap follows the unit tree: one row per unit at
 * the level shown, each the roll-up of the unit and everything below it; a row opened shows
 * its units below it, and the unit's own tasks as a row of their own. Every figure comes from
 * SQL (queries/wheel-sets.ts); this picks the rows and shapes them for the page.
 */
import { error } from '@sveltejs/kit';
import { badPageLink } from '$lib/paging';
import { osloDay } from '$lib/format';
import { monthEndsOfYear } from '$lib/domain/wheel/calendar';
import { MONTHS } from '$lib/domain/wheel/schedule';
import {
	activeWheels,
	complianceFigures,
	openOccurrences,
	wheelUnits,
	type ComplianceFigure,
	type OpenCursor,
	type OpenOccurrenceRow,
	type SetWindow,
	type WheelUnit
} from '$lib/server/db/queries/wheel-sets';
import { m as msg } from '$lib/paraglide/messages';

export const OVERDUE_PAGE_SIZE = 50;
/** Rows opened at once; more would make a page nobody reads. */
export const MAX_OPEN_ROWS = 12;
/** Up to this many units, the overdue list of a year is one query; above, a month at a time. */
const SMALL_TREE = 40;

export interface ComplianceFilter {
	year: number;
	wheelId: number | null;
	/** The unit whose units are shown; null: the top level. */
	unitId: number | null;
	/** Rows opened in place. */
	open: number[];
	/** Overdue list: the page after this occurrence. */
	after: OpenCursor | null;
}

/** One heatmap row, its twelve months as arrays (January first), to keep the page small. */
export interface ComplianceTreeRow {
	key: string;
	unitId: number;
	name: string;
	/** `own`: the unit's own tasks, without the units below it. */
	kind: 'unit' | 'own';
	depth: number;
	archived: boolean;
	/** Units below it with anything to show; null for an own row. */
	childCount: number | null;
	open: boolean;
	total: number[];
	signed: number[];
	onTime: number[];
}

export interface OverdueItem {
	taskId: number;
	unitId: number;
	period: string;
	dueDate: string;
	title: string;
	unitName: string;
	wheelName: string;
}

const int = (raw: string | null, max = 2_147_483_647) =>
	raw !== null && /^\d{1,10}$/.test(raw) && Number(raw) <= max ? Number(raw) : null;

const CURSOR = /^(\d{4}-\d{2}-\d{2})~(\d{1,10})~(\d{1,10})$/;

/** «2026-01-31~12~7»: the last occurrence of a page, by due date, unit and task. */
export function cursorParam(item: Pick<OpenCursor, 'dueDate' | 'unitId' | 'taskId'>): string {
	return `${item.dueDate}~${item.unitId}~${item.taskId}`;
}

/** The cursor, null when absent; a cursor the app did not write is answered with 400. */
export function parseCursor(raw: string | null): OpenCursor | null {
	if (raw === null || raw === '') return null;
	const m = CURSOR.exec(raw);
	if (!m) error(400, badPageLink());
	return { dueDate: m[1]!, unitId: Number(m[2]), taskId: Number(m[3]) };
}

/**
 * Reads the filter from the address. Anything not understood falls back to the default
 * (this year, all wheels, the top level), as a filter form should.
 */
export function parseComplianceFilter(
	url: URL,
	thisYear: number,
	known: { wheelIds: Set<number>; unitIds: Set<number> }
): ComplianceFilter {
	const wheel = int(url.searchParams.get('hjul'));
	const year = int(url.searchParams.get('ar'));
	const unit = int(url.searchParams.get('enhet'));
	const open = (url.searchParams.get('apne') ?? '')
		.split(',')
		.map((id) => int(id))
		.filter((id): id is number => id !== null && known.unitIds.has(id));
	return {
		year: year !== null && year >= 2000 && year <= 2100 ? year : thisYear,
		wheelId: wheel !== null && known.wheelIds.has(wheel) ? wheel : null,
		unitId: unit !== null && known.unitIds.has(unit) ? unit : null,
		open: [...new Set(open)].slice(0, MAX_OPEN_ROWS),
		after: parseCursor(url.searchParams.get('etter'))
	};
}

function childrenByParent(units: readonly WheelUnit[]) {
	const collator = new Intl.Collator('nb');
	const map = new Map<number | null, WheelUnit[]>();
	for (const u of units) map.set(u.parentId, [...(map.get(u.parentId) ?? []), u]);
	for (const list of map.values()) list.sort((a, b) => collator.compare(a.name, b.name));
	return map;
}

function figuresByKey(figures: readonly ComplianceFigure[]) {
	const months = new Map<string, { total: number[]; signed: number[]; onTime: number[] }>();
	const uses = new Map<string, number>();
	for (const f of figures) {
		const key = `${f.kind}:${f.unitId ?? ''}`;
		if (f.kind === 'uses' || f.kind === 'usesOwn') {
			uses.set(key, f.total);
			continue;
		}
		const entry = months.get(key) ?? {
			total: MONTHS.map(() => 0),
			signed: MONTHS.map(() => 0),
			onTime: MONTHS.map(() => 0)
		};
		const i = (f.month ?? 1) - 1;
		entry.total[i] = f.total;
		entry.signed[i] = f.signed;
		entry.onTime[i] = f.onTime;
		months.set(key, entry);
	}
	return { months, uses };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function complianceView(url: URL, now: Date) {
	const today = osloDay(now);
	const thisYear = Number(today.slice(0, 4));
	const wheels = activeWheels();
	const units = wheelUnits();
	const filter = parseComplianceFilter(url, thisYear, {
		wheelIds: new Set(wheels.map((w) => w.id)),
		unitIds: new Set(units.map((u) => u.id))
	});
	const byId = new Map(units.map((u) => [u.id, u]));
	const children = childrenByParent(units);
	const openSet = new Set(filter.open);
	const root = filter.unitId === null ? null : byId.get(filter.unitId)!;

	// The rows asked for, before the figures say which have anything to show.
	type Candidate = Pick<ComplianceTreeRow, 'kind' | 'depth'> & { unit: WheelUnit };
	const candidates: Candidate[] = [];
	const add = (unit: WheelUnit, depth: number) => {
		candidates.push({ kind: 'unit', unit, depth });
		const below = children.get(unit.id) ?? [];
		if (!openSet.has(unit.id) || below.length === 0) return;
		candidates.push({ kind: 'own', unit, depth: depth + 1 });
		for (const child of below) add(child, depth + 1);
	};
	if (root) candidates.push({ kind: 'own', unit: root, depth: 0 });
	for (const unit of children.get(root?.id ?? null) ?? []) add(unit, 0);

	const window: SetWindow = {
		monthEnds: monthEndsOfYear(filter.year),
		today,
		wheelId: filter.wheelId,
		scope: root ? { kind: 'subtree', unitId: root.id } : { kind: 'all' }
	};
	// Children of every unit row too, to know which rows can be opened.
	const unitRows = candidates.filter((c) => c.kind === 'unit').map((c) => c.unit.id);
	const childIds = unitRows.flatMap((id) => (children.get(id) ?? []).map((c) => c.id));
	const figures = figuresByKey(
		complianceFigures(
			window,
			[...new Set([...unitRows, ...childIds])],
			candidates.filter((c) => c.kind === 'own').map((c) => c.unit.id)
		)
	);
	const shows = (kind: 'unit' | 'own', unitId: number) => {
		const f = figures.months.get(`${kind === 'unit' ? 'row' : 'own'}:${unitId}`);
		return (
			(figures.uses.get(`${kind === 'unit' ? 'uses' : 'usesOwn'}:${unitId}`) ?? 0) > 0 ||
			(f !== undefined && sum(f.total) > 0)
		);
	};
	const empty = {
		total: MONTHS.map(() => 0),
		signed: MONTHS.map(() => 0),
		onTime: MONTHS.map(() => 0)
	};
	const rows: ComplianceTreeRow[] = candidates
		.filter((c) => shows(c.kind, c.unit.id))
		.map((c) => {
			const f = figures.months.get(`${c.kind === 'unit' ? 'row' : 'own'}:${c.unit.id}`) ?? empty;
			const childCount =
				c.kind === 'own'
					? null
					: (children.get(c.unit.id) ?? []).filter((child) => shows('unit', child.id)).length;
			return {
				key: `${c.kind}-${c.unit.id}`,
				unitId: c.unit.id,
				name: c.unit.name,
				kind: c.kind,
				depth: c.depth,
				archived: c.unit.archived,
				childCount,
				open: c.kind === 'unit' && openSet.has(c.unit.id) && (childCount ?? 0) > 0,
				...f
			};
		});
	const all = figures.months.get('all:') ?? empty;

	// The overdue list: a page at a time, month by month from where the last page ended, so
	// each query spans one month's occurrences rather than the year's.
	const overdue: OverdueItem[] = [];
	let more = false;
	const fromMonth = filter.after ? Number(filter.after.dueDate.slice(5, 7)) : 1;
	const inYear = !filter.after || filter.after.dueDate.startsWith(`${filter.year}-`);
	// Nothing in a month that has not begun is overdue.
	const begun = window.monthEnds.filter((end) => end.slice(0, 7) <= today.slice(0, 7));
	// A small tree is asked for in one query; a large one a month at a time.
	const step = subtreeSize(children, root?.id ?? null) > SMALL_TREE ? 1 : 12;
	for (let i = fromMonth - 1; inYear && i < begun.length; i += step) {
		const rowsOfMonth: OpenOccurrenceRow[] = openOccurrences(
			{ ...window, monthEnds: begun.slice(i, i + step) },
			{
				before: today,
				after: i === fromMonth - 1 ? filter.after : null,
				limit: OVERDUE_PAGE_SIZE + 1 - overdue.length
			}
		);
		for (const r of rowsOfMonth) {
			overdue.push({
				taskId: r.taskId,
				unitId: r.unitId,
				period: r.period,
				dueDate: r.dueDate,
				title: r.title,
				unitName: r.unitName,
				wheelName: r.wheelName
			});
		}
		if (overdue.length > OVERDUE_PAGE_SIZE) {
			overdue.length = OVERDUE_PAGE_SIZE;
			more = true;
			break;
		}
	}
	const last = overdue[overdue.length - 1];

	const path: { id: number; name: string }[] = [];
	for (
		let u: WheelUnit | undefined = root ?? undefined;
		u;
		u = u.parentId === null ? undefined : byId.get(u.parentId)
	) {
		path.unshift({ id: u.id, name: u.name });
	}
	return {
		today,
		thisYear,
		filter,
		wheels,
		units: flattenForSelect(children),
		path,
		rows,
		total: {
			key: 'total',
			name: root ? msg.wheel_cmp_total_for({ unit: root.name }) : msg.wheel_cmp_all_units(),
			...all
		},
		overdueCount: sum(all.total) - sum(all.signed),
		overdue,
		nextCursor: more && last ? cursorParam(last) : null
	};
}

/** Units in the tree under `rootId` (all units for null), the root included. */
function subtreeSize(children: Map<number | null, WheelUnit[]>, rootId: number | null): number {
	let n = rootId === null ? 0 : 1;
	const stack = [rootId];
	while (stack.length) {
		for (const u of children.get(stack.pop()!) ?? []) {
			n += 1;
			stack.push(u.id);
		}
	}
	return n;
}

/** The unit tree depth-first, for the unit filter's select. */
function flattenForSelect(children: Map<number | null, WheelUnit[]>) {
	const out: { id: number; name: string; depth: number }[] = [];
	const walk = (parentId: number | null, depth: number) => {
		for (const u of children.get(parentId) ?? []) {
			out.push({ id: u.id, name: u.archived ? `${u.name} (arkivert)` : u.name, depth });
			walk(u.id, depth + 1);
		}
	};
	walk(null, 0);
	return out;
}

/** A unit's compliance for a year up to today: occurrences that count, signed, signed on time. */
export interface UnitCompliance {
	total: number;
	signed: number;
	onTime: number;
}

/**
 * Compliance of each of the given units on its own (its own tasks, not the units below it) for
 * this year up to today, summed over the months: the figures the compliance page shows in a
 * unit's own row (`kind: 'own'`) for the same year. For /styring, which sums them per track.
 */
export function unitsCompliance(
	unitIds: readonly number[],
	now: Date
): { year: number; units: Map<number, UnitCompliance> } {
	const today = osloDay(now);
	const year = Number(today.slice(0, 4));
	const units = new Map<number, UnitCompliance>();
	if (unitIds.length === 0) return { year, units };
	const figures = complianceFigures(
		{
			// The whole year, as the compliance page counts it: a task signed ahead of its month
			// counts there too.
			monthEnds: monthEndsOfYear(year),
			today,
			wheelId: null,
			scope: { kind: 'units', unitIds: [...unitIds] }
		},
		[],
		unitIds
	);
	for (const f of figures) {
		if (f.kind !== 'own' || f.unitId === null) continue;
		const u = units.get(f.unitId) ?? { total: 0, signed: 0, onTime: 0 };
		u.total += f.total;
		u.signed += f.signed;
		u.onTime += f.onTime;
		units.set(f.unitId, u);
	}
	return { year, units };
}
