import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// The messages are functions, read when a form is parsed: in the request's language.

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const email = z
	.string({ error: () => m.field_email_required() })
	.trim()
	.min(1, { error: () => m.field_email_required() })
	.max(254, { error: () => m.field_email_too_long() })
	.pipe(z.email({ error: () => m.field_email_invalid() }));

const newPassword = z
	.string({ error: () => m.field_password_choose() })
	.min(PASSWORD_MIN, { error: () => m.field_password_min({ min: PASSWORD_MIN }) })
	.max(PASSWORD_MAX, { error: () => m.field_password_max({ max: PASSWORD_MAX }) });

export const loginSchema = z.object({
	email,
	password: z
		.string({ error: () => m.field_password_required() })
		.min(1, { error: () => m.field_password_required() })
});

const confirm = z.string({ error: () => m.field_confirm_required() });
const samePassword = {
	path: ['confirm'],
	error: () => m.field_password_mismatch()
};
const matches = (v: { password: string; confirm: string }) => v.password === v.confirm;

export const personName = z
	.string({ error: () => m.field_name_required() })
	.trim()
	.min(2, { error: () => m.field_name_short() })
	.max(120, { error: () => m.field_name_long() });

export const setupSchema = z
	.object({ name: personName, email, password: newPassword, confirm })
	.refine(matches, samePassword);

export const setPasswordSchema = z
	.object({ password: newPassword, confirm })
	.refine(matches, samePassword);

export const changePasswordSchema = z
	.object({
		current: z
			.string({ error: () => m.field_current_required() })
			.min(1, { error: () => m.field_current_required() }),
		password: newPassword,
		confirm
	})
	.refine(matches, samePassword);

export { email as emailField };
