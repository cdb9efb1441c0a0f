import { z } from 'zod';
import { ROLES } from '$lib/domain/org/vocabulary';
import { emailField, personName } from './auth';
import { versionField } from './version';
import { idField, optionalIdField as optionalId } from './id';

export const createUserSchema = z.object({
	name: personName,
	email: emailField,
	credential: z.enum(['one_time_password', 'link'], {
		error: 'Velg hvordan brukeren skal få passord.'
	})
});

export const resetPasswordSchema = z.object({
	credential: z.enum(['one_time_password', 'link'], {
		error: 'Velg hvordan brukeren skal få nytt passord.'
	})
});

export const renameUserSchema = z.object({ name: personName, version: versionField });

export const roleSchema = z
	.object({
		role: z.enum(ROLES, { error: 'Velg en rolle.' }),
		unitId: optionalId('Velg en enhet fra listen.')
	})
	.refine((v) => v.role !== 'unit_leader' || v.unitId !== null, {
		path: ['unitId'],
		error: 'En enhetsleder må knyttes til en enhet.'
	});

export const assignmentIdSchema = z.object({
	assignmentId: idField('Ugyldig rolletildeling.')
});

const unitName = z
	.string({ error: 'Skriv navnet på enheten.' })
	.trim()
	.min(2, { error: 'Navnet må ha minst 2 tegn.' })
	.max(120, { error: 'Navnet kan ha høyst 120 tegn.' });

export const createUnitSchema = z.object({
	name: unitName,
	parentId: optionalId('Velg overordnet enhet fra listen.')
});

export const renameUnitSchema = z.object({
	unitId: idField('Ugyldig enhet.'),
	name: unitName,
	version: versionField
});

export const moveUnitSchema = z.object({
	unitId: idField('Ugyldig enhet.'),
	parentId: optionalId('Velg overordnet enhet fra listen.'),
	version: versionField
});

export const unitIdSchema = z.object({ unitId: idField('Ugyldig enhet.') });

const day = z
	.string()
	.optional()
	.transform((v, ctx) => {
		if (!v) return undefined;
		if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
			ctx.addIssue({ code: 'custom', message: 'Skriv datoen som ÅÅÅÅ-MM-DD.' });
			return z.NEVER;
		}
		return v;
	});

export const auditFilterSchema = z.object({
	entity: z.string().max(60).optional(),
	action: z.string().max(60).optional(),
	actorId: optionalId('Ugyldig bruker.'),
	from: day,
	to: day,
	page: z
		.string()
		.optional()
		.transform((v) => (v && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : 1))
});
