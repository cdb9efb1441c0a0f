/**
 * What an import goes into, and the kind's own parts: its fields, its preview and its writes.
 * The route's guard decides who may import (the same guard as the area's own form); the route
 * then names the target here.
 */
import type { SessionUser } from '../auth/session';
import type { WheelRow } from '../db/queries/wheel';
import type { ImportField } from '$lib/domain/imports/mapping';
import { WHEEL_TASK_FIELDS, wheelTaskMapping } from '$lib/domain/imports/wheel-tasks';
import type { ImportKind } from '$lib/domain/imports/vocabulary';
import type { RememberedMapping, ColumnMapping } from '$lib/domain/imports/mapping';
import type { StagedSheet } from './read';
import type { Preview, StagedMapping } from './preview';
import { createWheelTask } from '../db/queries/wheel';
import { wheelTaskPreview } from './wheel-tasks';

export interface ImportTarget {
	user: SessionUser;
	kind: ImportKind;
	/** Stored with the staged file: a file staged for one wheel is not committed into another. */
	key: string;
	/** The page the import lives on; the preview is `?fil=<token>` on it. */
	path: string;
}

export interface ImportKindSpec {
	fields: readonly ImportField[];
	/** Fields that may take a value for empty cells, chosen on the mapping step. */
	defaults: readonly string[];
	/** [one, many]: «oppgave», «oppgaver». */
	noun: [string, string];
	mapping(headers: readonly string[], remembered?: RememberedMapping): ColumnMapping;
	preview(sheets: readonly StagedSheet[], mapping: StagedMapping): Preview<unknown>;
	/** Creates one row's item; the commit's transaction wraps them all. */
	create(input: unknown, now: Date): { ok: true; value: number } | { ok: false; reason: string };
}

/** A wheel template's tasks (/arshjul/maler/[id]/import). */
export function wheelTasksTarget(
	ctx: { user: SessionUser; wheel: WheelRow },
	path: string
): ImportTarget & { spec: ImportKindSpec } {
	const wheelId = ctx.wheel.id;
	return {
		user: ctx.user,
		kind: 'wheel_tasks',
		key: `wheel:${wheelId}`,
		path,
		spec: {
			fields: WHEEL_TASK_FIELDS,
			defaults: ['responsibleRole', 'storedIn'],
			noun: ['oppgave', 'oppgaver'],
			mapping: wheelTaskMapping,
			preview: (sheets, mapping) =>
				sheets[0]
					? wheelTaskPreview(sheets[0], mapping, wheelId)
					: { columns: [], rows: [], creates: [] },
			create: (input, now) =>
				createWheelTask(wheelId, input as Parameters<typeof createWheelTask>[1], ctx.user.id, now)
		}
	};
}

export type Target = ReturnType<typeof wheelTasksTarget>;
