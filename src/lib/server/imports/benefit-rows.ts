/** What the benefit imports share: references, and the note a download writes in an empty sheet. */
import { canEditOwned, isAdmin } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { StagedRow } from './read';
import { isEmptyNote } from './file-words';

/** A row that exists, or one this import creates (by its key). */
export type Ref = { id: number } | { key: string };

/**
 * The register download writes one line of text in a sheet with no rows («Ingen estimatlinjer
 * i utvalget.», exports/xlsx.ts `empty`): it is no row to import.
 */
export function isDownloadNote(row: StagedRow): boolean {
	const filled = row.cells.filter((c) => c.trim() !== '');
	return (
		filled.length === 1 &&
		row.cells[0] === filled[0] &&
		(/^Ingen .*(i utvalget|registrert ennå)\.$/.test(filled[0]!) || isEmptyNote(filled[0]!))
	);
}

/**
 * Who logs a benefit's realised values: its owner, the project's leader, admins — the rule of
 * the benefit page's form (benefits/access.ts, canLogFor), which an import may not reach.
 */
export function canLogRealisation(
	user: SessionUser,
	benefit: { ownerId: number | null },
	projectOwnerId: number | null
): boolean {
	return (
		isAdmin(user) ||
		(benefit.ownerId !== null && benefit.ownerId === user.id) ||
		canEditOwned(user, projectOwnerId)
	);
}
