/**
 * Internal control's vocabularies in the reader's language. The domain keeps its codes and its
 * bokmål labels (`*_LABEL` in domain/control/vocabulary.ts), which the downloads and the change
 * log use; a translated page shows these instead.
 */
import { m } from '$lib/paraglide/messages';
import type {
	DeviationSeverity,
	DeviationSource,
	DeviationStatus,
	FindingKind,
	FindingStatus,
	TilsynStatus
} from '$lib/domain/control/vocabulary';

const SEVERITY: Record<DeviationSeverity, () => string> = {
	low: m.control_severity_low,
	medium: m.control_severity_medium,
	high: m.control_severity_high,
	critical: m.control_severity_critical
};

const SOURCE: Record<DeviationSource, () => string> = {
	control: m.control_source_control,
	incident: m.control_source_incident,
	tilsyn: m.control_source_tilsyn
};

/** A deviation's and a finding's status: open or closed. */
const STATUS: Record<DeviationStatus, () => string> = {
	open: m.control_deviation_open,
	closed: m.control_deviation_closed
};

const TILSYN: Record<TilsynStatus, () => string> = {
	open: m.control_tilsyn_open,
	follow_up: m.control_tilsyn_follow_up,
	closed: m.control_tilsyn_closed
};

const FINDING: Record<FindingKind, () => string> = {
	breach: m.control_finding_breach,
	remark: m.control_finding_remark
};

export const severityLabel = (s: DeviationSeverity) => SEVERITY[s]();
export const deviationSourceLabel = (s: DeviationSource) => SOURCE[s]();
export const deviationStatusLabel = (s: DeviationStatus) => STATUS[s]();
export const tilsynStatusLabel = (s: TilsynStatus) => TILSYN[s]();
export const findingKindLabel = (k: FindingKind) => FINDING[k]();
/** A finding's status: the same words as a deviation's (FINDING_STATUS_LABEL). */
export const findingStatusLabel = (s: FindingStatus) => STATUS[s]();
