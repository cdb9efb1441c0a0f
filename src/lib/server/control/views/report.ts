/**
 * The annual internal-control report's read model (kommuneloven § 25-2; the ministry's guidance
 * lists what it covers: the systems and routines, the controls actually carried out, the
 * deviations found and how they were followed up, and the results of tilsyn). For a year or a
 * tertial, for the whole municipality or one service area (a top-level unit, as KS advises).
 *
 * The controls carried out are the compliance roll-up's own figures (queries/wheel-sets.ts,
 * the same query /arshjul/etterlevelse shows), so the report and the page cannot disagree.
 * Lists are capped at what a council can read; the report says how many there are in all.
 */
import { error } from '@sveltejs/kit';
import { osloDay } from '$lib/format';
import { monthEndsOfYear } from '$lib/domain/wheel/calendar';
import { onTimeShare, parseReportPeriod, type ReportPeriod } from '$lib/domain/control/report';
import {
	ASSESSMENT_FIELDS,
	ASSESSMENT_FIELD_HINT,
	ASSESSMENT_FIELD_LABEL,
	DEVIATION_SEVERITIES,
	DEVIATION_SEVERITY_LABEL,
	DEVIATION_SOURCES,
	DEVIATION_SOURCE_LABEL,
	FINDING_KINDS,
	FINDING_KIND_LABEL,
	TERTIAL_LABEL
} from '$lib/domain/control/vocabulary';
import { complianceFigures, wheelUnits, type WheelUnit } from '$lib/server/db/queries/wheel-sets';
import {
	deviationGroups,
	deviationList,
	findingList,
	listAssessments,
	routineFigures,
	routineWheels,
	tilsynCounts,
	tilsynList
} from '$lib/server/db/queries/control-report';
import { CONTROL_REPORT_QUERY_MESSAGES } from '../messages';

/** Rows listed at most per list; the report says how many there are in all. */
export const CONTROL_REPORT_LIMIT = {
	wheels: 100,
	units: 300,
	deviations: 200,
	tilsyn: 50,
	findings: 200
} as const;

export interface ControlReportQuery {
	period: ReportPeriod;
	/** The service area (a top-level unit); null: the whole municipality. */
	unit: { id: number; name: string } | null;
}

/**
 * The report the address asks for: `ar` (this year when absent), `tertial` (1–3, or none for
 * the year), `enhet` (a top-level unit). A bad value is a 400 with the reason in the reader's language.
 */
export function parseControlReportQuery(url: URL, now: Date): ControlReportQuery {
	const thisYear = Number(osloDay(now).slice(0, 4));
	const p = url.searchParams;
	const parsed = parseReportPeriod(p.get('ar'), p.get('tertial'), thisYear);
	if (!parsed.ok) error(400, CONTROL_REPORT_QUERY_MESSAGES[parsed.reason]);
	const raw = p.get('enhet');
	if (raw === null || raw === '') return { period: parsed.period, unit: null };
	const id = /^\d{1,10}$/.test(raw) ? Number(raw) : null;
	const unit = serviceAreas().find((u) => u.id === id);
	if (!unit) error(400, CONTROL_REPORT_QUERY_MESSAGES.unit);
	return { period: parsed.period, unit: { id: unit.id, name: unit.name } };
}

/** The service areas: active top-level units, by name. */
export function serviceAreas(units: readonly WheelUnit[] = wheelUnits()) {
	const collator = new Intl.Collator('nb');
	return units
		.filter((u) => u.parentId === null && !u.archived)
		.sort((a, b) => collator.compare(a.name, b.name));
}

export interface ControlCounts {
	/** Occurrences that count: signed, or unsigned past their due day. */
	due: number;
	onTime: number;
	late: number;
	notDone: number;
	share: number | null;
}

function counts(total: number, signed: number, onTime: number): ControlCounts {
	return {
		due: total,
		onTime,
		late: signed - onTime,
		notDone: total - signed,
		share: onTimeShare({ total, onTime })
	};
}

export interface ControlRow extends ControlCounts {
	unitId: number;
	name: string;
	depth: number;
	/** The unit's own tasks, without the units below it. */
	own: boolean;
}

/**
 * Controls carried out in the period: per unit, each the roll-up of the unit and everything
 * below it, two levels down from the scope (service areas and their units; or a service
 * area's units and theirs), plus the service area's own tasks; and the total.
 */
function controls(q: ControlReportQuery, today: string, units: readonly WheelUnit[]) {
	const monthEnds = monthEndsOfYear(q.period.year).filter((_, i) =>
		q.period.months.includes(i + 1)
	);
	const children = new Map<number | null, WheelUnit[]>();
	const collator = new Intl.Collator('nb');
	for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
	for (const list of children.values()) list.sort((a, b) => collator.compare(a.name, b.name));

	const picked: { unit: WheelUnit; depth: number; own: boolean }[] = [];
	const root = q.unit ? units.find((u) => u.id === q.unit!.id)! : null;
	if (root) picked.push({ unit: root, depth: 0, own: true });
	for (const u of children.get(root?.id ?? null) ?? []) {
		picked.push({ unit: u, depth: 0, own: false });
		for (const c of children.get(u.id) ?? []) picked.push({ unit: c, depth: 1, own: false });
	}
	const figures = complianceFigures(
		{
			monthEnds,
			today,
			wheelId: null,
			scope: root ? { kind: 'subtree', unitId: root.id } : { kind: 'all' }
		},
		picked.filter((p) => !p.own).map((p) => p.unit.id),
		picked.filter((p) => p.own).map((p) => p.unit.id)
	);
	const sums = new Map<string, { total: number; signed: number; onTime: number }>();
	for (const f of figures) {
		const key = `${f.kind}:${f.unitId ?? ''}`;
		const s = sums.get(key) ?? { total: 0, signed: 0, onTime: 0 };
		s.total += f.total;
		s.signed += f.signed;
		s.onTime += f.onTime;
		sums.set(key, s);
	}
	const rows: ControlRow[] = [];
	for (const p of picked) {
		const s = sums.get(`${p.own ? 'own' : 'row'}:${p.unit.id}`);
		const uses = sums.get(`${p.own ? 'usesOwn' : 'uses'}:${p.unit.id}`);
		if (!s?.total && !uses?.total) continue;
		rows.push({
			unitId: p.unit.id,
			name: p.own ? `${p.unit.name} (egne oppgaver)` : p.unit.name,
			depth: p.depth,
			own: p.own,
			...counts(s?.total ?? 0, s?.signed ?? 0, s?.onTime ?? 0)
		});
	}
	const all = sums.get('all:') ?? { total: 0, signed: 0, onTime: 0 };
	return {
		total: counts(all.total, all.signed, all.onTime),
		rows: rows.slice(0, CONTROL_REPORT_LIMIT.units),
		rowsCut: rows.length > CONTROL_REPORT_LIMIT.units
	};
}

function routines(q: ControlReportQuery, units: readonly WheelUnit[]) {
	const root = q.unit?.id ?? null;
	const monthEnds = monthEndsOfYear(q.period.year).filter((_, i) =>
		q.period.months.includes(i + 1)
	);
	const figures = routineFigures(root, monthEnds);
	const name = new Map(units.map((u) => [u.id, u.name]));
	const total = figures.find((f) => f.unitId === null) ?? { units: 0, wheels: 0, tasks: 0 };
	const wheels = routineWheels(root, monthEnds, CONTROL_REPORT_LIMIT.wheels + 1);
	return {
		total: { units: total.units, wheels: total.wheels, tasks: total.tasks },
		byArea: figures
			.filter((f) => f.unitId !== null)
			.map((f) => ({ ...f, name: name.get(f.unitId!) ?? `Enhet ${f.unitId}` }))
			.sort((a, b) => a.name.localeCompare(b.name, 'nb')),
		wheels: wheels.slice(0, CONTROL_REPORT_LIMIT.wheels),
		wheelsCut: wheels.length > CONTROL_REPORT_LIMIT.wheels
	};
}

function deviations(q: ControlReportQuery, today: string) {
	const root = q.unit?.id ?? null;
	const groups = deviationGroups(root, q.period, today);
	const n = (pick: (g: (typeof groups)[number]) => boolean) =>
		groups.filter(pick).reduce((a, g) => a + g.n, 0);
	const total = n(() => true);
	const list = deviationList(root, q.period, CONTROL_REPORT_LIMIT.deviations);
	return {
		total,
		bySeverity: DEVIATION_SEVERITIES.map((s) => ({
			code: s,
			label: DEVIATION_SEVERITY_LABEL[s],
			n: n((g) => g.severity === s)
		})),
		bySource: DEVIATION_SOURCES.map((s) => ({
			code: s,
			label: DEVIATION_SOURCE_LABEL[s],
			n: n((g) => g.source === s)
		})),
		open: n((g) => g.status === 'open'),
		openOverdue: n((g) => g.outcome === 'open_overdue'),
		closed: n((g) => g.status === 'closed'),
		closedOnTime: n((g) => g.outcome === 'closed_on_time'),
		closedLate: n((g) => g.outcome === 'closed_late'),
		closedNoDeadline: n((g) => g.outcome === 'closed_no_deadline'),
		list,
		listCut: total > list.length
	};
}

function tilsyn(q: ControlReportQuery) {
	const root = q.unit?.id ?? null;
	const c = tilsynCounts(root, q.period);
	const f = (kind: string, status?: string) =>
		c.findings
			.filter((g) => g.kind === kind && (status === undefined || g.status === status))
			.reduce((a, g) => a + g.n, 0);
	const list = tilsynList(root, q.period, CONTROL_REPORT_LIMIT.tilsyn);
	const findings = findingList(root, q.period, CONTROL_REPORT_LIMIT.findings);
	const findingTotal = c.findings.reduce((a, g) => a + g.n, 0);
	return {
		count: c.tilsyn,
		closed: c.closed,
		byKind: FINDING_KINDS.map((k) => ({
			code: k,
			label: FINDING_KIND_LABEL[k],
			total: f(k),
			open: f(k, 'open'),
			closed: f(k, 'closed')
		})),
		list,
		listCut: c.tilsyn > list.length,
		findings,
		findingsCut: findingTotal > findings.length
	};
}

function assessments(q: ControlReportQuery) {
	const rows = listAssessments({
		year: q.period.year,
		tertial: q.period.tertial,
		unitId: q.unit?.id ?? 0
	});
	return ASSESSMENT_FIELDS.map((field) => {
		const row = rows.find((r) => r.field === field);
		return {
			field,
			label: ASSESSMENT_FIELD_LABEL[field],
			hint: ASSESSMENT_FIELD_HINT[field],
			body: row?.body ?? '',
			version: row?.version ?? 0,
			updatedBy: row?.updatedBy ?? null,
			updatedAt: row?.updatedAt.getTime() ?? null
		};
	});
}

/** The report's title line: «Internkontroll 2026, 1. tertial (januar–april) – Helse og omsorg». */
export function controlReportTitle(q: ControlReportQuery): string {
	const t = q.period.tertial === 0 ? '' : `, ${TERTIAL_LABEL[q.period.tertial]}`;
	return `Internkontroll ${q.period.year}${t} – ${q.unit?.name ?? 'hele kommunen'}`;
}

/** Everything the report shows, made from the data as it stands at `now`. */
export function controlReport(q: ControlReportQuery, now: Date) {
	const today = osloDay(now);
	const units = wheelUnits();
	return {
		title: controlReportTitle(q),
		period: q.period,
		periodLabel: TERTIAL_LABEL[q.period.tertial],
		unit: q.unit,
		today,
		/** Figures «til og med»: the period's end, or today when the period has not ended. */
		asOf: q.period.to < today ? q.period.to : today,
		routines: routines(q, units),
		controls: controls(q, today, units),
		deviations: deviations(q, today),
		tilsyn: tilsyn(q),
		assessments: assessments(q)
	};
}

export type ControlReportData = ReturnType<typeof controlReport>;
