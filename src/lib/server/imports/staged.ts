/** A staged file read back: its sheets, the mapping in force, and its preview. */
import { error } from '@sveltejs/kit';
import { type RememberedMapping } from '$lib/domain/imports/mapping';
import { getRememberedMapping, getStaging, type StagingRow } from '../db/queries/imports';
import type { StagedSheet } from './read';
import { previewDigest, type StagedMapping } from './preview';
import type { Target } from './target';
import { IMPORT_MESSAGES } from './messages';

/** The user's staged file for this target, or null (unknown, someone else's, expired). */
export function findStaging(target: Target, token: string, now: Date): StagingRow | null {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const row = getStaging(token, target.user.id, now);
	return row && row.kind === target.kind && row.target === target.key ? row : null;
}

export function requireStaging(target: Target, token: string, now: Date): StagingRow {
	const row = findStaging(target, token, now);
	if (!row) error(404, IMPORT_MESSAGES.notFound);
	return row;
}

/** The mapping chosen for the file, else the one remembered or matched by name. */
export function mappingOf(target: Target, staging: StagingRow): StagedMapping {
	if (staging.mapping) return staging.mapping as StagedMapping;
	const sheets = staging.sheets as StagedSheet[];
	const remembered = (getRememberedMapping(target.user.id, target.kind) ?? {}) as {
		columns?: RememberedMapping;
		defaults?: Record<string, string>;
	};
	const columns = target.spec.mapping(sheets, remembered.columns);
	return { columns, defaults: remembered.defaults ?? {} };
}

export function previewOf(target: Target, staging: StagingRow) {
	const mapping = mappingOf(target, staging);
	const preview = target.spec.preview(staging.sheets as StagedSheet[], mapping);
	return {
		mapping,
		preview,
		digest: previewDigest(staging.sha256, mapping, preview.rows, preview.creates)
	};
}
