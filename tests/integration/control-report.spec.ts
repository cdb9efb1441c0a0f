/**
 * The annual internal-control report (kommuneloven § 25-2, /internkontroll/arsrapport): its
 * control counts are the compliance roll-up's on the same data (a small unit tree, two wheels,
 * occurrences signed on time, late and not at all, a fixed `now`); deviations and tilsyn are
 * counted per period and per service area; the kommunedirektør's assessments are version
 * checked and audited; who may read, write, freeze and sign; the PDF read back with pdftotext
 * and the xlsx with ExcelJS hold the same numbers; a bad year or tertial is a 400 in Norwegian.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/(app)/internkontroll/arsrapport/+page.server';
import { GET as pdfGet } from '../../src/routes/(app)/internkontroll/arsrapport/pdf/+server';
import { GET as xlsxGet } from '../../src/routes/(app)/internkontroll/arsrapport/xlsx/+server';
import { actions as reportActions } from '../../src/routes/(app)/rapporter/[id=id]/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { db } from '$lib/server/db';
import { signOccurrence } from '$lib/server/db/queries/wheel-occurrences';
import { getReport, getReportFile } from '$lib/server/db/queries/reports';
import { withLocale } from '$lib/server/i18n';
import { complianceView } from '$lib/server/wheel/views/compliance';
import { pdfText } from '$lib/server/reports/pdf-text';
import type { ControlReportData } from '$lib/server/control/views/report';
import { conflictMessage } from '$lib/server/result';

const NOW = new Date('2026-11-25T12:00:00Z');
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
const sqlite = () => db.$client;
const u: Record<string, number> = {};
let admin: Signed, director: Signed, steering: Signed, viewer: Signed, leader: Signed;
/** What the test signed, per service area: on time, late, and left unsigned past due. */
const expected = {
	helse: { onTime: 0, late: 0, notDone: 0 },
	skole: { onTime: 0, late: 0, notDone: 0 }
};

const mm = (m: number) => String(m).padStart(2, '0');

beforeAll(async () => {
	u.helse = makeUnit('Helse og omsorg');
	u.sykehjem = makeUnit('Sykehjemmet', u.helse);
	u.hjemme = makeUnit('Hjemmetjenesten', u.helse);
	u.skole = makeUnit('Oppvekst');
	const adminId = await makeUser([{ role: 'admin' }], { name: 'Ada Admin' });
	admin = signIn(adminId, NOW);
	director = signIn(
		await makeUser([{ role: 'municipal_director' }], { name: 'Kari Direktør' }),
		NOW
	);
	steering = signIn(await makeUser([{ role: 'steering' }]), NOW);
	viewer = signIn(await makeUser([{ role: 'viewer' }]), NOW);
	leader = signIn(await makeUser([{ role: 'unit_leader', unitId: u.helse }]), NOW);
	const helse = makeWheel({
		ownerUnitId: u.helse,
		unitIds: [u.helse],
		includeChildUnits: true,
		tasks: [{ title: 'Legemiddelgjennomgang', schedule: { kind: 'monthly', dueDay: null } }]
	});
	const skole = makeWheel({
		ownerUnitId: u.skole,
		unitIds: [u.skole],
		tasks: [{ title: 'Skolemiljø', schedule: { kind: 'monthly', dueDay: null } }]
	});
	// January to October: a third on time, a third late, a third not at all; November is not due.
	const plan: [keyof typeof expected, number, number][] = [
		['helse', u.helse, helse.taskIds[0]!],
		['helse', u.sykehjem, helse.taskIds[0]!],
		['helse', u.hjemme, helse.taskIds[0]!],
		['skole', u.skole, skole.taskIds[0]!]
	];
	for (const [area, unitId, taskId] of plan) {
		for (let m = 1; m <= 10; m++) {
			const kind = (m + unitId) % 3;
			const key = { taskId, unitId, period: `2026-${mm(m)}` };
			if (kind === 2) {
				expected[area].notDone += 1;
				continue;
			}
			const at =
				kind === 0
					? new Date(`2026-${mm(m)}-10T10:00:00Z`)
					: new Date(`2026-${mm(m + 1)}-05T10:00:00Z`);
			const r = signOccurrence(
				key,
				{ storedIn: 'Compilo', comment: null, link: null },
				adminId,
				at
			);
			if (!r.ok) throw new Error(r.reason);
			expected[area][kind === 0 ? 'onTime' : 'late'] += 1;
		}
	}
	// Deviations: found in 2026 (two in the first tertial), and one in 2025 that must not count.
	const dev = sqlite().prepare(
		`insert into deviation (unit_id, source, title, severity, deadline, status, closing_note, closed_at, found_on)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const ms = (iso: string) => new Date(iso).getTime();
	dev.run(
		u.sykehjem,
		'control',
		'Feil i medisinlisten',
		'high',
		'2026-03-01',
		'closed',
		'Rettet listen',
		ms('2026-02-20T10:00:00Z'),
		'2026-02-10'
	);
	// Closed at 00:30 Oslo summer time the day after the deadline: late, though still the deadline's day in UTC.
	dev.run(
		u.hjemme,
		'incident',
		'Nøkkel borte',
		'medium',
		'2026-06-30',
		'closed',
		'Byttet lås',
		ms('2026-06-30T22:30:00Z'),
		'2026-04-02'
	);
	dev.run(
		u.hjemme,
		'control',
		'Mangler signatur',
		'low',
		'2026-09-01',
		'open',
		null,
		null,
		'2026-08-15'
	);
	dev.run(
		u.skole,
		'incident',
		'Brannøvelse ikke holdt',
		'critical',
		'2026-12-31',
		'open',
		null,
		null,
		'2026-10-01'
	);
	dev.run(
		u.skole,
		'incident',
		'Gammelt avvik',
		'low',
		'2025-06-01',
		'open',
		null,
		null,
		'2025-05-01'
	);
	// Tilsyn: one in 2026 at Sykehjemmet with a breach (open) and a remark (closed); one of 2025.
	const tilsyn = sqlite().prepare(
		`insert into tilsyn (authority, theme, start_date, final_report_date, follow_up_deadline, status)
		 values (?, ?, ?, ?, ?, ?) returning id`
	);
	const t1 = (
		tilsyn.get(
			'Statsforvalteren i Innlandet',
			'Legemiddelhåndtering',
			'2026-03-10',
			'2026-05-20',
			'2026-08-01',
			'follow_up'
		) as { id: number }
	).id;
	const t0 = (
		tilsyn.get(
			'Arbeidstilsynet',
			'Inneklima',
			'2025-02-01',
			'2025-04-01',
			'2025-06-01',
			'closed'
		) as { id: number }
	).id;
	sqlite()
		.prepare('insert into tilsyn_unit (tilsyn_id, unit_id) values (?, ?), (?, ?)')
		.run(t1, u.sykehjem, t0, u.skole);
	const finding = sqlite().prepare(
		'insert into tilsyn_finding (tilsyn_id, kind, text, status) values (?, ?, ?, ?)'
	);
	finding.run(t1, 'breach', 'Manglende opplæring i legemiddelhåndtering', 'open');
	finding.run(t1, 'remark', 'Rutinen for avviksmelding er uklar', 'closed');
	finding.run(t0, 'remark', 'Ventilasjon', 'closed');
});

async function open(s: Signed, query: string) {
	return outcome(() =>
		load(makeEvent({ signed: s, path: `/internkontroll/arsrapport${query}`, now: NOW }) as never)
	);
}
async function report(
	query: string
): Promise<
	ControlReportData & { assessments: { field: string; version: number; body: string }[] }
> {
	const r = await open(admin, query);
	if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
	return (r.data as { report: never }).report;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the controls carried out', () => {
	it('are the compliance roll-up’s figures, for the municipality and per unit', async () => {
		const r = await report('?ar=2026');
		const c = complianceView(new URL('http://x/arshjul/etterlevelse?ar=2026'), NOW);
		expect(r.controls.total.due).toBe(sum(c.total.total));
		expect(r.controls.total.onTime).toBe(sum(c.total.onTime));
		expect(r.controls.total.late).toBe(sum(c.total.signed) - sum(c.total.onTime));
		expect(r.controls.total.notDone).toBe(sum(c.total.total) - sum(c.total.signed));
		for (const row of c.rows) {
			const mine = r.controls.rows.find((x) => x.unitId === row.unitId && !x.own)!;
			expect(mine.due, row.name).toBe(sum(row.total));
			expect(mine.onTime, row.name).toBe(sum(row.onTime));
		}
		// And what the test signed, so both could not be wrong alike.
		const helse = r.controls.rows.find((x) => x.unitId === u.helse)!;
		expect([helse.onTime, helse.late, helse.notDone]).toEqual([
			expected.helse.onTime,
			expected.helse.late,
			expected.helse.notDone
		]);
		expect(r.controls.total.due).toBe(
			sum(Object.values(expected).map((e) => e.onTime + e.late + e.notDone))
		);
		expect(r.controls.rows.some((x) => x.unitId === u.sykehjem && x.depth === 1)).toBe(true);
	});

	it('counts a tertial’s months only, and a service area’s subtree only', async () => {
		const t1 = await report('?ar=2026&tertial=1');
		const c = complianceView(new URL('http://x/?ar=2026'), NOW);
		expect(t1.controls.total.due).toBe(sum(c.total.total.slice(0, 4)));
		expect(t1.period).toMatchObject({ from: '2026-01-01', to: '2026-04-30' });
		const area = await report(`?ar=2026&enhet=${u.helse}`);
		const ch = complianceView(new URL(`http://x/?ar=2026&enhet=${u.helse}`), NOW);
		expect(area.controls.total.due).toBe(sum(ch.total.total));
		expect(area.controls.total.onTime).toBe(expected.helse.onTime);
		expect(area.routines.total).toEqual({ units: 3, wheels: 1, tasks: 1 });
		expect((await report('?ar=2026')).routines.total).toEqual({ units: 4, wheels: 2, tasks: 2 });
	});
});

describe('deviations and tilsyn', () => {
	it('counts the period’s deviations by severity, source and how they were closed', async () => {
		const d = (await report('?ar=2026')).deviations;
		expect(d.total).toBe(4);
		expect(d.bySeverity.map((s) => s.n)).toEqual([1, 1, 1, 1]);
		expect(d.bySource.find((s) => s.code === 'incident')!.n).toBe(2);
		expect({ closed: d.closed, onTime: d.closedOnTime, late: d.closedLate }).toEqual({
			closed: 2,
			onTime: 1,
			late: 1
		});
		expect({ open: d.open, overdue: d.openOverdue }).toEqual({ open: 2, overdue: 1 });
		expect(d.list.map((x) => x.title)).toContain('Feil i medisinlisten');
		expect((await report('?ar=2026&tertial=1')).deviations.total).toBe(2);
		expect((await report(`?ar=2026&enhet=${u.skole}`)).deviations.total).toBe(1);
		expect((await report('?ar=2025')).deviations.total).toBe(1);
	});

	it('lists the period’s tilsyn with their findings and status', async () => {
		const t = (await report('?ar=2026')).tilsyn;
		expect(t.count).toBe(1);
		expect(t.list[0]).toMatchObject({
			authority: 'Statsforvalteren i Innlandet',
			breaches: 1,
			remarks: 1,
			openFindings: 1,
			units: 'Sykehjemmet'
		});
		expect(t.byKind.find((k) => k.code === 'breach')).toMatchObject({ total: 1, open: 1 });
		expect((await report(`?ar=2026&enhet=${u.skole}`)).tilsyn.count).toBe(0);
		expect((await report('?ar=2025')).tilsyn.count).toBe(1);
	});
});

describe('who may, and the assessments', () => {
	it('is read by the steering group and the kommunedirektør; not by viewers or unit leaders', async () => {
		for (const s of [steering, director, admin])
			expect((await open(s, '?ar=2026')).kind).toBe('ok');
		for (const s of [viewer, leader])
			expect(await open(s, '?ar=2026')).toMatchObject({ kind: 'error', status: 403 });
	});

	it('answers a bad year or tertial with 400 in Norwegian', async () => {
		for (const q of ['?ar=abc', '?ar=1999', '?ar=2026&tertial=4', '?enhet=999999']) {
			const r = await open(admin, q);
			expect(r, q).toMatchObject({ kind: 'error', status: 400 });
			expect((r as { message: string }).message).toMatch(/Ugyldig/);
		}
		const pdf = await outcome(() =>
			pdfGet(
				makeEvent({
					signed: admin,
					path: '/internkontroll/arsrapport/pdf?tertial=x',
					now: NOW
				}) as never
			)
		);
		expect(pdf).toMatchObject({ kind: 'error', status: 400 });
	});

	it('saves an assessment with its version, refuses a stale one, and audits it', async () => {
		const post = (s: Signed, form: Record<string, string>) =>
			outcome(() =>
				actions.assessment!(
					makeEvent({
						signed: s,
						path: '/internkontroll/arsrapport?ar=2026',
						form,
						now: NOW
					}) as never
				)
			);
		const form = {
			field: 'internal_control',
			body: 'Internkontrollen er tilfredsstillende.',
			version: '0'
		};
		expect(await post(steering, form)).toMatchObject({ kind: 'error', status: 403 });
		expect(await post(director, form)).toMatchObject({ kind: 'ok' });
		const stale = await post(admin, { ...form, body: 'Overskriver' });
		expect(stale).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { errors: { _form: conflictMessage() }, values: { version: '1' } }
		});
		expect(await post(admin, { ...form, body: 'x'.repeat(10_001), version: '1' })).toMatchObject({
			kind: 'fail',
			status: 400
		});
		const a = (await report('?ar=2026')).assessments.find((x) => x.field === 'internal_control')!;
		expect(a).toMatchObject({ body: 'Internkontrollen er tilfredsstillende.', version: 1 });
		// A tertial's text is its own.
		expect((await report('?ar=2026&tertial=1')).assessments[0]!.body).toBe('');
		const audit = sqlite()
			.prepare(
				`select action, actor_id as actor from audit_log where entity = 'control_assessment'`
			)
			.all();
		expect(audit).toEqual([{ action: 'create', actor: director.user.id }]);
	});
});

describe('the files, and freezing', () => {
	it('makes a PDF with the sections and the numbers', async () => {
		const r = await outcome(() =>
			pdfGet(
				makeEvent({
					signed: steering,
					path: '/internkontroll/arsrapport/pdf?ar=2026',
					now: NOW
				}) as never
			)
		);
		const res = (r as { data: Response }).data;
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toMatch(/internkontroll-2026-2026-11-25\.pdf/);
		const text = flat(pdfText(new Uint8Array(await res.arrayBuffer())));
		for (const s of [
			'1. Rutiner i bruk',
			'2. Kontroller som er utført',
			'3. Avvik og oppfølging',
			'4. Tilsyn',
			'5. Kommunedirektørens vurdering',
			'Vurdering av internkontrollen',
			'Internkontrollen er tilfredsstillende.',
			'Legemiddelhåndtering',
			'Rettet listen'
		]) {
			expect(text).toContain(s);
		}
		const c = (await report('?ar=2026')).controls.total;
		expect(text).toContain(`Hele kommunen ${c.due} ${c.onTime} ${c.late} ${c.notDone}`);
	});

	it('makes an xlsx with the same counts', async () => {
		const r = await outcome(() =>
			xlsxGet(
				makeEvent({
					signed: admin,
					path: `/internkontroll/arsrapport/xlsx?ar=2026&enhet=${u.helse}`,
					now: NOW
				}) as never
			)
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await (r as { data: Response }).data.arrayBuffer()) as ArrayBuffer);
		const ws = wb.getWorksheet('Kontroller')!;
		const last = ws.getRow(ws.rowCount);
		const cell = (i: number) => {
			const v = last.getCell(i).value;
			return typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
		};
		expect(cell(1)).toBe('Sum for Helse og omsorg');
		expect([cell(3), cell(4), cell(5)]).toEqual([
			expected.helse.onTime,
			expected.helse.late,
			expected.helse.notDone
		]);
		// The rows nest (a unit, then the units under it): the total is a value, never a SUM
		// that would count the lower units twice once a spreadsheet recalculates.
		expect(typeof last.getCell(3).value).toBe('number');
		expect(wb.getWorksheet('Avvik')!.rowCount).toBe(1 + 3);
	});

	it('is frozen by the kommunedirektør into the archive and signed by another', async () => {
		expect(
			await outcome(() =>
				actions.freeze!(
					makeEvent({
						signed: steering,
						path: '/internkontroll/arsrapport?ar=2026',
						form: {},
						now: NOW
					}) as never
				)
			)
		).toMatchObject({ kind: 'error', status: 403 });
		const freeze = (form: Record<string, string>) =>
			outcome(() =>
				actions.freeze!(
					makeEvent({
						signed: director,
						path: '/internkontroll/arsrapport?ar=2026&tertial=3',
						form,
						now: NOW
					}) as never
				)
			);
		// It is issued to a meeting of the kommunestyre: without the day, nothing is frozen.
		expect(await freeze({ meetingDate: '10.02.2027' })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { meetingDate: expect.stringMatching(/kommunestyrets møte/) } }
		});
		// Frozen from a page read in English: the record is made in bokmål all the same.
		const frozen = await withLocale('en', () => freeze({ meetingDate: '2027-02-10' }));
		expect(frozen).toMatchObject({ kind: 'ok' });
		const id = (frozen as { data: { id: number } }).data.id;
		const record = flat(pdfText(getReportFile(id)!.content));
		expect(record).toContain('Frosset som utstedt til kommunestyret 10. februar 2027');
		expect(record).toContain('Side 2 av');
		expect(record).not.toContain('Page 2 of');
		expect(getReport(id)).toMatchObject({
			kind: 'internkontroll',
			scope: 'internkontroll:2026:3:0',
			periodFrom: '2026-09-01',
			meetingDate: '2027-02-10',
			status: 'draft'
		});
		const approve = (s: Signed) =>
			outcome(() =>
				reportActions.approve!(
					makeEvent({
						signed: s,
						path: `/rapporter/${id}`,
						params: { id: String(id) },
						form: { version: '0' },
						now: NOW
					}) as never
				)
			);
		expect(await approve(steering)).toMatchObject({ kind: 'error', status: 403 });
		expect(await approve(director)).toMatchObject({ kind: 'error', status: 403 });
		expect(await approve(admin)).toMatchObject({ kind: 'ok' });
		expect(getReport(id)).toMatchObject({ status: 'approved', approvedById: admin.user.id });
		const page = (await open(admin, '?ar=2026')) as {
			data: {
				archive: { years: number[]; frozen: { id: number; year: number; tertial: number }[] };
			};
		};
		expect(page.data.archive.frozen).toContainEqual(
			expect.objectContaining({ id, year: 2026, tertial: 3 })
		);
		expect(page.data.archive.years).toEqual([2026, 2025]);
	});
});
