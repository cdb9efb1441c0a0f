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
