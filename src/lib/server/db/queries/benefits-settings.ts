/** The mission's gain settings: timesats and the behind-plan margin, audited. */
import { and, eq } from 'drizzle-orm';
import { db } from '..';
import { writeAudit } from './audit';
import { mission } from '../schema';
import type { Versioned, WriteResult } from '../../result';

/**
 * The settings are columns of the mission row, so the form carries the mission's version: a
 * save over a newer one (this form or the mission's own) writes nothing (`conflict`).
 */
export function saveGainSettings(
	missionId: number,
	input: { hourlyRate: number; behindMarginPercent: number } & Versioned,
	actorId: number,
	now: Date
): WriteResult {
	return db.transaction((tx) => {
		const before = tx.select().from(mission).where(eq(mission.id, missionId)).get();
		if (!before) return { ok: false, reason: 'not_found' } as const;
		const after = {
			hourlyRateKroner: input.hourlyRate,
			behindPlanMarginPercent: input.behindMarginPercent
		};
		const saved = tx
			.update(mission)
			.set({ ...after, version: input.version + 1 })
			.where(and(eq(mission.id, missionId), eq(mission.version, input.version)))
			.returning({ id: mission.id })
			.get();
		if (!saved) return { ok: false, reason: 'conflict' } as const;
		writeAudit(tx, now, {
			actorId,
			entity: 'mission',
			entityId: missionId,
			action: 'gain_settings',
			before: {
				hourlyRateKroner: before.hourlyRateKroner,
				behindPlanMarginPercent: before.behindPlanMarginPercent
			},
			after
		});
		return { ok: true, value: undefined } as const;
	});
}
