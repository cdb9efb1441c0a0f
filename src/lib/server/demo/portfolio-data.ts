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
	/** Seed 001, each track's «Foreløpig vurdering av effektpotensiale», per level. */
	expectedEffectUser: string;
	expectedEffectService: string;
	expectedEffectSystem: string;
	prioritised: boolean;
}[] = [
	{
		code: '1A',
		title: 'Brukermedvirkning',
		problemStatement: 'Manglende brukermedvirkning og individuelt tilpasset tjenesteutforming.',
		barriers:
			'Brukerne involveres for sent og for lite i utformingen av tjenestene.\nTjenestene tilpasses organisasjonen mer enn familiens behov.',
		expectedEffectUser:
			'Tiltak som faktisk fungerer, økt tilfredshet, opplevelse av å bli møtt med likeverd og respekt, frigjort tid til kvalitetstid med familien, mindre frustrasjon, kunne stå mer i arbeid og en enklere hverdag.',
		expectedEffectService:
			'Ansatte blir tryggere på brukerinvolvering, bedre samarbeid med brukere, færre klagesaker, økt jobbmestring, økt grad av tiltak som virker, frigjort tid til å tilby behandling/hjelp til andre, økt læring om hva som virker og kompetansedeling.',
		expectedEffectSystem:
			'Mer treffsikre nasjonale tiltak, spart tid og ressurser på tiltak som virker, mer samhandling på tvers om brukerbehov og mulighet for å omdisponere midler til andre områder som følge av oppnådd gevinst.',
		prioritised: true
	},
	{
		code: '1B',
		title: 'Samhandling',
		problemStatement: 'Manglende samhandling mellom tjenestene og manglende helhet.',
		barriers:
			'Informasjon er spredt over ulike kanaler og sektorer.\nKasteballproblematikk: familien må selv koordinere tjenestene.',
		expectedEffectUser:
			'Økt tilfredshet, raskere hjelp og mindre tidsbruk på koordinering. Unngår å måtte oppgi informasjon til alle som er involvert hver gang.',
		expectedEffectService:
			'Mer treffsikker hjelp, færre klagesaker fordi brukere raskere kommer til riktig hjelp, bedre kjennskap til tjenester og personer på tvers som gjør samhandling lettere. Kultur for å samarbeide både innad i egen virksomhet og på tvers.',
		expectedEffectSystem:
			'Bedre samhandling på statlig nivå gjør det lettere for samhandling nedover og på kommunalt nivå.',
		prioritised: true
	},
	{
		code: '2',
		title: 'Ledelse og organisering',
		problemStatement:
			'Ledelse, organisering, insentiver og kompetanseutvikling tilrettelegger ikke tilstrekkelig.',
		barriers: 'Insentivene belønner sektorvis måloppnåelse, ikke helhetlige tjenester.',
		expectedEffectUser:
			'Brukertilfredshet og bedre brukermedvirkning. Foreldre kan stå i jobb, likestilling for den det gjelder, bedre mulighet til å ta hånd om søsken og mer tid til fritid og det sosiale.',
		expectedEffectService:
			'Bedre kvalitet og ressursutnyttelse. Medarbeidere som er tilfredse – hjelper folk bedre. Målstyring som gir rett fokus og dytter atferd, kultur og ledelse i riktig retning.',
		expectedEffectSystem:
			'Mindre klagesaker og bedre styring. Økt samhandling og effektivitet. Sektorene leverer bedre på samfunnsoppdraget; mer tillit til forvaltningen og bedre omdømme.',
		prioritised: false
	},
	{
		code: '3',
		title: 'Økonomi',
		problemStatement: 'Det økonomiske handlingsrommet er for lite fleksibelt.',
		barriers: 'Stramme rammer gjør at forebyggende arbeid prioriteres bort.',
		expectedEffectUser:
			'Brukertilfredshet og bedre brukermotivasjon. Foreldre kan stå i jobb, likestilling for den det gjelder, bedre mulighet til å ta hånd om søsken og mer tid til fritid og det sosiale.',
		expectedEffectService:
			'Bedre kvalitet og ressursutnyttelse. Større handlingsrom og rammer for å gi mer tilpasset og riktig tiltak til sluttbrukerne. Lettere å jobbe sammen på tvers (felles prioriteringer og retning).',
		expectedEffectSystem:
			'Spart tid for alle nivåer. Høyere skatteinntekter når foreldre kan jobbe. Riktig tiltak til rett tid sparer tjenestene og offentlig sektor for penger for tiltak som ikke fungerer.',
		prioritised: false
	},
	{
		code: '4',
		title: 'Universelle arenaer',
		problemStatement: 'Universelle arenaer som barnehage og skole fungerer ikke optimalt for alle.',
		barriers:
			'Barnehage og skole mangler kapasitet og kompetanse til å fange opp sammensatte behov.',
		expectedEffectUser:
			'Barna: bedre trivsel og mestring, en individuelt tilpasset hverdag på skolen. Foreldrene: klarer å stå i jobb, får tettere oppfølging og trygghet.',
		expectedEffectService:
			'Bedre muligheter for å følge opp alle barna. Handlingsrom til å gjøre tilpasninger som barna kan trenge. Rammer og mandat til å tenke på hele barnet, ikke bare opplæringsmål.',
		expectedEffectSystem:
			'Utdanningssektoren og helsesektoren henger bedre sammen og kan understøtte hverandre. Støtte, tiltak og hjelp er til stede på de universelle arenaene – der barna er og ønsker å være.',
		prioritised: false
	},
	{
		code: '5',
		title: 'Sentralforvaltningen',
		problemStatement:
			'Sentralforvaltningen skaper utfordringer som forplanter seg nedover i systemet: mandat, sektorinndeling, samordning av virkemidler, svak tilbakemeldingsløyfe fra borger og tjenester, lite samhandling på toppnivå, ingen som har ansvar for mellomrommene.',
		barriers:
			'Sektorinndeling og virkemidler som ikke er samordnet.\nIngen har ansvar for mellomrommene.',
		expectedEffectUser:
			'Vil henge sammen med at man jobber begge steder (nedenfra og opp og ovenfra og ned).',
		expectedEffectService:
			'Brukermedvirkning i tildelingsbrevene gir et viktig insentiv for å endre fokus, prioriteringer, ledelse og adferd.',
		expectedEffectSystem:
			'Potensielt store økonomiske effekter av å jobbe mer strukturert, tverrgående og med felles målstyring med prosjekter.',
		prioritised: true
	}
];

/**
 * When something happened, in months from the month the demo is loaded in (calendar.ts) and a
 * day of that month: [−3, 14] is the 14th three months ago.
 */
export type Stamp = [monthOffset: number, day: number];

/**
 * Dates of a row's history: when it was proposed (created), then one date per step along
 * anbefalt → vedtatt → pågår → avsluttet up to its status; for a rejected row, when it was
 * recommended and when it was rejected.
 */
export type DemoHistory = Stamp[];

export type DemoProject = {
	title: string;
	codes: string[];
	owner: DemoOwner;
	levels: Level[];
	status: LifecycleStatus;
	history: DemoHistory;
	extra?: {
		description?: string;
		start?: [monthOffset: number, day: number | 'last'];
		end?: [monthOffset: number, day: number | 'last'];
	};
};

export const PROJECTS: DemoProject[] = [
	{
		title: 'Metode for brukermedvirkning',
		codes: ['1A'],
		owner: 'pia',
		levels: ['user', 'service'],
		status: 'in_progress',
		history: [
			[-12, 3],
			[-11, 10],
			[-11, 24],
			[-10, 15]
		],
		extra: {
			description:
				'Felles metode for å involvere barn, unge og familier i utformingen av tjenestene.',
			start: [-10, 15],
			end: [7, 'last']
		}
	},
	{
		title: 'Felles søknadsportal',
		codes: ['1B', '5'],
		owner: 'pia',
		levels: ['user', 'system'],
		status: 'adopted',
		history: [
			[-9, 4],
			[-6, 12],
			[-3, 20]
		],
		extra: {
			description:
				'Én inngang for søknader om hjelpestønad, pleiepenger og kommunale tjenester, så familien slipper å fylle ut det samme mange ganger.',
			start: [-2, 1],
			end: [13, 'last']
		}
	},
	{
		title: 'Utforske statsforvalterens rolle',
		codes: ['5'],
		owner: 'pia',
		levels: ['system'],
		status: 'in_progress',
		history: [
			[-11, 8],
			[-10, 14],
			[-9, 18],
			[-8, 1]
		],
		extra: {
			description:
				'Hvordan statsforvalteren kan samordne statlige virkemidler og tilskudd bedre tilpasset kommunens behov.',
			start: [-8, 1],
			end: [4, 'last']
		}
	},
	{
		title: 'Tidlig innsatsteam',
		codes: ['1B', '2'],
		owner: 'petter',
		levels: ['service'],
		status: 'proposed',
		// Proposed since the last meeting.
		history: [[-1, 6]],
		extra: { description: 'En funksjon i kommunen som sikrer tidlig innsats mens familien venter.' }
	},
	{
		title: BO,
		codes: ['2'],
		owner: 'petter',
		levels: ['service', 'system'],
		status: 'in_progress',
		history: [
			[-24, 10],
			[-24, 20],
			[-24, 28],
			[-23, 1]
		],
		extra: {
			description:
				'Molde og Kristiansund: 86 forslag til tiltak fra arbeidsgruppene, 15 anbefalt av prosjektgruppen, 6 vedtatt av styringsgruppen for testing og implementering (erfaringskonferansen «Omstilling i bo og habilitering»).',
			start: [-23, 1],
			end: [1, 'last']
		}
	}
];

export type DemoMeasure = {
	project: string;
	title: string;
	owner: DemoOwner;
	units: string[];
	status: LifecycleStatus;
	history: DemoHistory;
};

export const STAT = 'Utforske statsforvalterens rolle';

/** The measures outside seed 004's funnel; that project's 86 are in funnel-data.ts. */
export const MEASURES: DemoMeasure[] = [
	{
		project: STAT,
		title: 'Tiltak 1: Felles kartlegging av brukerbehov med statsforvalteren',
		owner: 'pia',
		units: [],
		status: 'in_progress',
		history: [
			[-9, 20],
			[-9, 25],
			[-8, 5],
			[-7, 1]
		]
	},
	{
		project: STAT,
		title: 'Tiltak 2: Samhandlingsarena for stat og kommune',
		owner: 'pia',
		units: [],
		status: 'adopted',
		history: [
			[-9, 20],
			[-7, 10],
			[-5, 14]
		]
	},
	{
		project: STAT,
		title: 'Tiltak 3: Utprøving av nye arbeidsformer på tvers av forvaltningsnivå',
		owner: 'pia',
		units: [],
		status: 'recommended',
		history: [
			[-6, 2],
			[-2, 9]
		]
	},
	{
		project: 'Metode for brukermedvirkning',
		title: 'Brukerpanel for familier',
		owner: 'pia',
		units: ['Barnevern', 'PP-tjenesten'],
		status: 'in_progress',
		history: [
			[-10, 20],
			[-10, 28],
			[-9, 10],
			[-8, 15]
		]
	}
];
