/**
 * The example portfolio's follow-up (seed 004): the ROS risks, a project risk, monthly status
 * reports and the steering group's lens scores. Seeded by portfolio.ts after the projects
 * and measures of portfolio-data.ts.
 */
import type { LensScores } from '$lib/domain/portfolio';
import type { RagStatus } from '$lib/domain/portfolio/vocabulary';
import { BO, STAT, type DemoOwner } from './portfolio-data';

/** ROS-analyse 24.4.25 for Tiltak 1 (seed 004), on this measure. */
export const ROS_MEASURE = 'Ta i bruk felles modell for vedtaksvurdering og tildeling';

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

/** Monthly status reports: [project or measure title, subject, period, RAG, narrative, author]. */
export const REPORTS: [string, 'project' | 'measure', string, RagStatus, string, DemoOwner][] = [
	[
		BO,
		'project',
		'2026-10',
		'amber',
		'Tiltak 1 er i gang i alle avdelinger; opplæringen ligger etter plan.',
		'petter'
	],
	[
		BO,
		'project',
		'2026-11',
		'green',
		'Opplæringsprogrammet er gjennomført i Nord og Sør.',
		'petter'
	],
	[
		STAT,
		'project',
		'2026-11',
		'green',
		'Felles kartlegging med statsforvalteren er gjennomført.',
		'pia'
	],
	[
		'Metode for brukermedvirkning',
		'project',
		'2026-11',
		'red',
		'Brukerpanelet mangler deltakere fra målgruppen; rekruttering pågår.',
		'pia'
	],
	[
		ROS_MEASURE,
		'measure',
		'2026-11',
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
