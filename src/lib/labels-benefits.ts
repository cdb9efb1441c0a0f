/**
 * The benefit area's vocabularies in the reader's language (as src/lib/labels.ts does for the
 * shared ones). The domain keeps its codes and bokmål labels (domain/benefits/vocabulary.ts),
 * which downloads and the change log use; a translated page shows these.
 */
import { m } from '$lib/paraglide/messages';
import { levelLabel, monthLabel } from '$lib/labels';
import type { Month } from '$lib/domain/wheel/schedule';
import {
	LEVEL_OF_BENEFIT,
	type Assessment,
	type BenefitDirection,
	type BenefitHealth,
	type BenefitLevel,
	type BenefitUnit,
	type ConfirmationKind,
	type NodeKind,
	type PlanStatus,
	type PlanVersionStatus
} from '$lib/domain/benefits/vocabulary';
import { ragLabel } from '$lib/labels';
import type { PlanReason } from '$lib/domain/benefits/timing';
import { plural } from '$lib/plural';

/** «Brukernivå», «User level» (BENEFIT_LEVEL_LABEL). */
export const benefitLevelLabel = (level: BenefitLevel) => levelLabel(LEVEL_OF_BENEFIT[level]);

const UNIT: Record<BenefitUnit, () => string> = {
	kr: m.benefits_unit_kr,
	timer: m.benefits_unit_timer,
	antall: m.benefits_unit_antall,
	prosent: m.benefits_unit_prosent
};
export const unitLabel = (unit: BenefitUnit) => UNIT[unit]();

const BENEFICIARY: Record<string, () => string> = {
	helse: m.benefits_beneficiary_helse,
	utdanning: m.benefits_beneficiary_utdanning,
	kommunalt: m.benefits_beneficiary_kommunalt,
	familie: m.benefits_beneficiary_familie,
	stat: m.benefits_beneficiary_stat,
	annet: m.benefits_beneficiary_annet
};
/** Who gains (BENEFICIARY_LABEL); a code not in the list is shown as it is. */
export const beneficiaryLabel = (code: string) => BENEFICIARY[code]?.() ?? code;

const QUALITY: Record<string, () => string> = {
	virkningsfulle: m.benefits_quality_virkningsfulle,
	trygge_og_sikre: m.benefits_quality_trygge_og_sikre,
	involverer_brukerne: m.benefits_quality_involverer_brukerne,
	samordnet: m.benefits_quality_samordnet,
	utnytter_ressursene: m.benefits_quality_utnytter_ressursene,
	tilgjengelige: m.benefits_quality_tilgjengelige,
	kompetente_medarbeidere: m.benefits_quality_kompetente_medarbeidere
};
/** A quality dimension (QUALITY_DIMENSION_LABEL). */
export const qualityLabel = (code: string) => QUALITY[code]?.() ?? code;

const TAKEOUT: Record<string, () => string> = {
	budsjettkutt: m.benefits_takeout_budsjettkutt,
	frigjort_tid: m.benefits_takeout_frigjort_tid,
	kvalitet: m.benefits_takeout_kvalitet
};
/** How a gain is taken out (TAKEOUT_LABEL). */
export const takeoutLabel = (code: string) => TAKEOUT[code]?.() ?? code;

const PLAN_STATUS: Record<PlanStatus, () => string> = {
	behind: m.benefits_plan_status_behind,
	at_risk: m.benefits_plan_status_at_risk,
	on_plan: m.benefits_plan_status_on_plan,
	none: m.benefits_plan_status_none
};
export const planStatusLabel = (status: PlanStatus) => PLAN_STATUS[status]();

const HEALTH: Record<BenefitHealth, () => string> = {
	on_track: m.benefits_plan_status_on_plan,
	at_risk: m.benefits_plan_status_at_risk,
	behind: m.benefits_plan_status_behind
};
export const healthLabel = (health: BenefitHealth) => HEALTH[health]();

const SCORE: Record<'1' | '2' | '3' | '4' | '5', () => string> = {
	'1': m.benefits_assessment_1,
	'2': m.benefits_assessment_2,
	'3': m.benefits_assessment_3,
	'4': m.benefits_assessment_4,
	'5': m.benefits_assessment_5
};
/** An assessment of a qualitative benefit (ASSESSMENT_LABEL). */
export function assessmentLabel(value: Assessment): string {
	if (value === 'rod') return ragLabel('red');
	if (value === 'gul') return ragLabel('amber');
	if (value === 'gronn') return ragLabel('green');
	return SCORE[value]();
}

const NODE_KIND: Record<NodeKind, () => string> = {
	measure: m.benefits_node_measure,
	change: m.benefits_node_change,
	benefit: m.benefits_node_benefit,
	goal: m.benefits_node_goal
};
export const nodeKindLabel = (kind: NodeKind) => NODE_KIND[kind]();

const DIRECTION: Record<BenefitDirection, () => string> = {
	higher: m.benefits_direction_higher,
	lower: m.benefits_direction_lower
};
export const directionLabel = (direction: BenefitDirection) => DIRECTION[direction]();

const VERSION_STATUS: Record<PlanVersionStatus, () => string> = {
	requested: m.benefits_version_requested,
	approved: m.benefits_version_approved,
	rejected: m.benefits_version_rejected,
	replaced: m.benefits_version_replaced
};
export const planVersionStatusLabel = (status: PlanVersionStatus) => VERSION_STATUS[status]();

const CONFIRMATION: Record<ConfirmationKind, () => string> = {
	attest: m.benefits_confirmation_attest,
	validate: m.benefits_confirmation_validate
};
export const confirmationKindLabel = (kind: ConfirmationKind) => CONFIRMATION[kind]();

/** «november 2026», «November 2026» (periodWords in domain/benefits/attestation.ts). */
export function periodLabel(period: string): string {
	const [year, month] = period.split('-').map(Number);
	return `${monthLabel(month as Month)} ${year}`;
}

/** A unit as a form label writes it in brackets: «kr», «timer», «antall», «prosent». */
export function unitWord(unit: BenefitUnit): string {
	switch (unit) {
		case 'kr':
			return m.benefits_symbol_kr();
		case 'timer':
			return m.benefits_symbol_timer();
		case 'antall':
			return m.benefits_symbol_antall();
		case 'prosent':
			return m.benefits_unit_word_prosent();
	}
}

/** «2 måneder», «1 month». */
export const monthsLabel = (n: number) =>
	plural(n, m.benefits_timing_month_one, m.benefits_timing_month_many, { n });

/**
 * Why a plan moves or should move, in the reader's language (planReasonWords in
 * domain/benefits/timing.ts writes it in bokmål); a person's own reason as they wrote it.
 */
export function planReasonLabel(why: PlanReason): string {
	switch (why.kind) {
		case 'slip': {
			const words = {
				measure: why.measure,
				from: periodLabel(why.from),
				to: periodLabel(why.to),
				months: monthsLabel(why.months)
			};
			return why.frozen
				? m.benefits_notice_slip_should_move(words)
				: m.benefits_notice_slip_moved(words);
		}
		case 'rejected_delay':
			return m.benefits_notice_rejected_delay({
				version: why.version,
				months: monthsLabel(why.months)
			});
		case 'own':
			return why.text;
	}
}
