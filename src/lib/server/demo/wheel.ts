/**
 * Example annual wheel from seed 004 (004_596ae61a4ffcfeee.txt, «Årshjul enhet bo og
 * habilitering», January–April as given; Ansvar and Lagres filled in), plus the monthly
 * internal-control items a unit in bo og habilitering typically keeps. Dated from `now`: the
 * tasks run from January last year, and last year and this year are signed up to today — mostly
 * on time in Avdeling Nord, later and less in Sør and Fjord — so the wheel, the heatmap and
 * «Mine oppgaver» tell the same story on whatever day the demo is loaded.
 */
import { assignWheel, createWheel, createWheelTask } from '$lib/server/db/queries/wheel';
import {
	listOccurrences,
	reopenOccurrence,
	signOccurrence
} from '$lib/server/db/queries/wheel-occurrences';
import { osloDayStartMs } from '$lib/domain/shared/oslo-day';
import { osloDay } from '$lib/format';
import type { Month, Schedule } from '$lib/domain/wheel/schedule';
import type { TaskInput } from '$lib/schemas/wheel';
import type { DemoOrganisation } from './organisation';

type DemoTask = [
	title: string,
	responsibleRole: string,
	storedIn: string,
	schedule: Schedule,
	description?: string
];

const once = (month: Month, dueDay: number | null = null): Schedule => ({
	kind: 'yearly',
	month,
	dueDay
});
const monthly = (dueDay: number | null = null): Schedule => ({ kind: 'monthly', dueDay });

const LEDER = 'Avdelingsleder';

const SEED_004: DemoTask[] = [
	['Heng opp informasjon om sommerpuljer (når delestrek er avklart)', LEDER, 'Teams', once(1)],
	[
		'Utarbeide årets plan for internundervisning i avdeling',
		'Fagutviklingssykepleier',
		'Teams',
		once(1),
		'Benytt gjerne NAKU sine temasider og oppdeling.'
	],
	['VFR: Fyll inn eventuell overført ferie og avspasering for ansatte', LEDER, 'VFR', once(1)],
	['Opprette skjema på Teams: Behov sommervikarer', LEDER, 'Teams', once(1)],
	['Ressursfordelingskartlegging', LEDER, 'Compilo', once(1)],
	['Lyse ut etter sommervikarer', LEDER, 'Webcruiter', once(1)],
	[
		'Kontakt tidligere sommervikarer og meld inn behov for vikarer i skjema på Teams',
		LEDER,
		'Teams',
		once(2)
	],
	['Påske-/mai-/pinseturnus planlegges', LEDER, 'VFR', once(2)],
	[
		'Egenvurdering av legemiddelhåndteringsrutinene',
		LEDER,
		'Compilo',
		once(2),
		'Se Compilo: Egenvurdering av legemiddelhåndteringsrutiner.'
	],
	['Ansatte registrerer ferieønsker i VFR, frist 1. mars', 'Ansatte', 'VFR', once(2)],
	['Kalle inn til medarbeidersamtaler i Kompetanseportalen', LEDER, 'Kompetanseportalen', once(2)],
	['Kalle inn til seniorsamtaler', LEDER, 'Kompetanseportalen', once(2)],
	['Påse at årskontroll hos fastlege blir bestilt', 'Primærkontakt', 'Fagsystem', once(2)],
	[
		'Kartlegging av arbeidsmiljøet og arbeidsmiljøarbeidet',
		LEDER,
		'Compilo',
		once(2),
		'Skjema på Compilo.'
	],
	['Planlegg HMS-dag', LEDER, 'Teams', once(2)],
	['Hovedferien plasseres, frist 1. april', LEDER, 'VFR', once(3)],
	['Melde inn behov for sommervikarer i skjema på Teams', LEDER, 'Teams', once(3)],
	['ROS-analyse vold og trusler', LEDER, 'Compilo', once(3)],
	[
		'Halvårsevaluering av tjenestetilbudet til brukerne – Fagrapport',
		'Primærkontakt',
		'Fagsystem',
		{ kind: 'months', months: [3, 9], dueDay: null }
	],
	['Start/fullfør arbeidet med utarbeidelse av sommerturnus', LEDER, 'VFR', once(4)],
	[
		'Send inn arbeidsavtaler og dokumentasjon på sommervikarer til personalseksjonen',
		LEDER,
		'Teams',
		once(4)
	],
	['Gjennomfør HMS-dag', LEDER, 'Compilo', once(4)],
	['Planlegg sommeravslutning/sosialt arrangement', LEDER, 'Teams', once(4)],
	// Monthly internal control (forskrift om ledelse og kvalitetsforbedring § 6–8).
	['Gjennomgang av avvik og forbedringstiltak', LEDER, 'Compilo', monthly()],
	['Kontroll av legemiddelregnskap (A- og B-preparater)', 'Vernepleier', 'Compilo', monthly(15)],
	['Personalmøte med referat', LEDER, 'Teams', monthly()],
	['Kontroll av brukernes kontantkasser', 'Primærkontakt', 'Fagsystem', monthly(10)]
];

const FAG: DemoTask[] = [
	[
		'Internundervisning gjennomført etter plan',
		'Fagutviklingssykepleier',
		'Kompetanseportalen',
		monthly()
	],
	[
		'Oppdatere kompetanseplan for avdelingen',
		LEDER,
		'Kompetanseportalen',
		{ kind: 'months', months: [1, 8], dueDay: 31 }
	]
];

function task([title, responsibleRole, storedIn, schedule, description]: DemoTask): TaskInput {
	return {
		title,
		responsibleRole,
		storedIn,
		schedule,
		description: description ?? null,
		reference: null
	};
}

function created<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) throw new Error(`Eksempeldata: ${result.reason}`);
	return result.value;
}

/** Deterministic 0–99 from a few numbers, so the demo looks the same every time. */
function dice(...n: number[]): number {
	return n.reduce((h, x) => (h * 31 + x * 17 + 7) % 9973, 11) % 100;
}

/** 10:00 Oslo time on a calendar day `days` after `day`. */
function osloMorning(day: string, days: number): Date {
	return new Date(osloDayStartMs(day, days) + 10 * 3600_000);
}

/** Unit profile: share signed on time, share signed late (the rest stays overdue), in %. */
const PROFILES: Record<string, [onTime: number, late: number]> = {
	'Avdeling Nord': [82, 14],
	'Avdeling Sør': [55, 25],
	'Avdeling Fjord': [65, 20],
	'Bo og habilitering': [70, 20]
};

export function seedWheels(org: DemoOrganisation, now: Date): void {
	const admin = org.byRole('admin');
	const leaderOf = (unitName: string) =>
		org.users.find(
			(u) =>
				u.role === 'unit_leader' &&
				u.email === (unitName === 'Avdeling Nord' ? 'nord@misjonskart.no' : 'sor@misjonskart.no')
		);

	const main = created(
		createWheel(
			{
				name: 'Årshjul enhet bo og habilitering',
				description: 'Årshjul for ledere i bo og habilitering. Signeres ved gjennomført.',
				ownerUnitId: org.units['Bo og habilitering']!
			},
			admin.id,
			now
		)
	);
	const today = osloDay(now);
	const year = Number(today.slice(0, 4));
	const from = `${year - 1}-01`;
	for (const t of SEED_004) created(createWheelTask(main, task(t), admin.id, now, from));
	for (const unitName of ['Avdeling Nord', 'Avdeling Sør', 'Avdeling Fjord']) {
		created(
			assignWheel(main, { unitId: org.units[unitName]!, includeChildUnits: false }, admin.id, now)
		);
	}

	const fag = created(
		createWheel(
			{
				name: 'Årshjul for fag og kompetanseheving',
				description: 'Gjelder hele enheten, også avdelingene under.',
				ownerUnitId: org.units['Bo og habilitering']!
			},
			admin.id,
			now
		)
	);
	for (const t of FAG) created(createWheelTask(fag, task(t), admin.id, now, from));
	created(
		assignWheel(
			fag,
			{ unitId: org.units['Bo og habilitering']!, includeChildUnits: true },
			admin.id,
			now
		)
	);

	const unitIds = ['Avdeling Nord', 'Avdeling Sør', 'Avdeling Fjord', 'Bo og habilitering'].map(
		(n) => org.units[n]!
	);
	const occurrences = [year - 1, year].flatMap((y) => listOccurrences({ year: y, now, unitIds }));
	for (const o of occurrences) {
		const [onTime, late] = PROFILES[o.unitName] ?? [60, 20];
		const roll = dice(o.taskId, o.unitId, o.month);
		const signer = leaderOf(o.unitName)?.id ?? admin.id;
		let at: Date | null = null;
		// Early, but never before the month has begun: a month cannot be signed ahead.
		if (roll < onTime) {
			const early = osloMorning(o.dueDate, -(roll % 12));
			const firstDay = osloMorning(`${o.period}-01`, 0);
			at = early < firstDay ? firstDay : early;
		} else if (roll < onTime + late) at = osloMorning(o.dueDate, 2 + (roll % 18));
		// Only what could have happened by today: nothing signed in the future.
		if (!at || at >= now || o.dueDate.slice(0, 7) > today.slice(0, 7)) continue;
		created(
			signOccurrence(
				o,
				{
					comment: roll % 3 === 0 ? 'Gjennomgått på personalmøtet.' : null,
					storedIn: o.storedIn,
					link: null
				},
				signer,
				at
			)
		);
	}

	// One reopened and signed again, so the history shows both (Avdeling Nord, March ROS, in the
	// latest March whose redo in April is past).
	const rosYear = today >= `${year}-04-09` ? year : year - 1;
	const ros = listOccurrences({ year: rosYear, now, unitIds: [org.units['Avdeling Nord']!] }).find(
		(o) => o.title === 'ROS-analyse vold og trusler'
	);
	const nora = leaderOf('Avdeling Nord');
	if (ros && nora) {
		if (!ros.signature) {
			created(
				signOccurrence(
					ros,
					{ comment: null, storedIn: 'Compilo', link: null },
					nora.id,
					osloMorning(`${rosYear}-03-20`, 0)
				)
			);
		}
		created(
			reopenOccurrence(
				ros,
				{ reason: 'Analysen manglet vurdering av nattevakt; gjøres om.' },
				nora.id,
				osloMorning(`${rosYear}-04-02`, 0)
			)
		);
		created(
			signOccurrence(
				ros,
				{ comment: 'Oppdatert med nattevakt.', storedIn: 'Compilo', link: null },
				nora.id,
				osloMorning(`${rosYear}-04-08`, 0)
			)
		);
	}
}
