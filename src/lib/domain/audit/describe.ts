/**
 * A change-log row in words: what it is about, what was done, and field by field what it was
 * before and after, with values as the pages show them — days and months in Norwegian, moments
 * in Oslo time, kroner, «ja»/«nei», codes by their labels, and people and units by name (the
 * caller resolves ids). Pure: the names come in through `AuditNames`.
 */
import { formatDateTime, formatDay, formatKroner } from '$lib/format';
import { ROLE_LABEL } from '$lib/domain/org/vocabulary';
import {
	CONSEQUENCE_AREA_LABEL,
	LENS_INFO,
	LEVEL_LABEL,
	LIFECYCLE_LABEL,
	RAG_LABEL,
	RISK_STATUS_LABEL,
	SEVERITY_LABEL
} from '$lib/domain/portfolio/vocabulary';
import {
	ASSESSMENT_LABEL,
	BENEFICIARY_LABEL,
	BENEFIT_LEVEL_LABEL,
	BENEFIT_DIRECTION_LABEL,
	NODE_KIND_LABEL,
	QUALITY_DIMENSION_LABEL,
	TAKEOUT_LABEL,
	UNIT_LABEL
} from '$lib/domain/benefits/vocabulary';
import { SCHEDULE_KIND_LABEL } from '$lib/domain/wheel/vocabulary';
import {
	ASSESSMENT_FIELD_LABEL,
	DEVIATION_SEVERITY_LABEL,
	DEVIATION_SOURCE_LABEL,
	DEVIATION_STATUS_LABEL,
	FINDING_KIND_LABEL,
	FINDING_STATUS_LABEL,
	MEASUREMENT_FREQUENCY_LABEL,
	NOTICE_KIND_LABEL,
	TERTIAL_LABEL,
	TILSYN_STATUS_LABEL
} from '$lib/domain/control/vocabulary';
import { REPORT_KIND_LABEL, REPORT_STATUS_LABEL } from '$lib/domain/reports/vocabulary';
import {
	AUDIT_ACTION_LABEL,
	AUDIT_ENTITY_LABEL,
	AUDIT_FIELD_LABEL,
	HIDDEN_FIELDS,
	KRONER_FIELDS,
	MOMENT_FIELDS,
	PERSON_FIELDS,
	UNIT_FIELDS
} from './vocabulary';

type Labels = Readonly<Record<string, string>>;

export const entityLabel = (code: string) => AUDIT_ENTITY_LABEL[code] ?? code;
export const actionLabel = (code: string) => AUDIT_ACTION_LABEL[code] ?? code;
export const fieldLabel = (code: string) => AUDIT_FIELD_LABEL[code] ?? code;

const LENS_LABEL: Labels = Object.fromEntries(
	Object.entries(LENS_INFO).map(([k, v]) => [k, v.label])
);

/** A code field's labels: per entity first, then for the field whatever the entity. */
const BY_ENTITY: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
	status: {
		track: LIFECYCLE_LABEL,
		project: LIFECYCLE_LABEL,
		measure: LIFECYCLE_LABEL,
		risk: RISK_STATUS_LABEL,
		deviation: DEVIATION_STATUS_LABEL,
		tilsyn: TILSYN_STATUS_LABEL,
		tilsyn_finding: FINDING_STATUS_LABEL,
		report: REPORT_STATUS_LABEL,
		status_report: RAG_LABEL
	},
	kind: {
		report: REPORT_KIND_LABEL,
		tilsyn_finding: FINDING_KIND_LABEL,
		notice: NOTICE_KIND_LABEL,
		signature_evidence: { file: 'Fil', link: 'Lenke' }
	},
	level: { benefit: BENEFIT_LEVEL_LABEL },
	severity: { deviation: DEVIATION_SEVERITY_LABEL }
};
const BY_FIELD: Readonly<Record<string, Labels>> = {
	role: ROLE_LABEL,
	rag: RAG_LABEL,
	fromStatus: LIFECYCLE_LABEL,
	toStatus: LIFECYCLE_LABEL,
	level: LEVEL_LABEL,
	severity: SEVERITY_LABEL,
	source: DEVIATION_SOURCE_LABEL,
	unit: UNIT_LABEL,
	scheduleKind: SCHEDULE_KIND_LABEL,
	measurementFrequency: MEASUREMENT_FREQUENCY_LABEL,
	area: CONSEQUENCE_AREA_LABEL,
	beneficiary: BENEFICIARY_LABEL,
	takeout: TAKEOUT_LABEL,
	assessment: ASSESSMENT_LABEL,
	field: ASSESSMENT_FIELD_LABEL,
	fromKind: NODE_KIND_LABEL,
	toKind: NODE_KIND_LABEL,
	lens: LENS_LABEL,
	direction: BENEFIT_DIRECTION_LABEL,
	qualityDimensions: QUALITY_DIMENSION_LABEL,
	tertial: TERTIAL_LABEL as Labels
};

export interface AuditNames {
	person(id: number): string | undefined;
	unit(id: number): string | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const monthFormat = new Intl.DateTimeFormat('nb-NO', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** One value in words; `–` for nothing. */
export function formatAuditValue(
	entity: string,
	field: string,
	value: unknown,
	names: AuditNames
): string {
	if (value === null || value === undefined || value === '') return '–';
	if (typeof value === 'boolean') return value ? 'ja' : 'nei';
	if (Array.isArray(value)) {
		return value.length
			? value.map((v) => formatAuditValue(entity, field, v, names)).join(', ')
			: '–';
	}
	if (typeof value === 'object') {
		// A nested value (a role with its unit, a schedule): its fields in words, on one line.
		return Object.entries(value as Record<string, unknown>)
			.filter(([k]) => !HIDDEN_FIELDS.has(k))
			.map(([k, v]) => `${fieldLabel(k)}: ${formatAuditValue(entity, k, v, names)}`)
			.join('; ');
	}
	if (typeof value === 'number') {
		if (PERSON_FIELDS.has(field)) return names.person(value) ?? `bruker #${value}`;
		if (UNIT_FIELDS.has(field) || (field === 'parentId' && entity === 'unit')) {
			// 0 stands for no unit: the whole municipality (control_assessment.unit_id).
			return value === 0 ? 'hele kommunen' : (names.unit(value) ?? `enhet #${value}`);
		}
		if (KRONER_FIELDS.has(field)) return formatKroner(value);
		if (MOMENT_FIELDS.has(field)) return formatDateTime(value);
		if ((value === 0 || value === 1) && /^(late|active|prioritised|include)/.test(field)) {
			return value ? 'ja' : 'nei';
		}
		const labels = BY_ENTITY[field]?.[entity] ?? BY_FIELD[field];
		if (labels?.[String(value)]) return labels[String(value)]!;
		return String(value).replace('.', ',');
	}
	const text = String(value);
	const labels = BY_ENTITY[field]?.[entity] ?? BY_FIELD[field];
	if (labels?.[text]) return labels[text]!;
	if (DAY.test(text)) return formatDay(text);
	if (MONTH.test(text)) return monthFormat.format(new Date(`${text}-15T12:00:00Z`));
	if (ISO_MOMENT.test(text) && !Number.isNaN(Date.parse(text)))
		return formatDateTime(new Date(text));
	return text;
}

export interface ChangeLine {
	field: string;
	label: string;
	before: string;
	after: string;
}

const isEmpty = (v: unknown) =>
	v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const asRecord = (v: unknown): Record<string, unknown> | null =>
	v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * Field by field, what changed: for an edit the fields whose value differs, for a creation
 * what was set, for a removal what was there (empty fields left out). A before or after that is not an object is one
 * line, «Verdi».
 */
export function describeChange(
	entity: string,
	before: unknown,
	after: unknown,
	names: AuditNames
): ChangeLine[] {
	const b = asRecord(before);
	const a = asRecord(after);
	if (
		(before !== null && before !== undefined && !b) ||
		(after !== null && after !== undefined && !a)
	) {
		return [
			{
				field: 'value',
				label: 'Verdi',
				before: formatAuditValue(entity, 'value', before, names),
				after: formatAuditValue(entity, 'value', after, names)
			}
		];
	}
	const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter(
		(k) => !HIDDEN_FIELDS.has(k)
	);
	const lines: ChangeLine[] = [];
	for (const k of keys) {
		const was = b?.[k];
		const is = a?.[k];
		// In an edit, a field given on both sides with the same value did not change.
		if (b && a && k in b && k in a && JSON.stringify(was) === JSON.stringify(is)) continue;
		// A creation or a removal names only the fields that held something: a row of «–» for
		// every empty field would triple a change-log page (26 lines for a new benefit).
		if (!(b && a) && isEmpty(b ? was : is)) continue;
		lines.push({
			field: k,
			label: fieldLabel(k),
			// A field only one side names was not said about on the other: nothing to show there.
			before: b && k in b ? formatAuditValue(entity, k, was, names) : '',
			after: a && k in a ? formatAuditValue(entity, k, is, names) : ''
		});
	}
	return lines;
}

/** «Prosjekt «Digital hjemmeoppfølging» (#12)»: the kind, its title when the row has one, the id. */
export function auditSubject(
	entity: string,
	entityId: string,
	before: unknown,
	after: unknown
): string {
	const title = auditTitle(before, after);
	return title
		? `${entityLabel(entity)} «${title}» (#${entityId})`
		: `${entityLabel(entity)} #${entityId}`;
}

/** The title or name a row's after (else before) gives its subject, or null. */
export function auditTitle(before: unknown, after: unknown): string | null {
	const side = asRecord(after) ?? asRecord(before);
	const title = side?.title ?? side?.name ?? side?.taskTitle;
	return typeof title === 'string' && title ? title : null;
}

/** The person and unit ids a set of rows names, to look their names up in one go. */
export function referencedIds(rows: { entity: string; before: unknown; after: unknown }[]) {
	const persons = new Set<number>();
	const units = new Set<number>();
	const walk = (entity: string, v: unknown, field: string) => {
		if (Array.isArray(v)) return v.forEach((x) => walk(entity, x, field));
		const r = asRecord(v);
		if (r) return Object.entries(r).forEach(([k, x]) => walk(entity, x, k));
		if (typeof v !== 'number') return;
		if (PERSON_FIELDS.has(field)) persons.add(v);
		if (UNIT_FIELDS.has(field) || (field === 'parentId' && entity === 'unit')) units.add(v);
	};
	for (const row of rows) {
		walk(row.entity, row.before, '');
		walk(row.entity, row.after, '');
	}
	return { persons: [...persons], units: [...units] };
}
