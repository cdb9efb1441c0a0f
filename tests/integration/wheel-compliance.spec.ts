/**
 * Compliance and open occurrences at many units, computed set-based in SQL
 * (queries/wheel-sets.ts), held to the domain's own rules (listOccurrences → unitOccurrences,
 * complianceByMonth) on the same data: a unit tree with inherited and direct wheels, a schedule
 * changed mid-year, an archived task, an archived unit, a wheel taken away after it was
 * signed, signatures on time, late and reopened, and one in a month the schedule no longer
 * makes. Then the pages' paging: every overdue occurrence once, in a stable order, filters kept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser } from '../factories';
import { makeWheel } from '../factories/wheel';
import { db } from '$lib/server/db';
import {
	archiveWheelTask,
	listWheelAssignments,
	unassignWheel,
	updateWheelTask
} from '$lib/server/db/queries/wheel';
import { setUnitArchived } from '$lib/server/db/queries/units';
import {
	listOccurrences,
	reopenOccurrence,
	signOccurrence,
	type OccurrenceKey,
	type UnitOccurrence
} from '$lib/server/db/queries/wheel-occurrences';
import {
	complianceFigures,
	openOccurrences,
	wheelSetQueries,
	wheelUnits,
	type ComplianceFigure,
	type SetWindow,
	type UnitScope
} from '$lib/server/db/queries/wheel-sets';
import { complianceByMonth } from '$lib/domain/wheel/occurrences';
import { descendantIds } from '$lib/domain/org/units';
import { monthEndsOfYear } from '$lib/domain/wheel/calendar';
import { MONTHS } from '$lib/domain/wheel/schedule';
import { osloDay } from '$lib/format';
import { complianceView, parseCursor } from '$lib/server/wheel/views/compliance';
import { mineView } from '$lib/server/wheel/views/mine';

const NOW = new Date('2026-11-25T12:00:00Z');
const TODAY = osloDay(NOW);
const SIGN = { storedIn: 'Compilo', comment: null, link: null };
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

let admin: number;
const u: Record<string, number> = {};
const wheels: Record<string, number> = {};
const tasks: Record<string, number> = {};
let allUnitIds: number[] = [];

/** A fixed pseudo-random choice per occurrence, so the data is the same on every run. */
function roll(o: { taskId: number; unitId: number; period: string }): number {
	let h = 2166136261;
	for (const ch of `${o.taskId}:${o.unitId}:${o.period}`)
		h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
	return (h >>> 0) / 4294967296;
}

function sign(key: OccurrenceKey, when: Date) {
	const result = signOccurrence(key, SIGN, admin, when);
	if (!result.ok) throw new Error(`${result.reason}: ${JSON.stringify(key)}`);
}

/** Signs, as of `asOf`, the begun unsigned occurrences of every unit: most on time, some late. */
function signSome(asOf: Date, year: number) {
	const today = osloDay(asOf);
	for (const o of listOccurrences({ year, now: asOf })) {
		if (o.signature || !o.inUse || o.period > today.slice(0, 7)) continue;
		const r = roll(o);
		const key = { taskId: o.taskId, unitId: o.unitId, period: o.period };
		if (r < 0.55 && o.dueDate <= today) sign(key, at(o.dueDate));
		else if (r < 0.75 && o.dueDate < today) {
			const late = new Date(at(o.dueDate).getTime() + 4 * 86_400_000);
			sign(key, late < asOf ? late : asOf);
		}
	}
}

beforeAll(async () => {
	admin = await makeUser([{ role: 'admin' }]);
	u.helse = makeUnit('Helse og mestring');
	u.bo = makeUnit('Bo og habilitering', u.helse);
	u.nord = makeUnit('Avdeling Nord', u.bo);
	u.sor = makeUnit('Avdeling Sør', u.bo);
	u.hjemme = makeUnit('Hjemmetjenester', u.helse);
	u.oppvekst = makeUnit('Oppvekst');
	u.skole = makeUnit('Skole', u.oppvekst);
	u.barnehage = makeUnit('Barnehage', u.oppvekst);
	u.kultur = makeUnit('Kultur');
	// Enough units under Kultur that the compliance page reads its overdue list month by month.
	for (let i = 1; i <= 42; i++) u[`bibliotek${i}`] = makeUnit(`Bibliotek ${i}`, u.kultur);

	const leaders = makeWheel({
		ownerUnitId: u.helse,
		unitIds: [u.helse, u.kultur],
		includeChildUnits: true,
		activeFrom: '2025-01',
		tasks: [
			{ title: 'Personalmøte', schedule: { kind: 'monthly', dueDay: null } },
			{ title: 'Halvårsevaluering', schedule: { kind: 'months', months: [3, 9], dueDay: 20 } },
			{ title: 'ROS-analyse', schedule: { kind: 'yearly', month: 10, dueDay: 15 } },
			{ title: 'Avvikskontroll', schedule: { kind: 'monthly', dueDay: 10 } }
		]
	});
	const primary = makeWheel({
		ownerUnitId: u.oppvekst,
		unitIds: [u.skole, u.barnehage, u.bo],
		activeFrom: '2025-06',
		tasks: [
			{ title: 'Tiltaksplan', schedule: { kind: 'monthly', dueDay: 5 } },
			{ title: 'Brukermøte', schedule: { kind: 'yearly', month: 6, dueDay: null } }
		]
	});
	const competence = makeWheel({
		ownerUnitId: u.oppvekst,
		unitIds: [u.oppvekst],
		includeChildUnits: true,
		activeFrom: '2026-01',
		tasks: [
			{ title: 'Kompetanseplan', schedule: { kind: 'months', months: [2, 5, 8], dueDay: 28 } }
		]
	});
	wheels.leaders = leaders.wheelId;
	wheels.primary = primary.wheelId;
	wheels.competence = competence.wheelId;
	[tasks.meeting, tasks.evaluation, tasks.ros, tasks.deviation] = leaders.taskIds as [
		number,
		number,
		number,
		number
	];
	[tasks.plan, tasks.userMeeting] = primary.taskIds as [number, number];
	[tasks.competence] = competence.taskIds as [number];

	signSome(at('2026-01-15'), 2025);
	signSome(at('2026-06-01'), 2026);
	// This June's meeting, signed on 1 June; on 10 June the due day moves to the 20th, from June
	// on: the signature keeps the due date it was signed against.
	sign({ taskId: tasks.meeting!, unitId: u.nord!, period: '2026-06' }, at('2026-06-01'));
	updateWheelTask(
		tasks.meeting!,
		{
			title: 'Personalmøte',
			description: null,
			responsibleRole: 'Avdelingsleder',
			storedIn: 'Compilo',
			reference: null,
			schedule: { kind: 'monthly', dueDay: 20 },
			version: 0
		},
		admin,
		at('2026-06-10')
	);
	// August's plan meeting is signed on 5 August; on 10 August the task moves to March and
	// September, from August on: the signed August occurrence stays, as signed.
	sign({ taskId: tasks.plan!, unitId: u.skole, period: '2026-08' }, at('2026-08-05'));
	updateWheelTask(
		tasks.plan!,
		{
			title: 'Tiltaksplan',
			description: null,
			responsibleRole: 'Avdelingsleder',
			storedIn: 'Compilo',
			reference: null,
			schedule: { kind: 'months', months: [3, 9], dueDay: 5 },
			version: 0
		},
		admin,
		at('2026-08-10')
	);
	signSome(at('2026-09-01'), 2026);
	// The ROS analysis is archived in July: October's is not made any more.
	archiveWheelTask(tasks.ros!, admin, at('2026-07-01'));
	// The competence wheel is taken away from Oppvekst: its units keep their signed history,
	// and one reopened signature keeps its occurrence open.
	const comp = listWheelAssignments(wheels.competence).find((a) => a.unitId === u.oppvekst)!;
	unassignWheel(wheels.competence, comp.id, admin, at('2026-09-02'));
	const reopenable = listOccurrences({
		year: 2026,
		now: at('2026-09-03'),
		unitIds: [u.skole]
	}).find((o) => o.taskId === tasks.competence && o.signature);
	expect(reopenable).toBeDefined();
	reopenOccurrence(
		{ taskId: reopenable!.taskId, unitId: u.skole, period: reopenable!.period },
		{ reason: 'Feil måned' },
		admin,
		at('2026-09-03')
	);
	// A reopened and re-signed occurrence, and one reopened and left open.
	const signedNord = listOccurrences({
		year: 2026,
		now: at('2026-09-04'),
		unitIds: [u.nord]
	}).filter((o) => o.signature && o.taskId === tasks.deviation);
	for (const [i, o] of signedNord.slice(0, 2).entries()) {
		const key = { taskId: o.taskId, unitId: u.nord, period: o.period };
		reopenOccurrence(key, { reason: 'Manglet dokumentasjon' }, admin, at('2026-09-04'));
		if (i === 0) sign(key, at('2026-09-05'));
	}
	// Hjemmetjenester is closed down in October, after signing: its history stays in Helse's.
	signSome(at('2026-10-20'), 2026);
	expect(setUnitArchived(u.hjemme, true, admin, at('2026-10-21')).ok).toBe(true);
	signSome(NOW, 2026);
	allUnitIds = wheelUnits().map((x) => x.id);
}, 120_000);

const window = (year: number, wheelId: number | null, scope: UnitScope): SetWindow => ({
	monthEnds: monthEndsOfYear(year),
	today: TODAY,
	wheelId,
	scope
});

type Month = { month: number; total: number; signedOnTime: number; signed: number };

/** The domain's figures for a set of occurrences: per month that counts. */
function domainMonths(occurrences: readonly UnitOccurrence[]): Month[] {
	return complianceByMonth(occurrences).map((m) => ({
		...m,
		signed: occurrences.filter(
			(o) => o.month === m.month && (o.status === 'signed' || o.status === 'signed_late')
		).length
	}));
}

/** SQL figures of one kind and unit, in the domain's shape (months with something counted). */
function sqlMonths(
	figures: readonly ComplianceFigure[],
	kind: string,
	unitId: number | null
): Month[] {
	return MONTHS.map((month) => {
		const f = figures.find((x) => x.kind === kind && x.unitId === unitId && x.month === month);
		return { month, total: f?.total ?? 0, signedOnTime: f?.onTime ?? 0, signed: f?.signed ?? 0 };
	}).filter((m) => m.total > 0);
}

const domainOccurrences = (year: number, unitIds: number[], wheelId: number | null) =>
	listOccurrences({ year, now: NOW, unitIds, wheelId });

const units = () => wheelUnits().map((x) => ({ id: x.id, name: x.name, parentId: x.parentId }));

describe('compliance in SQL', () => {
	it('has the cases it claims: history, reopenings, an unscheduled signature, late ones', () => {
		const all = domainOccurrences(2026, allUnitIds, null);
		expect(all.some((o) => !o.inUse && o.status === 'overdue')).toBe(true);
		expect(all.some((o) => o.status === 'signed_late')).toBe(true);
		expect(all.some((o) => o.taskId === tasks.plan && o.period === '2026-08' && o.signature)).toBe(
			true
		);
		expect(all.some((o) => o.unitId === u.hjemme && o.signature)).toBe(true);
		const june = all.find(
			(o) => o.taskId === tasks.meeting && o.unitId === u.nord && o.period === '2026-06'
		);
		expect(june?.signature?.dueDate).toBe('2026-06-30');
	});

	it('gives each unit’s own figures as the domain functions do, per wheel and year', () => {
		for (const year of [2025, 2026]) {
			for (const wheelId of [null, wheels.leaders!, wheels.primary!, wheels.competence!]) {
				const figures = complianceFigures(window(year, wheelId, { kind: 'all' }), [], allUnitIds);
				for (const unitId of allUnitIds) {
					expect(
						sqlMonths(figures, 'own', unitId),
						`unit ${unitId}, ${year}, wheel ${wheelId}`
					).toEqual(domainMonths(domainOccurrences(year, [unitId], wheelId)));
				}
			}
		}
	});

	it('rolls a unit up as the union of its whole subtree’s occurrences', () => {
		const tree = units();
		for (const wheelId of [null, wheels.leaders!]) {
			const figures = complianceFigures(window(2026, wheelId, { kind: 'all' }), allUnitIds, []);
			for (const unitId of allUnitIds) {
				const subtree = [...descendantIds(tree, unitId)];
				expect(sqlMonths(figures, 'row', unitId), `unit ${unitId}`).toEqual(
					domainMonths(domainOccurrences(2026, subtree, wheelId))
				);
			}
			expect(sqlMonths(figures, 'all', null)).toEqual(
				domainMonths(domainOccurrences(2026, allUnitIds, wheelId))
			);
		}
	});

	it('counts only the chosen subtree when filtered by unit', () => {
		const scope = { kind: 'subtree', unitId: u.bo! } as const;
		const figures = complianceFigures(window(2026, null, scope), [u.nord!, u.sor!], [u.bo!]);
		const subtree = [...descendantIds(units(), u.bo!)];
		expect(sqlMonths(figures, 'all', null)).toEqual(
			domainMonths(domainOccurrences(2026, subtree, null))
		);
		expect(sqlMonths(figures, 'own', u.bo!)).toEqual(
			domainMonths(domainOccurrences(2026, [u.bo!], null))
		);
	});

	it('reads wheel_signature through its indexes, never by a full scan', () => {
		for (const [name, text] of Object.entries(wheelSetQueries())) {
			const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all({
				months: '[]',
				first: '2026-01',
				last: '2026-12',
				wheel: null,
				today: TODAY,
				root: 1,
				units: '[1]',
				rows: '[1]',
				own: '[1]',
				before: null,
				from: null,
				afterDue: '',
				afterUnit: 0,
				afterTask: 0,
				limit: 10
			}) as { detail: string }[];
			// wheel_signature is `s`, `a` or `r` in these statements; SEARCH is an index lookup.
			const scans = plan.filter((p) => /^SCAN (s|a|r|wheel_signature)\b/.test(p.detail));
			expect(scans, name).toEqual([]);
		}
	});
});

describe('overdue and open lists, a page at a time', () => {
	type Keyed = { dueDate: string; unitId: number; taskId: number };
	const key = (o: Keyed) => `${o.dueDate}~${o.unitId}~${o.taskId}`;
	/** The lists' order: due date, then unit id, then task id. */
	const inOrder = (list: readonly Keyed[]) =>
		[...list]
			.sort((a, b) =>
				a.dueDate < b.dueDate
					? -1
					: a.dueDate > b.dueDate
						? 1
						: a.unitId - b.unitId || a.taskId - b.taskId
			)
			.map(key);

	it('pages through every overdue occurrence once, in due-date order, filters kept', () => {
		for (const [wheelId, scope, unitIds] of [
			[null, { kind: 'all' } as UnitScope, allUnitIds],
			[
				wheels.leaders!,
				{ kind: 'subtree', unitId: u.helse! } as UnitScope,
				[...descendantIds(units(), u.helse!)]
			]
		] as const) {
			const expected = inOrder(
				domainOccurrences(2026, [...unitIds], wheelId).filter((o) => o.status === 'overdue')
			);
			const seen: string[] = [];
			let after = null;
			for (let guard = 0; guard < 1000; guard++) {
				const page = openOccurrences(window(2026, wheelId, scope), {
					before: TODAY,
					after,
					limit: 7
				});
				seen.push(...page.map(key));
				if (page.length < 7) break;
				after = page[page.length - 1]!;
			}
			expect(seen).toEqual(expected);
		}
	});

	it('the compliance page’s overdue pages cover the year once, under the unit and wheel chosen', () => {
		for (const query of ['', `?enhet=${u.kultur}&hjul=${wheels.leaders}`, `?enhet=${u.bo}`]) {
			const first = complianceView(new URL(`http://test/arshjul/etterlevelse${query}`), NOW);
			const scopeIds =
				first.filter.unitId === null
					? allUnitIds
					: [...descendantIds(units(), first.filter.unitId)];
			const expected = inOrder(
				domainOccurrences(2026, scopeIds, first.filter.wheelId).filter(
					(o) => o.status === 'overdue'
				)
			);
			expect(first.overdueCount).toBe(expected.length);
			const seen = first.overdue.map(key);
			let next = first.nextCursor;
			while (next) {
				const sep = query ? '&' : '?';
				const page = complianceView(
					new URL(`http://test/arshjul/etterlevelse${query}${sep}etter=${next}`),
					NOW
				);
				expect(page.filter.unitId).toBe(first.filter.unitId);
				expect(page.filter.wheelId).toBe(first.filter.wheelId);
				expect(page.overdue.length).toBeGreaterThan(0);
				seen.push(...page.overdue.map(key));
				next = page.nextCursor;
			}
			expect(seen).toEqual(expected);
			expect(new Set(seen).size).toBe(seen.length);
		}
	});

	it('shows top-level units, opens a row in place, and rolls each row up', () => {
		const top = complianceView(new URL('http://test/arshjul/etterlevelse'), NOW);
		expect(top.rows.map((r) => r.name)).toEqual(['Helse og mestring', 'Kultur', 'Oppvekst']);
		const opened = complianceView(new URL(`http://test/arshjul/etterlevelse?apne=${u.helse}`), NOW);
		expect(opened.rows.map((r) => [r.kind, r.name, r.depth])).toEqual([
			['unit', 'Helse og mestring', 0],
			['own', 'Helse og mestring', 1],
			['unit', 'Bo og habilitering', 1],
			['unit', 'Hjemmetjenester', 1],
			['unit', 'Kultur', 0],
			['unit', 'Oppvekst', 0]
		]);
		const helse = opened.rows.find((r) => r.kind === 'unit' && r.unitId === u.helse)!;
		const parts = opened.rows.filter((r) => r.depth === 1);
		expect(MONTHS.map((_, i) => parts.reduce((s, r) => s + r.total[i]!, 0))).toEqual(helse.total);
		const filtered = complianceView(new URL(`http://test/arshjul/etterlevelse?enhet=${u.bo}`), NOW);
		expect(filtered.path.map((p) => p.name)).toEqual(['Helse og mestring', 'Bo og habilitering']);
		expect(filtered.rows.map((r) => r.name)).toEqual([
			'Bo og habilitering',
			'Avdeling Nord',
			'Avdeling Sør'
		]);
	});

	it('«Mine oppgaver» pages the overdue list and this month’s, as the domain lists them', () => {
		const led = [u.nord!, u.skole!];
		const domain = [2025, 2026].flatMap((y) => domainOccurrences(y, led, null));
		for (const [list, status] of [
			['forfalt', 'overdue'],
			['denne', 'due']
		] as const) {
			const expected = inOrder(domain.filter((o) => o.status === status));
			const seen: string[] = [];
			let cursor: string | null = null;
			for (let guard = 0; guard < 100; guard++) {
				const view = mineView(
					led,
					new URL(`http://test/arshjul/mine${cursor ? `?${list}=${cursor}` : ''}`),
					NOW
				);
				expect(view.counts).toEqual({
					overdue: domain.filter((o) => o.status === 'overdue').length,
					due: domain.filter((o) => o.status === 'due').length
				});
				const items = status === 'overdue' ? view.overdue : view.due;
				seen.push(...items.map(key));
				cursor = status === 'overdue' ? view.overduePage.next : view.duePage.next;
				if (!cursor) break;
				expect(parseCursor(cursor)).not.toBeNull();
			}
			expect(seen).toEqual(expected);
		}
	});
});
