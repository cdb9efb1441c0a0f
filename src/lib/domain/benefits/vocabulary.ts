/**
 * The benefit area's vocabulary: levels, kinds, units, who gains, quality dimensions, how a
 * gain is taken out, assessments and the kinds of node on a map, with their bokmål labels.
 *
 * One code language with the portfolio (docs/architecture.md, «Vocabulary»): a level is a
 * portfolio `Level` (user/service/system) and a red/amber/green assessment a `RagStatus`. Benefit
 * rows, forms and addresses (`?niva=bruker`) have stored the Norwegian spellings since the first
 * migration, so those stay as they are and are converted here, at the edge, and nowhere else.
 */
import { LEVEL_LABEL, RAG_LABEL, type Level, type RagStatus } from '../portfolio/vocabulary';

// ── Levels (seed 001 chapter 6: a map is drawn per level) ───────────────────────────────────

/** A benefit's level as benefit rows, forms and addresses store it. */
export const BENEFIT_LEVELS = ['bruker', 'tjeneste', 'system'] as const;
export type BenefitLevel = (typeof BENEFIT_LEVELS)[number];

/** The portfolio level a stored benefit level is. */
export const LEVEL_OF_BENEFIT: Record<BenefitLevel, Level> = {
	bruker: 'user',
	tjeneste: 'service',
	system: 'system'
};

/** The stored benefit level of a portfolio level. */
export const BENEFIT_LEVEL_OF: Record<Level, BenefitLevel> = {
	user: 'bruker',
	service: 'tjeneste',
	system: 'system'
};

/** The portfolio's level labels, keyed by the stored benefit level. */
export const BENEFIT_LEVEL_LABEL: Record<BenefitLevel, string> = {
	bruker: LEVEL_LABEL[LEVEL_OF_BENEFIT.bruker],
	tjeneste: LEVEL_LABEL[LEVEL_OF_BENEFIT.tjeneste],
	system: LEVEL_LABEL[LEVEL_OF_BENEFIT.system]
};

export function isBenefitLevel(value: string | null): value is BenefitLevel {
	return value === 'bruker' || value === 'tjeneste' || value === 'system';
}

// ── What a benefit is and how it is measured ────────────────────────────────────────────────

export const BENEFIT_KINDS = ['kvantitativ', 'kvalitativ'] as const;

/** Units a quantitative benefit is measured in. */
export const BENEFIT_UNITS = ['kr', 'timer', 'antall', 'prosent'] as const;
export type BenefitUnit = (typeof BENEFIT_UNITS)[number];

/** A unit's name, in forms and tables. */
export const UNIT_LABEL: Record<BenefitUnit, string> = {
	kr: 'Kroner',
	timer: 'Timer',
	antall: 'Antall',
	prosent: 'Prosent'
};

/** A unit as written after a number, in charts. */
export const UNIT_SYMBOL: Record<BenefitUnit, string> = {
	kr: 'kr',
	timer: 'timer',
	antall: 'antall',
	prosent: '%'
};

/** Seed 001, page TJENESTE: the sectors that gain, plus «annet» for free text. */
export const BENEFICIARIES = [
	'helse',
	'utdanning',
	'kommunalt',
	'familie',
	'stat',
	'annet'
] as const;

export const BENEFICIARY_LABEL: Record<(typeof BENEFICIARIES)[number], string> = {
	helse: 'Helse',
	utdanning: 'Utdanning',
	kommunalt: 'Kommunalt',
	familie: 'Familie',
	stat: 'Stat',
	annet: 'Annet (skriv selv)'
};

/** Seed 002/003: the quality dimensions of good services, plus competent staff. */
export const QUALITY_DIMENSIONS = [
	'virkningsfulle',
	'trygge_og_sikre',
	'involverer_brukerne',
	'samordnet',
	'utnytter_ressursene',
	'tilgjengelige',
	'kompetente_medarbeidere'
] as const;

export const QUALITY_DIMENSION_LABEL: Record<(typeof QUALITY_DIMENSIONS)[number], string> = {
	virkningsfulle: 'Virkningsfulle',
	trygge_og_sikre: 'Trygge og sikre',
	involverer_brukerne: 'Involverer brukerne og gir dem innflytelse',
	samordnet: 'Samordnet og preget av kontinuitet',
	utnytter_ressursene: 'Utnytter ressursene godt',
	tilgjengelige: 'Tilgjengelige og rettferdig fordelt',
	kompetente_medarbeidere: 'Kompetente og myndiggjorte medarbeidere'
};

export const TAKEOUT_METHODS = ['budsjettkutt', 'frigjort_tid', 'kvalitet'] as const;

export const TAKEOUT_LABEL: Record<(typeof TAKEOUT_METHODS)[number], string> = {
	budsjettkutt: 'Budsjettkutt',
	frigjort_tid: 'Frigjort tid til annet arbeid',
	kvalitet: 'Bedre kvalitet'
};

/** Where a benefit stands against its plan, in the overview's table. */
/** `at_risk`: on plan now, the forecast short at the target month (health.ts, `isAtRisk`). */
export type PlanStatus = 'behind' | 'at_risk' | 'on_plan' | 'none';

export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = {
	behind: 'Bak plan',
	at_risk: 'I faresonen',
	on_plan: 'I rute',
	none: 'Ingen status'
};

// ── Assessments of qualitative benefits: 1–5, or red/amber/green ────────────────────────────

/** As realisation rows and forms store them; `rod`/`gul`/`gronn` are the RAG colours. */
export const ASSESSMENTS = ['1', '2', '3', '4', '5', 'rod', 'gul', 'gronn'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** The portfolio's RAG status a stored red/amber/green assessment is. */
export const RAG_OF_ASSESSMENT: Record<'rod' | 'gul' | 'gronn', RagStatus> = {
	rod: 'red',
	gul: 'amber',
	gronn: 'green'
};

export const ASSESSMENT_LABEL: Record<Assessment, string> = {
	'1': '1 – svært svak',
	'2': '2 – svak',
	'3': '3 – middels',
	'4': '4 – god',
	'5': '5 – svært god',
	rod: RAG_LABEL[RAG_OF_ASSESSMENT.rod],
	gul: RAG_LABEL[RAG_OF_ASSESSMENT.gul],
	gronn: RAG_LABEL[RAG_OF_ASSESSMENT.gronn]
};

// ── The map's nodes (seed 001 chapter 6: Tiltak → endring → gevinst → effektmål) ────────────

export type NodeKind = 'measure' | 'change' | 'benefit' | 'goal';

/** Left-to-right order of the columns. */
export const NODE_KINDS: readonly NodeKind[] = ['measure', 'change', 'benefit', 'goal'];

export const NODE_KIND_LABEL: Record<NodeKind, string> = {
	measure: 'Tiltak',
	change: 'Endring',
	benefit: 'Gevinst',
	goal: 'Effektmål'
};

// ── Benefit governance (DOMAIN.md «Benefit governance») ──────────────────────────────────────

/** Whether a higher or a lower value is better (fewer calls is better, more hours freed is). */
export const BENEFIT_DIRECTIONS = ['higher', 'lower'] as const;
export type BenefitDirection = (typeof BENEFIT_DIRECTIONS)[number];
export const BENEFIT_DIRECTION_LABEL: Record<BenefitDirection, string> = {
	higher: 'Høyere er bedre',
	lower: 'Lavere er bedre'
};

/**
 * A version of baseline, target and plan: requested (a change waiting for a decision),
 * approved (in force until a later one is approved), rejected, or replaced by a later approval.
 */
export const PLAN_VERSION_STATUSES = ['requested', 'approved', 'rejected', 'replaced'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];
export const PLAN_VERSION_STATUS_LABEL: Record<PlanVersionStatus, string> = {
	requested: 'Til godkjenning',
	approved: 'Godkjent',
	rejected: 'Avvist',
	replaced: 'Erstattet'
};

/** attest: the owner confirms the measured value; validate: e.g. økonomi confirms kroner. */
export const CONFIRMATION_KINDS = ['attest', 'validate'] as const;
export type ConfirmationKind = (typeof CONFIRMATION_KINDS)[number];
export const CONFIRMATION_KIND_LABEL: Record<ConfirmationKind, string> = {
	attest: 'Attestert av gevinsteier',
	validate: 'Validert'
};

/** On track / at risk / behind, from realised and forecast against plan and tolerance. */
export const BENEFIT_HEALTH = ['on_track', 'at_risk', 'behind'] as const;
export type BenefitHealth = (typeof BENEFIT_HEALTH)[number];
export const BENEFIT_HEALTH_LABEL: Record<BenefitHealth, string> = {
	on_track: 'I rute',
	at_risk: 'I faresonen',
	behind: 'Bak plan'
};

/** «Ulempe» beside a dis-benefit's name in lists, maps and the register; never colour alone. */
export const DISBENEFIT_LABEL = 'Ulempe';
