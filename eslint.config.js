import prettier from 'eslint-config-prettier';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import svelteConfig from './svelte.config.js';
import { LAYERS, LAYER_POLICIES } from './eslint.layers.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'drizzle/',
			'test-results/',
			'bench/results/',
			'data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app is always served at the root (no `paths.base`), so plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off',
			// No stores: their import is refused for src/ by no-restricted-syntax below.
			'svelte/require-store-reactive-access': 'off'
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: [
						'drizzle.config.ts',
						'vitest.e2e.config.ts',
						'vitest.durability.config.ts'
					]
				},
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		// Time is an input: the request's time is read once in hooks.server.ts (locals.now) and
		// passed down, so every rule can be tested at any date. Only the clock module reads it.
		files: ['src/**/*.ts', 'src/**/*.svelte', 'src/**/*.svelte.ts'],
		ignores: ['src/lib/server/clock.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message:
						'Take `now` as a parameter (event.locals.now); only $lib/server/clock reads the clock.'
				},
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message:
						'Take `now` as a parameter (event.locals.now); only $lib/server/clock reads the clock.'
				},
				{
					// State is held in runes ($state, $derived) and page data in `$app/state`; with no
					// stores, svelte/require-store-reactive-access (half of lint's time) has nothing to
					// check and is off below.
					selector: 'ImportDeclaration[source.value=/^(svelte\\/store|\\$app\\/stores)$/]',
					message: 'Use runes ($state, $derived) and `$app/state`, not stores.'
				}
			]
		}
	},
	{
		// Components and browser code never reach the database or server-only modules.
		files: ['src/**/*.svelte', 'src/lib/components/**', 'src/lib/charts/**', 'src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['drizzle-orm', 'drizzle-orm/*'],
							message: 'Database access belongs in $lib/server/db/queries.'
						},
						{
							group: ['$lib/server', '$lib/server/*'],
							message: 'Server modules are not for components.'
						}
					]
				}
			]
		}
	},
	{
		// Routes reach the database only through the named verbs in $lib/server/db/queries: not
		// drizzle, not the `db` handle, the schema tables or the driver. Otherwise a route can run
		// `db.select()` itself, unseen by the query modules and their tests.
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
							message: 'Use a named query from $lib/server/db/queries.'
						},
						{
							// $lib/server/db, …/db/index, …/db/schema(/…), relative paths to them too;
							// only a module directly in db/queries passes.
							regex: '(?:^\\$lib|/lib)/server/db(?!/queries/[\\w-]+(?:\\.[jt]s)?$)(?:/.*)?$',
							message:
								'Routes reach the database through a named query in $lib/server/db/queries, not the db handle or the schema.'
						}
					]
				}
			]
		}
	},
	{
		// The layering of docs/architecture.md: routes → area modules → queries and domain, never
		// back up; an area reaches another only through its views and actions (eslint.layers.js).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		plugins: { boundaries },
		settings: {
			'import/resolver': { typescript: { project: './tsconfig.json' } },
			'boundaries/include': ['src/**/*'],
			'boundaries/elements': LAYERS
		},
		rules: {
			'boundaries/dependencies': ['error', { default: 'disallow', policies: LAYER_POLICIES }]
		}
	}
);
