import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { wheelSignature } from '$lib/server/db/schema';
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
