/**
 * Internal control's vocabulary (kommuneloven §§ 25-1 and 25-2; ../docs and DOMAIN.md «Internal
 * control in the law»): deviations (avvik), supervisory inspections (tilsyn) and their
 * findings (lovbrudd, merknad), notices, and the steering group's meetings. The database
 * stores the codes; the interface shows the bokmål labels.
 */
import type { OccurrenceStatus } from '../wheel/vocabulary';

export const DEVIATION_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type DeviationSeverity = (typeof DEVIATION_SEVERITIES)[number];
export const DEVIATION_SEVERITY_LABEL: Record<DeviationSeverity, string> = {
	low: 'Lav',
	medium: 'Middels',
	high: 'Høy',
	critical: 'Kritisk'
};

/** Where a deviation was found: in a control (an occurrence), an incident, or a tilsyn. */
export const DEVIATION_SOURCES = ['control', 'incident', 'tilsyn'] as const;
export type DeviationSource = (typeof DEVIATION_SOURCES)[number];
export const DEVIATION_SOURCE_LABEL: Record<DeviationSource, string> = {
	control: 'Kontroll i årshjulet',
	incident: 'Hendelse',
	tilsyn: 'Tilsyn'
};

export const DEVIATION_STATUSES = ['open', 'closed'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];
export const DEVIATION_STATUS_LABEL: Record<DeviationStatus, string> = {
	open: 'Åpent',
	closed: 'Lukket'
};

export const EVIDENCE_KINDS = ['file', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const TILSYN_STATUSES = ['open', 'follow_up', 'closed'] as const;
export type TilsynStatus = (typeof TILSYN_STATUSES)[number];
export const TILSYN_STATUS_LABEL: Record<TilsynStatus, string> = {
	open: 'Pågår',
	follow_up: 'Oppfølging',
	closed: 'Avsluttet'
};

/** lovbrudd: a breach of law or regulation; merknad: a remark, short of a breach. */
export const FINDING_KINDS = ['breach', 'remark'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABEL: Record<FindingKind, string> = {
	breach: 'Lovbrudd',
	remark: 'Merknad'
};

export const FINDING_STATUSES = ['open', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABEL: Record<FindingStatus, string> = {
	open: 'Åpent',
	closed: 'Lukket'
};

export const NOTICE_KINDS = [
	'due_soon',
	'overdue',
	'escalation',
	'deviation_overdue',
	'measurement_due',
	'meeting',
	'plan_request',
	'plan_shifted'
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABEL: Record<NoticeKind, string> = {
	due_soon: 'Frist nærmer seg',
	overdue: 'Forfalt',
	escalation: 'Forfalt i underenhet',
	deviation_overdue: 'Avvik over frist',
	measurement_due: 'Gevinstmåling',
	meeting: 'Styringsgruppemøte',
	plan_request: 'Endring av gevinstplan til godkjenning',
	// Neutral: an unapproved plan has moved, an approved one should move (the title says which).
	plan_shifted: 'Tiltaket er forsinket'
};

/** How often a benefit's value is measured: its measurement dates in the wheel. */
export const MEASUREMENT_FREQUENCIES = [
	'monthly',
	'quarterly',
	'tertial',
	'half_year',
	'yearly'
] as const;
export type MeasurementFrequency = (typeof MEASUREMENT_FREQUENCIES)[number];
export const MEASUREMENT_FREQUENCY_LABEL: Record<MeasurementFrequency, string> = {
	monthly: 'Hver måned',
	quarterly: 'Hvert kvartal',
	tertial: 'Hvert tertial',
	half_year: 'Hvert halvår',
	yearly: 'Hvert år'
};

/** A mark on the control matrix (§ 25-1 c): a risk with no control, a task that keeps finding. */
export type MatrixFlag = 'no_control' | 'repeated_findings';

export const MATRIX_FLAG_LABEL: Record<MatrixFlag, string> = {
	no_control: 'Ingen kontroll',
	repeated_findings: 'Finner avvik gjentatte ganger'
};

/** What a measurement's mark says, in the owner's words. */
export const MEASUREMENT_STATUS_LABEL: Record<OccurrenceStatus, string> = {
	signed: 'Målt',
	signed_late: 'Målt for sent',
	due: 'Skal logges denne måneden',
	overdue: 'Ikke målt, fristen er ute',
	future: 'Fremtidig'
};

/** The annual report's period (kommuneloven § 25-2). 0: the whole year; 1–3: a tertial. */
export type Tertial = 0 | 1 | 2 | 3;
export const TERTIAL_LABEL: Record<Tertial, string> = {
	0: 'Hele året',
	1: '1. tertial (januar–april)',
	2: '2. tertial (mai–august)',
	3: '3. tertial (september–desember)'
};

/**
 * The kommunedirektør's free-text fields in the annual report, in the order the report prints
 * them. The codes are what control_assessment.field stores.
 */
export const ASSESSMENT_FIELDS = ['internal_control', 'improvements', 'tilsyn'] as const;
export type AssessmentField = (typeof ASSESSMENT_FIELDS)[number];
export const ASSESSMENT_FIELD_LABEL: Record<AssessmentField, string> = {
	internal_control: 'Vurdering av internkontrollen',
	improvements: 'Forbedringstiltak',
	tilsyn: 'Vurdering av tilsyn'
};
export const ASSESSMENT_FIELD_HINT: Record<AssessmentField, string> = {
	internal_control:
		'Er internkontrollen systematisk og tilpasset virksomhetens størrelse, egenart og risiko (kommuneloven § 25-1)?',
	improvements: 'Hva skal forbedres i rutinene, og hvem følger det opp?',
	tilsyn: 'Hva viste tilsynene, og hvordan følges lovbrudd og merknader opp?'
};
