import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { ROLES } from '$lib/domain/org/vocabulary';
import { emailField, personName } from './auth';
import { versionField } from './version';
import { idField, optionalIdField as optionalId } from './id';

export const createUserSchema = z.object({
	name: personName,
	email: emailField,
	credential: z.enum(['one_time_password', 'link'], {
		error: () => m.admin_credential_required()
	})
});

export const resetPasswordSchema = z.object({
	credential: z.enum(['one_time_password', 'link'], {
		error: () => m.admin_reset_credential_required()
	})
});

export const renameUserSchema = z.object({ name: personName, version: versionField });

export const roleSchema = z
	.object({
		role: z.enum(ROLES, { error: () => m.admin_role_required() }),
		unitId: optionalId(m.admin_unit_from_list)
	})
	.refine((v) => v.role !== 'unit_leader' || v.unitId !== null, {
		path: ['unitId'],
		error: () => m.admin_unit_leader_unit()
	});

export const assignmentIdSchema = z.object({
	assignmentId: idField(m.admin_assignment_invalid)
});

const unitName = z
	.string({ error: () => m.admin_unit_name_required() })
	.trim()
	.min(2, { error: () => m.admin_unit_name_short() })
	.max(120, { error: () => m.admin_unit_name_long() });

export const createUnitSchema = z.object({
	name: unitName,
	parentId: optionalId(m.admin_parent_from_list)
});

export const renameUnitSchema = z.object({
	unitId: idField(m.admin_unit_invalid),
	name: unitName,
	version: versionField
});

export const moveUnitSchema = z.object({
	unitId: idField(m.admin_unit_invalid),
	parentId: optionalId(m.admin_parent_from_list),
	version: versionField
});

export const unitIdSchema = z.object({ unitId: idField(m.admin_unit_invalid) });

/**
 * «Koble fra» on a user's page: which link to the identity provider (issuer and subject, as
 * stored; OpenID Connect Core 1.0 § 2 lets a subject be up to 255 ASCII characters), and the
 * box that confirms it, so a stray click does not unlink.
 */
export const unlinkIdentitySchema = z.object({
	issuer: z
		.string({ error: () => m.admin_identity_invalid() })
		.min(1, { error: () => m.admin_identity_invalid() })
		.max(2000, { error: () => m.admin_identity_invalid() }),
	subject: z
		.string({ error: () => m.admin_identity_invalid() })
		.min(1, { error: () => m.admin_identity_invalid() })
		.max(255, { error: () => m.admin_identity_invalid() }),
	confirm: z.literal('on', { error: () => m.admin_identity_confirm_required() })
});
