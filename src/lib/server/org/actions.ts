/**
 * The organisation's writes: users, their roles and credentials, and units. Each takes what
 * its guard returned, the posted form and the request's time, and answers the form.
 */
import { performance } from 'node:perf_hooks';
import type { SessionUser } from '../auth/session';
import { issueCredentials } from '../auth/credentials';
import { passwordLoginEnabled } from '../auth/oidc';
import {
	addRoleAssignment,
	createUser,
	getUserById,
	listRolesOfUser,
	removeRoleAssignment,
	resetCredentials,
	setUserActive,
	updateUserName
} from '../db/queries/users';
import { unlinkUserIdentity } from '../db/queries/oidc';
import { createUnit, getUnit, moveUnit, renameUnit, setUnitArchived } from '../db/queries/units';
import { checkAuditChain } from '../db/queries/audit';
import { recordAuditVerification } from '../db/queries/audit-log';
import { describeChainReport } from '../db/audit-chain';
import { invalid, refused } from '../result';
import { parseForm, type FormValues } from '$lib/schemas/form';
import {
	assignmentIdSchema,
	createUnitSchema,
	createUserSchema,
	moveUnitSchema,
	renameUnitSchema,
	renameUserSchema,
	resetPasswordSchema,
	roleSchema,
	unitIdSchema,
	unlinkIdentitySchema
} from '$lib/schemas/admin';
import { ORG_MESSAGES, ORG_SUCCESS } from './messages';
import type { LinkedAccountAccess, UserAccountAccess } from './access';

/** Where credentials are shown: links are given with the site's own address. */
type Admin = { admin: SessionUser; origin: string };
type Account = UserAccountAccess & { origin: string };

const refuse = (reason: string, values: FormValues, field: string, action?: string) =>
	refused(ORG_MESSAGES, reason, values, { field, action });

export async function createUserAccount({ admin, origin }: Admin, formData: FormData, now: Date) {
	const form = parseForm(createUserSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors);
	const credentials = await issueCredentials(form.data.credential, now);
	const result = createUser(
		{
			name: form.data.name,
			email: form.data.email,
			passwordHash: credentials.passwordHash,
			mustChangePassword: credentials.passwordHash !== null,
			passwordLink: credentials.passwordLink
		},
		admin.id,
		now
	);
	if (!result.ok) return refuse(result.reason, form.values, 'email');
	return {
		created: {
			id: result.value,
			name: form.data.name,
			email: form.data.email,
			...credentials.shown,
			origin
		}
	};
}

export function renameUser({ admin, target }: UserAccountAccess, formData: FormData, now: Date) {
	const form = parseForm(renameUserSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'rename');
	const result = updateUserName(target.id, form.data, admin.id, now);
	if (!result.ok) {
		// Lost update: show the newer name, not the stale one the admin posted.
		const fresh = result.reason === 'conflict' ? getUserById(target.id) : undefined;
		const values = fresh ? { name: fresh.name, version: String(fresh.version) } : form.values;
		return refuse(result.reason, values, 'name', 'rename');
	}
	return { action: 'rename', success: ORG_SUCCESS.renamed };
}

export function setAccountActive({ admin, target }: UserAccountAccess, active: boolean, now: Date) {
	const action = active ? 'activate' : 'deactivate';
	const result = setUserActive(target.id, active, admin.id, now);
	if (!result.ok) return refuse(result.reason, {}, '_form', action);
	return { action, success: active ? ORG_SUCCESS.activated : ORG_SUCCESS.deactivated };
}

export async function resetPassword(
	{ admin, target, origin }: Account,
	formData: FormData,
	now: Date
) {
	const form = parseForm(resetPasswordSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'resetPassword');
	// A password that can never sign in would only end the user's sessions for nothing.
	if (!passwordLoginEnabled()) return refuse('password_off', form.values, '_form', 'resetPassword');
	const credentials = await issueCredentials(form.data.credential, now);
	const result = resetCredentials(target.id, credentials, admin.id, now);
	if (!result.ok) return refuse(result.reason, form.values, '_form', 'resetPassword');
	return { action: 'resetPassword', reset: { ...credentials.shown, origin } };
}

export function addRole({ admin, target }: UserAccountAccess, formData: FormData, now: Date) {
	const form = parseForm(roleSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'addRole');
	const result = addRoleAssignment(target.id, form.data.role, form.data.unitId, admin.id, now);
	if (!result.ok) return refuse(result.reason, form.values, 'role', 'addRole');
	return { action: 'addRole', success: ORG_SUCCESS.roleAdded };
}

export function removeRole({ admin, target }: UserAccountAccess, formData: FormData, now: Date) {
	const form = parseForm(assignmentIdSchema, formData);
	if (!form.ok) return invalid({}, form.errors, 'removeRole');
	const owned = listRolesOfUser(target.id).some((r) => r.id === form.data.assignmentId);
	if (!owned) return refuse('not_found', {}, '_form', 'removeRole');
	const result = removeRoleAssignment(form.data.assignmentId, admin.id, now);
	if (!result.ok) return refuse(result.reason, {}, '_form', 'removeRole');
	return { action: 'removeRole', success: ORG_SUCCESS.roleRemoved };
}

/**
 * «Koble fra»: takes away one of the user's links to an identity provider (the guard found
 * them), so the next single sign-on matches the account by verified e-mail again.
 */
export function unlinkIdentity(
	{ admin, target, identities }: LinkedAccountAccess,
	formData: FormData,
	now: Date
) {
	const form = parseForm(unlinkIdentitySchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'unlinkIdentity');
	const { issuer, subject } = form.data;
	const linked = identities.some((i) => i.issuer === issuer && i.subject === subject);
	if (!linked) return refuse('identity_missing', form.values, '_form', 'unlinkIdentity');
	const result = unlinkUserIdentity(target.id, { issuer, subject }, admin.id, now);
	if (!result.ok) return refuse('identity_missing', form.values, '_form', 'unlinkIdentity');
	return { action: 'unlinkIdentity', success: ORG_SUCCESS.identityUnlinked };
}

/** After a lost update the rename and move forms of the unit show its newer values. */
function newerOr(reason: string, unitId: number, posted: FormValues): FormValues {
	const fresh = reason === 'conflict' ? getUnit(unitId) : undefined;
	if (!fresh) return posted;
	return {
		unitId: String(fresh.id),
		name: fresh.name,
		parentId: fresh.parentId === null ? '' : String(fresh.parentId),
		version: String(fresh.version)
	};
}

export function addUnit(admin: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(createUnitSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'create');
	const result = createUnit(form.data, admin.id, now);
	if (!result.ok) return refuse(result.reason, form.values, 'parentId', 'create');
	return { action: 'create', success: ORG_SUCCESS.unitCreated(form.data.name) };
}

export function changeUnitName(admin: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(renameUnitSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'rename');
	const { unitId, ...input } = form.data;
	const result = renameUnit(unitId, input, admin.id, now);
	if (!result.ok) {
		return refuse(result.reason, newerOr(result.reason, unitId, form.values), 'name', 'rename');
	}
	return { action: 'rename', success: ORG_SUCCESS.unitRenamed(form.data.name) };
}

export function changeUnitParent(admin: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(moveUnitSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, 'move');
	const { unitId, ...input } = form.data;
	const result = moveUnit(unitId, input, admin.id, now);
	if (!result.ok) {
		return refuse(result.reason, newerOr(result.reason, unitId, form.values), 'parentId', 'move');
	}
	return { action: 'move', success: ORG_SUCCESS.unitMoved };
}

export function setUnitArchivedFromForm(
	admin: SessionUser,
	archived: boolean,
	formData: FormData,
	now: Date
) {
	const action = archived ? 'archive' : 'restore';
	const form = parseForm(unitIdSchema, formData);
	if (!form.ok) return invalid(form.values, form.errors, action);
	const result = setUnitArchived(form.data.unitId, archived, admin.id, now);
	if (!result.ok) return refuse(result.reason, form.values, '_form', action);
	return {
		action,
		success: archived ? ORG_SUCCESS.unitArchived : ORG_SUCCESS.unitRestored
	};
}

/**
 * Checks the audit log's whole hash chain when an administrator asks for it, and keeps the
 * result: the change log page shows the last check (`chainStatus` in ./views/audit-log.ts). The walk is
 * batched and yields between batches (db/queries/audit-chain.ts), so the server keeps
 * answering other requests while it runs.
 */
export async function verifyAuditLog(admin: SessionUser, now: Date) {
	// A duration, not a time of day: the clock rule (lint) is about `now`.
	const started = performance.now();
	const report = await checkAuditChain();
	const durationMs = performance.now() - started;
	recordAuditVerification(report, admin.id, now, durationMs);
	return { verified: { ok: report.ok, line: describeChainReport(report), report } };
}
