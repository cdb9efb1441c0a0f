/**
 * The portfolio's vocabulary: levels, lifecycle statuses, report colours (RAG) and the five
 * prioritisation lenses, as codes in English with their bokmål labels, so the UI never shows a
 * code. The database and the addresses store these codes as they are.
 */

// ---------------------------------------------------------------------------------------------
// Levels (seed 001 «Begrepshierarki»: one or more effect goals per level)

export const LEVELS = ['user', 'service', 'system'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABEL: Record<Level, string> = {
	user: 'Brukernivå',
	service: 'Tjenestenivå',
	system: 'Systemnivå'
};

// ---------------------------------------------------------------------------------------------
// Lifecycle (seed 004 «86 forslag → 15 anbefalt → 6 vedtatt»)

export const LIFECYCLE_STATUSES = [
	'proposed',
	'recommended',
	'adopted',
	'in_progress',
	'completed',
	'rejected'
] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export const LIFECYCLE_LABEL: Record<LifecycleStatus, string> = {
	proposed: 'Forslag',
	recommended: 'Anbefalt',
	adopted: 'Vedtatt',
	in_progress: 'Pågår',
	completed: 'Avsluttet',
	rejected: 'Forkastet'
};

/** How far along the funnel a status is; `rejected` is off the funnel (it never reaches anything). */
export const FUNNEL_RANK: Record<LifecycleStatus, number> = {
	proposed: 1,
	recommended: 2,
	adopted: 3,
	in_progress: 4,
	completed: 5,
	rejected: 0
};

// ---------------------------------------------------------------------------------------------
// RAG status for periodic reports

export const RAG_STATUSES = ['green', 'amber', 'red'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export const RAG_LABEL: Record<RagStatus, string> = {
	green: 'Grønn',
	amber: 'Gul',
	red: 'Rød'
};

// ---------------------------------------------------------------------------------------------
// Prioritisation lenses (seed 001 «Kriterier for prioritering», questions 1–5; spelling
// normalised and «for ASB arbeidet» dropped so the questions fit any mission)

export const LENSES = ['user', 'service', 'system', 'benefit', 'portfolio'] as const;
export type Lens = (typeof LENSES)[number];

export const LENS_INFO: Record<Lens, { label: string; question: string }> = {
	user: {
		label: 'Brukerperspektiv',
		question:
			'Hvor nyttig/verdiskapende er sporet/prosjektet fra innbygger/brukerperspektivet? Hvilken effekt vil det ha og hvor?'
	},
	service: {
		label: 'Tjenesteperspektiv',
		question:
			'Hvor nyttig/verdiskapende er sporet/prosjektet fra et tjenesteperspektiv? Hvilken effekt vil det ha og hvor?'
	},
	system: {
		label: 'Systemperspektiv',
		question: 'Hvor nyttig/verdiskapende er sporet/prosjektet fra et overordnet systemnivå?'
	},
	benefit: {
		label: 'Gevinstperspektiv',
		question:
			'Hva er kost/nytte-balansen, og hvor ser vi størst økonomisk eller samfunnsmessig gevinstpotensial?'
	},
	portfolio: {
		label: 'Porteføljeperspektiv',
		question:
			'Hva er viktig i et porteføljeperspektiv? Balansert portefølje av prosjekter, som til sammen skaper endring og bidrar til momentum.'
	}
};

// ---------------------------------------------------------------------------------------------
// Risk (ROS): scales, severity, consequence areas and status (seed 004, «ROS-analyse»)

export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof SCALE)[number];

export const LIKELIHOOD_LABEL: Record<ScaleValue, string> = {
	1: 'Svært lite sannsynlig',
	2: 'Lite sannsynlig',
	3: 'Moderat sannsynlig',
	4: 'Sannsynlig',
	5: 'Svært sannsynlig'
};

export const CONSEQUENCE_LABEL: Record<ScaleValue, string> = {
	1: 'Ubetydelig',
	2: 'Mindre alvorlig',
	3: 'Alvorlig',
	4: 'Svært alvorlig',
	5: 'Kritisk'
};

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABEL: Record<Severity, string> = {
	low: 'Lav',
	medium: 'Middels',
	high: 'Høy'
};

/**
 * Consequence areas. Seed 004 lists the consequences it found: «Svekket faglig forsvarlighet»
 * (service quality), «brukere opplever … brudd på rettigheter» (users' rights), «ansatte får
 * økt arbeidsbelastning» (working environment, HMS), «organisatoriske og økonomiske følger»
 * (finance). Reputation, privacy and delivery (the change itself failing) complete the usual
 * set for a change project.
 */
export const CONSEQUENCE_AREAS = [
	'service_quality',
	'user_rights',
	'finance',
	'reputation',
	'privacy',
	'hse',
	'delivery'
] as const;
export type ConsequenceArea = (typeof CONSEQUENCE_AREAS)[number];

export const CONSEQUENCE_AREA_LABEL: Record<ConsequenceArea, string> = {
	service_quality: 'Tjenestekvalitet',
	user_rights: 'Brukernes rettigheter',
	finance: 'Økonomi',
	reputation: 'Omdømme',
	privacy: 'Personvern',
	hse: 'HMS og arbeidsmiljø',
	delivery: 'Gjennomføring'
};

export const RISK_STATUSES = ['open', 'mitigating', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const RISK_STATUS_LABEL: Record<RiskStatus, string> = {
	open: 'Åpen',
	mitigating: 'Håndteres',
	closed: 'Lukket'
};

/** The orders of the portfolio's risk list (/portefolje/risiko). */
export const RISK_SORTS = ['score', 'title', 'newest'] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

export const RISK_SORT_LABEL: Record<RiskSort, string> = {
	score: 'Høyeste risikoverdi først',
	title: 'Tittel',
	newest: 'Sist registrert først'
};
