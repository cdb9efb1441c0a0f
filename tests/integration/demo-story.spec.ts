/**
 * The demo tells a story over the past year (steering issue «Demo data that tells a story»):
 * history dated when it happened, counted back from the `now` the demo is given; each track's
 * expected effect per level (seed 001); seed 004's funnel as real measures with their history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { realisation, risk, statusChange, statusReport } from '$lib/server/db/schema';
import { seedDemo } from '$lib/server/demo';
import { BO } from '$lib/server/demo/portfolio-data';
import { listProjects } from '$lib/server/db/queries/projects';
import { listTracks } from '$lib/server/db/queries/tracks';
import { listAllStatusChanges } from '$lib/server/db/queries/lifecycle';
import { portfolioFunnel } from '$lib/server/db/queries/portfolio-ranking';
import { rankingView } from '$lib/server/portfolio/views/ranking';
import { lifecycleFunnel } from '$lib/domain/portfolio/rules';
import type { LifecycleStatus } from '$lib/domain/portfolio/vocabulary';
import { measure } from '$lib/server/db/schema';

// A fixed moment, early in a month: nothing may be dated after it.
const NOW = new Date('2027-03-02T08:00:00Z');
const YEAR_AGO = new Date('2026-03-01T00:00:00Z');

beforeAll(async () => {
	await seedDemo(NOW);
}, 120_000);

describe('the demo story', () => {
	it('dates status changes, reports, risks and realisations over the past year, none after now', () => {
		const changes = db.select().from(statusChange).all();
		const reports = db.select().from(statusReport).all();
		const risks = db.select().from(risk).all();
		const realised = db.select().from(realisation).all();
		for (const at of [
			...changes.map((c) => c.at),
			...reports.map((r) => r.createdAt),
			...risks.map((r) => r.createdAt),
			...realised.map((r) => r.createdAt)
		]) {
			expect(at.getTime()).toBeLessThanOrEqual(NOW.getTime());
		}
		const months = (dates: Date[]) => new Set(dates.map((d) => d.toISOString().slice(0, 7)));
		const pastYear = changes.filter((c) => c.at >= YEAR_AGO && c.at < NOW);
		expect(months(pastYear.map((c) => c.at)).size).toBeGreaterThanOrEqual(6);
		expect(months(reports.map((r) => r.createdAt)).size).toBeGreaterThanOrEqual(6);
		expect(new Set(reports.map((r) => r.period)).size).toBeGreaterThanOrEqual(6);
		expect(reports.every((r) => r.period < '2027-03')).toBe(true);
		expect(months(realised.map((r) => r.createdAt)).size).toBeGreaterThanOrEqual(10);
		// Something happened since a meeting a month ago: a new proposal and a new risk.
		const lastMeeting = new Date('2027-02-01T00:00:00Z');
		expect(changes.some((c) => c.at >= lastMeeting)).toBe(true);
		expect(risks.some((r) => r.createdAt >= lastMeeting)).toBe(true);
	});

	it('fills every track’s expected effect on each level (seed 001)', () => {
		const tracks = listTracks();
		expect(tracks).toHaveLength(6);
		for (const t of tracks) {
			expect(t.expectedEffectUser, t.code).toBeTruthy();
			expect(t.expectedEffectService, t.code).toBeTruthy();
			expect(t.expectedEffectSystem, t.code).toBeTruthy();
		}
	});

	it('models seed 004’s funnel: 86 proposed → 15 recommended → 6 adopted', () => {
		const bo = listProjects().find((p) => p.title === BO)!;
		const rows = db
			.select()
			.from(measure)
			.all()
			.filter((m) => m.projectId === bo.id);
		const history = new Map<number, LifecycleStatus[]>();
		for (const c of listAllStatusChanges('measure')) {
			history.set(c.subjectId, [...(history.get(c.subjectId) ?? []), c.toStatus]);
		}
		expect(
			lifecycleFunnel(rows.map((m) => ({ status: m.status, history: history.get(m.id) })))
		).toEqual({ proposed: 86, recommended: 15, adopted: 6 });
		// The steering group decided on one day; the project group recommended before that.
		const decided = new Set(
			listAllStatusChanges('measure')
				.filter((c) => rows.some((m) => m.id === c.subjectId) && c.toStatus === 'adopted')
				.map((c) => c.at.getTime())
		);
		expect(decided.size).toBe(1);
		// The portfolio page's funnel follows its filters: the whole portfolio counts the 86 and
		// the 4 measures of other projects; the project's track shows the 86 alone (its other
		// project has no measures).
		const measures = (f: ReturnType<typeof portfolioFunnel>) =>
			f.find((r) => r.subject === 'measure')!;
		expect(measures(portfolioFunnel())).toMatchObject({
			proposed: 90,
			recommended: 19,
			adopted: 9
		});
		const track = bo.trackIds[0]!;
		const url = new URLSearchParams({ spor: String(track) });
		expect(rankingView(url).funnel.measures).toEqual({ proposed: 86, recommended: 15, adopted: 6 });
	});
});
