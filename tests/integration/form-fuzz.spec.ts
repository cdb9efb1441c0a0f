/**
 * Bad input gets a 4xx and a message, never a 500 and never a partial write.
 *
 * Every form action in src/routes is found from the route files (a new action is fuzzed
 * without touching this file) and called the way SvelteKit calls it, with generated bodies:
 * a well-formed body from tests/fuzz/bodies.ts with fields dropped, repeated, replaced by odd
 * values (tests/fuzz/values.ts) or joined by prototype keys; unknown and foreign ids in the
 * route; bodies that are not a form at all. Each case runs as one of several users against a
 * real SQLite database seeded with one of everything.
 *
 * The property, per case:
 * - the answer is one a browser may get for bad input: 200, 303, 400, 403, 404, 409, 413 (a
 *   thrown non-HttpError is the 500 SvelteKit would send; so are a redirect whose Location
 *   is not a valid header value and action data devalue cannot serialise);
 * - a refusal (4xx) leaves the database as it was: every table's rows hash the same.
 *
 * Each case runs inside a transaction that is rolled back afterwards (the actions' own
 * transactions nest as savepoints), so every case starts from the seed and a failure found
 * by fast-check replays and shrinks. FUZZ_RUNS sets the cases per action (`npm run fuzz`
 * runs 1 000); FUZZ_SEED replays a run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import * as devalue from 'devalue';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/server/db';
import { makeEvent } from '../factories';
import { digest } from '../fuzz/digest';
import { NOW, seedInstallation, type Seed } from '../fuzz/seed';
import {
	actionParams,
	routeParams,
	routeQuery,
	seedIds,
	validBodies,
	type Body
} from '../fuzz/bodies';
import { nastyValue, PROTOTYPE_KEYS, REDIRECT_TARGETS, UNKNOWN_IDS } from '../fuzz/values';

// Argon2 at the production cost (19 MiB, two passes) would spend the whole time budget on
// the password forms; the same library at its lowest cost keeps the code path and the format.
vi.mock('@node-rs/argon2', async (importOriginal) => {
	const argon2 = await importOriginal<typeof import('@node-rs/argon2')>();
	return {
		...argon2,
		hash: (password: string, options: Record<string, unknown>) =>
			argon2.hash(password, { ...options, memoryCost: 64, timeCost: 1 })
	};
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/**
 * Fewer cases for actions whose every accepted body renders a whole PDF report (about 0.3 s
 * each): the cases that matter are the refused ones, and a third of the runs still reach the
 * write. Never more than RUNS.
 */
const RUNS_FOR: Record<string, number> = { '/(app)/internkontroll/arsrapport freeze': 40 };
const runsFor = (key: string) => Math.min(RUNS, RUNS_FOR[key] ?? RUNS);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** What a browser may be answered for bad input (RFC 9110 §15). */
const ALLOWED = new Set([200, 303, 400, 403, 404, 409, 413]);
/**
 * Writes a refusal is meant to make: a failed sign-in counts against the throttle (and may
 * then be answered 429, RFC 6585 §4).
 */
const REFUSAL_WRITES: Record<string, { tables: string[]; statuses: number[] }> = {
	'/(auth)/login default': { tables: ['login_attempt'], statuses: [429] }
};

type Actions = Record<string, (event: never) => unknown>;
const modules = import.meta.glob<{ actions?: Actions }>('/src/routes/**/+page.server.ts', {
	eager: true
});

type FormAction = { key: string; routeId: string; name: string; run: (event: never) => unknown };

const formActions: FormAction[] = Object.entries(modules).flatMap(([file, mod]) => {
	const routeId = file.replace(/^\/src\/routes/, '').replace(/\/\+page\.server\.ts$/, '') || '/';
	return Object.entries(mod.actions ?? {}).map(([name, run]) => ({
		key: `${routeId} ${name}`,
		routeId,
		name,
		run
	}));
});

// ── The answer SvelteKit would send ─────────────────────────────────────────────────────────

type Answer = { status: number; problem?: string };

async function answer(run: () => unknown): Promise<Answer> {
	let result: unknown;
	try {
		result = await run();
	} catch (e) {
		if (isRedirect(e)) {
			// SvelteKit puts the location in a header; a value Headers refuses is a 500.
			try {
				new Headers({ location: e.location });
			} catch (h) {
				return { status: 500, problem: `redirect to ${JSON.stringify(e.location)}: ${h}` };
			}
			return { status: e.status };
		}
		if (isHttpError(e)) return { status: e.status };
		return { status: 500, problem: e instanceof Error ? (e.stack ?? e.message) : String(e) };
	}
	const data = isActionFailure(result) ? result.data : result;
	// The data goes to the browser through devalue: stringify for `use:enhance`, uneval in
	// the page a plain form post renders. Either throwing is a 500.
	try {
		devalue.stringify(data);
		devalue.uneval(data);
	} catch (e) {
		return { status: 500, problem: `action data cannot be serialised: ${e}` };
	}
	return { status: isActionFailure(result) ? result.status : 200 };
}

// ── The database, before and after ──────────────────────────────────────────────────────────

const sqlite = () => db.$client;

/** Runs `work` in a transaction that is always rolled back: every case starts from the seed. */
async function isolated<T>(work: () => Promise<T>): Promise<T> {
	const client = sqlite();
	client.exec('BEGIN');
	try {
		return await work();
	} finally {
		if (client.inTransaction) client.exec('ROLLBACK');
	}
}

// ── Bodies ──────────────────────────────────────────────────────────────────────────────────

type Mutation =
	| { kind: 'drop'; field: string }
	| { kind: 'set'; field: string; value: string }
	| { kind: 'repeat'; field: string; value: string }
	| { kind: 'extra'; field: string; value: string }
	| { kind: 'file'; field: string };

type Encoding = 'multipart' | 'urlencoded' | 'text/plain' | 'truncated' | 'no-boundary';

type Case = {
	actor: string;
	params: 'seed' | 'unknown' | 'swapped';
	swapId: string;
	mutations: Mutation[];
	encoding: Encoding;
	redirectTo: string | null;
};

function applyMutations(base: Body, mutations: Mutation[]): { body: Body; files: string[] } {
	// A null-prototype record, so a generated `__proto__` field is a field here too.
	const body: Body = Object.assign(Object.create(null), base);
	const files: string[] = [];
	for (const m of mutations) {
		if (m.kind === 'drop') delete body[m.field];
		else if (m.kind === 'set' || m.kind === 'extra') body[m.field] = m.value;
		else if (m.kind === 'repeat') body[m.field] = [...[body[m.field] ?? []].flat(), m.value];
		else files.push(m.field);
	}
	return { body, files };
}

function entries(body: Body): [string, string][] {
	return Object.keys(body).flatMap((k) => [body[k]!].flat().map((v): [string, string] => [k, v]));
}

async function request(url: URL, body: Body, files: string[], encoding: Encoding) {
	const post = (init: RequestInit) => new Request(url, { method: 'POST', ...init });
	if (encoding === 'urlencoded') return post({ body: new URLSearchParams(entries(body)) });
	if (encoding === 'text/plain') {
		// What a browser posts for <form enctype="text/plain">; SvelteKit lets it through.
		const text = entries(body)
			.map(([k, v]) => `${k}=${v}\r\n`)
			.join('');
		return post({ body: text, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
	}
	const form = new FormData();
	for (const [k, v] of entries(body)) form.append(k, v);
	for (const f of files) form.append(f, new Blob(['%PDF-1.7']), 'vedlegg.pdf');
	if (encoding === 'multipart') return post({ body: form });
	const encoded = post({ body: form });
	const type = encoded.headers.get('content-type')!;
	const bytes = new Uint8Array(await encoded.arrayBuffer());
	if (encoding === 'truncated') {
		return post({
			body: bytes.slice(0, Math.floor(bytes.length / 2)),
			headers: { 'content-type': type }
		});
	}
	return post({ body: bytes, headers: { 'content-type': 'multipart/form-data' } });
}

/** The URL path of a route id, with its params filled in. */
function pathOf(routeId: string, params: Record<string, string>): string {
	const path = routeId
		.replace(/\/\([^)]*\)/g, '')
		.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => params[name] ?? name);
	return path || '/';
}

function paramsFor(base: Record<string, string>, c: Case): Record<string, string> {
	if (c.params === 'seed') return base;
	return Object.fromEntries(
		Object.keys(base).map((k) => {
			if (k === 'period') return [k, c.params === 'unknown' ? '2099-12' : '2026-09'];
			return [k, c.params === 'unknown' ? '99999' : c.swapId];
		})
	);
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────

let seed: Seed;
let bodies: Record<string, Body>;
let params: Record<string, Record<string, string>>;
let paramsOfAction: Record<string, Record<string, string>>;
let queries: Record<string, Record<string, string>>;
let ids: string[];
/** The seed's digest, and per exempt action the digest without the tables it may write. */
const seedDigests = new Map<string, string>();
const report: Record<string, { bodies: number; statuses: Record<number, number> }> = {};
const fieldsLearned: Record<string, string[]> = {};

beforeAll(async () => {
	seed = await seedInstallation();
	bodies = validBodies(seed);
	params = routeParams(seed);
	paramsOfAction = actionParams(seed);
	queries = routeQuery(seed);
	ids = seedIds(seed);
	seedDigests.set('', digest());
	for (const { tables } of Object.values(REFUSAL_WRITES)) {
		seedDigests.set(tables.join(','), digest(tables));
	}
}, 60_000);

afterAll(() => {
	const lines = Object.entries(report).map(([key, r]) => {
		const statuses = Object.entries(r.statuses)
			.map(([s, n]) => `${s}×${n}`)
			.join(' ');
		return `${key.padEnd(75)} ${String(r.bodies).padStart(5)}  ${statuses}`;
	});
	const total: Record<string, number> = {};
	for (const r of Object.values(report)) {
		for (const [s, n] of Object.entries(r.statuses)) total[s] = (total[s] ?? 0) + n;
	}
	const bodiesTotal = Object.values(report).reduce((n, r) => n + r.bodies, 0);
	const summary = [
		`form-action fuzz: ${Object.keys(report).length} actions, ${bodiesTotal} bodies, ${RUNS} per action`,
		`statuses: ${Object.entries(total)
			.map(([s, n]) => `${s}×${n}`)
			.join(' ')}`,
		...lines
	].join('\n');
	console.log(summary);
	mkdirSync('test-results', { recursive: true });
	writeFileSync('test-results/form-fuzz.txt', `${summary}\n`);
});

function eventFor(action: FormAction, c: Case) {
	const baseParams = paramsOfAction[action.key] ?? params[action.routeId] ?? {};
	const routeParamsUsed = paramsFor(baseParams, c);
	const url = new URL(pathOf(action.routeId, routeParamsUsed), 'http://localhost');
	if (action.name !== 'default') url.search = `?/${action.name}`;
	for (const [k, v] of Object.entries(queries[action.routeId] ?? {})) url.searchParams.set(k, v);
	if (c.redirectTo !== null) url.searchParams.set('redirectTo', c.redirectTo);
	const event = makeEvent({
		signed: seed.actors[c.actor] ?? null,
		path: url.pathname + url.search,
		params: routeParamsUsed,
		now: NOW
	});
	return { ...event, url };
}

async function runCase(
	action: FormAction,
	base: Body,
	c: Case
): Promise<Answer & { digest?: string }> {
	const { body, files } = applyMutations(base, c.mutations);
	return isolated(async () => {
		const event = eventFor(action, c);
		event.request = await request(event.url, body, files, c.encoding);
		const result = await answer(() => action.run(event as never));
		if (result.status >= 400 && result.status < 500) {
			return { ...result, digest: digest(REFUSAL_WRITES[action.key]?.tables) };
		}
		return result;
	});
}

/** The fields of an action: those of its seed body, and those an empty body is told to fill. */
async function fieldsOf(action: FormAction, base: Body): Promise<string[]> {
	const probe = await isolated(async () => {
		const c: Case = {
			actor: 'admin',
			params: 'seed',
			swapId: '1',
			mutations: [],
			encoding: 'multipart',
			redirectTo: null
		};
		const event = eventFor(action, c);
		event.request = new Request(event.url, { method: 'POST', body: new FormData() });
		try {
			const result = await action.run(event as never);
			return isActionFailure(result) ? result.data : undefined;
		} catch {
			return undefined;
		}
	});
	const errors = (probe as { errors?: Record<string, string> } | undefined)?.errors ?? {};
	const learned = Object.keys(errors).filter((k) => k !== '_form' && !(k in base));
	if (learned.length) fieldsLearned[action.key] = learned;
	return [...new Set([...Object.keys(base), ...learned])];
}

/** A field that names a row (`ownerId`, `trackIds`, `supersedesId` …) gets ids more often. */
const ID_FIELD = /Ids?$|^(from|to)$/;

function valueFor(field: string): fc.Arbitrary<string> {
	const seedId = fc.constantFrom(...ids);
	const unknownId = fc.constantFrom(...UNKNOWN_IDS);
	if (!ID_FIELD.test(field)) {
		return fc.oneof({ arbitrary: nastyValue, weight: 4 }, { arbitrary: seedId, weight: 1 });
	}
	return fc.oneof(
		{ arbitrary: unknownId, weight: 3 },
		{ arbitrary: seedId, weight: 3 },
		{
			arbitrary: fc
				.constantFrom('measure', 'change', 'benefit', 'goal')
				.chain((kind) => fc.oneof(seedId, unknownId).map((id) => `${kind}:${id}`)),
			weight: 1
		},
		{ arbitrary: nastyValue, weight: 2 }
	);
}

function caseArbitrary(fields: string[]): fc.Arbitrary<Case> {
	const field = fc.constantFrom(...(fields.length ? fields : PROTOTYPE_KEYS));
	const withValue = <K extends 'set' | 'repeat'>(kind: K) =>
		field.chain((f) => valueFor(f).map((value) => ({ kind, field: f, value })));
	const mutation: fc.Arbitrary<Mutation> = fc.oneof(
		{ arbitrary: fc.record({ kind: fc.constant('drop' as const), field }), weight: 2 },
		{ arbitrary: withValue('set'), weight: 5 },
		{ arbitrary: withValue('repeat'), weight: 2 },
		{
			arbitrary: fc.record({
				kind: fc.constant('extra' as const),
				field: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })),
				value: nastyValue
			}),
			weight: 2
		},
		{ arbitrary: fc.record({ kind: fc.constant('file' as const), field }), weight: 1 }
	);
	return fc.record({
		actor: fc.constantFrom(
			'admin',
			'admin',
			'admin',
			'leader',
			'leader',
			'leader',
			'steering',
			'viewer',
			'anonymous'
		),
		params: fc.oneof(
			{ arbitrary: fc.constant('seed' as const), weight: 8 },
			{ arbitrary: fc.constant('unknown' as const), weight: 1 },
			{ arbitrary: fc.constant('swapped' as const), weight: 1 }
		),
		swapId: fc.constantFrom(...ids),
		mutations: fc.array(mutation, { maxLength: 4 }),
		encoding: fc.oneof(
			{ arbitrary: fc.constant('multipart' as const), weight: 6 },
			{ arbitrary: fc.constant('urlencoded' as const), weight: 6 },
			{ arbitrary: fc.constant('text/plain' as const), weight: 1 },
			{ arbitrary: fc.constant('truncated' as const), weight: 1 },
			{ arbitrary: fc.constant('no-boundary' as const), weight: 1 }
		),
		redirectTo: fc.oneof(
			{ arbitrary: fc.constant(null), weight: 3 },
			{ arbitrary: fc.constantFrom(...REDIRECT_TARGETS), weight: 1 }
		)
	});
}

describe('every form action answers bad input with a 4xx and writes nothing', () => {
	it('finds the form actions in src/routes', () => {
		expect(formActions.length).toBeGreaterThan(50);
	});

	it('knows the params of every route with an action', () => {
		const needParams = formActions.filter((a) => /\[/.test(a.routeId));
		expect(needParams.filter((a) => !params[a.routeId]).map((a) => a.routeId)).toEqual([]);
	});

	it('names only actions that exist in its seed bodies (the list does not rot)', () => {
		const known = new Set(formActions.map((a) => a.key));
		expect(Object.keys(bodies).filter((k) => !known.has(k))).toEqual([]);
	});

	// The seed bodies are what the generated ones start from: each must reach the write, or
	// the fuzzing stops at the first check. Posted by an admin, or signed out on sign-in pages.
	// Every action needs one, so a new action cannot slip past with only an empty body.
	it.for(formActions.map((a) => [a.key, a] as const))(
		'the seed body of %s is accepted',
		async ([key, action]) => {
			const body = bodies[key];
			expect(body, `no seed body in tests/fuzz/bodies.ts for ${key}`).toBeDefined();
			if (!body) return;
			const c: Case = {
				actor: action.routeId.startsWith('/(auth)') ? 'anonymous' : 'admin',
				params: 'seed',
				swapId: '1',
				mutations: [],
				encoding: 'multipart',
				redirectTo: null
			};
			const result = await runCase(action, body, c);
			// Setting up the first admin is closed once a user exists.
			const expected = key === '/(auth)/setup default' ? [404] : [200, 303];
			expect(expected, result.problem).toContain(result.status);
		}
	);

	it.each(formActions.map((a) => [a.key, a] as const))(
		'%s',
		async (key, action) => {
			const base = bodies[key] ?? {};
			const fields = await fieldsOf(action, base);
			const tally = (report[key] = { bodies: 0, statuses: {} as Record<number, number> });
			const exempt = REFUSAL_WRITES[key];
			await fc.assert(
				fc.asyncProperty(caseArbitrary(fields), async (c) => {
					const result = await runCase(action, base, c);
					tally.bodies += 1;
					tally.statuses[result.status] = (tally.statuses[result.status] ?? 0) + 1;
					const allowed = ALLOWED.has(result.status) || !!exempt?.statuses.includes(result.status);
					if (!allowed) throw new Error(`answered ${result.status}\n${result.problem ?? ''}`);
					const expected = seedDigests.get(exempt?.tables.join(',') ?? '');
					if (result.digest !== undefined && result.digest !== expected) {
						throw new Error(`answered ${result.status} but changed the database`);
					}
				}),
				{ numRuns: runsFor(key), seed: SEED }
			);
			expect(tally.bodies).toBeGreaterThanOrEqual(runsFor(key));
		},
		20_000 + RUNS * 100
	);
});
