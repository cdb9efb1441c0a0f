/**
 * Links of a project's benefit map. A link is checked against the project's whole graph
 * (allowed kinds, duplicates, cycles; src/lib/domain/benefits/graph.ts) inside the transaction
 * that stores it, so a cycle can never reach the database.
 */
import { and, eq } from 'drizzle-orm';
import { db, type Queryable } from '..';
import { writeAudit } from './audit';
import { deleteFound } from './write';
import { withGainRollups } from './gain-rollups';
import { benefitLink, effectGoal, measure } from '../schema';
import {
	goalLabel,
	linkRefusal,
	nodeKey,
	type GraphEdge,
	type GraphNode,
	type LinkRefusal
} from '$lib/domain/benefits/graph';
import type { LinkInput } from '$lib/schemas/benefits';
import { getProjectById } from './projects';
import { listBenefitsByProjects, listChangesByProjects, listLinksByProjects } from './benefits';
import type { WriteResult } from '../../result';

/**
 * The nodes a link on this project's map may join: its measures, changes and benefits, and
 * the mission's effect goals.
 */
function projectGraph(q: Queryable, projectId: number) {
	const p = getProjectById(projectId, q);
	if (!p) return null;
	const nodes: GraphNode[] = [
		...q
			.select({ id: measure.id, title: measure.title })
			.from(measure)
			.where(eq(measure.projectId, projectId))
			.all()
			.map((m) => ({ id: nodeKey('measure', m.id), kind: 'measure' as const, label: m.title })),
		...listChangesByProjects([projectId]).map((c) => ({
			id: nodeKey('change', c.id),
			kind: 'change' as const,
			label: c.title
		})),
		...listBenefitsByProjects([projectId]).map((b) => ({
			id: nodeKey('benefit', b.id),
			kind: 'benefit' as const,
			label: b.title
		})),
		...q
			.select({ id: effectGoal.id, number: effectGoal.number, title: effectGoal.title })
			.from(effectGoal)
			.where(eq(effectGoal.missionId, p.missionId))
			.all()
			.map((g) => ({
				id: nodeKey('goal', g.id),
				kind: 'goal' as const,
				label: goalLabel(g)
			}))
	];
	const edges: GraphEdge[] = listLinksByProjects([projectId]).map((l) => ({
		from: nodeKey(l.fromKind, l.fromId),
		to: nodeKey(l.toKind, l.toId)
	}));
	return { nodes, edges };
}

/** A refused link answers `link` with the rule it breaks (a code, see domain/benefits/graph.ts). */
export type LinkResult =
	| { ok: true; value: number }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'link'; refusal: LinkRefusal };

/**
 * A link from a benefit to an effect goal moves the goal's sums (gain_total, scope `goal`):
 * the benefit whose contribution the write changes; none for other links.
 */
function goalLinkBenefits(link: Pick<LinkInput, 'fromKind' | 'fromId' | 'toKind'>): number[] {
	return link.fromKind === 'benefit' && link.toKind === 'goal' ? [link.fromId] : [];
}

export function createLink(
	projectId: number,
	input: LinkInput,
	actorId: number,
	now: Date
): LinkResult {
	return db.transaction((tx) => {
		const graph = projectGraph(tx, projectId);
		if (!graph) return { ok: false, reason: 'not_found' } as const;
		const refusal = linkRefusal(
			graph.nodes,
			graph.edges,
			nodeKey(input.fromKind, input.fromId),
			nodeKey(input.toKind, input.toId)
		);
		if (refusal) return { ok: false, reason: 'link', refusal } as const;
		const row = withGainRollups(goalLinkBenefits(input), () =>
			tx
				.insert(benefitLink)
				.values({ projectId, ...input })
				.returning()
				.get()
		);
		writeAudit(tx, now, {
			actorId,
			entity: 'benefit_link',
			entityId: row.id,
			action: 'create',
			after: { projectId, ...input }
		});
		return { ok: true, value: row.id } as const;
	});
}

export function deleteLink(
	projectId: number,
	linkId: number,
	actorId: number,
	now: Date
): WriteResult {
	const mine = and(eq(benefitLink.id, linkId), eq(benefitLink.projectId, projectId));
	return deleteFound(
		(tx) => tx.select().from(benefitLink).where(mine).get(),
		(tx) => {
			const link = tx.select().from(benefitLink).where(mine).get()!;
			withGainRollups(goalLinkBenefits(link), () =>
				tx.delete(benefitLink).where(eq(benefitLink.id, linkId)).run()
			);
		},
		(before) => ({ actorId, entity: 'benefit_link', entityId: linkId, action: 'delete', before }),
		now
	);
}
