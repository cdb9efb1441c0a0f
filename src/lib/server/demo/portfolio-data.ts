/**
 * The example portfolio's content (seed 001 mission, effektmål and tracks; seed 004's project
 * «Omstilling i bo og habilitering» with its measures and ROS risks). Seeded by portfolio.ts,
 * in this order; risks, reports and scores are in portfolio-follow-up-data.ts. Titles listed in notes/demo-contract.md are relied on by the benefits
 * seeder: keep them exact.
 */
import type { LifecycleStatus, Level } from '$lib/domain/portfolio/vocabulary';

/** Who owns a row: Pia (the organisation's programme leader) or Petter (made by the seeder). */
export type DemoOwner = 'pia' | 'petter';

export const BO = 'Omstilling i bo og habilitering';

export const MISSION = {
	grandChallenge: 'Offentlige tjenester oppleves sammenhengende og helhetlige av brukerne',
	statement:
		'Innen 2027 skal alle barn og unge med sammensatte behov og deres familier oppleve at de mottar et helhetlig tjenestetilbud som gir nødvendig hjelp til å fungere i hjem, skole, fritid og arbeid.',
	baselineYear: 2021,
	targetYear: 2027
};

export const GOALS: [Level, string, string][] = [
	[
		'user',
		'Barn og unge og deres familier skal få mer helhetlige og koordinerte og tilpassede tjenester',
		'Andel familier i målgruppen som opplever tjenestene som helhetlige (brukerundersøkelse, sammenlignet med 2021)'
	],
	[
		'service',
		'Aktørene som skal bistå målgruppen skal lettere kunne tilby helhetlige og koordinerte tjenester uavhengig av sektor, eller omsorgsnivå',
		'Andel saker med felles plan og koordinator på tvers av sektorer'
	],
	[
		'system',
		'Aktørene har fått nye egnede tilnærminger/metoder for organisering og styring av hvordan løse utfordringer og utvikle tjenester på tvers av virksomheter/ sektorer',
		'Antall virkemidler og styringsdialoger som er samordnet mellom stat og kommune'
	]
];

export const TRACKS: {
	code: string;
	title: string;
	problemStatement: string;
	barriers: string;
	prioritised: boolean;
}[] = [
	{
		code: '1A',
		title: 'Brukermedvirkning',
		problemStatement: 'Manglende brukermedvirkning og individuelt tilpasset tjenesteutforming.',
		barriers:
			'Brukerne involveres for sent og for lite i utformingen av tjenestene.\nTjenestene tilpasses organisasjonen mer enn familiens behov.',
		prioritised: true
	},
	{
		code: '1B',
		title: 'Samhandling',
		problemStatement: 'Manglende samhandling mellom tjenestene og manglende helhet.',
		barriers:
			'Informasjon er spredt over ulike kanaler og sektorer.\nKasteballproblematikk: familien må selv koordinere tjenestene.',
		prioritised: true
	},
	{
		code: '2',
		title: 'Ledelse og organisering',
		problemStatement:
			'Ledelse, organisering, insentiver og kompetanseutvikling tilrettelegger ikke tilstrekkelig.',
		barriers: 'Insentivene belønner sektorvis måloppnåelse, ikke helhetlige tjenester.',
		prioritised: false
	},
	{
		code: '3',
		title: 'Økonomi',
		problemStatement: 'Det økonomiske handlingsrommet er for lite fleksibelt.',
		barriers: 'Stramme rammer gjør at forebyggende arbeid prioriteres bort.',
		prioritised: false
	},
	{
		code: '4',
		title: 'Universelle arenaer',
		problemStatement: 'Universelle arenaer som barnehage og skole fungerer ikke optimalt for alle.',
		barriers:
			'Barnehage og skole mangler kapasitet og kompetanse til å fange opp sammensatte behov.',
		prioritised: false
	},
	{
		code: '5',
		title: 'Sentralforvaltningen',
		problemStatement:
			'Sentralforvaltningen skaper utfordringer som forplanter seg nedover i systemet: mandat, sektorinndeling, samordning av virkemidler, svak tilbakemeldingsløyfe fra borger og tjenester, lite samhandling på toppnivå, ingen som har ansvar for mellomrommene.',
		barriers:
			'Sektorinndeling og virkemidler som ikke er samordnet.\nIngen har ansvar for mellomrommene.',
		prioritised: true
	}
];

export type DemoProject = {
	title: string;
	codes: string[];
	owner: DemoOwner;
	levels: Level[];
	status: LifecycleStatus;
	extra?: { description?: string; startDate?: string; endDate?: string };
};

export const PROJECTS: DemoProject[] = [
	{
		title: 'Metode for brukermedvirkning',
		codes: ['1A'],
		owner: 'pia',
		levels: ['user', 'service'],
		status: 'in_progress',
		extra: {
			description:
				'Felles metode for å involvere barn, unge og familier i utformingen av tjenestene.',
			startDate: '2026-01-15',
			endDate: '2027-06-30'
		}
	},
	{
		title: 'Felles søknadsportal',
		codes: ['1B', '5'],
		owner: 'pia',
		levels: ['user', 'system'],
		status: 'adopted',
		extra: {
			description:
				'Én inngang for søknader om hjelpestønad, pleiepenger og kommunale tjenester, så familien slipper å fylle ut det samme mange ganger.',
			startDate: '2026-09-01',
			endDate: '2027-12-31'
		}
	},
	{
		title: 'Utforske statsforvalterens rolle',
		codes: ['5'],
		owner: 'pia',
		levels: ['system'],
		status: 'in_progress',
		extra: {
			description:
				'Hvordan statsforvalteren kan samordne statlige virkemidler og tilskudd bedre tilpasset kommunens behov.',
			startDate: '2026-03-01',
			endDate: '2027-03-31'
		}
	},
	{
		title: 'Tidlig innsatsteam',
		codes: ['1B', '2'],
		owner: 'petter',
		levels: ['service'],
		status: 'proposed',
		extra: { description: 'En funksjon i kommunen som sikrer tidlig innsats mens familien venter.' }
	},
	{
		title: BO,
		codes: ['2'],
		owner: 'petter',
		levels: ['service', 'system'],
		status: 'in_progress',
		extra: {
			description:
				'Molde og Kristiansund: 86 forslag til tiltak fra arbeidsgruppene, 15 anbefalt av prosjektgruppen, 6 vedtatt av styringsgruppen for testing og implementering (seed 004).',
			startDate: '2025-01-01',
			endDate: '2026-12-31'
		}
	}
];

export type DemoMeasure = {
	project: string;
	title: string;
	owner: DemoOwner;
	units: string[];
	status: LifecycleStatus;
};

export const STAT = 'Utforske statsforvalterens rolle';

const allBo = ['Avdeling Nord', 'Avdeling Sør', 'Avdeling Fjord'];
const boMeasures: [string, string[], LifecycleStatus][] = [
	['Ta i bruk felles modell for vedtaksvurdering og tildeling', allBo, 'in_progress'],
	[
		'Planlegge, lede og organisere tjenestene etter prinsippene: profesjonalisert veiledning, profesjonalisert kartlegging, ressursfordeling, tydeligere ledelse',
		allBo,
		'in_progress'
	],
	[
		'Felles retningslinjer, modell og prosedyre for håndtering av økning/nedgang i tjenester ut over normert kapasitet',
		['Avdeling Nord', 'Avdeling Sør'],
		'adopted'
	],
	['Endret organisering og drift av støttekontakttilbud', ['Avdeling Fjord'], 'adopted'],
	['Gjennomføre regelmessige brukerundersøkelser i tjenesten', allBo, 'in_progress'],
	['Bedre kunnskap og dialog om tjenestetilbudet', ['Avdeling Nord'], 'adopted']
];

export const MEASURES: DemoMeasure[] = [
	{
		project: STAT,
		title: 'Tiltak 1: Felles kartlegging av brukerbehov med statsforvalteren',
		owner: 'pia',
		units: [],
		status: 'in_progress'
	},
	{
		project: STAT,
		title: 'Tiltak 2: Samhandlingsarena for stat og kommune',
		owner: 'pia',
		units: [],
		status: 'adopted'
	},
	{
		project: STAT,
		title: 'Tiltak 3: Utprøving av nye arbeidsformer på tvers av forvaltningsnivå',
		owner: 'pia',
		units: [],
		status: 'recommended'
	},
	{
		project: 'Metode for brukermedvirkning',
		title: 'Brukerpanel for familier',
		owner: 'pia',
		units: ['Barnevern', 'PP-tjenesten'],
		status: 'in_progress'
	},
	...boMeasures.map(([title, units, status]): DemoMeasure => ({
		project: BO,
		title,
		owner: 'petter',
		units,
		status
	})),
	// Some of the 15 recommended that the steering group did not adopt (seed 004).
	{
		project: BO,
		title: 'Lavterskel likemannsarbeid etter Stangemodellen',
		owner: 'petter',
		units: [],
		status: 'rejected'
	},
	{
		project: BO,
		title: 'Bruk av helse-, velferds- og mestringsteknologi',
		owner: 'petter',
		units: [],
		status: 'recommended'
	}
];
