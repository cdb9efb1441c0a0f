import { and, eq, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '..';
import { writeAudit } from './audit';
import { measure, project, risk, type Risk } from '../schema';
import type { RiskInput } from '$lib/schemas/portfolio';
import type { WriteResult } from '../../result';
import { userExists } from './portfolio-people';
import { writeTransaction } from './write';

export type RiskSubject = { projectId: number } | { measureId: number };

function auditable(r: Risk) {
	return {
		projectId: r.projectId,
		measureId: r.measureId,
		title: r.title,
		description: r.description,
		likelihood: r.likelihood,
		consequence: r.consequence,
		area: r.area,
		mitigation: r.mitigation,
		ownerId: r.ownerId,
		status: r.status
	};
}

const measureProject = alias(project, 'measure_project');

/**
 * Every risk on live work: the portfolio's risk picture for the steering group. Left out are
 * risks on an archived project, on an archived measure, and on a measure whose project is
 * archived: archived work is no longer steered, so its risks would only crowd the matrix the
 * group prioritises from. They stay on the archived item's own page.
 */
export function listRisks(): (Risk & { subjectTitle: string })[] {
	return db
		.select({ risk, projectTitle: project.title, measureTitle: measure.title })
		.from(risk)
		.leftJoin(project, eq(project.id, risk.projectId))
		.leftJoin(measure, eq(measure.id, risk.measureId))
		.leftJoin(measureProject, eq(measureProject.id, measure.projectId))
		.where(
			and(
				or(isNull(project.archivedAt), isNull(risk.projectId)),
				or(
					isNull(risk.measureId),
					and(isNull(measure.archivedAt), isNull(measureProject.archivedAt))
				)
			)
		)
		.all()
		.map((r) => ({ ...r.risk, subjectTitle: r.projectTitle ?? r.measureTitle ?? '' }));
}

export function listRisksByProject(projectId: number): Risk[] {
	return db.select().from(risk).where(eq(risk.projectId, projectId)).all();
}

export function listRisksByMeasure(measureId: number): Risk[] {
	return db.select().from(risk).where(eq(risk.measureId, measureId)).all();
}

export function getRiskById(id: number): Risk | undefined {
	return db.select().from(risk).where(eq(risk.id, id)).get();
}

export function createRisk(
	subject: RiskSubject,
	input: RiskInput,
	actorId: number | null,
	now: Date
): WriteResult<number> {
	return writeTransaction((tx) => {
		if (!userExists(input.ownerId, tx)) return { ok: false, reason: 'owner_missing' } as const;
		const row = tx
			.insert(risk)
			.values({ ...subject, ...input, createdAt: now })
			.returning()
			.get();
		writeAudit(tx, now, {
			actorId,
			entity: 'risk',
			entityId: row.id,
			action: 'create',
			after: auditable(row)
		});
		return { ok: true, value: row.id } as const;
	});
}

export function updateRisk(
	id: number,
	input: RiskInput & { version: number },
	actorId: number,
	now: Date
): WriteResult {
	return writeTransaction((tx) => {
		const before = tx.select().from(risk).where(eq(risk.id, id)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		if (before.version !== input.version) return { ok: false, reason: 'conflict' } as const;
		if (!userExists(input.ownerId, tx)) return { ok: false, reason: 'owner_missing' } as const;
		const { version, ...fields } = input;
		const after = tx
			.update(risk)
			.set({ ...fields, version: version + 1 })
			.where(and(eq(risk.id, id), eq(risk.version, version)))
			.returning()
			.get();
		if (!after) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'risk',
			entityId: id,
			action: 'update',
			before: auditable(before),
			after: auditable(after)
		});
		return { ok: true, value: undefined } as const;
	});
}
