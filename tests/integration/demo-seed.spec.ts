import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { deviation, riskControl, wheelSignature } from '$lib/server/db/schema';
import { countMatrixRisks } from '$lib/server/db/queries/risk-control';
import { seedDemo } from '$lib/server/demo';
import { osloDay } from '$lib/format';

// The demo is seeded at the moment the server starts, so it must seed on any date; the clock
// run (scripts/test-clock.sh) runs this file at New Year, a leap day and both DST changes.
const now = new Date();

beforeAll(async () => {
	await seedDemo(now);
}, 120_000);

describe('the demo data', () => {
	it('seeds signatures, none of them dated before its month began or after now', () => {
		const rows = db.select().from(wheelSignature).all();
		expect(rows.length).toBeGreaterThan(0);
		for (const s of rows) {
			expect(osloDay(s.signedAt).slice(0, 7) >= s.period, `${s.id} ${s.period}`).toBe(true);
			expect(s.signedAt.getTime()).toBeLessThanOrEqual(now.getTime());
		}
	});
});

describe('the demo internal control', () => {
	it('has an open overdue deviation, a closed one, a tilsyn finding and a risk without control', () => {
		const today = osloDay(now);
		const rows = db.select().from(deviation).all();
		expect(rows.some((d) => d.status === 'open' && d.deadline !== null && d.deadline < today)).toBe(
			true
		);
		expect(rows.some((d) => d.status === 'closed' && (d.closingNote ?? '').length > 0)).toBe(true);
		expect(rows.some((d) => d.source === 'tilsyn' && d.findingId !== null)).toBe(true);
		expect(countMatrixRisks().uncontrolled).toBeGreaterThan(0);
		expect(db.select().from(riskControl).all().length).toBeGreaterThanOrEqual(2);
	});
});
