/**
 * Demo data for the benefit maps: the priced family story (seed 001, page BRUKER), the system-level map
 * of seed 001 (Tiltak 1–3 → changes → potential benefits → Effektmål 3), and a year of monthly
 * realisations, some behind plan.
 */
import type { DemoOrganisation } from './organisation';
import { ensureDemoPortfolio, MEASURE_TITLES } from './benefits-portfolio';
import { createBenefit, createChange } from '$lib/server/db/queries/benefits';
import { createLink } from '$lib/server/db/queries/benefits-links';
import {
	addEstimateLine,
	logFollowUp,
	logRealisation,
	setBaselineAndTarget
} from '$lib/server/db/queries/benefits-gains';
import { saveGainSettings } from '$lib/server/db/queries/benefits-settings';
import type { BenefitInput } from '$lib/schemas/benefits';
import type { NodeKind } from '$lib/domain/benefits/vocabulary';
import { periodRange } from '$lib/domain/benefits/gain-realisation';
import { demoCalendar, type DemoCalendar } from './calendar';

/**
 * Seed 001 (ASB's gevinstarbeid), page BRUKER, prints three lines (73 530 + 80 000 +
 * 1 500 000 kr) and the sum 1 655 000 kr, but the lines add up to 1 653 530 kr. The demo keeps
 * the document's lines and shows their true sum; the benefit's description says so
 * (FAMILY_SUM_NOTE), so a reader comparing with the document is not left guessing.
 */
export const FAMILY_LINES = [
	{ description: 'Tapt arbeidsinntekt ved sykemelding for far', amountPerCase: 73_530 },
	{ description: 'Ekstra tidsbruk ved skolestart', amountPerCase: 80_000 },
	{
		description: 'Ekstra tidsbruk ved koordinering og oppfølging av medisinske tilbud og skole',
		amountPerCase: 1_500_000
	}
] as const;

export const FAMILY_SUM_NOTE =
	'Kildedokumentet (ASBs gevinstarbeid, side «Bruker») oppgir summen 1 655 000 kr, men de tre linjene summerer til 1 653 530 kr. Her vises den riktige summen.';

/** The year of realisations: the eleven months up to last month (calendar.ts). */
const year = (cal: DemoCalendar) => periodRange(cal.month(-11), cal.month(-1));

function base(input: Partial<BenefitInput> & Pick<BenefitInput, 'title' | 'level' | 'kind'>) {
	return {
		description: '',
		unit: undefined,
		beneficiary: 'stat',
		beneficiaryOther: '',
		qualityDimensions: [],
		ownerId: null,
		indicator: '',
		measurement: '',
		takeout: 'kvalitet',
		validatorId: null,
		direction: 'higher',
		tolerancePercent: 10,
		disbenefit: false,
		...input
	} satisfies BenefitInput;
}

function value<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!r.ok) throw new Error(`Eksempeldata for gevinster: ${r.reason}`);
	return r.value;
}

/** One month's gain logged at the start of the next month, as an owner would. */
function logYear(
	cal: DemoCalendar,
	benefitId: number,
	actorId: number,
	perMonth: (i: number) => number
) {
	const ids: number[] = [];
	const months = year(cal);
	months.forEach((period, i) => {
		const at = cal.at(i - months.length + 1, 3);
		ids.push(
			value(
				logRealisation(
					benefitId,
					{
						period,
						value: perMonth(i),
						comment: '',
						evidence: 'Månedsrapport fra fagsystemet',
						supersedesId: null
					},
					actorId,
					at
				)
			)
		);
	});
	return ids;
}

export function seedBenefits(org: DemoOrganisation, now: Date): void {
	const cal = demoCalendar(now);
	// The benefit plans were made a year ago, before the first month they count.
	const planned = cal.at(-12, 15);
	const baselineDay = cal.day(-11, 1);
	const lastMonth = cal.month(-1);
	const pia = org.byRole('programme_leader').id;
	const nora = org.byRole('unit_leader').id;
	/** A plan Pia made a year ago: from 0 on the baseline day, measured by `method`, to `target`. */
	const planFromZero = (id: number, method: string, target: number, targetDay: string) =>
		setBaselineAndTarget(
			id,
			{
				baseline: { value: 0, date: baselineDay, method },
				target: { value: target, date: targetDay },
				version: 0
			},
			pia,
			planned
		);
	const ctx = ensureDemoPortfolio(pia);
	if (ctx.mission.hourlyRateKroner === null) {
		saveGainSettings(
			ctx.mission.id,
			{
				hourlyRate: 700,
				behindMarginPercent: ctx.mission.behindPlanMarginPercent,
				version: ctx.mission.version
			},
			pia,
			planned
		);
	}
	const link = (projectId: number, from: [NodeKind, number], to: [NodeKind, number]) => {
		const r = createLink(
			projectId,
			{ fromKind: from[0], fromId: from[1], toKind: to[0], toId: to[1] },
			pia,
			planned
		);
		if (!r.ok) throw new Error(`Eksempeldata for gevinster: ${JSON.stringify(r)}`);
	};

	// ── User level: the family's priced benefit (seed 001, page BRUKER) ──
	const userProject = ctx.projectIds['Metode for brukermedvirkning']!;
	const coordinated = value(
		createChange(
			userProject,
			{
				title: 'Koordinert og individuelt tilpasset tjenestetilbud for familien',
				description: 'Brukerhistorie fra innsiktsarbeidet'
			},
			pia,
			planned
		)
	);
	const family = value(
		createBenefit(
			userProject,
			base({
				title: 'Potensielle prissatte gevinster for familien',
				description: FAMILY_SUM_NOTE,
				measurementFrequency: 'monthly',
				level: 'bruker',
				kind: 'kvantitativ',
				unit: 'kr',
				beneficiary: 'familie',
				qualityDimensions: ['samordnet', 'involverer_brukerne'],
				ownerId: pia,
				indicator: 'Spart inntektstap og tid for familien, kroner',
				measurement: 'Brukerhistorier og intervjuer med familiene, halvårlig',
				takeout: 'frigjort_tid'
			}),
			pia,
			planned
		)
	);
	for (const line of FAMILY_LINES) {
		addEstimateLine(family, { ...line, cases: 1, sharePercent: 100 }, pia, planned);
	}
	// Each benefit here was just created: its baseline and target are its first edit (version 0).
	planFromZero(
		family,
		'Brukerhistorie i ASBs gevinstarbeid, side «Bruker»',
		1_653_530,
		cal.day(13, 'last')
	);
	logYear(cal, family, pia, (i) => 66_000 + (i % 3) * 4_000);
	link(userProject, ['change', coordinated], ['benefit', family]);
	link(userProject, ['benefit', family], ['goal', ctx.goalIds[1]!]);

	// ── Service level: shared by tracks 1B and 5, counted once for the mission ──
	const portal = ctx.projectIds['Felles søknadsportal']!;
	const oneForm = value(
		createChange(portal, { title: 'Én søknad for flere ytelser', description: '' }, pia, planned)
	);
	const lessTime = value(
		createBenefit(
			portal,
			base({
				title: 'Mindre tid brukt på søknader og dokumentasjon',
				measurementFrequency: 'monthly',
				level: 'tjeneste',
				kind: 'kvantitativ',
				unit: 'timer',
				beneficiary: 'kommunalt',
				ownerId: nora,
				indicator: 'Saksbehandlertimer per søknad',
				measurement: 'Timeregistrering i saksbehandlingssystemet',
				takeout: 'frigjort_tid'
			}),
			pia,
			planned
		)
	);
	addEstimateLine(
		lessTime,
		{ description: 'Spart tid per søknad', amountPerCase: 3, cases: 2_000, sharePercent: 80 },
		pia,
		planned
	);
	planFromZero(lessTime, `Timeregistrering ${baselineDay.slice(0, 4)}`, 4_800, cal.day(0, 'last'));
	// Behind plan: the portal went live late, so the first months gave little.
	const portalIds = logYear(cal, lessTime, nora, (i) => (i < 5 ? 40 : 260));
	// A correction: October was first logged with a typo, then superseded.
	logRealisation(
		lessTime,
		{
			period: lastMonth,
			value: 290,
			comment: 'Rettet: tallet for forrige måned var tastet feil',
			evidence: 'Korrigert månedsrapport',
			supersedesId: portalIds[portalIds.length - 1]!
		},
		nora,
		cal.at(0, 10)
	);
	link(portal, ['change', oneForm], ['benefit', lessTime]);
	link(portal, ['benefit', lessTime], ['goal', ctx.goalIds[2]!]);

	// A dis-benefit counted against the portal's gains: the training time the change costs. The
	// erfaringskonferanse «Omstilling i bo og habilitering» (Molde and Kristiansund) names lack
	// of time for training as a main risk of such changes («Tid og opplæring»).
	const training = value(
		createBenefit(
			portal,
			base({
				title: 'Ekstra opplæringstid for saksbehandlere i overgangen til søknadsportalen',
				description:
					'Ulempe: kursdager og oppfølging mens de ansatte lærer den nye portalen. Erfaringskonferansen «Omstilling i bo og habilitering» (Molde og Kristiansund) peker på at det må settes av tid til opplæring; her føres kostnaden av den tiden.',
				disbenefit: true,
				// Less harm is better: cost above the plan puts it behind.
				direction: 'lower',
				measurementFrequency: 'monthly',
				level: 'tjeneste',
				kind: 'kvantitativ',
				unit: 'kr',
				beneficiary: 'kommunalt',
				qualityDimensions: ['kompetente_medarbeidere'],
				ownerId: nora,
				indicator: 'Lønnskostnad for opplæringstimer, kroner',
				measurement: 'Timelister for kurs og opplæring, ført av enhetslederne',
				takeout: 'frigjort_tid'
			}),
			pia,
			planned
		)
	);
	addEstimateLine(
		training,
		{
			description: 'Opplæringsdager per saksbehandler',
			amountPerCase: 5_000,
			cases: 40,
			sharePercent: 100
		},
		pia,
		planned
	);
	planFromZero(training, 'Ingen opplæring før portalen', 200_000, cal.day(0, 'last'));
	logYear(cal, training, nora, (i) => (i < 4 ? 25_000 : 12_000));
	link(portal, ['change', oneForm], ['benefit', training]);

	// ── System level: seed 001, page Systemnivå ──
	const role = ctx.projectIds['Utforske statsforvalterens rolle']!;
	const rows: {
		measure: string;
		first: string;
		second: string;
		benefit: Parameters<typeof base>[0];
	}[] = [
		{
			measure: MEASURE_TITLES[0],
			first: 'Økt bevissthet om brukerbehov og familiens problemer',
			second: 'Statlige tilskudd er koordinert og bedre tilpasset kommunens behov',
			benefit: {
				title:
					'Bedre samarbeid med og samordning av kommunene, evt. mindre interaksjonsbehov mellom stat og kommune',
				level: 'system',
				kind: 'kvalitativ',
				qualityDimensions: ['samordnet'],
				ownerId: pia,
				indicator: 'Kommunenes vurdering av samordningen',
				measurementFrequency: 'tertial',
				measurement: 'Årlig spørreundersøkelse til kommunene'
			}
		},
		{
			measure: MEASURE_TITLES[1],
			first: 'Felles forståelse for utfordringer og mulighetsrom',
			second: 'Mer effektiv samhandling mellom offentlige virksomheter',
			benefit: {
				title: 'Mer effektiv bruk av statlige midler, «slankere stat»',
				measurementFrequency: 'monthly',
				level: 'system',
				kind: 'kvantitativ',
				unit: 'kr',
				qualityDimensions: ['utnytter_ressursene'],
				ownerId: pia,
				indicator: 'Statlige midler brukt på parallelle tiltak, kroner',
				measurement: 'Statsforvalterens tilskuddsoversikt',
				takeout: 'budsjettkutt'
			}
		},
		{
			measure: MEASURE_TITLES[2],
			first: 'Læring og erfaring med nye måter å jobbe på',
			second: 'Færre statlige veiledere og mer koordinerte styringssignaler',
			benefit: {
				title:
					'Færre, men mer treffsikre statlige satsinger ved at tiltak styres mot samme mål, bedre lønnsomhet',
				level: 'system',
				kind: 'kvantitativ',
				unit: 'timer',
				ownerId: pia,
				indicator: 'Kommunale timer brukt på statlige satsinger',
				measurementFrequency: 'monthly',
				measurement: 'Timeregistrering i kommunene',
				takeout: 'frigjort_tid'
			}
		}
	];
	const systemBenefits: number[] = [];
	for (const row of rows) {
		const first = value(createChange(role, { title: row.first, description: '' }, pia, planned));
		const second = value(createChange(role, { title: row.second, description: '' }, pia, planned));
		const b = value(createBenefit(role, base(row.benefit), pia, planned));
		systemBenefits.push(b);
		link(role, ['measure', ctx.measureIds[row.measure]!], ['change', first]);
		link(role, ['change', first], ['change', second]);
		link(role, ['change', second], ['benefit', b]);
		link(role, ['benefit', b], ['goal', ctx.goalIds[3]!]);
	}
	const [cooperation, leanerState, fewerInitiatives] = systemBenefits as [number, number, number];

	addEstimateLine(
		leanerState,
		{
			description: 'Parallelle statlige tilskudd som samordnes',
			amountPerCase: 400_000,
			cases: 6,
			sharePercent: 50
		},
		pia,
		planned
	);
	planFromZero(
		leanerState,
		`Tilskuddsoversikt ${baselineDay.slice(0, 4)}`,
		1_200_000,
		cal.day(0, 'last')
	);
	logYear(cal, leanerState, pia, (i) => (i < 6 ? 20_000 : 60_000));
	// Behind plan, with the owner's explanation logged.
	logFollowUp(
		leanerState,
		{
			period: lastMonth,
			cause: 'Årets tilskuddsordninger var allerede fordelt da samhandlingsarenaen startet.',
			correctiveMeasure: 'Felles tildelingsmøte med statsforvalteren før neste års tildeling.'
		},
		pia,
		cal.at(0, 4)
	);

	addEstimateLine(
		fewerInitiatives,
		{
			description: 'Timer spart per kommune per år',
			amountPerCase: 150,
			cases: 8,
			sharePercent: 75
		},
		pia,
		planned
	);
	planFromZero(fewerInitiatives, 'Kartlegging i åtte kommuner', 900, cal.day(0, 'last'));
	logYear(cal, fewerInitiatives, pia, (i) => 75 + (i % 2) * 10);

	for (const [period, assessment, narrative] of [
		[-8, 'gul', 'Første felles møte holdt; kommunene er positive, men lite er endret.'],
		[-4, '3', 'Felles plan for tilsyn og veiledning er laget.'],
		[-1, '4', 'Kommunene melder færre parallelle henvendelser fra staten.']
	] as const) {
		logRealisation(
			cooperation,
			{
				period: cal.month(period),
				assessment,
				narrative,
				comment: '',
				evidence: '',
				supersedesId: null
			},
			pia,
			cal.at(period + 1, 5)
		);
	}
}
