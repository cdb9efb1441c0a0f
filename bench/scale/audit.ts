/**
 * The change log at scale: exactly the stated number of audit rows, each describing a row
 * that really is in the database, written the way `writeAudit` writes it (entity, id, action,
 * actor, and the row as JSON). The setup (units, users, roles, mission, tracks, wheels) is
 * logged in full; the rest is a sample of the day-to-day writes in realistic proportions,
 * mostly realisations and sign-offs. Rows go in time order, so ids grow with time as they do
 * when the app writes them, and each carries its link in the hash chain, computed by the app's
 * own chainHash (an insert trigger refuses a row without it).
 */
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import * as schema from '../../src/lib/server/db/schema';
import { chainHash, GENESIS_HASH } from '../../src/lib/server/db/audit-chain';
import type { Context } from './context';
import { rowReader } from './table-writer';

const WHERE = 'bench/scale/audit.ts';

type Row = Record<string, unknown>;

interface Entry {
	at: number;
	actorId: number | null;
	entity: string;
	entityId: string;
	action: string;
	before: unknown;
	after: unknown;
}

interface Source {
	table: SQLiteTable;
	/** Share of the sampled rows; undefined: every row is logged. */
	share?: number;
	entry(
		row: Row,
		rowid: number
	): Omit<Entry, 'before' | 'after'> & { before?: unknown; after?: unknown };
}

const ms = (value: unknown) => (value instanceof Date ? value.getTime() : Number(value));

/** The row as `after`, without what the database fills in itself. */
function values(row: Row): Row {
	const rest = { ...row };
	delete rest.id;
	delete rest.createdAt;
	return rest;
}

export function seedAudit(ctx: Context, adminId: number): number {
	const rng = ctx.rng('audit');
	const { sqlite } = ctx;
	const read = <T extends SQLiteTable>(table: T) => rowReader(sqlite, table);
	const project = read(schema.project);
	const benefit = read(schema.benefit);
	const userRow = read(schema.user);
	const owner = (projectId: unknown) => (project(Number(projectId))?.ownerId as number) ?? adminId;
	const benefitOwner = (benefitId: unknown) => owner(benefit(Number(benefitId))?.projectId);
	const created =
		(entity: string, actor: (r: Row) => unknown = () => adminId) =>
		(r: Row) => ({
			at: ms(r.createdAt),
			actorId: Number(actor(r)),
			entity,
			entityId: String(r.id),
			action: 'create',
			after: values(r)
		});

	const sources: Source[] = [
		{ table: schema.unit, entry: created('unit') },
		{
			table: schema.user,
			entry: (r) => ({ ...created('user')(r), after: { name: r.name, email: r.email } })
		},
		{
			table: schema.roleAssignment,
			entry: (r) => ({
				at: ms(userRow(Number(r.userId))?.createdAt),
				actorId: adminId,
				entity: 'role_assignment',
				entityId: String(r.id),
				action: 'grant',
				after: values(r)
			})
		},
		{ table: schema.mission, entry: created('mission') },
		{ table: schema.effectGoal, entry: created('effect_goal') },
		{ table: schema.track, entry: created('track') },
		{ table: schema.wheel, entry: created('wheel') },
		{ table: schema.wheelTask, entry: created('wheel_task') },
		{
			table: schema.wheelAssignment,
			entry: (r) => ({
				at: ms(r.createdAt),
				actorId: adminId,
				entity: 'wheel',
				entityId: String(r.wheelId),
				action: 'assign',
				after: values(r)
			})
		},
		{
			table: schema.wheelReopening,
			entry: (r) => ({
				at: ms(r.reopenedAt),
				actorId: Number(r.reopenedById),
				entity: 'wheel_signature',
				entityId: String(r.signatureId),
				action: 'reopen',
				after: { reason: r.reason }
			})
		},
		{
			table: schema.behindPlanFollowUp,
			entry: created('behind_plan_follow_up', (r) => r.authorId)
		},
		{
			table: schema.realisation,
			share: 0.38,
			entry: (r) => ({
				...created('realisation', (x) => x.authorId)(r),
				action: r.supersedesId === null ? 'create' : 'supersede'
			})
		},
		{
			table: schema.wheelSignature,
			share: 0.3,
			entry: (r) => {
				const after = values(r);
				delete after.reopenedAt;
				return {
					at: ms(r.signedAt),
					actorId: Number(r.signedById),
					entity: 'wheel_signature',
					entityId: String(r.id),
					action: 'sign',
					after
				};
			}
		},
		{
			table: schema.statusChange,
			share: 0.08,
			entry: (r) => ({
				at: ms(r.at),
				actorId: Number(r.actorId),
				entity: String(r.subject),
				entityId: String(r.subjectId),
				action: 'status',
				before: r.fromStatus === null ? null : { status: r.fromStatus },
				after: { status: r.toStatus, reason: r.reason }
			})
		},
		{ table: schema.statusReport, share: 0.07, entry: created('status_report', (r) => r.authorId) },
		{ table: schema.benefit, share: 0.04, entry: created('benefit', (r) => owner(r.projectId)) },
		{
			table: schema.benefitLink,
			share: 0.03,
			entry: created('benefit_link', (r) => owner(r.projectId))
		},
		{
			table: schema.benefitChange,
			share: 0.02,
			entry: created('benefit_change', (r) => owner(r.projectId))
		},
		{ table: schema.measure, share: 0.02, entry: created('measure', (r) => r.ownerId) },
		{ table: schema.risk, share: 0.02, entry: created('risk', (r) => r.ownerId) },
		{
			table: schema.estimateLine,
			share: 0.01,
			entry: created('estimate_line', (r) => benefitOwner(r.benefitId))
		},
		{
			table: schema.plannedPeriod,
			share: 0.01,
			entry: (r) => ({
				at: ms(benefit(Number(r.benefitId))?.createdAt) + 86_400_000,
				actorId: benefitOwner(r.benefitId),
				entity: 'planned_period',
				entityId: String(r.id),
				action: 'create',
				after: values(r)
			})
		},
		{ table: schema.project, share: 0.01, entry: created('project', (r) => r.ownerId) },
		{
			table: schema.projectScore,
			share: 0.01,
			entry: (r) => ({
				at: ms(r.scoredAt),
				actorId: Number(r.scoredBy),
				entity: 'project',
				entityId: String(r.projectId),
				action: 'score',
				after: { lens: r.lens, score: r.score, justification: r.justification }
			})
		}
	];

	const rowids = (table: SQLiteTable) => {
		const name = getTableConfig(table).name;
		const { n, top } = sqlite
			.prepare(`SELECT count(*) AS n, max(rowid) AS top FROM "${name}"`)
			.get() as {
			n: number;
			top: number | null;
		};
		// Every table here was filled with ids 1…n; anything else means rows were written elsewhere.
		if (n !== (top ?? 0)) throw new Error(`${name}: expected rowids 1…${n} (${WHERE})`);
		return n;
	};

	const total = ctx.scaled(200_000, 10);
	const fixed = sources.filter((s) => s.share === undefined);
	const sampled = sources.filter((s) => s.share !== undefined);
	const fixedCount = fixed.reduce((sum, s) => sum + rowids(s.table), 0);
	const available = sampled.map((s) => rowids(s.table));
	const room = Math.max(0, total - fixedCount);
	// Each kind's share, capped by what exists; what a small table cannot give goes to the rest.
	const quota = sampled.map((s, i) => Math.min(available[i]!, Math.round(room * s.share!)));
	let short = room - quota.reduce((a, b) => a + b, 0);
	for (let i = 0; short !== 0 && i < sampled.length; i++) {
		const add = Math.max(-quota[i]!, Math.min(short, available[i]! - quota[i]!));
		quota[i]! += add;
		short -= add;
	}

	const entries: Entry[] = [];
	const collect = (source: Source, ids: number[]) => {
		const reader = read(source.table);
		for (const rowid of ids) {
			const row = reader(rowid);
			if (!row) continue;
			const e = source.entry(row, rowid);
			entries.push({ before: null, after: null, ...e });
		}
	};
	for (const s of fixed)
		collect(
			s,
			Array.from({ length: rowids(s.table) }, (_, i) => i + 1)
		);
	sampled.forEach((s, i) => {
		const ids = rng.sample(
			Array.from({ length: available[i]! }, (_, k) => k + 1),
			quota[i]!
		);
		collect(s, ids);
	});
	entries.sort((a, b) => a.at - b.at);

	const audit_ = ctx.writer(
		schema.auditLog,
		['id', 'at', 'actorId', 'entity', 'entityId', 'action', 'before', 'after', 'prevHash', 'hash'],
		WHERE
	);
	let prevHash = GENESIS_HASH;
	for (const e of entries.slice(0, total)) {
		const fields = {
			id: audit_.count + 1,
			at: e.at,
			actorId: e.actorId,
			entity: e.entity,
			entityId: e.entityId,
			action: e.action,
			before: e.before === null ? null : JSON.stringify(e.before),
			after: e.after === null ? null : JSON.stringify(e.after)
		};
		const hash = chainHash(prevHash, fields);
		audit_.row([
			fields.id,
			fields.at,
			fields.actorId,
			fields.entity,
			fields.entityId,
			fields.action,
			fields.before,
			fields.after,
			prevHash,
			hash
		]);
		prevHash = hash;
	}
	return audit_.count;
}
