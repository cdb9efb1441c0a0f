/**
 * /styring's kept figures (read-cache.ts, each naming the tables it reads) after a write: a
 * sign-in or a session ended writes only the session table, so the page is served from what
 * was kept, without counting again; a realisation logged moves the benefit's figure, and the
 * behind-plan count and the changes since the last meeting the page shows move with it. The
 * counting queries are wrapped so the spec sees how often they run.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeEvent, makeUser, signIn, type Signed } from '../factories';
import { logGain, makeBenefit, makeMission, makeProject, planBenefit } from '../factories/benefits';
import { invalidateSession } from '$lib/server/auth/session';
import { countBehindByTrack } from '$lib/server/db/queries/gain-lists';
import { countChangesSince } from '$lib/server/db/queries/steering';
import { load as steeringLoad } from '../../src/routes/(app)/styring/+page.server';

vi.mock('$lib/server/db/queries/gain-lists', async (original) => {
	const real = await original<typeof import('$lib/server/db/queries/gain-lists')>();
	return { ...real, countBehindByTrack: vi.fn(real.countBehindByTrack) };
});
vi.mock('$lib/server/db/queries/steering', async (original) => {
	const real = await original<typeof import('$lib/server/db/queries/steering')>();
	return { ...real, countChangesSince: vi.fn(real.countChangesSince) };
});

const NOW = new Date('2026-11-25T12:00:00Z');
let leader: number;
let steering: Signed;
let track: number;
let benefit: number;

type Page = {
	total: { behind: { count: number } } | null;
	tracks: { id: number; behind: { count: number } }[];
	since: { counts: { kind: string; count: number }[] };
};

async function open(): Promise<Page> {
	return (await steeringLoad(
		makeEvent({ signed: steering, path: '/styring', now: NOW }) as never
	)) as unknown as Page;
}

const behind = (p: Page) => p.tracks.find((t) => t.id === track)!.behind.count;
const realisations = (p: Page) => p.since.counts.find((c) => c.kind === 'realisation')!.count;

beforeAll(async () => {
	leader = await makeUser([{ role: 'programme_leader' }]);
	steering = signIn(await makeUser([{ role: 'steering' }]), NOW);
	track = makeMission(leader).tracks[0]!;
	const project = makeProject(leader, [track], 0).projectId;
	// 0 → 120 000 kr over 2026; 12 000 by May is behind plan.
	benefit = makeBenefit(project, { level: 'bruker', unit: 'kr' }, leader);
	planBenefit(
		benefit,
		{
			baseline: 0,
			baselineDate: '2026-01-01',
			target: 120_000,
			targetDate: '2026-12-31',
			method: 'Måling'
		},
		leader,
		NOW
	);
	logGain(benefit, '2026-05', 12_000, leader, new Date('2026-11-20T10:00:00Z'));
});

describe('/styring after a write', () => {
	it('keeps its figures through session writes and counts again after a realisation', async () => {
		const first = await open();
		expect(behind(first)).toBe(1);
		expect(first.total!.behind.count).toBe(1);
		expect(realisations(first)).toBe(1);
		const behindRuns = vi.mocked(countBehindByTrack).mock.calls.length;
		const changeRuns = vi.mocked(countChangesSince).mock.calls.length;

		// Another user signs in, and signs out again: the session table only.
		const other = signIn(leader, NOW);
		invalidateSession(other.session.id);
		const kept = await open();
		expect(behind(kept)).toBe(1);
		expect(realisations(kept)).toBe(1);
		expect(vi.mocked(countBehindByTrack).mock.calls.length).toBe(behindRuns);
		expect(vi.mocked(countChangesSince).mock.calls.length).toBe(changeRuns);

		// On plan for October: the benefit is no longer behind, and one more realisation shows.
		logGain(benefit, '2026-10', 110_000, leader, new Date('2026-11-25T11:00:00Z'));
		const after = await open();
		expect(behind(after)).toBe(0);
		expect(after.total!.behind.count).toBe(0);
		expect(realisations(after)).toBe(2);
		expect(vi.mocked(countBehindByTrack).mock.calls.length).toBe(behindRuns + 1);
	});
});
