import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';
import { parseForm, type FormValues } from '$lib/schemas/form';
import {
	createUnitSchema,
	moveUnitSchema,
	renameUnitSchema,
	unitIdSchema
} from '$lib/schemas/admin';
import {
	createUnit,
	getUnit,
	listUnits,
	moveUnit,
	renameUnit,
	setUnitArchived
} from '$lib/server/db/queries/units';
import { invalid, refuse } from '$lib/server/write-errors';
import { buildUnitTree, flattenUnitTree } from '$lib/domain/units';
import { readForm } from '$lib/server/read-form';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const units = flattenUnitTree(buildUnitTree(listUnits()));
	return {
		units: units.map((u) => ({
			id: u.id,
			name: u.name,
			depth: u.depth,
			parentId: u.parentId,
			archived: u.archivedAt !== null,
			version: u.version
		}))
	};
};

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

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(createUnitSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'create');
		const result = createUnit(form.data, admin.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, 'parentId', 'create');
		return { action: 'create', success: `Enheten «${form.data.name}» er opprettet.` };
	},
	rename: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(renameUnitSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'rename');
		const { unitId, ...input } = form.data;
		const result = renameUnit(unitId, input, admin.id, event.locals.now);
		if (!result.ok)
			return refuse(result.reason, newerOr(result.reason, unitId, form.values), 'name', 'rename');
		return { action: 'rename', success: `Enheten heter nå «${form.data.name}».` };
	},
	move: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(moveUnitSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'move');
		const { unitId, ...input } = form.data;
		const result = moveUnit(unitId, input, admin.id, event.locals.now);
		if (!result.ok)
			return refuse(result.reason, newerOr(result.reason, unitId, form.values), 'parentId', 'move');
		return { action: 'move', success: 'Enheten er flyttet.' };
	},
	archive: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(unitIdSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'archive');
		const result = setUnitArchived(form.data.unitId, true, admin.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'archive');
		return { action: 'archive', success: 'Enheten er arkivert.' };
	},
	restore: async (event) => {
		const admin = requireAdmin(event);
		const form = parseForm(unitIdSchema, await readForm(event));
		if (!form.ok) return invalid(form.values, form.errors, 'restore');
		const result = setUnitArchived(form.data.unitId, false, admin.id, event.locals.now);
		if (!result.ok) return refuse(result.reason, form.values, '_form', 'restore');
		return { action: 'restore', success: 'Enheten er gjenopprettet.' };
	}
};
