import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { auditLog, wheelSignature } from '$lib/server/db/schema';
import { createApiToken } from '$lib/server/auth/api-token';
import { setUserActive } from '$lib/server/db/queries/users';
import { getApiTokenByHash } from '$lib/server/db/queries/api-tokens';
import { reserveIdempotencyKey } from '$lib/server/db/queries/api-idempotency';
import { hashToken } from '$lib/server/auth/tokens';
import { canonicalJson } from '$lib/domain/auth/idempotency';
import { listRealisations } from '$lib/server/db/queries/benefits-gains';
import { API_OPERATIONS } from '$lib/api/operations';
import { API_RATE } from '$lib/domain/auth/api-token';
import { errorResponseSchema } from '$lib/schemas/api';
import { makeUnit, makeUser, signIn } from '../factories';
import { makeFrozenBenefit, makeMission, makeProject } from '../factories/benefits';
import { makeWheel } from '../factories/wheel';
import { callApi, ROUTES } from './api-client';
import { checkAuditChain } from '$lib/server/db/queries/audit';
import { verifyAuditChain } from '$lib/server/db/queries/audit-chain';
import { auditLogPage } from '$lib/server/org/views/audit-log';
import { viaApi } from '$lib/server/org/views/audit-log-export';
import { actions as benefitPage } from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { makeEvent, outcome } from '../factories';
import { withLocale } from '$lib/server/i18n';

/** A Monday in November, Oslo time: October is the last whole month. */
const NOW = new Date('2026-11-16T09:00:00Z');

const who: Record<string, number> = {};
const read: Record<string, string> = {};
const write: Record<string, string> = {};
let trackId: number;
let projectId: number;
let benefitId: number;
let unitId: number;
let otherUnitId: number;
let taskId: number;
let wheelId: number;

function tokenFor(userId: number, scope: 'read' | 'write', expiresOn = '2027-01-31', now = NOW) {
	const form = new FormData();
	form.set('name', `Test ${scope}`);
	form.set('scope', scope);
	form.set('expiresOn', expiresOn);
	const answer = createApiToken(signIn(userId, now).user, form, now);
	if (!('token' in answer)) throw new Error('token not made');
	return answer.token.secret;
}

const auditCount = () => db.select().from(auditLog).all().length;

beforeAll(async () => {
	unitId = makeUnit('Avdeling Nord');
	otherUnitId = makeUnit('Avdeling Sør');
	who.admin = await makeUser([{ role: 'admin' }]);
	who.steering = await makeUser([{ role: 'steering' }]);
	who.director = await makeUser([{ role: 'municipal_director' }]);
	who.leader = await makeUser([{ role: 'programme_leader' }]);
	who.otherLeader = await makeUser([{ role: 'programme_leader' }]);
	who.owner = await makeUser([{ role: 'viewer' }]);
	who.unitLeader = await makeUser([{ role: 'unit_leader', unitId }]);
	who.otherUnitLeader = await makeUser([{ role: 'unit_leader', unitId: otherUnitId }]);
	who.viewer = await makeUser([{ role: 'viewer' }]);
	const mission = makeMission(who.leader);
	trackId = mission.tracks[0]!;
	projectId = makeProject(who.leader, [trackId], 2).projectId;
	benefitId = makeFrozenBenefit(
		projectId,
		{ ownerId: who.owner, title: 'Spart tid i saksbehandlingen' },
		{ actorId: who.leader, now: new Date('2026-01-02T10:00:00Z') }
	);
	({
		wheelId,
		taskIds: [taskId]
	} = makeWheel({
		ownerUnitId: unitId,
		unitIds: [unitId, otherUnitId],
		tasks: [{ title: 'Gjennomgå avvik', schedule: { kind: 'monthly', dueDay: null } }]
	}) as { wheelId: number; taskIds: [number] });
	for (const [name, id] of Object.entries(who)) {
		read[name] = tokenFor(id, 'read');
		write[name] = tokenFor(id, 'write');
	}
});

const get = (path: string, token: string, now = NOW) => callApi('GET', path, { token, now });
const post = (path: string, token: string, body: unknown, now = NOW) =>
	callApi('POST', path, { token, body, now });

describe('the documented endpoints are the routes', () => {
	const ROUTE_ROOT = 'src/routes/api/v1';
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? walk(path.posix.join(dir, e.name)) : e.name === '+server.ts' ? [dir] : []
		);
	const shape = (p: string) => p.replace(/\[[^\]]+\]|\{[^}]+\}/g, '*');

	it('documents every +server.ts under /api/v1 and nothing else', () => {
		const routes = walk(ROUTE_ROOT).map((d) => shape(d.slice(ROUTE_ROOT.length)));
		const documented = [...new Set(API_OPERATIONS.map((o) => shape(o.path)))];
		expect(routes.sort()).toEqual(documented.sort());
		expect(Object.keys(ROUTES).sort()).toEqual(
			[...new Set(API_OPERATIONS.map((o) => o.path))].sort()
		);
	});

	it.each(API_OPERATIONS.map((o) => [o.id, o] as const))(
		'%s answers as documented',
		async (_id, op) => {
			const url =
				'/api/v1' +
				op.path
					.replace('{id}', String(op.path.startsWith('/portefolje') ? projectId : benefitId))
					.replace('{oppgave}', String(taskId))
					.replace('{enhet}', String(unitId))
					.replace('{periode}', '2026-01') +
				(op.id === 'listProjects' ? `?spor=${trackId}` : '');
			const body =
				op.id === 'logRealisation'
					? { period: '2026-01', value: 1000 }
					: op.id === 'signOccurrence'
						? { storedIn: 'Compilo' }
						: undefined;
			const answer = await callApi(op.method, url, { token: write.admin!, body, now: NOW });
			expect(answer.status, JSON.stringify(answer.body)).toBe(op.status);
			const parsed = op.response.safeParse(answer.body);
			expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		}
	);
});

describe('reading', () => {
	it('gives the portfolio, a track’s projects and a project’s measures to anyone signed in', async () => {
		for (const name of ['viewer', 'unitLeader', 'steering']) {
			const portfolio = await get('/api/v1/portefolje', read[name]!);
			expect(portfolio.status).toBe(200);
			expect(portfolio.body!.tracks).toEqual(
				expect.arrayContaining([expect.objectContaining({ id: trackId, projectCount: 1 })])
			);
			const list = await get(`/api/v1/portefolje/prosjekter?spor=${trackId}`, read[name]!);
			expect(list.body).toMatchObject({ items: [{ id: projectId }], paging: { total: 1 } });
			const measures = await get(`/api/v1/portefolje/prosjekter/${projectId}/tiltak`, read[name]!);
			expect(measures.body).toMatchObject({ paging: { total: 2 } });
		}
	});

	it('answers an unknown track or project with 404 and a bad parameter with 400', async () => {
		expect((await get('/api/v1/portefolje/prosjekter?spor=99999', read.viewer!)).status).toBe(404);
		expect((await get('/api/v1/portefolje/prosjekter/99999/tiltak', read.viewer!)).body).toEqual({
			error: { code: 'not_found', message: 'Fant ikke prosjektet.' }
		});
		const bad = await get('/api/v1/portefolje/prosjekter?spor=abc', read.viewer!);
		expect(bad.status).toBe(400);
		expect(bad.body!.error).toMatchObject({ code: 'bad_request' });
		expect((bad.body!.error as { message: string }).message).toContain('«spor»');
	});

	it('answers a page past the last with 404 and a Norwegian message, not the last page again', async () => {
		const projects = await get(
			`/api/v1/portefolje/prosjekter?spor=${trackId}&side=2`,
			read.viewer!
		);
		expect(projects.status).toBe(404);
		expect(projects.body).toEqual({
			error: { code: 'not_found', message: 'Siden finnes ikke. Det er 1 side.' }
		});
		const measures = await get(
			`/api/v1/portefolje/prosjekter/${projectId}/tiltak?side=2`,
			read.viewer!
		);
		expect(measures.status).toBe(404);
		expect(errorResponseSchema.parse(measures.body).error.message).toBe(
			'Siden finnes ikke. Det er 1 side.'
		);
		const first = await get(
			`/api/v1/portefolje/prosjekter/${projectId}/tiltak?side=1`,
			read.viewer!
		);
		expect(first.body).toMatchObject({ paging: { page: 1, pages: 1, total: 2 } });
	});

	it('lists benefits with status, a page at a time, and refuses a forged cursor', async () => {
		const list = await get(`/api/v1/gevinster?prosjekt=${projectId}`, read.viewer!);
		expect(list.body).toMatchObject({
			items: [{ id: benefitId, title: 'Spart tid i saksbehandlingen', status: expect.any(String) }],
			next: null
		});
		const forged = await get('/api/v1/gevinster?etter=ikke-en-peker', read.viewer!);
		expect(forged.status).toBe(400);
	});

	it('gives one benefit with plan, realised per month and status', async () => {
		const one = await get(`/api/v1/gevinster/${benefitId}`, read.viewer!);
		expect(one.status).toBe(200);
		expect(one.body).toMatchObject({
			id: benefitId,
			plan: { baseline: { value: 0, date: '2026-01-01' }, target: { value: 120000 } },
			canLog: false
		});
		expect((one.body!.months as unknown[]).length).toBe(12);
		expect((await get(`/api/v1/gevinster/${benefitId}`, read.owner!)).body).toMatchObject({
			canLog: true
		});
		expect((await get('/api/v1/gevinster/99999', read.viewer!)).status).toBe(404);
	});

	it.each([
		['admin', 200],
		['steering', 200],
		['director', 200],
		['leader', 403],
		['unitLeader', 403],
		['viewer', 403]
	] as const)('compliance for %s: %s, as the page', async (name, status) => {
		const answer = await get('/api/v1/arshjul/etterlevelse?ar=2026', read[name]!);
		expect(answer.status).toBe(status);
		if (status === 200) {
			expect(answer.body).toMatchObject({ year: 2026 });
			expect(answer.body!.rows).toEqual(
				expect.arrayContaining([expect.objectContaining({ unitId, name: 'Avdeling Nord' })])
			);
		} else {
			expect(errorResponseSchema.parse(answer.body).error.code).toBe('forbidden');
		}
	});

	it('refuses an unknown wheel, unit or year in the compliance filter, and echoes the filter', async () => {
		const ask = (q: string) => get(`/api/v1/arshjul/etterlevelse?${q}`, read.steering!);
		expect((await ask('hjul=99999')).body).toEqual({
			error: { code: 'not_found', message: 'Fant ikke årshjulet.' }
		});
		expect((await ask('enhet=99999')).body).toEqual({
			error: { code: 'not_found', message: 'Fant ikke enheten.' }
		});
		const year = await ask('ar=1999');
		expect(year.status).toBe(400);
		expect(errorResponseSchema.parse(year.body).error.message).toBe(
			'Året må være mellom 2000 og 2100.'
		);
		const applied = await ask(`ar=2026&hjul=${wheelId}&enhet=${unitId}`);
		expect(applied.status).toBe(200);
		expect(applied.body!.filter).toEqual({ year: 2026, wheelId, unitId });
		expect((await ask('')).body!.filter).toEqual({ year: 2026, wheelId: null, unitId: null });
	});

	it('lists the occurrences a unit leader has to sign; another unit only for its leader', async () => {
		const mine = await get('/api/v1/arshjul/forekomster', read.unitLeader!);
		expect(mine.status).toBe(200);
		expect(mine.body!.counts).toMatchObject({ overdue: expect.any(Number) });
		expect((mine.body!.overdue as { items: { unitId: number }[] }).items.length).toBeGreaterThan(0);
		expect(
			(mine.body!.overdue as { items: { unitId: number }[] }).items.every(
				(i) => i.unitId === unitId
			)
		).toBe(true);
		expect(
			(await get(`/api/v1/arshjul/forekomster?enhet=${unitId}`, read.unitLeader!)).status
		).toBe(200);
		expect(
			(await get(`/api/v1/arshjul/forekomster?enhet=${unitId}`, read.otherUnitLeader!)).status
		).toBe(403);
		expect((await get(`/api/v1/arshjul/forekomster?enhet=${unitId}`, read.admin!)).status).toBe(
			200
		);
		const nobody = await get('/api/v1/arshjul/forekomster', read.viewer!);
		expect(nobody.body).toMatchObject({ counts: { overdue: 0, due: 0 } });
	});

	it('lets a signed-in browser read, but not write', async () => {
		const session = signIn(who.owner!, NOW);
		const answer = await callApi('GET', `/api/v1/gevinster/${benefitId}`, { session, now: NOW });
		expect(answer.status).toBe(200);
		const write = await callApi('POST', `/api/v1/gevinster/${benefitId}/realiseringer`, {
			session,
			body: { period: '2026-03', value: 5 },
			now: NOW
		});
		expect(write.status).toBe(401);
		expect(listRealisations([benefitId]).filter((r) => r.period === '2026-03')).toEqual([]);
	});
});

describe('logging a realised value', () => {
	const url = () => `/api/v1/gevinster/${benefitId}/realiseringer`;

	it.each([
		['owner', 'write', 201, '2026-04'],
		['leader', 'write', 201, '2026-05'],
		['admin', 'write', 201, '2026-06'],
		['owner', 'read', 403, '2026-07'],
		['otherLeader', 'write', 403, '2026-07'],
		['steering', 'write', 403, '2026-07'],
		['viewer', 'write', 403, '2026-07'],
		['unitLeader', 'write', 403, '2026-07']
	] as const)('%s with a %s token: %s', async (name, scope, status, period) => {
		const before = auditCount();
		const token = (scope === 'write' ? write : read)[name]!;
		const answer = await post(url(), token, { period, value: '12 000', comment: 'Fra regnskapet' });
		expect(answer.status).toBe(status);
		const logged = listRealisations([benefitId]).filter((r) => r.period === period);
		if (status === 201) {
			expect(answer.body).toEqual({ message: expect.any(String), id: expect.any(Number), period });
			expect(logged).toMatchObject([{ value: 12000, comment: 'Fra regnskapet' }]);
			const audit = db.select().from(auditLog).all().slice(before);
			expect(audit.map((a) => a.actorId)).toContain(who[name]);
		} else {
			expect(logged).toEqual([]);
			expect(auditCount()).toBe(before);
			expect(errorResponseSchema.parse(answer.body).error.code).toBe('forbidden');
		}
	});

	it('answers the form’s own messages for bad values, and writes nothing', async () => {
		const before = auditCount();
		const bad = await post(url(), write.owner!, { period: '2026-13', value: 'mye' });
		expect(bad.status).toBe(422);
		expect(bad.body).toEqual({
			error: {
				code: 'invalid',
				message: 'Noen felt er ikke gyldige.',
				fields: {
					period: 'Skriv måneden som ÅÅÅÅ-MM, for eksempel 2026-10',
					value: 'Skriv verdien som et helt tall'
				}
			}
		});
		const future = await post(url(), write.owner!, { period: '2026-12', value: 1 });
		expect(future.status).toBe(422);
		expect(Object.keys(future.body!.error.fields)).toEqual(['period']);
		const unknown = await post(url(), write.owner!, { period: '2026-08', value: 1, verdi: 2 });
		expect(unknown.status).toBe(422);
		expect(unknown.body!.error.fields).toEqual({ _form: 'Ukjente felt: verdi' });
		expect(auditCount()).toBe(before);
	});

	it('corrects only a still-current registration of the same month', async () => {
		const current = (period: string) =>
			listRealisations([benefitId]).filter(
				(r) =>
					r.period === period && !listRealisations([benefitId]).some((s) => s.supersedesId === r.id)
			);
		expect((await post(url(), write.owner!, { period: '2026-09', value: 100 })).status).toBe(201);
		expect((await post(url(), write.owner!, { period: '2026-10', value: 200 })).status).toBe(201);
		const september = current('2026-09')[0]!.id;
		const before = auditCount();
		const otherMonth = await post(url(), write.owner!, {
			period: '2026-10',
			value: 250,
			supersedesId: september
		});
		expect(otherMonth.status).toBe(422);
		expect(otherMonth.body!.error.fields).toEqual({
			supersedesId: expect.stringContaining('gjelder en annen måned')
		});
		expect(current('2026-09')).toMatchObject([{ id: september, value: 100 }]);
		expect(current('2026-10')).toMatchObject([{ value: 200 }]);
		expect(auditCount()).toBe(before);
		const fix = { period: '2026-09', value: 150, supersedesId: september };
		expect((await post(url(), write.owner!, fix)).status).toBe(201);
		const twice = await post(url(), write.owner!, { ...fix, value: 160 });
		expect(twice.status).toBe(409);
		expect(twice.body!.error).toMatchObject({
			code: 'conflict',
			message: expect.stringContaining('allerede korrigert')
		});
		expect(current('2026-09')).toMatchObject([{ value: 150 }]);
	});

	it('answers the new registration’s id, which the benefit lists and a correction names', async () => {
		type Registration = { id: number; period: string; value: number; supersedesId: number | null };
		const registrations = async (period: string) =>
			(
				(await get(`/api/v1/gevinster/${benefitId}`, read.viewer!)).body!
					.registrations as Registration[]
			).filter((r) => r.period === period);
		const made = await post(url(), write.owner!, { period: '2026-02', value: 300 });
		expect(made.status).toBe(201);
		expect(made.body).toEqual({
			message: expect.any(String),
			id: expect.any(Number),
			period: '2026-02'
		});
		expect(await registrations('2026-02')).toEqual([
			expect.objectContaining({
				id: made.body!.id,
				value: 300,
				assessment: null,
				author: expect.any(String),
				supersedesId: null,
				attested: null,
				validated: null
			})
		]);
		const fix = await post(url(), write.owner!, {
			period: '2026-02',
			value: 310,
			supersedesId: made.body!.id
		});
		expect(fix.status).toBe(201);
		expect(await registrations('2026-02')).toEqual([
			expect.objectContaining({ id: fix.body!.id, value: 310, supersedesId: made.body!.id })
		]);
	});

	it('lets a second value for a month replace the first, so the month counts once', async () => {
		type Registration = { id: number; period: string; value: number; supersedesId: number | null };
		const registrations = async (period: string) =>
			(
				(await get(`/api/v1/gevinster/${benefitId}`, read.viewer!)).body!
					.registrations as Registration[]
			).filter((r) => r.period === period);
		const first = await post(url(), write.owner!, { period: '2026-03', value: 40 });
		expect(first.status).toBe(201);
		// A feed that sends the month again, without naming the row it replaces.
		const again = await post(url(), write.owner!, { period: '2026-03', value: 45 });
		expect(again.status).toBe(201);
		expect(await registrations('2026-03')).toEqual([
			expect.objectContaining({ id: again.body!.id, value: 45, supersedesId: first.body!.id })
		]);
		const current = listRealisations([benefitId]).filter(
			(r) =>
				r.period === '2026-03' &&
				!listRealisations([benefitId]).some((s) => s.supersedesId === r.id)
		);
		expect(current.map((r) => r.value)).toEqual([45]);
	});

	it('answers out-of-range numbers and wrong types in Norwegian, and writes nothing', async () => {
		const before = auditCount();
		const fields = async (body: object) =>
			(await post(url(), write.owner!, { period: '2026-08', ...body })).body!.error.fields;
		expect(await fields({ value: 1e300 })).toEqual({ value: 'Verdien er utenfor gyldig område' });
		expect(await fields({ value: -1e300 })).toEqual({ value: 'Verdien er utenfor gyldig område' });
		expect(await fields({ value: 1.5 })).toEqual({ value: 'Skriv verdien som et helt tall' });
		expect(await fields({ value: 5, supersedesId: 1e300 })).toEqual({
			supersedesId: 'Ugyldig registrering å korrigere'
		});
		expect(await fields({ value: 5, comment: 7 })).toEqual({ comment: 'Skriv verdien som tekst' });
		expect(auditCount()).toBe(before);
	});

	it('refuses a body that is not JSON, with a Norwegian message', async () => {
		const form = await callApi('POST', url(), {
			token: write.owner!,
			rawBody: 'period=2026-08&value=1',
			contentType: 'application/x-www-form-urlencoded',
			now: NOW
		});
		expect(form.status).toBe(415);
		const broken = await callApi('POST', url(), {
			token: write.owner!,
			rawBody: '{"period":',
			now: NOW
		});
		expect(broken.body).toEqual({
			error: { code: 'bad_request', message: 'Innholdet er ikke gyldig JSON.' }
		});
		const list = await callApi('POST', url(), { token: write.owner!, body: [1, 2], now: NOW });
		expect(list.status).toBe(422);
	});

	it('refuses a body over 64 KB with 413, and writes nothing', async () => {
		const before = auditCount();
		const big = await callApi('POST', url(), {
			token: write.owner!,
			body: { period: '2026-08', value: 5, comment: 'x'.repeat(70 * 1024) },
			now: NOW
		});
		expect(big.status).toBe(413);
		expect(big.body!.error.message).toContain('for stort');
		expect(auditCount()).toBe(before);
	});
});

describe('signing an occurrence', () => {
	const url = (period: string, unit = unitId) =>
		`/api/v1/arshjul/forekomster/${taskId}/${unit}/${period}/signatur`;
	const signatures = (period: string, unit = unitId) =>
		db
			.select()
			.from(wheelSignature)
			.all()
			.filter((s) => s.taskId === taskId && s.unitId === unit && s.period === period);

	it.each([
		['unitLeader', 'write', 201, '2026-02'],
		['admin', 'write', 201, '2026-03'],
		['unitLeader', 'read', 403, '2026-04'],
		['otherUnitLeader', 'write', 403, '2026-04'],
		['steering', 'write', 403, '2026-04'],
		['leader', 'write', 403, '2026-04'],
		['viewer', 'write', 403, '2026-04']
	] as const)('%s with a %s token: %s', async (name, scope, status, period) => {
		const before = auditCount();
		const token = (scope === 'write' ? write : read)[name]!;
		const answer = await post(url(period), token, { storedIn: 'Compilo', comment: 'Gjennomgått' });
		expect(answer.status).toBe(status);
		if (status === 201) {
			expect(signatures(period)).toMatchObject([{ storedIn: 'Compilo', signedById: who[name] }]);
			expect(auditCount()).toBeGreaterThan(before);
		} else {
			expect(signatures(period)).toEqual([]);
			expect(auditCount()).toBe(before);
		}
	});

	it('answers 409 for an occurrence already signed, and 422 without «Lagres»', async () => {
		const again = await post(url('2026-02'), write.unitLeader!, { storedIn: 'Teams' });
		expect(again.status).toBe(409);
		expect(again.body!.error.code).toBe('conflict');
		const missing = await post(url('2026-05'), write.unitLeader!, { comment: 'x' });
		expect(missing.body).toMatchObject({
			error: { code: 'invalid', fields: { storedIn: 'Skriv hvor dokumentasjonen er lagret' } }
		});
		expect(signatures('2026-05')).toEqual([]);
	});
});

describe('the change log names the token a write came with', () => {
	/** A write token with a name of its own, and its id. */
	function namedToken(userId: number, name: string) {
		const form = new FormData();
		form.set('name', name);
		form.set('scope', 'write');
		form.set('expiresOn', '2027-01-31');
		const answer = createApiToken(signIn(userId, NOW).user, form, NOW);
		if (!('token' in answer)) throw new Error('token not made');
		return answer.token;
	}
	const rowsAfter = (id: number) =>
		db
			.select()
			.from(auditLog)
			.all()
			.filter((a) => a.id > id);
	const lastId = () =>
		Math.max(
			0,
			...db
				.select({ id: auditLog.id })
				.from(auditLog)
				.all()
				.map((a) => a.id)
		);

	it('a realised value and a sign-off through the API name the token, never its secret', async () => {
		const owner = namedToken(who.owner!, 'Regnskapssystemet');
		const unit = namedToken(who.unitLeader!, 'Kvalitetssystemet');
		const from = lastId();
		const logged = await post(`/api/v1/gevinster/${benefitId}/realiseringer`, owner.secret, {
			period: '2026-08',
			value: '5 000'
		});
		expect(logged.status).toBe(201);
		const signed = await post(
			`/api/v1/arshjul/forekomster/${taskId}/${unitId}/2026-06/signatur`,
			unit.secret,
			{ storedIn: 'Compilo' }
		);
		expect(signed.status).toBe(201);
		const rows = rowsAfter(from);
		expect(rows.length).toBeGreaterThanOrEqual(2);
		const byActor = (id: number) => rows.filter((r) => r.actorId === id);
		expect(byActor(who.owner!).length).toBeGreaterThan(0);
		expect(byActor(who.unitLeader!).length).toBeGreaterThan(0);
		for (const r of byActor(who.owner!)) {
			expect(r).toMatchObject({ apiTokenId: owner.id, apiTokenName: 'Regnskapssystemet' });
		}
		for (const r of byActor(who.unitLeader!)) {
			expect(r).toMatchObject({ apiTokenId: unit.id, apiTokenName: 'Kvalitetssystemet' });
		}
		for (const r of rows) {
			expect(JSON.stringify(r)).not.toContain(owner.secret);
			expect(JSON.stringify(r)).not.toContain(unit.secret);
		}
		// The token is part of what the hash covers, and the chain still holds.
		expect(await checkAuditChain()).toMatchObject({ ok: true });
	});

	it('the token cannot be changed or hidden afterwards: the trigger refuses it, the hash shows it', async () => {
		const owner = namedToken(who.owner!, 'Skjult');
		const from = lastId();
		await post(`/api/v1/gevinster/${benefitId}/realiseringer`, owner.secret, {
			period: '2026-02',
			value: '4 000'
		});
		const id = rowsAfter(from).find((r) => r.apiTokenId === owner.id)!.id;
		const hide = 'UPDATE audit_log SET api_token_id = NULL, api_token_name = NULL WHERE id = ?';
		expect(() => db.$client.prepare(hide).run(id)).toThrow(/append-only/);
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'misjonskart-api-audit-')), 'copy.db');
		await db.$client.backup(file);
		const copy = new Database(file);
		copy.exec('DROP TRIGGER audit_log_no_update');
		copy.prepare(hide).run(id);
		expect(await verifyAuditChain(copy)).toMatchObject({ ok: false, brokenId: id, reason: 'hash' });
		copy.close();
	});

	it('a write on the page names no token, even right after one through the API', async () => {
		const owner = namedToken(who.owner!, 'Før siden');
		await post(`/api/v1/gevinster/${benefitId}/realiseringer`, owner.secret, {
			period: '2026-09',
			value: '1 000'
		});
		const from = lastId();
		const result = await outcome(() =>
			benefitPage.logRealisation!(
				makeEvent({
					signed: signIn(who.owner!, NOW),
					path: `/gevinster/${benefitId}?/logRealisation`,
					params: { id: String(benefitId) },
					form: { period: '2026-10', value: '2 000' },
					now: NOW
				}) as never
			)
		);
		expect(result.kind).toBe('ok');
		const rows = rowsAfter(from);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.map((r) => [r.apiTokenId, r.apiTokenName])).toEqual(rows.map(() => [null, null]));
	});

	it('the change log page and its download say «via API-token» with the name, in each language', async () => {
		const owner = namedToken(who.owner!, 'Økonomi «Visma»');
		const from = lastId();
		await post(`/api/v1/gevinster/${benefitId}/realiseringer`, owner.secret, {
			period: '2026-03',
			value: '3 000'
		});
		const page = auditLogPage(new URL('http://localhost/admin/logg'));
		const mine = page.rows.filter((r) => r.id > from);
		expect(mine.length).toBeGreaterThan(0);
		for (const r of mine) expect(r.viaApi).toEqual({ id: owner.id, name: 'Økonomi «Visma»' });
		// The token itself was made on the account page: that row names no token.
		const made = page.rows.filter(
			(r) => r.entity === 'api_token' && r.entityId === String(owner.id)
		);
		expect(made.map((r) => r.viaApi)).toEqual([null]);
		const token = { id: owner.id, name: owner.name };
		expect(withLocale('nb', () => viaApi(token))).toBe(
			`via API-token «Økonomi «Visma»» (#${owner.id})`
		);
		expect(withLocale('nn', () => viaApi(token))).toBe(
			`via API-token «Økonomi «Visma»» (#${owner.id})`
		);
		expect(withLocale('en', () => viaApi(token))).toBe(
			`via API token “Økonomi «Visma»” (#${owner.id})`
		);
	});
});

describe('tokens that do not work', () => {
	const portfolio = (token: string, now = NOW) => get('/api/v1/portefolje', token, now);

	it('refuses no token, a malformed one and an unknown one with 401', async () => {
		const none = await callApi('GET', '/api/v1/portefolje', { now: NOW });
		expect(none.status).toBe(401);
		expect(none.headers.get('www-authenticate')).toContain('Bearer');
		expect(errorResponseSchema.parse(none.body).error.code).toBe('unauthorized');
		const basic = await callApi('GET', '/api/v1/portefolje', {
			authorization: 'Basic abc',
			now: NOW
		});
		expect(basic.body!.error.code).toBe('invalid_token');
		expect((await portfolio('mk_' + 'a'.repeat(32))).status).toBe(401);
	});

	it('refuses a token past its last day (Oslo), and takes it on that day', async () => {
		const token = tokenFor(who.viewer!, 'read', '2026-11-16');
		expect((await portfolio(token, new Date('2026-11-16T22:59:00Z'))).status).toBe(200);
		// 00:30 on 17 November in Oslo, still the 16th in UTC.
		expect((await portfolio(token, new Date('2026-11-16T23:30:00Z'))).status).toBe(401);
	});

	it('refuses a revoked token, and one whose owner is deactivated', async () => {
		const { actions } = await import('../../src/routes/(app)/konto/api/+page.server');
		const token = tokenFor(who.viewer!, 'read');
		expect((await portfolio(token)).status).toBe(200);
		const { listApiTokens } = await import('$lib/server/db/queries/api-tokens');
		const id = listApiTokens(who.viewer!, 1)[0]!.id;
		const { makeEvent } = await import('../factories');
		await actions.revokeToken!(
			makeEvent({
				signed: signIn(who.viewer!, NOW),
				path: '/konto/api',
				form: { tokenId: String(id) },
				now: NOW
			}) as never
		);
		expect((await portfolio(token)).status).toBe(401);

		const user = await makeUser([{ role: 'admin' }]);
		const theirs = tokenFor(user, 'write');
		expect((await portfolio(theirs)).status).toBe(200);
		setUserActive(user, false, who.admin!, NOW);
		expect((await portfolio(theirs)).body!.error.code).toBe('invalid_token');
	});
});

describe('rate limit', () => {
	it('answers 429 with Retry-After past the limit, and lets the token in again next minute', async () => {
		const token = tokenFor(who.viewer!, 'read');
		const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
		for (let i = 0; i < API_RATE.limit; i++) {
			// An address that does not exist counts too, and shows the Norwegian 404.
			const answer = await get('/api/v1/finnes-ikke', token, at(10));
			expect(answer.status).toBe(404);
		}
		const refused = await get('/api/v1/portefolje', token, at(20));
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('50');
		expect(refused.body!.error.code).toBe('rate_limited');
		expect((await get('/api/v1/portefolje', token, at(71))).status).toBe(200);
	});

	it('counts each token on its own', async () => {
		expect((await get('/api/v1/finnes-ikke', read.steering!)).body).toEqual({
			error: { code: 'not_found', message: 'Fant ikke det du ba om.' }
		});
	});
});

describe('a qualitative benefit', () => {
	it('lists its assessments with their words, as its page does', async () => {
		const { makeBenefit } = await import('../factories/benefits');
		const other = makeProject(who.leader!, [], 1).projectId;
		const id = makeBenefit(
			other,
			{ kind: 'kvalitativ', unit: undefined, ownerId: who.owner!, title: 'Bedre samarbeid' },
			who.leader!
		);
		const token = tokenFor(who.owner!, 'write');
		const url = `/api/v1/gevinster/${id}/realiseringer`;
		const logged = [
			['2026-07', 'gul', 'Noe bedre'],
			['2026-08', 'gronn', 'Mye bedre'],
			['2026-09', 'rod', 'Tilbakeslag']
		] as const;
		for (const [period, assessment, narrative] of logged) {
			expect((await post(url, token, { period, assessment, narrative })).status).toBe(201);
		}
		const one = await get(`/api/v1/gevinster/${id}`, read.viewer!);
		expect(one.status).toBe(200);
		expect(one.body!.registrations).toEqual(
			logged.map(([period, assessment, narrative]) =>
				expect.objectContaining({ period, assessment, narrative, value: null })
			)
		);
	});
});

describe('repeating a write with an Idempotency-Key', () => {
	let id: number;
	let token: string;
	const url = () => `/api/v1/gevinster/${id}/realiseringer`;
	const send = (key: string | null, body: unknown, opts: { now?: Date; as?: string } = {}) =>
		callApi('POST', url(), {
			token: opts.as ?? token,
			body,
			now: opts.now ?? NOW,
			headers: key === null ? {} : { 'Idempotency-Key': key }
		});
	const rows = (period: string) => listRealisations([id]).filter((r) => r.period === period);

	beforeAll(() => {
		id = makeFrozenBenefit(
			projectId,
			{ ownerId: who.owner, title: 'Færre dobbeltregistreringer' },
			{ actorId: who.leader, now: new Date('2026-01-02T10:00:00Z') }
		);
		token = tokenFor(who.owner!, 'write');
	});

	it('answers a repeat with the first answer and writes nothing more', async () => {
		const before = auditCount();
		const first = await send('"8e03978e-40d5-43e8-bc93-6894a57f9324"', {
			period: '2026-04',
			value: 1000
		});
		expect(first.status).toBe(201);
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		const audited = auditCount();
		expect(audited).toBeGreaterThan(before);
		// The same request again: the same key (sent bare this time), the fields in another order.
		const again = await send('8e03978e-40d5-43e8-bc93-6894a57f9324', {
			value: 1000,
			period: '2026-04'
		});
		expect(again.status).toBe(201);
		expect(again.body).toEqual(first.body);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(rows('2026-04')).toHaveLength(1);
		expect(auditCount()).toBe(audited);
	});

	it('without the header, the same value sent twice is two registrations, as before', async () => {
		expect((await send(null, { period: '2026-05', value: 1000 })).status).toBe(201);
		expect((await send(null, { period: '2026-05', value: 1000 })).status).toBe(201);
		expect(rows('2026-05')).toHaveLength(2);
	});

	it('refuses the same key with another body with 422, in the reader’s language, and writes nothing', async () => {
		expect((await send('nokkel-1', { period: '2026-06', value: 10 })).status).toBe(201);
		const before = auditCount();
		const other = await send('nokkel-1', { period: '2026-06', value: 11 });
		expect(other.status).toBe(422);
		expect(other.body).toEqual({
			error: {
				code: 'idempotency_key_reused',
				message: expect.stringContaining('Idempotency-Key «nokkel-1» er brukt før')
			}
		});
		const english = await callApi('POST', url(), {
			token,
			body: { period: '2026-06', value: 12 },
			now: NOW,
			acceptLanguage: 'en',
			headers: { 'Idempotency-Key': 'nokkel-1' }
		});
		expect(english.body!.error.message).toContain('has been used before');
		expect(rows('2026-06')).toMatchObject([{ value: 10 }]);
		expect(auditCount()).toBe(before);
	});

	it('keeps a key for 24 hours by the request’s time, then takes it as new', async () => {
		const at = (ms: number) => new Date(NOW.getTime() + ms);
		const day = 24 * 60 * 60 * 1000;
		expect((await send('dogn', { period: '2026-07', value: 7 }, { now: at(0) })).status).toBe(201);
		const late = await send('dogn', { period: '2026-07', value: 7 }, { now: at(day - 1) });
		expect(late.headers.get('idempotent-replayed')).toBe('true');
		expect(rows('2026-07')).toHaveLength(1);
		const after = await send('dogn', { period: '2026-07', value: 7 }, { now: at(day) });
		expect(after.status).toBe(201);
		expect(after.headers.get('idempotent-replayed')).toBeNull();
		expect(rows('2026-07')).toHaveLength(2);
	});

	it('is the token’s own, for one address: another token or benefit with the key writes', async () => {
		const other = tokenFor(who.owner!, 'write');
		expect((await send('delt', { period: '2026-08', value: 8 })).status).toBe(201);
		const byOther = await send('delt', { period: '2026-08', value: 8 }, { as: other });
		expect(byOther.headers.get('idempotent-replayed')).toBeNull();
		expect(rows('2026-08')).toHaveLength(2);
		const elsewhere = await callApi('POST', `/api/v1/gevinster/${benefitId}/realiseringer`, {
			token,
			body: { period: '2026-08', value: 8 },
			now: NOW,
			headers: { 'Idempotency-Key': 'delt' }
		});
		expect(elsewhere.status).toBe(201);
		expect(elsewhere.headers.get('idempotent-replayed')).toBeNull();
	});

	it('keeps no key for a refused request, so it can be corrected and sent again', async () => {
		const bad = await send('rettes', { period: '2026-09', value: 'mye' });
		expect(bad.status).toBe(422);
		// Refused by the action itself (a month not yet over), not by the body's checks.
		const future = await send('rettes', { period: '2026-12', value: 9 });
		expect(future.status).toBe(422);
		expect(future.headers.get('idempotent-replayed')).toBeNull();
		const fixed = await send('rettes', { period: '2026-09', value: 9 });
		expect(fixed.status).toBe(201);
		expect(fixed.headers.get('idempotent-replayed')).toBeNull();
		expect(rows('2026-09')).toHaveLength(1);
	});

	it('refuses a key that is no key with 400, and writes nothing', async () => {
		const before = auditCount();
		for (const key of ['', '  ', '"ikke avsluttet', 'x'.repeat(256), 'nøkkel']) {
			const answer = await send(key, { period: '2026-10', value: 10 });
			expect(answer.status, key).toBe(400);
			expect(answer.body!.error.code).toBe('bad_idempotency_key');
		}
		expect(rows('2026-10')).toEqual([]);
		expect(auditCount()).toBe(before);
	});

	it('answers 409 while the first request with the key is still being answered', async () => {
		const body = { period: '2026-10', value: 10 };
		const tokenId = getApiTokenByHash(hashToken(token))!.token.id;
		const entry = { tokenId, endpoint: `POST ${url()}`, key: 'underveis' };
		const fingerprint = createHash('sha256').update(canonicalJson(body)).digest('hex');
		expect(reserveIdempotencyKey(entry, fingerprint, NOW, new Date(0)).kind).toBe('new');
		const busy = await send('underveis', body);
		expect(busy.status).toBe(409);
		expect(busy.body!.error.code).toBe('idempotency_key_in_use');
		expect(rows('2026-10')).toEqual([]);
	});

	it('a sign-off is written once by nature (409 again); with the key the repeat gets its 201', async () => {
		const sign = (period: string, key: string | null) =>
			callApi('POST', `/api/v1/arshjul/forekomster/${taskId}/${otherUnitId}/${period}/signatur`, {
				token: write.otherUnitLeader!,
				body: { storedIn: 'Compilo' },
				now: NOW,
				headers: key === null ? {} : { 'Idempotency-Key': key }
			});
		const signed = (period: string) =>
			db
				.select()
				.from(wheelSignature)
				.all()
				.filter((s) => s.taskId === taskId && s.unitId === otherUnitId && s.period === period);
		expect((await sign('2026-07', null)).status).toBe(201);
		expect((await sign('2026-07', null)).status).toBe(409);
		expect(signed('2026-07')).toHaveLength(1);
		const first = await sign('2026-08', 'signatur-1');
		expect(first.status).toBe(201);
		const again = await sign('2026-08', 'signatur-1');
		expect(again.status).toBe(201);
		expect(again.body).toEqual(first.body);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(signed('2026-08')).toHaveLength(1);
	});
});
