import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	checkRouteFile,
	guardsThatCannotRefuse,
	parse,
	routeEntries,
	ROUTE_FILE,
	type PublicList
} from './route-guard-check';

/**
 * Every load, action and request handler begins with a guard from $lib/server/auth/ or an
 * area's access module (see route-guard-check.ts for why "begins with"). The entries anyone
 * may reach are listed here by hand, each with the guard it begins with and the reason.
 */
const PUBLIC: PublicList = {
	'src/routes/(auth)/login/+page.server.ts': {
		reason: 'the sign-in page: whoever is not signed in must reach it',
		entries: { load: 'allowPublic', 'actions.default': 'allowPublic' }
	},
	'src/routes/+layout.server.ts': {
		reason:
			'the language the page is rendered in, for every page the sign-in page included; nothing else',
		entries: { load: 'allowPublic' }
	},
	'src/routes/(auth)/sprak/+page.server.ts': {
		reason: 'the language of the sign-in pages: whoever is not signed in must be able to choose it',
		entries: { load: 'allowPublic', 'actions.default': 'allowPublic' }
	},
	'src/routes/(auth)/login/oidc/+server.ts': {
		reason: 'starts single sign-on: whoever is not signed in must reach it',
		entries: { GET: 'allowPublic' }
	},
	'src/routes/(auth)/login/oidc/svar/+server.ts': {
		reason:
			"the identity provider's answer: the one-use state, nonce and PKCE verifier in the browser's cookie and the signed id_token are the check",
		entries: { GET: 'allowPublic' }
	},
	'src/routes/(auth)/setup/+page.server.ts': {
		reason: 'first run, before any user exists: the one-time token printed at start is the check',
		entries: { load: 'assertSetupOpen', 'actions.default': 'assertSetupFormOpen' }
	},
	'src/routes/(auth)/passord/+page.server.ts': {
		reason: 'a new user has no password yet: the one-use link from an administrator is the check',
		entries: { load: 'requirePasswordLink', 'actions.default': 'requirePasswordLink' }
	},
	'src/routes/kalender/[token].ics/+server.ts': {
		reason: 'calendar clients cannot sign in: the secret token in the path is the check',
		entries: { GET: 'assertCalendarFeedAccess' }
	},
	'src/routes/tilgjengelighet/+page.server.ts': {
		reason:
			'the accessibility statement must be readable by anyone, signed in or not (forskrift om uu av IKT § 8)',
		entries: { load: 'allowPublic' }
	},
	'src/routes/api/openapi.json/+server.ts': {
		reason:
			'the OpenAPI description of the JSON API: it describes the interface, not the data, and code generators fetch it without a token',
		entries: { GET: 'allowPublic' }
	},
	'src/routes/api/health/+server.ts': {
		reason: 'for load balancers and uptime checks; it tells nothing about the data',
		entries: { GET: 'allowPublic' }
	}
};

function walk(dir: string, keep: (name: string) => boolean): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.posix.join(dir, e.name);
		if (e.isDirectory()) return walk(full, keep);
		return keep(e.name) ? [full] : [];
	});
}

const routeFiles = walk('src/routes', (name) => ROUTE_FILE.test(name));
const guardModules = [
	...walk('src/lib/server/auth', (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts')),
	...walk('src/lib/server', (name) => name === 'access.ts')
];

describe('route guard coverage', () => {
	it('finds the route files and their handlers', () => {
		const entries = routeFiles.flatMap((f) => routeEntries(parse(f, readFileSync(f, 'utf8'))));
		expect(routeFiles.length).toBeGreaterThan(30);
		expect(entries.length).toBeGreaterThan(100);
	});

	it('every load, action and handler begins with a guard; public ones as listed', () => {
		expect(routeFiles.flatMap((f) => checkRouteFile(f, readFileSync(f, 'utf8'), PUBLIC))).toEqual(
			[]
		);
	});

	it('every file listed as public exists, with a reason', () => {
		for (const [file, { reason }] of Object.entries(PUBLIC)) {
			expect(existsSync(file), file).toBe(true);
			expect(reason.length).toBeGreaterThan(20);
		}
	});

	it('every guard in the guard modules can refuse', () => {
		expect(guardModules.length).toBeGreaterThan(3);
		expect(guardModules.flatMap((f) => guardsThatCannotRefuse(f, readFileSync(f, 'utf8')))).toEqual(
			[]
		);
	});
});

/** A route file as source text, with the imports most cases need. */
const route = (body: string) => `
	import { allowPublic, isAdmin, requireAdmin, requireUser } from '$lib/server/auth/guards';
	import { deleteUser } from '$lib/server/db/queries/users';
	${body}`;

const FILE = 'src/routes/(app)/x/+page.server.ts';
const check = (text: string, publicList: PublicList = {}) => checkRouteFile(FILE, text, publicList);

describe('the route guard check itself', () => {
	it('passes handlers that begin with a guard, in each accepted form', () => {
		const text = `
			import { requireUser as signedIn } from '$lib/server/auth/guards';
			import * as wheel from '$lib/server/wheel/access';
			import { requireScorer } from '$lib/server/portfolio/access';
			export const load = async (event) => { const user = signedIn(event); return { user }; };
			export async function POST(event) { await wheel.requireWheelEditor(event); return new Response(); }
			export const actions = {
				a: async (event) => { const { user, wheel: w } = wheel.requireWheelEditor(event); },
				'b': async function (event) { requireScorer(event); },
				c(event) { requireScorer(event); }
			} satisfies Actions;`;
		expect(check(text)).toEqual([]);
		expect(routeEntries(parse(FILE, text)).map((e) => e.guard)).toEqual([
			'requireUser',
			'requireWheelEditor',
			'requireWheelEditor',
			'requireScorer',
			'requireScorer'
		]);
	});

	// Each case puts back one way a handler can look guarded and is not: the source, and the
	// problem the check must report for it.
	const BYPASSES: Record<string, [string, string]> = {
		'a guard called after the write': [
			route(`
			export const actions = {
				remove: async (event) => { deleteUser(1); requireAdmin(event); }
			};`),
			"actions.remove does not begin with a guard: it begins with `deleteUser(1);`; `deleteUser` comes from '$lib/server/db/queries/users'"
		],
		'a guard in a dead branch': [
			route(`
			export const load = async (event) => { if (false) requireUser(event); return {}; };`),
			'load does not begin with a guard: it begins with `if (false) requireUser(event);`, which is not a plain call'
		],
		'a guard that is not the first statement': [
			route(`
			export const load = async (event) => {
				const id = Number(event.params.id);
				requireUser(event);
				return { id };
			};`),
			'load does not begin with a guard: it begins with `const id = Number(event.params.id);`; `Number` is not imported from a guard module'
		],
		'a route-local requireX that checks nothing': [
			route(`
			function requireProjectEditor(event) { return { user: event.locals.user }; }
			export const actions = {
				update: async (event) => { const { user } = requireProjectEditor(event); deleteUser(user.id); }
			};`),
			'`requireProjectEditor` is defined in this file, not imported from a guard module'
		],
		'a route-local requireX that calls a real guard': [
			route(`
			function requireProjectEditor(event) { return requireUser(event); }
			export const actions = { update: async (event) => { requireProjectEditor(event); } };`),
			'`requireProjectEditor` is defined in this file, not imported from a guard module'
		],
		'a guard imported from a non-guard module': [
			`import { requireUser } from '$lib/server/db/queries/users';
			export const load = async (event) => { requireUser(event); return {}; };`,
			"`requireUser` comes from '$lib/server/db/queries/users', not $lib/server/auth/"
		],
		'a guard imported from a module beside the route': [
			`import { requireUser } from './guards';
			export const load = async (event) => { requireUser(event); return {}; };`,
			"`requireUser` comes from './guards', not $lib/server/auth/"
		],
		"a guard from an area's module other than access": [
			`import { requireWheelEditor } from '$lib/server/wheel/actions';
			export const load = async (event) => { requireWheelEditor(event); return {}; };`,
			"`requireWheelEditor` comes from '$lib/server/wheel/actions', not $lib/server/auth/"
		],
		'a guard from the old portfolio-access module': [
			`import { requireScorer } from '$lib/server/portfolio-access';
			export const load = async (event) => { requireScorer(event); return {}; };`,
			"`requireScorer` comes from '$lib/server/portfolio-access', not $lib/server/auth/"
		],
		'a guard from the query layer, named like an access module': [
			`import { requireUser } from '$lib/server/db/access';
			export const load = async (event) => { requireUser(event); return {}; };`,
			"`requireUser` comes from '$lib/server/db/access', not $lib/server/auth/"
		],
		'a guard from an access module of a folder that is no area': [
			`import { requireUser } from '$lib/server/reports/access';
			export const load = async (event) => { requireUser(event); return {}; };`,
			"`requireUser` comes from '$lib/server/reports/access', not $lib/server/auth/"
		],
		'a predicate from the guard module, not a guard': [
			route(`
			export const load = async (event) => { const admin = isAdmin(event.locals.user); return { admin }; };`),
			'`isAdmin` is not a guard'
		],
		'a guard shadowed by a parameter': [
			route(`
			export const load = async ({ requireUser, locals }) => { requireUser(locals); return {}; };`),
			'`requireUser` is redeclared in this file'
		],
		'a guard behind optional chaining': [
			route(`
			export const load = async (event) => { requireUser?.(event); return {}; };`),
			'which is not a plain call'
		],
		'a handler that begins with its answer': [
			route(`
			export const POST = async () => new Response('');`),
			"POST does not begin with a guard: it begins with `new Response('')`"
		],
		'an action with no guard at all': [
			route(`
			export const actions = { forgot: async ({ request }) => { await request.formData(); } };`),
			'actions.forgot does not begin with a guard'
		],
		'an action defined elsewhere (shorthand)': [
			route(`
			async function save(event) { requireUser(event); }
			export const actions = { save };`),
			'actions.save is not written inline'
		],
		'actions spread in from elsewhere': [
			route(`
			const more = { save: async (event) => { requireUser(event); } };
			export const actions = { ...more };`),
			'actions.[...more] has no plain name'
		],
		'a handler re-exported by name': [
			route(`
			const handler = async (event) => { requireUser(event); return new Response(); };
			export { handler as POST };`),
			'POST is not written inline'
		],
		'a handler wrapped in a call': [
			route(`
			export const load = wrap(async (event) => { requireUser(event); return {}; });`),
			'load is not written inline'
		],
		'a handler declared with let, replaceable later': [
			route(`
			export let load = async (event) => { requireUser(event); return {}; };
			load = async () => ({});`),
			'load must be declared with const'
		],
		'a public guard on an entry not listed as public': [
			route(`
			export const load = async () => { allowPublic(); return {}; };`),
			'load begins with allowPublic, which lets anyone in, but is not listed as public'
		]
	};

	it.each(Object.entries(BYPASSES))('catches %s', (_name, [text, expected]) => {
		const problems = check(text);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(`${FILE}: `);
		expect(problems[0]).toContain(expected);
	});

	it('holds listed public entries to their listed guard', () => {
		const listed: PublicList = {
			[FILE]: { reason: 'test', entries: { load: 'assertSetupOpen', GET: 'allowPublic' } }
		};
		expect(
			check(route(`export const load = async (e) => { requireUser(e); return {}; };`), listed)
		).toEqual([
			`${FILE}: load is listed as public behind assertSetupOpen, but begins with requireUser`,
			`${FILE}: GET is listed as public but not found`
		]);
		// A listed public entry with no guard at all is still caught.
		expect(check(route(`export const load = async () => ({});`), listed).length).toBe(2);
	});

	it('catches a guard module whose guard checks nothing', () => {
		const text = `
			import { error } from '@sveltejs/kit';
			import { requireUser } from '../auth/guards';
			export function requireNothing(event) { return event.locals.user; }
			export function requireSomething(event) { const user = requireUser(event); return user; }
			export function assertFound(row) { if (!row) error(404, 'Fant ikke.'); return row; }
			export const requireBuilt = (event) => requireSomething(event);
			export function allowPublic() {}`;
		expect(guardsThatCannotRefuse('src/lib/server/x/access.ts', text)).toEqual([
			'src/lib/server/x/access.ts: requireNothing never calls error(), redirect() or another guard'
		]);
	});
});
