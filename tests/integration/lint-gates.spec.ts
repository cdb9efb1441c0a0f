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
