import type { Tx } from './db';
import { insertAuditEntry } from './db/queries/audit';

export type AuditInput = {
	actorId: number | null;
	entity: string;
	entityId: number | string;
	action: string;
	before?: unknown;
	after?: unknown;
};

/**
 * Records who changed what. Takes the transaction handle on purpose: an audit row is written
 * with the change it describes or not at all.
 */
export function writeAudit(tx: Tx, at: Date, entry: AuditInput): void {
	insertAuditEntry(tx, {
		at,
		actorId: entry.actorId,
		entity: entry.entity,
		entityId: String(entry.entityId),
		action: entry.action,
		before: entry.before ?? null,
		after: entry.after ?? null
	});
}
