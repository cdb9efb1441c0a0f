import { isHttpError, isRedirect, type Cookies } from '@sveltejs/kit';
import { createUser } from '$lib/server/db/queries/users';
import { createUnit } from '$lib/server/db/queries/units';
import {
	createSession,
	generateSessionToken,
	validateSessionToken,
	type SessionInfo,
	type SessionUser
} from '$lib/server/auth/session';
import { hashPassword } from '$lib/server/auth/password';
import type { Role } from '$lib/domain/org/vocabulary';

let counter = 0;

export const TEST_PASSWORD = 'riktig-hest-batteri-stift';
let passwordHash: Promise<string> | undefined;

/** A user with the given roles; unit_leader entries need a unit id. */
export async function makeUser(
	roles: { role: Role; unitId?: number | null }[] = [],
	overrides: { name?: string; email?: string } = {}
): Promise<number> {
	counter += 1;
	passwordHash ??= hashPassword(TEST_PASSWORD);
	const result = createUser(
		{
			name: overrides.name ?? `Testbruker ${counter}`,
			email: overrides.email ?? `bruker${counter}@test.no`,
			passwordHash: await passwordHash,
			mustChangePassword: false,
			roles: roles.map((r) => ({ role: r.role, unitId: r.unitId ?? null }))
		},
		null,
		new Date()
	);
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

export function makeUnit(name = `Enhet ${++counter}`, parentId: number | null = null): number {
	const result = createUnit({ name, parentId }, null, new Date());
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

export type Signed = { token: string; session: SessionInfo; user: SessionUser };

/** A real session, read back the way the hook reads it. */
export function signIn(userId: number, now = new Date()): Signed {
	const token = generateSessionToken();
	createSession(token, userId, now);
	const { session, user } = validateSessionToken(token, now);
	if (!session) throw new Error('session did not validate');
	return { token, session, user };
}

export function fakeCookies(initial: Record<string, string> = {}): Cookies & {
	jar: Map<string, string>;
} {
	const jar = new Map(Object.entries(initial));
	return {
		jar,
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name),
		serialize: () => ''
	} as Cookies & { jar: Map<string, string> };
}

type EventInput = {
	signed?: Signed | null;
	path?: string;
	params?: Record<string, string>;
	form?: Record<string, string | string[]>;
	ip?: string;
	/** The request's time (`locals.now`); a test that depends on the date passes it. */
	now?: Date;
};

/** A RequestEvent good enough for calling a load or an action directly. */
export function makeEvent({
	signed = null,
	path = '/',
	params = {},
	form,
	ip,
	now = new Date()
}: EventInput) {
	const url = new URL(path, 'http://localhost');
	let request: Request;
	if (form) {
		const body = new FormData();
		for (const [k, v] of Object.entries(form)) {
			for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
		}
		request = new Request(url, { method: 'POST', body });
	} else {
		request = new Request(url);
	}
	return {
		url,
		params,
		request,
		route: { id: path },
		cookies: fakeCookies(),
		locals: { user: signed?.user ?? null, session: signed?.session ?? null, now },
		getClientAddress: () => ip ?? '127.0.0.1',
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false,
		fetch,
		platform: undefined,
		parent: async () => ({}),
		depends: () => {},
		untrack: <T>(fn: () => T) => fn()
	};
}

export type Outcome =
	| { kind: 'ok'; data: unknown }
	| { kind: 'fail'; status: number; data: { errors?: Record<string, string>; values?: unknown } }
	| { kind: 'error'; status: number; message: string }
	| { kind: 'redirect'; status: number; location: string };

/** Runs a load/action and tells what a browser would have seen. */
export async function outcome(run: () => unknown): Promise<Outcome> {
	try {
		const result = await run();
		if (result && typeof result === 'object' && 'status' in result && 'data' in result) {
			const failure = result as { status: number; data: Outcome & object };
			return { kind: 'fail', status: failure.status, data: failure.data as never };
		}
		return { kind: 'ok', data: result };
	} catch (e) {
		if (isRedirect(e)) return { kind: 'redirect', status: e.status, location: e.location };
		if (isHttpError(e)) return { kind: 'error', status: e.status, message: e.body.message };
		throw e;
	}
}

/** An event on the page of one row, e.g. `/gevinster/7` with the route parameter `id` = 7. */
export function eventOn(
	signed: Signed | null,
	base: string,
	id: number,
	form?: Record<string, string | string[]>
) {
	return makeEvent({ signed, path: `${base}/${id}`, params: { id: String(id) }, form }) as never;
}
