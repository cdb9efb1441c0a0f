/**
 * Wheel rows as the flat values their edit forms post, so a form can be filled from the
 * database: on first load, and with the newer values after a lost-update conflict.
 */
import type { Schedule } from '$lib/domain/wheel/schedule';
import type { FormValues } from '$lib/schemas/form';

export function wheelValues(w: {
	name: string;
	description: string | null;
	ownerUnitId: number;
	version: number;
}): FormValues {
	return {
		name: w.name,
		description: w.description ?? '',
		ownerUnitId: String(w.ownerUnitId),
		version: String(w.version)
	};
}

export function taskValues(
	t: {
		id: number;
		title: string;
		description: string | null;
		responsibleRole: string;
		storedIn: string;
		reference: string | null;
		version: number;
	},
	s: Schedule
): FormValues {
	return {
		taskId: String(t.id),
		title: t.title,
		description: t.description ?? '',
		responsibleRole: t.responsibleRole,
		storedIn: t.storedIn,
		reference: t.reference ?? '',
		scheduleKind: s.kind,
		months: s.kind === 'months' ? s.months.map(String) : [],
		month: s.kind === 'yearly' ? String(s.month) : '',
		dueDay: s.dueDay === null ? '' : String(s.dueDay),
		version: String(t.version)
	};
}
