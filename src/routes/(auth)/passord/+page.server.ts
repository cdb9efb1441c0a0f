import { error, redirect } from '@sveltejs/kit';
import { invalid } from '$lib/server/write-errors';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/schemas/form';
import { setPasswordSchema } from '$lib/schemas/auth';
import { getPasswordToken, getUserById, setPassword } from '$lib/server/db/queries/users';
import { hashPassword } from '$lib/server/auth/password';
import { hashToken } from '$lib/server/auth/tokens';
import { readForm } from '$lib/server/read-form';

// Public, guarded by the one-use link an administrator handed out.
function userForLink(token: string | null, now: Date) {
	const row = token ? getPasswordToken(hashToken(token)) : undefined;
	const user = row && row.expiresAt > now ? getUserById(row.userId) : undefined;
	if (!user || !user.active) error(404, 'Lenken er brukt, utløpt eller ugyldig.');
	return user;
}

export const load: PageServerLoad = async ({ url, locals }) => {
	const user = userForLink(url.searchParams.get('token'), locals.now);
	return { name: user.name, email: user.email };
};

export const actions: Actions = {
	default: async ({ request, url, locals }) => {
		const user = userForLink(url.searchParams.get('token'), locals.now);
		const form = parseForm(setPasswordSchema, await readForm({ request }));
		if (!form.ok) return invalid(form.values, form.errors);
		// setPassword also deletes the link, so it works once.
		setPassword(
			user.id,
			await hashPassword(form.data.password),
			{
				actorId: user.id,
				mustChangePassword: false,
				action: 'password_set_by_link'
			},
			locals.now
		);
		redirect(303, '/login?passordSatt=1');
	}
};
