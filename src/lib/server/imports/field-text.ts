/**
 * The import's fields in the reader's words: each field's name and help. The domain keeps each
 * field's bokmål name, which the file's headings are matched against (domain/imports/*), and a
 * bokmål help text; here the page's words are read when the page is made, in the request's
 * language (messages/imports/*.json). A field named as a download's column is named by that
 * column's own message (file-words.ts), so the page and the downloads say the same.
 */
import { m } from '$lib/paraglide/messages';
import type { ImportField } from '$lib/domain/imports/mapping';
import { SCHEDULE_EXAMPLES } from '$lib/domain/imports/wheel-schedule';
import { LIFECYCLE_STATUSES } from '$lib/domain/portfolio/vocabulary';
import {
	BENEFICIARIES,
	BENEFIT_LEVELS,
	BENEFIT_UNITS,
	TAKEOUT_METHODS
} from '$lib/domain/benefits/vocabulary';
import { lifecycleLabel } from '$lib/labels';
import {
	assessmentLabel,
	beneficiaryLabel,
	benefitLevelLabel,
	directionLabel,
	takeoutLabel,
	unitLabel
} from '$lib/labels-benefits';
import { withLocale } from '../i18n';
import { HEADER_WORDS, SHEET_WORDS } from './file-words';

type Text = () => string;

/** Fields no download has a column for, by `field.key`. */
const LABEL: Readonly<Record<string, Text>> = {
	'tracks.problemStatement': m.import_field_problem_statement,
	'tracks.barriers': m.import_field_barriers,
	'benefits.baselineMethod': m.import_field_baseline_method,
	'benefits.direction': m.import_field_direction,
	'realisations.narrative': m.import_field_narrative,
	title: m.import_field_task,
	responsibleRole: m.import_field_responsible,
	storedIn: m.import_field_stored_in,
	schedule: m.import_field_schedule,
	dueDay: m.import_field_due_day,
	reference: m.import_field_reference
};

const list = (labels: string[]) => labels.join(', ');
const status = () =>
	m.import_hint_status({
		statuses: list(LIFECYCLE_STATUSES.map(lifecycleLabel)),
		proposed: lifecycleLabel('proposed')
	});
const projectId = () => m.import_hint_project_id({ project: columnLabel('Prosjekt') });

/** Each field's help, by `field.key`; a field without is given none. */
const HINT: Readonly<Record<string, Text>> = {
	'tracks.externalId': m.import_hint_track_id,
	'tracks.code': m.import_hint_track_code,
	'tracks.status': status,
	'tracks.owner': m.import_hint_owner_or_you,
	'tracks.problemStatement': m.import_hint_default,
	'projects.status': status,
	'projects.owner': m.import_hint_owner_or_you,
	'projects.tracks': m.import_hint_track_codes,
	'projects.startDate': m.import_hint_day,
	'measures.projectId': projectId,
	'measures.project': m.import_hint_project_in_file,
	'measures.status': status,
	'measures.owner': m.import_hint_owner_or_you,
	'measures.units': m.import_hint_units,
	'benefits.externalId': m.import_hint_benefit_id,
	'benefits.projectId': projectId,
	'benefits.project': m.import_hint_project_title,
	'benefits.level': () =>
		m.import_hint_one_of({ words: list(BENEFIT_LEVELS.map(benefitLevelLabel)) }),
	'benefits.kind': () =>
		m.import_hint_kind({
			quantitative: m.export_kind_quantitative(),
			qualitative: m.export_kind_qualitative()
		}),
	'benefits.unit': () => m.import_hint_unit({ units: list(BENEFIT_UNITS.map(unitLabel)) }),
	'benefits.owner': m.import_hint_user_name,
	'benefits.takeout': () =>
		m.import_hint_one_of({ words: list(TAKEOUT_METHODS.map(takeoutLabel)) }),
	'benefits.beneficiary': () =>
		m.import_hint_beneficiary({
			words: list(BENEFICIARIES.filter((b) => b !== 'annet').map(beneficiaryLabel))
		}),
	'benefits.disbenefit': () =>
		m.import_hint_disbenefit({ disbenefit: m.export_disbenefit(), yes: m.export_yes() }),
	'benefits.direction': () =>
		m.import_hint_direction({ higher: directionLabel('higher'), lower: directionLabel('lower') }),
	'benefits.baselineDate': m.import_hint_day,
	'benefits.baselineMethod': m.import_hint_baseline_method,
	'lines.benefit': () => m.import_hint_benefit_in_file({ sheet: sheetLabel('Gevinster') }),
	'lines.share': m.import_hint_share,
	'realisations.externalId': m.import_hint_realisation_id,
	'realisations.benefit': m.import_hint_benefit_title,
	'realisations.period': m.import_hint_period,
	'realisations.value': m.import_hint_value,
	'realisations.assessment': () =>
		m.import_hint_assessment({
			red: assessmentLabel('rod'),
			amber: assessmentLabel('gul'),
			green: assessmentLabel('gronn')
		}),
	responsibleRole: m.import_hint_default_below,
	storedIn: m.import_hint_default_below,
	schedule: () => m.import_hint_schedule({ examples: SCHEDULE_EXAMPLES }),
	dueDay: m.import_hint_due_day
};

/** A download's word by its bokmål text, in the reader's language; else as it is. */
function inWords(words: readonly Text[], bokmaal: string): string {
	const word = words.find((w) => withLocale('nb', w) === bokmaal);
	return word ? word() : bokmaal;
}

/** A download's sheet name (`Spor`, `Gevinster`) in the reader's language. */
export const sheetLabel = (bokmaal: string) => inWords(SHEET_WORDS, bokmaal);

/** A download's column heading (`Spor-ID`) in the reader's language. */
export const columnLabel = (bokmaal: string) => inWords(HEADER_WORDS, bokmaal);

/** The field's name in the reader's language. */
export function fieldLabel(field: ImportField): string {
	const own = LABEL[field.key];
	return own ? own() : columnLabel(field.label);
}

/** The field's help in the reader's language, or null. */
export function fieldHint(field: ImportField): string | null {
	return HINT[field.key]?.() ?? null;
}
