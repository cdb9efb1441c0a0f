/**
 * The causes of 500s the form-action fuzz test found, each pinned down by name: prototype
 * keys in a form, bodies that are not a form, and ids that name no row.
 */
import * as devalue from 'devalue';
import { beforeAll, describe, expect, it } from 'vitest';
import { actions as loginActions } from '../../src/routes/(auth)/login/+page.server';
import { actions as newProjectActions } from '../../src/routes/(app)/portefolje/prosjekter/ny/+page.server';
import { actions as newTrackActions } from '../../src/routes/(app)/portefolje/spor/ny/+page.server';
import { actions as newMeasureActions } from '../../src/routes/(app)/portefolje/tiltak/ny/+page.server';
import { actions as projectActions } from '../../src/routes/(app)/portefolje/prosjekter/[id=id]/+page.server';
import { actions as userActions } from '../../src/routes/(app)/admin/brukere/[id=id]/+page.server';
import {
	actions as benefitActions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { load as overviewLoad } from '../../src/routes/(app)/gevinster/+page.server';
import { actions as mapActions } from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/+page.server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { digest } from '../fuzz/digest';
import { db } from '$lib/server/db';
import { unit } from '$lib/server/db/schema';
import { writeTransaction } from '$lib/server/db/queries/write';
import { FORM_TOO_LARGE, readForm, UNREADABLE_FORM } from '$lib/server/read-form';

let admin: Signed;
let leader: Signed;
let trackId = 0;
let projectId = 0;
let benefitId = 0;

beforeAll(async () => {
	admin = signIn(await makeUser([{ role: 'admin' }]));
	leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	const { tracks } = makeMission(leader.user.id);
	trackId = tracks[0]!;
	projectId = makeProject(leader.user.id, [trackId], 0).projectId;
	benefitId = makeBenefit(projectId, {}, leader.user.id);
});

const post = (
	signed: Signed | null,
	path: string,
	form: Record<string, string | string[]>,
	params: Record<string, string> = {}
) => makeEvent({ signed, path, form, params }) as never;

/** What SvelteKit sends the browser must be writable by devalue (its serialiser). */
function serialisable(data: unknown) {
	devalue.stringify(data);
	devalue.uneval(data);
	return true;
}

describe('form keys named after Object.prototype members are plain data', () => {
	it('a sign-in with `constructor`, `toString` and `__proto__` fields is a 400 with the values echoed', async () => {
		const result = await outcome(() =>
			loginActions.default!(
				post(null, '/login', {
					constructor: 'x',
					toString: 'y',
					['__proto__']: 'z',
					valueOf: ['1', '2']
				})
			)
		);
		expect(result).toMatchObject({ kind: 'fail', status: 400 });
		const { values } = (result as { data: { values: Record<string, unknown> } }).data;
		expect(Object.getOwnPropertyDescriptor(values, 'constructor')?.value).toBe('x');
		expect(Object.getOwnPropertyDescriptor(values, 'toString')?.value).toBe('y');
		expect(Object.getOwnPropertyDescriptor(values, 'valueOf')?.value).toEqual(['1', '2']);
		// devalue refuses a `__proto__` key: it is left out of the echo, never a 500.
		expect(Object.hasOwn(values, '__proto__')).toBe(false);
		expect(serialisable((result as { data: unknown }).data)).toBe(true);
	});

	it('a refused write echoes the values it was given without secrets or `__proto__`', async () => {
		const result = await outcome(() =>
			newTrackActions.default!(
				post(leader, '/portefolje/spor/ny', {
					code: '1B',
					title: 'Spor',
					problemStatement: 'Problem',
					ownerId: String(leader.user.id),
					['__proto__']: 'x',
					password: 'hemmelig'
				})
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { code: expect.any(String) } }
		});
		const { values } = (result as { data: { values: Record<string, unknown> } }).data;
		expect(values).toMatchObject({ code: '1B', title: 'Spor' });
		expect(Object.keys(values)).not.toContain('password');
		expect(Object.hasOwn(values, '__proto__')).toBe(false);
		expect(serialisable((result as { data: unknown }).data)).toBe(true);
	});
});

describe('a body that is not a form is a 400, read in one place', () => {
	const unreadable = async (request: Request) => {
		try {
			await readForm({ request });
		} catch (e) {
			return e;
		}
		return undefined;
	};

	it('text/plain (which SvelteKit lets through as a form content type)', async () => {
		const request = new Request('http://localhost/login', {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: 'email=a@b.no\r\npassword=x\r\n'
		});
		expect(await unreadable(request)).toMatchObject({
			status: 400,
			body: { message: UNREADABLE_FORM }
		});
	});

	it('a truncated multipart body', async () => {
		const form = new FormData();
		form.append('email', 'a@b.no');
		const whole = new Request('http://localhost/login', { method: 'POST', body: form });
		const bytes = new Uint8Array(await whole.arrayBuffer());
		const request = new Request('http://localhost/login', {
			method: 'POST',
			headers: { 'content-type': whole.headers.get('content-type')! },
			body: bytes.slice(0, bytes.length - 20)
		});
		expect(await unreadable(request)).toMatchObject({
			status: 400,
			body: { message: UNREADABLE_FORM }
		});
	});

	it('a body over BODY_SIZE_LIMIT stays a 413', async () => {
		// adapter-node errors the body stream with a 413 SvelteKitError when the limit is passed.
		const tooLarge = Object.assign(new Error('request body size exceeded'), { status: 413 });
		const body = new ReadableStream({
			start(controller) {
				controller.enqueue(new TextEncoder().encode('email=a'));
				controller.error(tooLarge);
			}
		});
		const request = new Request('http://localhost/login', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(await unreadable(request)).toMatchObject({
			status: 413,
			body: { message: FORM_TOO_LARGE }
		});
	});

	it('an action posted text/plain answers 400, not 500', async () => {
		const event = makeEvent({ signed: leader, path: '/portefolje/spor/ny' });
		const request = new Request(event.url, {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: 'code=1A\r\n'
		});
		const result = await outcome(() => newTrackActions.default!({ ...event, request } as never));
		expect(result).toMatchObject({ kind: 'error', status: 400, message: UNREADABLE_FORM });
	});
});

describe('an id that names no row is a 400 on its field, and nothing is written', () => {
	const UNKNOWN = '99999';

	async function refused(run: () => unknown, field: string, message: string) {
		const before = digest();
		const result = await outcome(run);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { [field]: message } }
		});
		expect((result as { data: { values: Record<string, unknown> } }).data.values).toMatchObject({
			[field]: UNKNOWN
		});
		expect(digest()).toBe(before);
	}

	it('a new project owned by nobody', async () => {
		await refused(
			() =>
				newProjectActions.default!(
					post(admin, '/portefolje/prosjekter/ny', {
						title: 'Prosjekt',
						ownerId: UNKNOWN,
						trackIds: [String(trackId)]
					})
				),
			'ownerId',
			'Velg en eier som finnes.'
		);
	});

	it('a new track owned by nobody', async () => {
		await refused(
			() =>
				newTrackActions.default!(
					post(admin, '/portefolje/spor/ny', {
						code: '8',
						title: 'Spor',
						problemStatement: 'Problem',
						ownerId: UNKNOWN
					})
				),
			'ownerId',
			'Velg en eier som finnes.'
		);
	});

	it('a new measure owned by nobody', async () => {
		await refused(
			() =>
				newMeasureActions.default!(
					post(admin, '/portefolje/tiltak/ny', {
						projectId: String(projectId),
						title: 'Tiltak',
						ownerId: UNKNOWN
					})
				),
			'ownerId',
			'Velg en eier som finnes.'
		);
	});

	it('a risk owned by nobody', async () => {
		await refused(
			() =>
				projectActions.addRisk!(
					post(
						admin,
						`/portefolje/prosjekter/${projectId}`,
						{
							title: 'Risiko',
							likelihood: '2',
							consequence: '3',
							area: 'finance',
							ownerId: UNKNOWN,
							status: 'open'
						},
						{ id: String(projectId) }
					)
				),
			'ownerId',
			'Velg en eier som finnes.'
		);
	});

	const benefitForm = {
		title: 'Gevinst',
		level: 'bruker',
		kind: 'kvalitativ',
		beneficiary: 'familie',
		takeout: 'kvalitet',
		ownerId: UNKNOWN
	};

	it('a benefit owned by nobody, new or edited', async () => {
		await refused(
			() =>
				mapActions.addBenefit!(
					post(admin, `/gevinster/prosjekt/${projectId}`, benefitForm, { id: String(projectId) })
				),
			'ownerId',
			'Velg en eier som finnes.'
		);
		await refused(
			() =>
				benefitActions.update!(
					post(
						admin,
						`/gevinster/${benefitId}`,
						{ ...benefitForm, version: '0' },
						{ id: String(benefitId) }
					)
				),
			'ownerId',
			'Velg en eier som finnes.'
		);
	});

	it('a unit leader role for a unit that does not exist', async () => {
		const target = await makeUser([]);
		await refused(
			() =>
				userActions.addRole!(
					post(
						admin,
						`/admin/brukere/${target}`,
						{ role: 'unit_leader', unitId: UNKNOWN },
						{ id: String(target) }
					)
				),
			'unitId',
			'Velg en enhet som finnes og ikke er arkivert.'
		);
	});

	it('behind the checks, a foreign key SQLite refuses rolls the write back as reference_missing', () => {
		const before = digest();
		const result = writeTransaction((tx) => {
			tx.insert(unit).values({ name: 'Skal ikke lagres' }).run();
			tx.insert(unit)
				.values({ name: 'Foreldreløs', parentId: Number(UNKNOWN) })
				.run();
			return { ok: true, value: undefined };
		});
		expect(result).toEqual({ ok: false, reason: 'reference_missing' });
		expect(
			db
				.select()
				.from(unit)
				.all()
				.map((u) => u.name)
		).not.toContain('Skal ikke lagres');
		expect(digest()).toBe(before);
	});
});

describe('numbers each within their field but too large together', () => {
	const addLine = (fields: Record<string, string>) =>
		outcome(() =>
			benefitActions.addLine!(
				post(
					leader,
					`/gevinster/${benefitId}`,
					{ description: 'Stor linje', ...fields },
					{ id: String(benefitId) }
				)
			)
		);

	it('an estimate line whose total no page can compute is refused, and the pages still load', async () => {
		const before = digest();
		// 10 000 000 kr × 1 000 000 000 cases: each field within its limit, the product 10^16.
		const result = await addLine({
			amountPerCase: '10000000',
			cases: '1000000000',
			sharePercent: '100'
		});
		expect(result).toMatchObject({ kind: 'fail', status: 400 });
		const data = (result as { data: { errors: Record<string, string>; values: object } }).data;
		expect(data.errors._form).toMatch(/^Summen av linjene blir for stor/);
		expect(data.values).toMatchObject({ amountPerCase: '10000000', cases: '1000000000' });
		expect(digest()).toBe(before);

		// Two lines of 6 × 10^11 kr each are each allowed; together over 10^12, the second is refused.
		const big = { amountPerCase: '600000000000', cases: '1', sharePercent: '100' };
		expect(await addLine(big)).toMatchObject({ kind: 'ok' });
		expect(await addLine(big)).toMatchObject({ kind: 'fail', status: 400 });

		const page = makeEvent({
			signed: leader,
			path: `/gevinster/${benefitId}`,
			params: { id: String(benefitId) }
		});
		expect(await outcome(() => benefitLoad(page as never))).toMatchObject({ kind: 'ok' });
		expect(
			await outcome(() => overviewLoad(makeEvent({ signed: leader, path: '/gevinster' }) as never))
		).toMatchObject({ kind: 'ok' });
	});
});
