/**
 * The benefit map's and gain realisation's messages, keyed by the reason a write answers.
 * Read when an answer is made (getters), so each is in the request's language (messages/benefits).
 */
import type { MessageBook } from '../result';
import { m } from '$lib/paraglide/messages';
import {
	linkKindError,
	linkRefusal,
	type GraphEdge,
	type GraphNode,
	type LinkRefusal
} from '$lib/domain/benefit-graph';

export const BENEFIT_MESSAGES: MessageBook = {
	messages: {
		get has_realisations() {
			return m.benefits_msg_benefit_has_realisations();
		},
		get plan_frozen() {
			return m.benefits_msg_benefit_plan_frozen();
		},
		get plan_frozen_unit() {
			return m.benefits_msg_benefit_plan_frozen_unit();
		},
		get plan_frozen_judgement() {
			return m.benefits_msg_benefit_plan_frozen_judgement();
		},
		get benefit_missing() {
			return m.benefits_msg_benefit_benefit_missing();
		},
		get project_missing() {
			return m.benefits_msg_benefit_project_missing();
		},
		get supersedes_missing() {
			return m.benefits_msg_benefit_supersedes_missing();
		},
		get supersedes_other_month() {
			return m.benefits_msg_benefit_supersedes_other_month();
		},
		get supersedes_superseded() {
			return m.benefits_msg_benefit_supersedes_superseded();
		},
		get not_quantitative() {
			return m.benefits_msg_benefit_not_quantitative();
		},
		get no_plan() {
			return m.benefits_msg_benefit_no_plan();
		},
		get outside_plan() {
			return m.benefits_msg_benefit_outside_plan();
		},
		get estimate_too_large() {
			return m.benefits_msg_benefit_estimate_too_large();
		},
		get link_from() {
			return m.benefits_msg_benefit_link_from();
		},
		get link_to() {
			return m.benefits_msg_benefit_link_to();
		},
		get period_attested() {
			return m.benefits_msg_benefit_period_attested();
		},
		get validator_missing() {
			return m.benefits_msg_benefit_validator_missing();
		},
		get correction_reason_required() {
			return m.benefits_msg_benefit_correction_reason_required();
		}
	},
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

export const BENEFIT_SUCCESS = {
	get updated() {
		return m.benefits_msg_done_updated();
	},
	get lineAdded() {
		return m.benefits_msg_done_lineAdded();
	},
	get lineChanged() {
		return m.benefits_msg_done_lineChanged();
	},
	get lineRemoved() {
		return m.benefits_msg_done_lineRemoved();
	},
	get planSaved() {
		return m.benefits_msg_done_planSaved();
	},
	get periodRemoved() {
		return m.benefits_msg_done_periodRemoved();
	},
	get realised() {
		return m.benefits_msg_done_realised();
	},
	get corrected() {
		return m.benefits_msg_done_corrected();
	},
	get followUp() {
		return m.benefits_msg_done_followUp();
	},
	get linkAdded() {
		return m.benefits_msg_done_linkAdded();
	},
	get linkRemoved() {
		return m.benefits_msg_done_linkRemoved();
	},
	get changeRemoved() {
		return m.benefits_msg_done_changeRemoved();
	},
	get settingsSaved() {
		return m.benefits_msg_done_settingsSaved();
	},
	periodPlanned: (period: string) => m.benefits_msg_done_periodPlanned({ period }),
	changeAdded: (title: string) => m.benefits_msg_done_changeAdded({ title }),
	changeSaved: (title: string) => m.benefits_msg_done_changeSaved({ title }),
	benefitAdded: (title: string) => m.benefits_msg_done_benefitAdded({ title })
} as const;

// ── Plan versions: freezing, change requests and their decision ─────────────────────────────

export const PLAN_VERSION_MESSAGES: MessageBook = {
	messages: {
		get benefit_missing() {
			return m.benefits_msg_benefit_benefit_missing();
		},
		get no_plan() {
			return m.benefits_msg_plan_no_plan();
		},
		get plan_frozen_already() {
			return m.benefits_msg_plan_plan_frozen_already();
		},
		get plan_frozen() {
			return m.benefits_msg_plan_plan_frozen();
		},
		get plan_frozen_estimate() {
			return m.benefits_msg_plan_plan_frozen_estimate();
		},
		get plan_not_frozen() {
			return m.benefits_msg_plan_plan_not_frozen();
		},
		get request_waiting() {
			return m.benefits_msg_plan_request_waiting();
		},
		get not_waiting() {
			return m.benefits_msg_plan_not_waiting();
		},
		get own_request() {
			return m.benefits_msg_plan_own_request();
		},
		get stale() {
			return m.benefits_msg_plan_stale();
		},
		get outside_plan() {
			return m.benefits_msg_plan_outside_plan();
		},
		get evidence_too_many() {
			return m.benefits_msg_plan_evidence_too_many();
		},
		get evidence_too_large() {
			return m.benefits_msg_plan_evidence_too_large();
		},
		get evidence_empty() {
			return m.benefits_msg_plan_evidence_empty();
		},
		get evidence_type() {
			return m.benefits_msg_plan_evidence_type();
		},
		get estimate_too_large() {
			return m.benefits_msg_benefit_estimate_too_large();
		}
	},
	fields: {
		outside_plan: 'plan',
		estimate_too_large: 'lines',
		evidence_too_many: 'evidence',
		evidence_too_large: 'evidence',
		evidence_empty: 'evidence',
		evidence_type: 'evidence'
	}
};

export const PLAN_VERSION_SUCCESS = {
	get frozen() {
		return m.benefits_msg_plan_done_frozen();
	},
	get requested() {
		return m.benefits_msg_plan_done_requested();
	},
	get approved() {
		return m.benefits_msg_plan_done_approved();
	},
	get rejected() {
		return m.benefits_msg_plan_done_rejected();
	}
};

// ── Attestation, validation and forecast ────────────────────────────────────────────────────

export const ATTESTATION_MESSAGES: MessageBook = {
	messages: {
		get benefit_missing() {
			return m.benefits_msg_benefit_benefit_missing();
		},
		get realisation_missing() {
			return m.benefits_msg_attest_realisation_missing();
		},
		get realisation_superseded() {
			return m.benefits_msg_attest_realisation_superseded();
		},
		get not_owner() {
			return m.benefits_msg_attest_not_owner();
		},
		get not_validator() {
			return m.benefits_msg_attest_not_validator();
		},
		get not_kroner() {
			return m.benefits_msg_attest_not_kroner();
		},
		get own_value() {
			return m.benefits_msg_attest_own_value();
		},
		get not_attested() {
			return m.benefits_msg_attest_not_attested();
		},
		get already_confirmed() {
			return m.benefits_msg_attest_already_confirmed();
		},
		get period_mismatch() {
			return m.benefits_msg_attest_period_mismatch();
		}
	}
};

export const ATTESTATION_SUCCESS = {
	attested: (period: string) => m.benefits_msg_attest_done_attested({ period }),
	validated: (period: string) => m.benefits_msg_attest_done_validated({ period }),
	forecast: (period: string) => m.benefits_msg_attest_done_forecast({ period })
} as const;

// ── The start tied to a measure ─────────────────────────────────────────────────────────────

export const TIMING_MESSAGES: MessageBook = {
	fields: { measure_missing: 'startMeasureId' },
	messages: {
		get benefit_missing() {
			return m.benefits_msg_benefit_benefit_missing();
		},
		get measure_missing() {
			return m.benefits_msg_timing_measure_missing();
		}
	}
};

export const TIMING_SUCCESS = {
	get tied() {
		return m.benefits_msg_timing_done_tied();
	},
	get untied() {
		return m.benefits_msg_timing_done_untied();
	}
};

/** A realised value, or its attestation, for a month that has not begun (Oslo time). */
export const futureMonth = () => m.benefits_msg_future_month();

/**
 * A filter in the address that names nothing (a mistyped or old link): the page shows
 * everything for that part of the filter, and says so rather than ignoring it silently.
 */
export const FILTER_NOTICES = {
	spor: (raw: string) => m.benefits_notice_track({ raw }),
	prosjekt: (raw: string) => m.benefits_notice_project({ raw }),
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
