import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { logRealisation } from '$lib/server/db/queries/benefits-gains';
import {
	activeSignature,
	reopenOccurrence,
	signOccurrence
} from '$lib/server/db/queries/wheel-occurrences';
import { makeUnit, makeUser } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { makeWheel } from '../factories/wheel';

const NOW = new Date('2026-11-20T10:00:00Z');
const LATER = new Date('2026-11-21T10:00:00Z');
const sqlite = () => db.$client;

/** The triggers drizzle/0006_audit_append_only.sql and 0008_no_replace.sql create, by table. */
const TRIGGERS: Record<string, string[]> = {
	audit_log: ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_chained_insert'],
	wheel_signature: [
		'wheel_signature_no_update',
		'wheel_signature_no_delete',
		'wheel_signature_no_replace'
	],
	wheel_reopening: [
		'wheel_reopening_no_update',
		'wheel_reopening_no_delete',
		'wheel_reopening_no_replace'
	],
	realisation: ['realisation_no_update', 'realisation_no_delete', 'realisation_no_replace']
};

/** Every column of a row, for an INSERT OR REPLACE that copies it with one value changed. */
function replaceRow(table: string, id: number, change: Record<string, unknown>) {
	const row = {
		...(sqlite().prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as object),
		...change
	};
	const columns = Object.keys(row);
	return () =>
		sqlite()
			.prepare(
				`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
			)
			.run(row);
}

let key: { taskId: number; unitId: number; period: string };
let leaderId: number;
let realisationId: number;

beforeAll(async () => {
	const unitId = makeUnit('Avdeling Vest');
	leaderId = await makeUser([{ role: 'unit_leader', unitId }]);
	const taskId = makeWheel({ ownerUnitId: unitId, unitIds: [unitId], activeFrom: '2026-01' })
		.taskIds[0]!;
	key = { taskId, unitId, period: '2026-10' };
	const signed = signOccurrence(
		key,
		{ comment: 'Gjennomgått', storedIn: 'Compilo', link: null },
		leaderId,
		NOW
	);
	expect(signed.ok).toBe(true);

	const ownerId = await makeUser([{ role: 'programme_leader' }]);
	const { tracks } = makeMission(ownerId);
	const { projectId } = makeProject(ownerId, [tracks[0]!]);
	const benefitId = makeBenefit(projectId, {}, ownerId);
	const logged = logRealisation(
		benefitId,
		{ period: '2026-10', value: 1000, comment: '', evidence: '', supersedesId: null },
		ownerId,
		NOW
	);
	if (!logged.ok) throw new Error(logged.reason);
	realisationId = logged.value;
	// A correction is a new row; the corrected one is left as it was.
	const corrected = logRealisation(
		benefitId,
		{
			period: '2026-10',
			value: 1200,
			comment: 'Feil i første tall',
			evidence: '',
			supersedesId: realisationId
		},
		ownerId,
		LATER
	);
	expect(corrected.ok).toBe(true);
});

describe('records that cannot be changed in SQL', () => {
	it('every protected table has its triggers after all migrations', () => {
		// A migration that rebuilds one of these tables drops its triggers; this names the loss.
		const present = sqlite()
			.prepare("SELECT tbl_name AS t, name FROM sqlite_master WHERE type = 'trigger'")
			.all() as { t: string; name: string }[];
		for (const [table, names] of Object.entries(TRIGGERS)) {
			expect(present.filter((p) => p.t === table).map((p) => p.name)).toEqual(
				expect.arrayContaining(names)
			);
		}
	});

	it('a signature cannot be changed or deleted; a reopening sets reopened_at once', () => {
		const signature = activeSignature(key)!;
		const run =
			(statement: string, ...args: unknown[]) =>
			() =>
				sqlite()
					.prepare(statement)
					.run(...args);
		expect(run("UPDATE wheel_signature SET comment = 'endret' WHERE id = ?", signature.id)).toThrow(
			/signature cannot be changed/
		);
		expect(run('UPDATE wheel_signature SET signed_at = 0 WHERE id = ?', signature.id)).toThrow(
			/signature cannot be changed/
		);
		// reopened_at alone, without a reopening of this signature at that time: refused.
		expect(run('UPDATE wheel_signature SET reopened_at = 1 WHERE id = ?', signature.id)).toThrow(
			/signature cannot be changed/
		);
		expect(run('DELETE FROM wheel_signature WHERE id = ?', signature.id)).toThrow(
			/cannot be deleted/
		);
		// REPLACE removes the clashing row without a DELETE trigger: refused on the id and on
		// the occurrence (a new id for the same task, unit and month).
		expect(replaceRow('wheel_signature', signature.id, { late: 0, comment: 'ny' })).toThrow(
			/cannot be replaced/
		);
		expect(replaceRow('wheel_signature', signature.id, { id: signature.id + 100 })).toThrow(
			/cannot be replaced/
		);
		expect(activeSignature(key)).toEqual(signature);

		const reopened = reopenOccurrence(key, { reason: 'Feil måned' }, leaderId, LATER, signature.id);
		expect(reopened.ok).toBe(true);
		const after = sqlite()
			.prepare('SELECT * FROM wheel_signature WHERE id = ?')
			.get(signature.id) as Record<string, unknown>;
		expect(after.reopened_at).toBe(LATER.getTime());
		expect(after.comment).toBe('Gjennomgått');
		// Once reopened, not again and not back.
		expect(run('UPDATE wheel_signature SET reopened_at = NULL WHERE id = ?', signature.id)).toThrow(
			/signature cannot be changed/
		);
		expect(
			run('UPDATE wheel_signature SET reopened_at = ? WHERE id = ?', LATER.getTime(), signature.id)
		).toThrow(/signature cannot be changed/);
		expect(run("UPDATE wheel_reopening SET reason = 'x'")).toThrow(/reopening cannot be changed/);
		expect(run('DELETE FROM wheel_reopening')).toThrow(/reopening cannot be deleted/);
		const reopening = sqlite().prepare('SELECT id FROM wheel_reopening').get() as { id: number };
		expect(replaceRow('wheel_reopening', reopening.id, { reason: 'x' })).toThrow(
			/reopening cannot be replaced/
		);
		expect(replaceRow('wheel_reopening', reopening.id, { id: reopening.id + 100 })).toThrow(
			/reopening cannot be replaced/
		);

		// The occurrence can be signed again, as a new row.
		const again = signOccurrence(
			key,
			{ comment: 'Signert på nytt', storedIn: 'Compilo', link: null },
			leaderId,
			LATER
		);
		expect(again.ok).toBe(true);
	});

	it('a realisation cannot be changed or deleted; the correction is its own row', () => {
		const run = (statement: string) => () => sqlite().prepare(statement).run(realisationId);
		expect(run('UPDATE realisation SET value = 5 WHERE id = ?')).toThrow(/cannot be changed/);
		expect(run('UPDATE realisation SET supersedes_id = NULL WHERE id = ?')).toThrow(
			/cannot be changed/
		);
		expect(run('DELETE FROM realisation WHERE id = ?')).toThrow(/cannot be deleted/);
		expect(replaceRow('realisation', realisationId, { value: 99_999_999 })).toThrow(
			/cannot be replaced/
		);
		const rows = sqlite()
			.prepare('SELECT id, value, supersedes_id FROM realisation ORDER BY id')
			.all();
		expect(rows).toEqual([
			{ id: realisationId, value: 1000, supersedes_id: null },
			{ id: realisationId + 1, value: 1200, supersedes_id: realisationId }
		]);
	});
});
