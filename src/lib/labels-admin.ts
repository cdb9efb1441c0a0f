/**
 * The administration pages' vocabularies in the reader's language: roles, API token scopes and
 * states, and the change log's kinds of thing and actions. The domain keeps its codes and its
 * bokmål labels, each in its area's vocabulary.ts (ROLE_LABEL in org, API_SCOPE_LABEL in auth,
 * AUDIT_*_LABEL in audit), which the log's downloads use; a code with no label here is shown as
 * it is, as there.
 */
import { m } from '$lib/paraglide/messages';
import { plural } from '$lib/plural';
import type { Role } from '$lib/domain/org/vocabulary';
import type { ApiScope } from '$lib/domain/auth/vocabulary';

const ROLE: Record<Role, () => string> = {
	admin: m.role_admin,
	steering: m.role_steering,
	programme_leader: m.role_programme_leader,
	unit_leader: m.role_unit_leader,
	viewer: m.role_viewer,
	municipal_director: m.role_municipal_director
};

export const roleLabel = (role: Role) => ROLE[role]();

const SCOPE: Record<ApiScope, () => string> = {
	read: m.admin_scope_read,
	write: m.admin_scope_write
};

export const apiScopeLabel = (scope: ApiScope) => SCOPE[scope]();

const TOKEN_STATE = {
	live: m.admin_token_live,
	expired: m.admin_token_expired,
	revoked: m.admin_token_revoked
} as const;

export const tokenStateLabel = (state: keyof typeof TOKEN_STATE) => TOKEN_STATE[state]();

const ENTITY: Readonly<Record<string, () => string>> = {
	user: m.admin_entity_user,
	role_assignment: m.admin_entity_role_assignment,
	unit: m.admin_entity_unit,
	calendar_feed: m.admin_entity_calendar_feed,
	api_token: m.admin_entity_api_token,
	import: m.admin_entity_import,
	mission: m.admin_entity_mission,
	effect_goal: m.admin_entity_effect_goal,
	track: m.admin_entity_track,
	project: m.admin_entity_project,
	measure: m.admin_entity_measure,
	risk: m.admin_entity_risk,
	status_report: m.admin_entity_status_report,
	score: m.admin_entity_score,
	benefit: m.admin_entity_benefit,
	benefit_change: m.admin_entity_benefit_change,
	benefit_link: m.admin_entity_benefit_link,
	estimate_line: m.admin_entity_estimate_line,
	planned_period: m.admin_entity_planned_period,
	realisation: m.admin_entity_realisation,
	behind_plan_follow_up: m.admin_entity_behind_plan_follow_up,
	benefit_plan_version: m.admin_entity_benefit_plan_version,
	realisation_confirmation: m.admin_entity_realisation_confirmation,
	benefit_forecast: m.admin_entity_benefit_forecast,
	wheel: m.admin_entity_wheel,
	wheel_task: m.admin_entity_wheel_task,
	wheel_task_month: m.admin_entity_wheel_task_month,
	wheel_assignment: m.admin_entity_wheel_assignment,
	wheel_signature: m.admin_entity_wheel_signature,
	signature_evidence: m.admin_entity_signature_evidence,
	deviation: m.admin_entity_deviation,
	tilsyn: m.admin_entity_tilsyn,
	tilsyn_finding: m.admin_entity_tilsyn_finding,
	risk_control: m.admin_entity_risk_control,
	steering_meeting: m.admin_entity_steering_meeting,
	control_assessment: m.admin_entity_control_assessment,
	notice: m.admin_entity_notice,
	report: m.admin_entity_report
};

const ACTION: Readonly<Record<string, () => string>> = {
	create: m.admin_action_create,
	update: m.admin_action_update,
	delete: m.admin_action_delete,
	commit: m.admin_action_commit,
	rename: m.admin_action_rename,
	move: m.admin_action_move,
	archive: m.admin_action_archive,
	restore: m.admin_action_restore,
	status: m.admin_action_status,
	assign: m.admin_action_assign,
	unassign: m.admin_action_unassign,
	grant: m.admin_action_grant,
	revoke: m.admin_action_revoke,
	activate: m.admin_action_activate,
	deactivate: m.admin_action_deactivate,
	password_reset: m.admin_action_password_reset,
	password_changed: m.admin_action_password_changed,
	password_set_by_link: m.admin_action_password_set_by_link,
	locale_changed: m.admin_action_locale_changed,
	sso_sign_in: m.admin_action_sso_sign_in,
	identity_unlink: m.admin_action_identity_unlink,
	sign: m.admin_action_sign,
	reopen: m.admin_action_reopen,
	close: m.admin_action_close,
	freeze: m.admin_action_freeze,
	approve: m.admin_action_approve,
	request: m.admin_action_request,
	reject: m.admin_action_reject,
	attest: m.admin_action_attest,
	validate: m.admin_action_validate,
	score: m.admin_action_score,
	prioritise: m.admin_action_prioritise,
	plan: m.admin_action_plan,
	fill: m.admin_action_fill,
	supersede: m.admin_action_supersede,
	save: m.admin_action_save,
	report: m.admin_action_report,
	mission: m.admin_action_mission,
	gain_settings: m.admin_action_gain_settings,
	link: m.admin_action_link,
	unlink: m.admin_action_unlink,
	upload: m.admin_action_upload,
	verify: m.admin_action_verify,
	timing: m.admin_action_timing,
	plan_shift: m.admin_action_plan_shift,
	plan_shift_waiting: m.admin_action_plan_shift_waiting,
	plan_shift_requested: m.admin_action_plan_shift_requested
};

/** What a change-log row is about (AUDIT_ENTITY_LABEL). */
export const auditEntityLabel = (code: string) =>
	Object.hasOwn(ENTITY, code) ? ENTITY[code]!() : code;

/** What was done (AUDIT_ACTION_LABEL). */
export const auditActionLabel = (code: string) =>
	Object.hasOwn(ACTION, code) ? ACTION[code]!() : code;

/** «Prosjekt «Digital hjemmeoppfølging» (#12)», as auditSubject in the domain words it. */
export function auditSubjectLabel(entity: string, entityId: string, title: string | null) {
	const what = auditEntityLabel(entity);
	return title ? m.admin_log_subject_titled({ what, title, id: entityId }) : `${what} #${entityId}`;
}

/** Why a row does not fit the hash chain (ChainBreak in src/lib/server/db/audit-chain.ts). */
type ChainBreak = 'unsealed' | 'link' | 'hash' | 'truncated';

const BREAK: Record<ChainBreak, () => string> = {
	unsealed: m.admin_chain_unsealed,
	link: m.admin_chain_link,
	hash: m.admin_chain_hash,
	truncated: m.admin_chain_truncated
};

/** A check of the hash chain in words (describeChainReport says it in bokmål for the files). */
export function chainLine(
	report:
		| { ok: true; checked: number }
		| { ok: false; checked: number; brokenId: number; reason: ChainBreak }
		| null
): string {
	if (report === null) return m.admin_chain_unchecked();
	const checked = String(report.checked);
	if (report.ok)
		return plural(report.checked, m.admin_chain_intact_one, m.admin_chain_intact_many, { checked });
	return m.admin_chain_broken({
		id: String(report.brokenId),
		why: BREAK[report.reason](),
		checked
	});
}
