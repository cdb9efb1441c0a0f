/**
 * The benefit map's and gain realisation's messages, keyed by the reason a write answers.
 * Read when an answer is made (getters), so each is in the request's language (messages/benefits).
 */
import type { MessageBook } from '../result';
import { m } from '$lib/paraglide/messages';
import { lazy, lazyWith } from '../message-book';
import {
	linkKindError,
	linkRefusal,
	type GraphEdge,
	type GraphNode,
	type LinkRefusal
} from '$lib/domain/benefits/graph';

export const BENEFIT_MESSAGES: MessageBook = {
	messages: lazy({
		has_realisations: m.benefits_msg_benefit_has_realisations,
		plan_frozen: m.benefits_msg_benefit_plan_frozen,
		plan_frozen_unit: m.benefits_msg_benefit_plan_frozen_unit,
		plan_frozen_judgement: m.benefits_msg_benefit_plan_frozen_judgement,
		benefit_missing: m.benefits_msg_benefit_benefit_missing,
		project_missing: m.benefits_msg_benefit_project_missing,
		supersedes_missing: m.benefits_msg_benefit_supersedes_missing,
		supersedes_other_month: m.benefits_msg_benefit_supersedes_other_month,
		supersedes_superseded: m.benefits_msg_benefit_supersedes_superseded,
		not_quantitative: m.benefits_msg_benefit_not_quantitative,
		no_plan: m.benefits_msg_benefit_no_plan,
		outside_plan: m.benefits_msg_benefit_outside_plan,
		estimate_too_large: m.benefits_msg_benefit_estimate_too_large,
		link_from: m.benefits_msg_benefit_link_from,
		link_to: m.benefits_msg_benefit_link_to,
		period_attested: m.benefits_msg_benefit_period_attested,
		validator_missing: m.benefits_msg_benefit_validator_missing,
		correction_reason_required: m.benefits_msg_benefit_correction_reason_required
	}),
	fields: { owner_missing: 'ownerId', unit_missing: 'unitId', validator_missing: 'validatorId' }
};

/** Why a link is refused, in the words of the map's rules. */
export function linkMessage(refusal: LinkRefusal): string {
	switch (refusal.code) {
		case 'missing':
			return m.benefits_link_missing();
		case 'self':
			return m.benefits_link_self();
		case 'kind':
			return linkKindError(refusal.from, refusal.to) ?? '';
		case 'duplicate':
			return m.benefits_link_duplicate();
		case 'cycle':
			return m.benefits_link_cycle({ to: refusal.toLabel, from: refusal.fromLabel });
	}
}

export type LinkCheck = { ok: true } | { ok: false; message: string };

/** `linkRefusal`, answered with the message a user reads. */
export function checkNewLink(
	nodes: readonly GraphNode[],
	edges: readonly GraphEdge[],
	from: string,
	to: string
): LinkCheck {
	const refusal = linkRefusal(nodes, edges, from, to);
	return refusal ? { ok: false, message: linkMessage(refusal) } : { ok: true };
}

export const BENEFIT_SUCCESS = lazyWith(
	{
		updated: m.benefits_msg_done_updated,
		lineAdded: m.benefits_msg_done_lineAdded,
		lineChanged: m.benefits_msg_done_lineChanged,
		lineRemoved: m.benefits_msg_done_lineRemoved,
		planSaved: m.benefits_msg_done_planSaved,
		periodRemoved: m.benefits_msg_done_periodRemoved,
		realised: m.benefits_msg_done_realised,
		corrected: m.benefits_msg_done_corrected,
		followUp: m.benefits_msg_done_followUp,
		linkAdded: m.benefits_msg_done_linkAdded,
		linkRemoved: m.benefits_msg_done_linkRemoved,
		changeRemoved: m.benefits_msg_done_changeRemoved,
		settingsSaved: m.benefits_msg_done_settingsSaved
	},
	{
		periodPlanned: (period: string) => m.benefits_msg_done_periodPlanned({ period }),
		changeAdded: (title: string) => m.benefits_msg_done_changeAdded({ title }),
		changeSaved: (title: string) => m.benefits_msg_done_changeSaved({ title }),
		benefitAdded: (title: string) => m.benefits_msg_done_benefitAdded({ title })
	}
);

// ── Plan versions: freezing, change requests and their decision ─────────────────────────────

export const PLAN_VERSION_MESSAGES: MessageBook = {
	messages: lazy({
		benefit_missing: m.benefits_msg_benefit_benefit_missing,
		no_plan: m.benefits_msg_plan_no_plan,
		plan_frozen_already: m.benefits_msg_plan_plan_frozen_already,
		plan_frozen: m.benefits_msg_plan_plan_frozen,
		plan_frozen_estimate: m.benefits_msg_plan_plan_frozen_estimate,
		plan_not_frozen: m.benefits_msg_plan_plan_not_frozen,
		request_waiting: m.benefits_msg_plan_request_waiting,
		not_waiting: m.benefits_msg_plan_not_waiting,
		own_request: m.benefits_msg_plan_own_request,
		stale: m.benefits_msg_plan_stale,
		outside_plan: m.benefits_msg_plan_outside_plan,
		evidence_too_many: m.benefits_msg_plan_evidence_too_many,
		evidence_too_large: m.benefits_msg_plan_evidence_too_large,
		evidence_empty: m.benefits_msg_plan_evidence_empty,
		evidence_type: m.benefits_msg_plan_evidence_type,
		estimate_too_large: m.benefits_msg_benefit_estimate_too_large
	}),
	fields: {
		outside_plan: 'plan',
		estimate_too_large: 'lines',
		evidence_too_many: 'evidence',
		evidence_too_large: 'evidence',
		evidence_empty: 'evidence',
		evidence_type: 'evidence'
	}
};

export const PLAN_VERSION_SUCCESS = lazy({
	frozen: m.benefits_msg_plan_done_frozen,
	requested: m.benefits_msg_plan_done_requested,
	approved: m.benefits_msg_plan_done_approved,
	rejected: m.benefits_msg_plan_done_rejected
});

// ── Attestation, validation and forecast ────────────────────────────────────────────────────

export const ATTESTATION_MESSAGES: MessageBook = {
	messages: lazy({
		benefit_missing: m.benefits_msg_benefit_benefit_missing,
		realisation_missing: m.benefits_msg_attest_realisation_missing,
		realisation_superseded: m.benefits_msg_attest_realisation_superseded,
		not_owner: m.benefits_msg_attest_not_owner,
		not_validator: m.benefits_msg_attest_not_validator,
		not_kroner: m.benefits_msg_attest_not_kroner,
		own_value: m.benefits_msg_attest_own_value,
		not_attested: m.benefits_msg_attest_not_attested,
		already_confirmed: m.benefits_msg_attest_already_confirmed,
		period_mismatch: m.benefits_msg_attest_period_mismatch
	})
};

export const ATTESTATION_SUCCESS = {
	attested: (period: string) => m.benefits_msg_attest_done_attested({ period }),
	validated: (period: string) => m.benefits_msg_attest_done_validated({ period }),
	forecast: (period: string) => m.benefits_msg_attest_done_forecast({ period })
} as const;

// ── The start tied to a measure ─────────────────────────────────────────────────────────────

export const TIMING_MESSAGES: MessageBook = {
	fields: { measure_missing: 'startMeasureId' },
	messages: lazy({
		benefit_missing: m.benefits_msg_benefit_benefit_missing,
		measure_missing: m.benefits_msg_timing_measure_missing
	})
};

export const TIMING_SUCCESS = lazy({
	tied: m.benefits_msg_timing_done_tied,
	untied: m.benefits_msg_timing_done_untied
});

/** A realised value, or its attestation, for a month that has not begun (Oslo time). */
export const futureMonth = () => m.benefits_msg_future_month();

/**
 * A filter in the address that names nothing (a mistyped or old link): the page shows
 * everything for that part of the filter, and says so rather than ignoring it silently.
 */
export const FILTER_NOTICES = {
	spor: (raw: string) => m.benefits_notice_track({ raw }),
	prosjekt: (raw: string) => m.benefits_notice_project({ raw }),
	prosjektUtenforSpor: (title: string) => m.benefits_notice_project_not_in_track({ title }),
	niva: (raw: string) => m.benefits_notice_level({ raw }),
	mottaker: (raw: string) => m.benefits_notice_beneficiary({ raw })
};

/**
 * A decision on a request already decided (sent twice, or by two members at once): who
 * decided it, when and how, so nobody decides again or wonders whether their own went through.
 */
export function alreadyDecided(status: string, by: string | null, at: string | null): string {
	const how =
		status === 'rejected'
			? m.benefits_decided_rejected()
			: status === 'approved' || status === 'replaced'
				? m.benefits_decided_approved()
				: m.benefits_decided_decided();
	const who = [by ? m.benefits_decided_by({ name: by }) : null, at].filter(Boolean).join(' ');
	return m.benefits_already_decided({ how, who: who ? ` ${who}` : '' });
}

/** Why a benefit or its map cannot be read or changed (access.ts): 403 and 404 answers. */
export const BENEFIT_ACCESS = lazy({
	noProject: m.benefits_access_no_project,
	mapEditor: m.benefits_access_map_editor,
	noBenefit: m.benefits_access_no_benefit,
	benefitEditor: m.benefits_access_benefit_editor,
	recorder: m.benefits_access_recorder,
	importer: m.benefits_access_importer,
	noMission: m.benefits_access_no_mission,
	planApprover: m.benefits_access_plan_approver,
	attester: m.benefits_access_attester,
	validator: m.benefits_access_validator,
	forecaster: m.benefits_access_forecaster
});
