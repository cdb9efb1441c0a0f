/**
 * What creating a project or measure checks and writes besides its own rows, given by the
 * caller (projects.ts insertProject, measures.ts insertMeasure): a single create asks the
 * database each time; many creates in one transaction (the spreadsheet import) may remember
 * the answers, since nothing else writes inside that transaction, and carry the audit chain
 * from row to row (audit.ts, auditWriter).
 */
import { eq } from 'drizzle-orm';
import { db, type Queryable, type Tx } from '..';
import { project } from '../schema';
import {
	AUDIT_INSERT_SQL,
	auditWriter,
	writeAudit,
	type AuditInput,
	type ChainedRow
} from './audit';
import { userExists } from './portfolio-people';

export type CreateContext = {
	projectUsable: (projectId: number) => boolean;
	userExists: (id: number) => boolean;
	audit: (entry: AuditInput) => void;
};

/** A project that exists and is not archived. */
export function projectUsable(q: Queryable, projectId: number): boolean {
	const row = q.select().from(project).where(eq(project.id, projectId)).get();
	return row !== undefined && !row.archivedAt;
}

/** Each check asked of the database, each audit row through writeAudit. */
export function directContext(tx: Tx, now: Date): CreateContext {
	return {
		projectUsable: (projectId) => projectUsable(tx, projectId),
		userExists: (id) => userExists(id, tx),
		audit: (entry) => writeAudit(tx, now, entry)
	};
}

/**
 * For many creates in the one transaction `tx`: each check is asked once per id, and the
 * audit rows are chained in the order written with one read of the chain's last row.
 * `created` tells a project made in this transaction (usable: new and not archived);
 * `auditMoved` that something else appended to the audit log (auditWriter's `forget`).
 */
export function batchContext(
	tx: Tx,
	now: Date
): CreateContext & { created: (projectId: number) => void; auditMoved: () => void } {
	// `tx` is a transaction on the app's connection (portfolio-batch.ts opens it on `db`), so a
	// statement prepared there writes inside it; prepared once instead of built for every row.
	const insert = db.$client.prepare<[ChainedRow]>(AUDIT_INSERT_SQL);
	const writer = auditWriter(tx, now, (row) => insert.run(row));
	const usable = new Map<number, boolean>();
	const users = new Map<number, boolean>();
	const remember = (memo: Map<number, boolean>, id: number, ask: () => boolean) => {
		let known = memo.get(id);
		if (known === undefined) memo.set(id, (known = ask()));
		return known;
	};
	return {
		projectUsable: (id) => remember(usable, id, () => projectUsable(tx, id)),
		userExists: (id) => remember(users, id, () => userExists(id, tx)),
		audit: writer.append,
		created: (id) => usable.set(id, true),
		auditMoved: writer.forget
	};
}
