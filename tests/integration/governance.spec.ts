/**
 * One wheel for the year's governance: the steering group's meetings (set by the group and
 * administrators) and the measurement dates of each benefit (from how often its owner measures
 * it) in their own rings on /arshjul, on «Mine oppgaver» and in the calendar feed; a
 * measurement is done when a value for its month is logged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { load as wheelLoad } from '../../src/routes/(app)/arshjul/+page.server';
import { load as mineLoad } from '../../src/routes/(app)/arshjul/mine/+page.server';
import {
	actions as meetingActions,
	load as meetingsLoad
} from '../../src/routes/(app)/styring/moter/+page.server';
import { load as styringLoad } from '../../src/routes/(app)/styring/+page.server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { calendarFeed } from '$lib/server/wheel/views/calendar';
import { withLocale } from '$lib/server/i18n';
import { getUserById, setUserLocale } from '$lib/server/db/queries/users';
import { listMeetings } from '$lib/server/db/queries/governance';
import { logRealisation } from '$lib/server/db/queries/benefits-gains';
import { countAuditEntries } from '$lib/server/db/queries/audit';
import { db } from '$lib/server/db';
import { benefit } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';

// 2026-11-10 in Oslo: October's value is due by 30 November.
const NOW = new Date('2026-11-10T09:00:00Z');

let steering: Signed;
let viewer: Signed;
let owner: Signed;
let other: Signed;
let monthly: number;

const meetingForm = (
	form: Record<string, string>,
	who: Signed,
	action: 'create' | 'update' | 'delete'
) =>
	outcome(() =>
		meetingActions[action]!(
			makeEvent({ signed: who, path: '/styring/moter', form, now: NOW }) as never
		)
	);

beforeAll(async () => {
	steering = signIn(await makeUser([{ role: 'steering', unitId: null }]));
	viewer = signIn(await makeUser([{ role: 'viewer', unitId: null }]));
	owner = signIn(await makeUser([{ role: 'programme_leader', unitId: null }]));
	other = signIn(await makeUser([{ role: 'programme_leader', unitId: null }]));
	const { tracks } = makeMission(owner.user.id);
	const { projectId } = makeProject(owner.user.id, [tracks[0]!]);
	monthly = makeBenefit(projectId, {
		title: 'Færre telefoner',
		ownerId: owner.user.id,
		measurementFrequency: 'monthly'
	});
	// Measured from the baseline, set in January.
	db.update(benefit).set({ baselineDate: '2026-01-15' }).where(eq(benefit.id, monthly)).run();
	// Not measured at set times: no dates anywhere.
	makeBenefit(projectId, { title: 'Uten måledatoer', ownerId: owner.user.id });
	const log = (period: string, at: string) =>
		logRealisation(
			monthly,
			{ period, value: 10, comment: '', evidence: '', supersedesId: null },
			owner.user.id,
			new Date(at)
		);
	// September logged in time (by 31 October), August late (after 30 September).
	expect(log('2026-09', '2026-10-05T10:00:00Z').ok).toBe(true);
	expect(log('2026-08', '2026-10-02T10:00:00Z').ok).toBe(true);
});

describe('steering meetings', () => {
	it('the steering group adds a meeting; the date is kept and audited', async () => {
		const r = await meetingForm(
			{ date: '2026-12-03', title: 'Desembermøtet', location: 'Rådhuset' },
			steering,
			'create'
		);
		expect(r.kind).toBe('ok');
		const [meeting] = listMeetings('2026-12-01', '2026-12-31');
		expect(meeting).toMatchObject({ date: '2026-12-03', title: 'Desembermøtet' });
		expect(countAuditEntries('steering_meeting', String(meeting!.id))).toBe(1);
	});

	it('refuses a viewer (403), a bad date (400, values kept) and a second meeting the same day', async () => {
		expect(await meetingForm({ date: '2026-12-10', title: 'X' }, viewer, 'create')).toMatchObject({
			kind: 'error',
			status: 403
		});
		const bad = await meetingForm({ date: '2026-02-30', title: 'Februar' }, steering, 'create');
		expect(bad).toMatchObject({ kind: 'fail', status: 400 });
		expect((bad as { data: { values: Record<string, string> } }).data.values.title).toBe('Februar');
		const twice = await meetingForm({ date: '2026-12-03', title: 'Igjen' }, steering, 'create');
		expect(twice).toMatchObject({ kind: 'fail', status: 400 });
		expect((twice as { data: { errors: Record<string, string> } }).data.errors.date).toMatch(
			/allerede et styringsgruppemøte/
		);
		expect(listMeetings('2026-01-01', '2026-12-31')).toHaveLength(1);
	});

	it('a stale edit is a lost update (409); everyone signed in reads the list', async () => {
		const [meeting] = listMeetings('2026-12-01', '2026-12-31');
		const edit = { id: String(meeting!.id), date: '2026-12-04', title: 'Flyttet', location: '' };
		expect((await meetingForm({ ...edit, version: '0' }, steering, 'update')).kind).toBe('ok');
		expect(await meetingForm({ ...edit, version: '0' }, steering, 'update')).toMatchObject({
			kind: 'fail',
			status: 409
		});
		const page = (await meetingsLoad(
			makeEvent({ signed: viewer, path: '/styring/moter?ar=2026', now: NOW }) as never
		)) as { canEdit: boolean; meetings: { date: string }[] };
		expect(page.canEdit).toBe(false);
		expect(page.meetings.map((m) => m.date)).toEqual(['2026-12-04']);
	});
});

describe('measurements and meetings in the wheel, «Mine oppgaver» and the feed', () => {
	type Ring = { name: string; marks: { id: string; status: string; month: number }[] };

	it("the owner's ring has a mark per month, judged by when a value was logged", async () => {
		const page = (await wheelLoad(
			makeEvent({ signed: owner, path: '/arshjul?ar=2026', now: NOW }) as never
		)) as { governance: Ring[] };
		const rings = Object.fromEntries(page.governance.map((r) => [r.name, r]));
		expect(rings['Styringsgruppemøter']?.marks).toHaveLength(1);
		const marks = rings['Dine gevinstmålinger']!.marks;
		const status = (period: string) =>
			marks.find((m) => m.id === `maling-${monthly}-${period}`)?.status;
		expect(status('2026-08')).toBe('signed_late');
		expect(status('2026-09')).toBe('signed');
		expect(status('2026-10')).toBe('due');
		expect(status('2026-11')).toBe('future');
		// Another person owns none of these benefits: only the meetings.
		const others = (await wheelLoad(
			makeEvent({ signed: other, path: '/arshjul?ar=2026', now: NOW }) as never
		)) as { governance: Ring[] };
		expect(others.governance.map((r) => r.name)).toEqual(['Styringsgruppemøter']);
	});

	it('«Mine oppgaver» is open to everyone and lists what the owner must log now', async () => {
		const mine = await outcome(() =>
			mineLoad(makeEvent({ signed: owner, path: '/arshjul/mine', now: NOW }) as never)
		);
		expect(mine.kind).toBe('ok');
		const data = (
			mine as {
				data: {
					leadsUnits: boolean;
					governance: {
						measurements: { title: string; status: string }[];
						nextMeeting: { title: string } | null;
					};
				};
			}
		).data;
		expect(data.leadsUnits).toBe(false);
		// Everything before August was never logged: overdue since last January's.
		expect(
			data.governance.measurements.filter((m) => m.status === 'due').map((m) => m.title)
		).toEqual(['Færre telefoner (oktober 2026)']);
		expect(data.governance.measurements.some((m) => m.title.startsWith('Uten'))).toBe(false);
		expect(data.governance.nextMeeting?.title).toBe('Flyttet');
	});

	it('the calendar feed carries the measurement dates and the meetings', () => {
		const feed = calendarFeed(getUserById(owner.user.id)!, 'https://kommune.example', NOW);
		expect(feed).toContain(`UID:gevinstmaling-${monthly}-2026-10@misjonskart`);
		expect(feed).toContain('DTSTART;VALUE=DATE:20261130');
		expect(feed).toMatch(/SUMMARY:Styringsgruppemøte: Flyttet/);
		const others = calendarFeed(getUserById(other.user.id)!, 'https://kommune.example', NOW);
		expect(others).not.toContain('gevinstmaling-');
	});

	it('the calendar feed is in its owner’s saved language, whatever the client asks for', () => {
		setUserLocale(owner.user.id, 'en', NOW);
		try {
			const feed = calendarFeed(getUserById(owner.user.id)!, 'https://kommune.example', NOW);
			expect(feed).toMatch(/SUMMARY:Steering group meeting: Flyttet/);
			expect(feed).toContain('X-WR-CALNAME:Misjonskart – annual wheel');
			expect(feed).toMatch(/SUMMARY:Benefit measurement: /);
			expect(feed).not.toContain('Styringsgruppemøte');
			// A page in nynorsk around it changes nothing: the feed has no reader but its owner.
			const again = withLocale('nn', () =>
				calendarFeed(getUserById(owner.user.id)!, 'https://kommune.example', NOW)
			);
			// (DTSTAMP is the moment the feed was written.)
			const stamped = (ics: string) => ics.replace(/DTSTAMP:[^\r\n]*/g, '');
			expect(stamped(again)).toBe(stamped(feed));
		} finally {
			setUserLocale(owner.user.id, 'nb', NOW);
		}
	});

	it('«siden forrige møte» on /styring starts at the last meeting unless a day is chosen', async () => {
		await meetingForm({ date: '2026-10-20', title: 'Oktobermøtet' }, steering, 'create');
		const page = (await styringLoad(
			makeEvent({ signed: steering, path: '/styring', now: NOW }) as never
		)) as { since: { since: string; meeting: { title: string } | null } };
		expect(page.since).toMatchObject({ since: '2026-10-20', meeting: { title: 'Oktobermøtet' } });
		const chosen = (await styringLoad(
			makeEvent({ signed: steering, path: '/styring?siden=2026-11-01', now: NOW }) as never
		)) as { since: { since: string; meeting: unknown } };
		expect(chosen.since).toMatchObject({ since: '2026-11-01', meeting: null });
	});
});
