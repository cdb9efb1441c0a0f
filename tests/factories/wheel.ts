import { assignWheel, createWheel, createWheelTask } from '$lib/server/db/queries/wheel';
import type { Schedule } from '$lib/domain/wheel/schedule';

let counter = 0;

function ok<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

/** A wheel owned by `ownerUnitId`, assigned to `unitIds`, with one task per schedule given. */
export function makeWheel(opts: {
	ownerUnitId: number;
	unitIds?: number[];
	includeChildUnits?: boolean;
	tasks?: { title?: string; schedule: Schedule; storedIn?: string }[];
	activeFrom?: string;
}) {
	counter += 1;
	const wheelId = ok(
		createWheel(
			{ name: `Årshjul ${counter}`, description: null, ownerUnitId: opts.ownerUnitId },
			null,
			new Date()
		)
	);
	const taskIds = (opts.tasks ?? [{ schedule: { kind: 'monthly', dueDay: null } }]).map((t, i) =>
		ok(
			createWheelTask(
				wheelId,
				{
					title: t.title ?? `Oppgave ${counter}.${i + 1}`,
					description: null,
					responsibleRole: 'Avdelingsleder',
					storedIn: t.storedIn ?? 'Compilo',
					reference: null,
					schedule: t.schedule
				},
				null,
				new Date(),
				opts.activeFrom ?? '2026-01'
			)
		)
	);
	for (const unitId of opts.unitIds ?? []) {
		ok(
			assignWheel(
				wheelId,
				{ unitId, includeChildUnits: opts.includeChildUnits ?? false },
				null,
				new Date()
			)
		);
	}
	return { wheelId, taskIds };
}
