/** The mission's gain settings (issue 4): timesats and the behind-plan margin, audited. */
import { eq } from 'drizzle-orm';
import { db } from '..';
import { writeAudit } from '../../audit';
import { mission } from '../schema';

export function saveGainSettings(
	missionId: number,
	input: { hourlyRate: number; behindMarginPercent: number },
	actorId: number,
	now: Date
): void {
	db.transaction((tx) => {
		const before = tx.select().from(mission).where(eq(mission.id, missionId)).get();
		const after = {
			hourlyRateKroner: input.hourlyRate,
			behindPlanMarginPercent: input.behindMarginPercent
		};
		tx.update(mission).set(after).where(eq(mission.id, missionId)).run();
		writeAudit(tx, now, {
			actorId,
			entity: 'mission',
			entityId: missionId,
			action: 'gain_settings',
			before: before
				? {
						hourlyRateKroner: before.hourlyRateKroner,
						behindPlanMarginPercent: before.behindPlanMarginPercent
					}
				: null,
			after
		});
	});
}
