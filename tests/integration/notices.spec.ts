import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, load } from '../../src/routes/(app)/varsler/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeWheel } from '../factories/wheel';
import { db } from '$lib/server/db';
import { deviation } from '$lib/server/db/schema';
import { runNotices } from '$lib/server/notices/job';
import { setUserLocale } from '$lib/server/db/queries/users';
import { mailerFromEnv, type Mailer } from '$lib/server/notices/mail';

/** Mails the test's SMTP server received: recipient and the raw message (soft breaks joined). */
const inbox: { to: string; raw: string }[] = [];
let smtp: SMTPServer;
let mailer: Mailer;
const ORIGIN = 'http://misjonskart.test';

const ids: Record<string, number> = {};
const who: Record<string, Signed> = {};
let taskId: number;

// The Oslo mornings the job runs (06:00 in winter is 05:00 UTC).
const at = (day: string) => new Date(`${day}T05:00:00Z`);

const noticesOf = (userId: number) =>
	db.$client
		.prepare('select kind, key, digest_id as digestId from notice where user_id = ? order by id')
		.all(userId) as { kind: string; key: string; digestId: number | null }[];
// Addresses are stored lower-cased.
const mailsTo = (name: string) => inbox.filter((m) => m.to === `${name.toLowerCase()}@varsel.test`);

beforeAll(async () => {
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		disableReverseLookup: true,
		logger: false,
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (c: Buffer) => (raw += c.toString()));
			stream.on('end', () => {
				for (const r of session.envelope.rcptTo) {
					inbox.push({ to: r.address, raw: raw.replace(/=\r?\n/g, '') });
				}
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	const port = (smtp.server.address() as AddressInfo).port;
	mailer = mailerFromEnv({
		SMTP_HOST: '127.0.0.1',
		SMTP_PORT: String(port),
		SMTP_FROM: 'Misjonskart <varsler@varsel.test>'
	})!;

	// top → parent → unit; a sibling under parent; another tree with its own leader.
	const top = makeUnit('Helse');
	const parent = makeUnit('Bo og habilitering', top);
	const unit = makeUnit('Avdeling Nord', parent);
	const sibling = makeUnit('Avdeling Sør', parent);
	const other = makeUnit('Oppvekst');
	taskId = makeWheel({
		ownerUnitId: parent,
		unitIds: [unit],
		activeFrom: '2026-10',
		tasks: [{ title: 'Tilgangskontroll', schedule: { kind: 'monthly', dueDay: null } }]
	}).taskIds[0]!;
	const people: [string, { role: 'unit_leader' | 'viewer' | 'steering'; unitId?: number }[]][] = [
		['leader', [{ role: 'unit_leader', unitId: unit }]],
		['parentLeader', [{ role: 'unit_leader', unitId: parent }]],
		['topLeader', [{ role: 'unit_leader', unitId: top }]],
		['siblingLeader', [{ role: 'unit_leader', unitId: sibling }]],
		['otherLeader', [{ role: 'unit_leader', unitId: other }]],
		['steering', [{ role: 'steering' }]],
		['responsible', []]
	];
	for (const [name, roles] of people) {
		ids[name] = await makeUser(roles, { name, email: `${name}@varsel.test` });
		who[name] = signIn(ids[name]!);
	}
	db.insert(deviation)
		.values({
			unitId: sibling,
			source: 'incident',
			title: 'Manglende opplæring',
			severity: 'medium',
			responsibleId: ids.responsible!,
			deadline: '2026-11-20',
			foundOn: '2026-11-01'
		})
		.run();
});

afterAll(async () => {
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('the notice job', () => {
	it('without SMTP: the notices are in the list, and nothing is mailed', async () => {
		const run = await runNotices(at('2026-11-13'), { mailer: null, origin: ORIGIN });
		expect(run).toEqual({ created: 1, sent: 0, failed: 0 });
		expect(noticesOf(ids.leader!)).toEqual([
			{ kind: 'overdue', key: expect.stringMatching(/^overdue:\d+:\d+:2026-10$/), digestId: null }
		]);
		const page = await outcome(() =>
			load(makeEvent({ signed: who.leader, path: '/varsler' }) as never)
		);
		expect(page.kind === 'ok' && (page.data as { unread: number }).unread).toBe(1);
		expect(inbox).toHaveLength(0);
	});

	it('sends one digest per person, however often it runs that day', async () => {
		await runNotices(at('2026-11-13'), { mailer, origin: ORIGIN });
		const second = await runNotices(at('2026-11-13'), { mailer, origin: ORIGIN });
		expect(second).toEqual({ created: 0, sent: 0, failed: 0 });
		expect(inbox.map((m) => m.to)).toEqual(['leader@varsel.test']);
		const mail = mailsTo('leader')[0]!.raw;
		expect(mail).toContain(`${ORIGIN}/arshjul/forekomst/${taskId}/`);
		expect(mail).toMatch(/Tilgangskontroll/);
		expect(noticesOf(ids.leader!)[0]!.digestId).not.toBeNull();
	});

	it('escalates to the leader above only after the set number of days', async () => {
		// 2026-10-31 + 14 days: the day before, no escalation.
		expect(noticesOf(ids.parentLeader!)).toEqual([]);
		// The leader above reads Misjonskart in English: the e-mail is in English too.
		setUserLocale(ids.parentLeader!, 'en', at('2026-11-01'));
		await runNotices(at('2026-11-14'), { mailer, origin: ORIGIN });
		expect(noticesOf(ids.parentLeader!).map((n) => n.kind)).toEqual(['escalation']);
		expect(mailsTo('parentLeader')).toHaveLength(1);
		expect(mailsTo('parentLeader')[0]!.raw).toContain('Hello parentLeader,');
		expect(mailsTo('parentLeader')[0]!.raw).toContain('All your notices');
		expect(mailsTo('leader')[0]!.raw).toContain('Hei leader,');
		// The nearest leaders above, not further up.
		expect(noticesOf(ids.topLeader!)).toEqual([]);
		expect(mailsTo('leader')).toHaveLength(1);
	});

	it('the next day mails only what is new', async () => {
		await runNotices(at('2026-11-23'), { mailer, origin: ORIGIN });
		const mails = mailsTo('leader');
		expect(mails).toHaveLength(2);
		expect(mails[1]!.raw).toMatch(new RegExp(`/arshjul/forekomst/${taskId}/\\d+/2026-11`));
		expect(mails[1]!.raw).not.toMatch(/\/2026-10/);
		expect(noticesOf(ids.leader!).map((n) => n.kind)).toEqual(['overdue', 'due_soon']);
	});

	it('tells an overdue deviation to its responsible person and the unit leader', async () => {
		await runNotices(at('2026-11-21'), { mailer: null, origin: ORIGIN });
		expect(noticesOf(ids.responsible!).map((n) => n.kind)).toEqual(['deviation_overdue']);
		expect(noticesOf(ids.siblingLeader!).map((n) => n.kind)).toEqual(['deviation_overdue']);
	});

	it('tells nothing to anyone outside the unit and the units above it', () => {
		for (const name of ['otherLeader', 'steering', 'topLeader']) {
			expect(noticesOf(ids[name]!)).toEqual([]);
			expect(mailsTo(name)).toEqual([]);
		}
		expect(noticesOf(ids.siblingLeader!).map((n) => n.kind)).not.toContain('overdue');
	});
});

describe('/varsler', () => {
	const post = (signed: Signed, action: 'read' | 'readAll', form: Record<string, string> = {}) =>
		outcome(() => actions[action]!(makeEvent({ signed, path: '/varsler', form }) as never));
	const unread = async (signed: Signed) => {
		const page = await outcome(() => load(makeEvent({ signed, path: '/varsler' }) as never));
		return page.kind === 'ok' ? (page.data as { unread: number }).unread : -1;
	};

	it('marks one read, refuses another person’s, and marks all read', async () => {
		const mine = db.$client
			.prepare('select id from notice where user_id = ? order by id')
			.all(ids.leader!) as { id: number }[];
		expect(await unread(who.leader!)).toBe(2);
		expect((await post(who.leader!, 'read', { noticeId: String(mine[0]!.id) })).kind).toBe('ok');
		expect(await unread(who.leader!)).toBe(1);
		const theirs = await post(who.parentLeader!, 'read', { noticeId: String(mine[1]!.id) });
		expect(theirs).toMatchObject({ kind: 'error', status: 404 });
		expect(await unread(who.leader!)).toBe(1);
		expect((await post(who.leader!, 'readAll')).kind).toBe('ok');
		expect(await unread(who.leader!)).toBe(0);
	});
});
