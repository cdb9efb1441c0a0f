/**
 * The example portfolio's follow-up (seed 004): the ROS risks, a project risk, monthly status
 * reports and the steering group's lens scores. Seeded by portfolio.ts after the projects
 * and measures of portfolio-data.ts.
 */
import type { LensScores } from '$lib/domain/portfolio/rules';
import type { RagStatus } from '$lib/domain/portfolio/vocabulary';
import { BO, STAT, type DemoOwner, type Stamp } from './portfolio-data';

/** ROS-analyse 24.4.25 for Tiltak 1 (seed 004), on this measure. */
export const ROS_MEASURE = 'Ta i bruk felles modell for vedtaksvurdering og tildeling';
/** When the ROS analysis was held: the 24th, as in the seed, seven months ago. */
export const ROS_DATE: Stamp = [-7, 24];
/** The portal risk was raised after the last meeting. */
export const PORTAL_RISK_DATE: Stamp = [-1, 12];
/** When the steering group scored the projects on the five lenses. */
export const SCORES_DATE: Stamp = [-6, 20];

export const ROS_RISKS: [
	string,
	string,
	1 | 2 | 3 | 4 | 5,
	1 | 2 | 3 | 4 | 5,
	'service_quality' | 'hse' | 'delivery' | 'user_rights',
	string
][] = [
	[
		'Forankring av tjenestebeskrivelsene og vedtak',
		'Lite kjennskap og bruk i praksis. Manglende aktiv bruk svekker individuelle vurderinger og øker tilfeldigheten i tjenesteleveransen.',
		4,
		4,
		'service_quality',
		'Systematisk opplæring for ledere og ansatte; den røde tråden fra tjenestebeskrivelser til daglig journalføring.'
	],
	[
		'Tid og prioritering',
		'Ikke avsatt tid til opplæring og implementering; ansatte får økt arbeidsbelastning og usikkerhet.',
		4,
		3,
		'hse',
		'Prioritere tid til opplæring; kartlegge opplæringsbehov knyttet til fagsystemer som Helseplattformen.'
	],
	[
		'Lederforankring',
		'Ujevn oppfølging og støtte fra ledere.',
		3,
		4,
		'delivery',
		'Ledere sikrer tid til refleksjon og forankring for å fremme eierskap til nye arbeidsmetoder.'
	],
	[
		'Roller og ansvar',
		'Uklare forventninger og ansvarslinjer fører til misforståelser og ineffektiv ressursbruk.',
		3,
		3,
		'user_rights',
		'Beskrive ansvar og roller for ansatte.'
	]
];

export const PORTAL_RISK = {
	project: 'Felles søknadsportal',
	title: 'Ulike fagsystemer i stat og kommune',
	description: 'Søknadene går til fagsystemer som ikke deler data.',
	likelihood: 4,
	consequence: 3,
	area: 'delivery',
	mitigation: 'Starte med én søknadstype og et felles datasett.',
	status: 'mitigating'
} as const;

/**
 * Monthly status reports over the past year: [project or measure title, subject, month (offset
 * from the month the demo is loaded in), RAG, narrative, author]. Each is written early in the
 * month after the one it reports on.
 */
export const REPORTS: [string, 'project' | 'measure', number, RagStatus, string, DemoOwner][] = [
	[
		BO,
		'project',
		-11,
		'green',
		'Styringsgruppen vedtok 6 av 15 anbefalte tiltak for testing.',
		'petter'
	],
	[BO, 'project', -8, 'green', 'Tiltak 1, 2 og 5 er startet i alle tre avdelinger.', 'petter'],
	[
		BO,
		'project',
		-5,
		'amber',
		'Opplæringen i tjenestebeskrivelsene er forsinket i Avdeling Sør.',
		'petter'
	],
	[
		BO,
		'project',
		-2,
		'amber',
		'Tiltak 1 er i gang i alle avdelinger; opplæringen ligger etter plan.',
		'petter'
	],
	[BO, 'project', -1, 'green', 'Opplæringsprogrammet er gjennomført i Nord og Sør.', 'petter'],
	[STAT, 'project', -7, 'green', 'Statsforvalteren har sagt ja til felles kartlegging.', 'pia'],
	[STAT, 'project', -4, 'amber', 'Samhandlingsarenaen startet senere enn planlagt.', 'pia'],
	[STAT, 'project', -1, 'green', 'Felles kartlegging med statsforvalteren er gjennomført.', 'pia'],
	[
		'Metode for brukermedvirkning',
		'project',
		-8,
		'green',
		'Metoden er beskrevet og prøves i to tjenester.',
		'pia'
	],
	[
		'Metode for brukermedvirkning',
		'project',
		-4,
		'amber',
		'Færre familier enn ventet har meldt seg til brukerpanelet.',
		'pia'
	],
	[
		'Metode for brukermedvirkning',
		'project',
		-1,
		'red',
		'Brukerpanelet mangler deltakere fra målgruppen; rekruttering pågår.',
		'pia'
	],
	[
		'Felles søknadsportal',
		'project',
		-1,
		'green',
		'Vedtatt; første søknadstype og felles datasett er valgt.',
		'pia'
	],
	[
		ROS_MEASURE,
		'measure',
		-3,
		'amber',
		'ROS-tiltakene er i gang; opplæringen er ikke ferdig.',
		'petter'
	],
	[
		ROS_MEASURE,
		'measure',
		-1,
		'amber',
		'Tjenestebeskrivelsene brukes, men ikke likt i alle avdelinger.',
		'petter'
	]
];

export const SCORES: [string, LensScores][] = [
	[
		'Felles søknadsportal',
		{
			user: { score: 5, justification: 'Familien slipper å fylle ut det samme mange ganger.' },
			service: {
				score: 4,
				justification: 'Færre henvendelser om status og manglende dokumentasjon.'
			},
			system: { score: 4, justification: 'Krever samarbeid på tvers av forvaltningsnivå.' },
			benefit: { score: 4, justification: 'Stort volum: 19 000 søknader om pleiepenger i året.' },
			portfolio: { score: 3, justification: 'Bygger på arbeid i spor 1B og 5.' }
		}
	],
	[
		'Utforske statsforvalterens rolle',
		{
			user: { score: 2, justification: 'Indirekte nytte for familiene.' },
			service: { score: 3, justification: 'Bedre tilpassede tilskudd til kommunen.' },
			system: { score: 5, justification: 'Adresserer hovedbarrieren i spor 5.' },
			benefit: { score: 3, justification: 'Usikkert gevinstpotensial, men lav kostnad.' },
			portfolio: { score: 5, justification: 'Eneste prosjekt på systemnivå med staten.' }
		}
	],
	[
		'Metode for brukermedvirkning',
		{
			user: { score: 5, justification: 'Direkte involvering av familiene.' },
			service: { score: 3, justification: 'Endrer arbeidsform i tjenestene.' },
			benefit: { score: 2, justification: 'Gevinsten er vanskelig å prissette.' }
		}
	]
];
