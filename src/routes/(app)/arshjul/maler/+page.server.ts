import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canEditWheel, isAdmin, ledUnitIds, requireUser } from '$lib/server/auth/guards';
import { createWheel, listWheels } from '$lib/server/db/queries/wheel';
import { listUnits } from '$lib/server/db/queries/units';
import { parseForm } from '$lib/schemas/form';
import { wheelSchema } from '$lib/schemas/wheel';
import { invalid } from '$lib/server/write-errors';
import { buildUnitTree, flattenUnitTree } from '$lib/domain/units';
import type { SessionUser } from '$lib/server/auth/session';
import { readForm } from '$lib/server/read-form';

function ownerOptions(user: SessionUser) {
	const led = new Set(ledUnitIds(user));
	return flattenUnitTree(buildUnitTree(listUnits().filter((u) => !u.archivedAt)))
		.filter((u) => isAdmin(user) || led.has(u.id))
		.map((u) => ({ value: String(u.id), label: `${'– '.repeat(u.depth)}${u.name}` }));
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		wheels: listWheels().map((w) => ({ ...w, canEdit: canEditWheel(user, w.ownerUnitId) })),
		ownerOptions: ownerOptions(user)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = parseForm(wheelSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'create');
		if (!canEditWheel(user, form.data.ownerUnitId)) {
			error(403, 'Bare administratorer og lederen for eierenheten kan lage årshjul for den.');
		}
		const result = createWheel(form.data, user.id, event.locals.now);
		if (!result.ok) {
			return invalid(
				form.values,
				{ ownerUnitId: 'Enheten finnes ikke eller er arkivert.' },
				'create'
			);
		}
		return {
			action: 'create',
			success: `Årshjulet «${form.data.name}» er opprettet.`,
			id: result.value
		};
	}
};
