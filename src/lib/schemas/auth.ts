import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const email = z
	.string({ error: 'Skriv e-postadressen.' })
	.trim()
	.min(1, { error: 'Skriv e-postadressen.' })
	.max(254, { error: 'E-postadressen er for lang.' })
	.pipe(z.email({ error: 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.' }));

const newPassword = z
	.string({ error: 'Velg et passord.' })
	.min(PASSWORD_MIN, { error: `Passordet må ha minst ${PASSWORD_MIN} tegn.` })
	.max(PASSWORD_MAX, { error: `Passordet kan ha høyst ${PASSWORD_MAX} tegn.` });

export const loginSchema = z.object({
	email,
	password: z.string({ error: 'Skriv passordet.' }).min(1, { error: 'Skriv passordet.' })
});

const confirm = z.string({ error: 'Gjenta passordet.' });
const samePassword = {
	path: ['confirm'],
	error: 'Passordene er ikke like.'
};
const matches = (v: { password: string; confirm: string }) => v.password === v.confirm;

export const personName = z
	.string({ error: 'Skriv navnet.' })
	.trim()
	.min(2, { error: 'Skriv hele navnet (minst 2 tegn).' })
	.max(120, { error: 'Navnet kan ha høyst 120 tegn.' });

export const setupSchema = z
	.object({ name: personName, email, password: newPassword, confirm })
	.refine(matches, samePassword);

export const setPasswordSchema = z
	.object({ password: newPassword, confirm })
	.refine(matches, samePassword);

export const changePasswordSchema = z
	.object({
		current: z
			.string({ error: 'Skriv ditt nåværende passord.' })
			.min(1, { error: 'Skriv ditt nåværende passord.' }),
		password: newPassword,
		confirm
	})
	.refine(matches, samePassword);

export { email as emailField };
