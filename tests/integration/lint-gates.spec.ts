import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import bans in eslint.config.js, fed a route that breaks them. The text is linted as if
 * it were an existing route file, so the file-scoped rules apply exactly as in `npm run lint`.
 */
const ROUTE = 'src/routes/(app)/portefolje/risiko/+page.server.ts';
// Only the import rule, and no type information: the rest of the lint runs in `npm run lint`.
const eslint = new ESLint({
	ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
	overrideConfig: { languageOptions: { parserOptions: { projectService: false } } }
});

async function bannedImports(source: string): Promise<string[]> {
	const [result] = await eslint.lintText(source, { filePath: ROUTE });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);
}

describe('a route cannot reach the database past the query modules', () => {
	it.each([
		["import { db } from '$lib/server/db';", 'db.select();'],
		["import { db } from '$lib/server/db/index';", 'db.select();'],
		["import { user } from '$lib/server/db/schema';", 'void user;'],
		["import { user } from '$lib/server/db/schema/auth';", 'void user;'],
		["import { db } from '../../../../lib/server/db';", 'db.select();'],
		["import { eq } from 'drizzle-orm';", 'void eq;'],
		["import Database from 'better-sqlite3';", 'void Database;']
	])(
		'bans %s',
		async (importLine, use) => {
			expect(await bannedImports(`${importLine}\n${use}\n`)).toHaveLength(1);
		},
		60_000
	);

	it('allows a named query', async () => {
		expect(
			await bannedImports(
				"import { listRisks } from '$lib/server/db/queries/risks';\nlistRisks();\n"
			)
		).toEqual([]);
	}, 60_000);
});

/**
 * The layering rule (eslint-plugin-boundaries, eslint.layers.js), fed one import at a time as
 * if it stood in a real file of that layer. Each forbidden edge must fail and each allowed one
 * pass, so a config that stops matching files (and so checks nothing) fails here too.
 */
const layers = new ESLint({
	ruleFilter: ({ ruleId }) => ruleId === 'boundaries/dependencies',
	overrideConfig: { languageOptions: { parserOptions: { projectService: false } } }
});

/** One import line linted as if it stood in `filePath` (in a `<script>` for a component). */
async function lintImport(eslint: ESLint, filePath: string, importLine: string) {
	const text = filePath.endsWith('.svelte')
		? `<script lang="ts">\n${importLine}\nvoid x;\n</script>\n`
		: `${importLine}\nvoid x;\n`;
	const [result] = await eslint.lintText(text, { filePath });
	return result?.messages ?? [];
}

async function layerProblems(filePath: string, importLine: string): Promise<string[]> {
	return (await lintImport(layers, filePath, importLine)).map((m) => `${m.ruleId}: ${m.message}`);
}

const QUERY = 'src/lib/server/db/queries/users.ts';
const AREA = 'src/lib/server/wheel/views/mine.ts';
const ORG = 'src/lib/server/org/views.ts';
const DB_OPEN = 'src/lib/server/db/index.ts';
const AUTH = 'src/lib/server/auth/guards.ts';
const DOMAIN = 'src/lib/domain/org/units.ts';
const COMPONENT = 'src/lib/components/FormMessage.svelte';
const SCHEMA = 'src/lib/schemas/form.ts';
/** A route of no area, and a route of the wheel's outside any group folder. */
const ACCOUNT_ROUTE = 'src/routes/(app)/konto/passord/+page.server.ts';
const FEED_ROUTE = 'src/routes/kalender/[token].ics/+server.ts';

describe('the layering: routes → area modules → queries and domain, never back up', () => {
	it.each([
		['a query importing an area', QUERY, "import { x } from '$lib/server/wheel/views/mine';"],
		['a query importing search', QUERY, "import { x } from '$lib/server/search/views';"],
		['a query reading the clock', QUERY, "import { x } from '../../clock';"],
		[
			'a query importing an area by a relative path',
			QUERY,
			"import { x } from '../../wheel/views/mine';"
		],
		[
			'a query importing a route',
			QUERY,
			"import { x } from '../../../../routes/(app)/+page.server';"
		],
		['a query importing the guards', QUERY, "import { x } from '$lib/server/auth/guards';"],
		[
			'a query importing a server module other than result',
			QUERY,
			"import { x } from '../../read-form';"
		],
		[
			'an area importing a route',
			AREA,
			"import { x } from '../../../../routes/(app)/+page.server';"
		],
		[
			"an area importing another area's access",
			AREA,
			"import { x } from '$lib/server/portfolio/access';"
		],
		["an area importing another area's helper", AREA, "import { x } from '../../benefits/scope';"],
		["an area importing another area's messages", ORG, "import { x } from '../wheel/messages';"],
		['the guards importing an area', AUTH, "import { x } from '$lib/server/wheel/access';"],
		['a route importing an area helper', ROUTE, "import { x } from '$lib/server/wheel/units';"],
		[
			"a route importing another area's access",
			ROUTE,
			"import { x } from '$lib/server/wheel/access';"
		],
		[
			"a route importing another area's messages",
			ROUTE,
			"import { x } from '$lib/server/benefits/messages';"
		],
		[
			"a route of no area importing an area's access",
			ACCOUNT_ROUTE,
			"import { x } from '$lib/server/portfolio/access';"
		],
		[
			"a route outside a group importing another area's access",
			FEED_ROUTE,
			"import { x } from '$lib/server/org/access';"
		],
		['the domain importing the server', DOMAIN, "import { x } from '$lib/server/result';"],
		['the domain importing a schema', DOMAIN, "import { x } from '$lib/schemas/form';"],
		['a component importing the server', COMPONENT, "import { x } from '$lib/server/result';"],
		['a schema importing the server', SCHEMA, "import { x } from '$lib/server/result';"]
	])(
		'refuses %s',
		async (_name, file, importLine) => {
			const problems = await layerProblems(file, importLine);
			expect(problems).toHaveLength(1);
			expect(problems[0]).toMatch(/^boundaries\/dependencies: /);
		},
		60_000
	);

	it.each([
		['a route importing an area view', ROUTE, "import { x } from '$lib/server/org/views';"],
		[
			'a route importing a view from an area views folder',
			ROUTE,
			"import { x } from '$lib/server/wheel/views/mine';"
		],
		['a route importing search', ROUTE, "import { x } from '$lib/server/search/views';"],
		['opening the database reading the clock', DB_OPEN, "import { x } from '../clock';"],
		[
			'a route importing an area access',
			ROUTE,
			"import { x } from '$lib/server/portfolio/access';"
		],
		['a route importing a query', ROUTE, "import { x } from '$lib/server/db/queries/risks';"],
		[
			"a route importing its own area's messages",
			ROUTE,
			"import { x } from '$lib/server/portfolio/messages';"
		],
		[
			"a route outside a group importing its own area's access",
			FEED_ROUTE,
			"import { x } from '$lib/server/wheel/access';"
		],
		[
			"a route of no area importing an area's actions",
			ACCOUNT_ROUTE,
			"import { x } from '$lib/server/org/actions';"
		],
		[
			"an area importing another area's views",
			AREA,
			"import { x } from '$lib/server/portfolio/views/overview';"
		],
		['an area importing its own helper', AREA, "import { x } from '../units';"],
		['an area importing a query and a rule', AREA, "import { x } from '../../db/queries/wheel';"],
		['a query importing the write result', QUERY, "import { x } from '../../result';"],
		['a query importing a rule', QUERY, "import { x } from '$lib/domain/wheel/schedule';"],
		['the domain importing the formats', DOMAIN, "import { x } from '$lib/format';"],
		['a component importing a rule', COMPONENT, "import { x } from '$lib/domain/org/units';"]
	])(
		'allows %s',
		async (_name, file, importLine) => {
			expect(await layerProblems(file, importLine)).toEqual([]);
		},
		60_000
	);
});

/**
 * Stores are refused in src/ (eslint.config.js): the app keeps state in runes, which is why the
 * store-access rule, the slowest in the lint, is off. A store import must fail the lint.
 */
const syntax = new ESLint({
	ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
	overrideConfig: { languageOptions: { parserOptions: { projectService: false } } }
});

async function syntaxProblems(filePath: string, importLine: string): Promise<string[]> {
	return (await lintImport(syntax, filePath, importLine)).map((m) => m.message);
}

describe('stores', () => {
	it.each([
		[COMPONENT, "import { writable as x } from 'svelte/store';"],
		[ROUTE, "import { page as x } from '$app/stores';"]
	])(
		'are refused in %s',
		async (file, importLine) => {
			expect(await syntaxProblems(file, importLine)).toEqual([
				'Use runes ($state, $derived) and `$app/state`, not stores.'
			]);
		},
		60_000
	);

	it('allows `$app/state`', async () => {
		expect(await syntaxProblems(COMPONENT, "import { page as x } from '$app/state';")).toEqual([]);
	}, 60_000);
});
