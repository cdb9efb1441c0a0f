/**
 * Example internal control (kommuneloven §§ 25-1, 25-2), dated from `now` like the wheel: in
 * Avdeling Nord the monthly check of the drug accounts found a deviation two months ago (closed,
 * with a note on what was done) and again last month (still open, its deadline passed), so the
 * check is flagged as finding deviations repeatedly; a tilsyn by Statsforvalteren on
 * legemiddelhåndtering found a breach, followed up as a third deviation; and two ROS risks are
 * linked to the wheel tasks that control them, leaving the others flagged «Ingen kontroll».
 */
import { closeDeviation, createDeviation } from '$lib/server/db/queries/deviations';
import { linkRiskControl } from '$lib/server/db/queries/risk-control';
import { listRisks } from '$lib/server/db/queries/risks';
import { addFinding, createTilsyn } from '$lib/server/db/queries/tilsyn';
import { listWheels, listWheelTasks } from '$lib/server/db/queries/wheel';
import { osloDayStartMs } from '$lib/domain/shared/oslo-day';
import { osloDay } from '$lib/format';
import type { DemoOrganisation } from './organisation';

function created<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) throw new Error(`Eksempeldata: ${result.reason}`);
	return result.value;
}

export function seedControl(org: DemoOrganisation, now: Date): void {
	const today = osloDay(now);
	/** 10:00 Oslo time `days` from today (negative: before). */
	const at = (days: number) => new Date(osloDayStartMs(today, days) + 10 * 3600_000);
	const day = (days: number) => osloDay(at(days));
	const admin = org.byRole('admin');
	const leader = org.users.find((u) => u.email === 'nord@misjonskart.no')!;
	const unitId = org.units['Avdeling Nord']!;
	const wheel = listWheels().find((w) => w.name === 'Årshjul enhet bo og habilitering')!;
	const tasks = listWheelTasks(wheel.id);
	const taskNamed = (start: string) => tasks.find((t) => t.title.startsWith(start))!;
	const drugs = taskNamed('Kontroll av legemiddelregnskap');
	const violence = taskNamed('ROS-analyse vold og trusler');

	const found = (days: number) => ({ foundOn: day(days), period: day(days).slice(0, 7) });
	const twoMonthsAgo = found(-62);
	const closedId = created(
		createDeviation(
			{
				unitId,
				source: 'control',
				taskId: drugs.id,
				period: twoMonthsAgo.period,
				findingId: null,
				foundOn: twoMonthsAgo.foundOn,
				title: 'Svinn av B-preparat ikke forklart i regnskapet',
				description: 'Beholdningen av ett B-preparat stemte ikke med regnskapet (2 tabletter).',
				severity: 'high',
				immediateAction: 'Varslet lege og apotek; telling dobbeltkontrollert samme dag.',
				correctiveAction: 'Innføre dobbeltsignatur ved hver utlevering av B-preparater.',
				responsibleId: leader.id,
				deadline: day(-40)
			},
			leader.id,
			at(-62)
		)
	);
	created(
		closeDeviation(
			closedId,
			'Dobbeltsignatur innført 1. i måneden; alle ansatte har fått opplæring, og tellingen stemmer.',
			0,
			leader.id,
			at(-38)
		)
	);
	const lastMonth = found(-30);
	created(
		createDeviation(
			{
				unitId,
				source: 'control',
				taskId: drugs.id,
				period: lastMonth.period,
				findingId: null,
				foundOn: lastMonth.foundOn,
				title: 'Legemiddelregnskapet ikke ført for to utleveringer',
				description: 'To utleveringer av A-preparat manglet i regnskapet ved månedskontrollen.',
				severity: 'medium',
				immediateAction: 'Utleveringene ble ført etter samtale med ansvarlig sykepleier.',
				correctiveAction: 'Gjennomgå rutinen for legemiddelregnskap på personalmøtet.',
				responsibleId: leader.id,
				deadline: day(-7)
			},
			leader.id,
			at(-30)
		)
	);

	const tilsynId = created(
		createTilsyn(
			{
				authority: 'Statsforvalteren',
				theme: 'Legemiddelhåndtering',
				description: 'Tilsyn med legemiddelhåndteringen i bo og habilitering.',
				startDate: day(-75),
				preliminaryReportDate: day(-45),
				finalReportDate: day(-25),
				followUpDeadline: day(30),
				status: 'follow_up',
				unitIds: [unitId]
			},
			admin.id,
			at(-75)
		)
	);
	const findingId = created(
		addFinding(
			tilsynId,
			{
				kind: 'breach',
				text: 'Kommunen sikrer ikke at ansatte som deler ut legemidler har fått nødvendig opplæring.'
			},
			admin.id,
			at(-25)
		)
	);
	created(
		createDeviation(
			{
				unitId,
				source: 'tilsyn',
				taskId: null,
				period: null,
				findingId,
				foundOn: day(-25),
				title: 'Lovbrudd: opplæring i legemiddelhåndtering ikke dokumentert',
				description: 'Funn fra Statsforvalterens tilsyn med legemiddelhåndtering.',
				severity: 'high',
				immediateAction: 'Oversikt over hvem som har gjennomført opplæring er laget.',
				correctiveAction: 'Alle som deler ut legemidler gjennomfører e-læring og praktisk prøve.',
				responsibleId: leader.id,
				deadline: day(30)
			},
			leader.id,
			at(-24)
		)
	);

	// Two risks get their controls; the rest stay without, and the matrix flags them.
	const risks = listRisks().filter((r) => r.status !== 'closed');
	for (const [risk, task] of [
		[risks[0], drugs],
		[risks[1], violence]
	] as const) {
		if (!risk) continue;
		created(
			linkRiskControl({ riskId: risk.id, taskId: task.id, wheelId: wheel.id }, admin.id, now)
		);
	}
}
