import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every load, action and request handler must call a guard itself: a layout's check does not
 * protect a page's actions (sveltejs/kit#6315). Public entry points are listed here, by hand.
 */
const PUBLIC: Record<string, string[]> = {
	'src/routes/(auth)/login/+page.server.ts': ['load', 'actions.default'],
	'src/routes/(auth)/setup/+page.server.ts': ['load', 'actions.default'],
	'src/routes/(auth)/passord/+page.server.ts': ['load', 'actions.default'],
	'src/routes/api/health/+server.ts': ['GET']
};

const GUARD = /^(require[A-Z]\w*|assert[A-Z]\w*Access)$/;
const ROUTE_FILE = /^\+(page|layout)\.server\.ts$|^\+server\.ts$/;
const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];

function routeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return routeFiles(full);
		return ROUTE_FILE.test(e.name) ? [full] : [];
	});
}

/** Names of functions declared in the file that call a guard, directly or through each other. */
function guardedLocalFunctions(source: ts.SourceFile): Set<string> {
	const bodies = new Map<string, ts.Node>();
	source.forEachChild((node) => {
		if (ts.isFunctionDeclaration(node) && node.name) bodies.set(node.name.text, node);
		if (ts.isVariableStatement(node)) {
			for (const d of node.declarationList.declarations) {
				if (ts.isIdentifier(d.name) && d.initializer) bodies.set(d.name.text, d.initializer);
			}
		}
	});
	const guarded = new Set<string>();
	let grew = true;
	while (grew) {
		grew = false;
		for (const [name, body] of bodies) {
			if (!guarded.has(name) && callsGuard(body, guarded)) {
				guarded.add(name);
				grew = true;
			}
		}
	}
	return guarded;
}

function callsGuard(node: ts.Node, localGuards: Set<string>): boolean {
	let found = false;
	const visit = (n: ts.Node) => {
		if (found) return;
		if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
			const name = n.expression.text;
			if (GUARD.test(name) || localGuards.has(name)) found = true;
		}
		n.forEachChild(visit);
	};
	visit(node);
	return found;
}

type Entry = { name: string; node: ts.Node };

function entryPoints(source: ts.SourceFile): Entry[] {
	const entries: Entry[] = [];
	source.forEachChild((node) => {
		const exported = ts.canHaveModifiers(node)
			? ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
			: false;
		if (!exported) return;
		if (ts.isFunctionDeclaration(node) && node.name) {
			entries.push({ name: node.name.text, node });
		}
		if (ts.isVariableStatement(node)) {
			for (const d of node.declarationList.declarations) {
				if (!ts.isIdentifier(d.name) || !d.initializer) continue;
				const name = d.name.text;
				let init: ts.Node = d.initializer;
				while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
				if (name === 'actions' && ts.isObjectLiteralExpression(init)) {
					for (const p of init.properties) {
						const key =
							p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '?';
						entries.push({ name: `actions.${key}`, node: p });
					}
				} else if (name === 'load' || HTTP_VERBS.includes(name)) {
					entries.push({ name, node: init });
				}
			}
		}
	});
	return entries;
}

function unguardedEntries(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
	const local = guardedLocalFunctions(source);
	const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
	const allowed = PUBLIC[rel] ?? [];
	return entryPoints(source)
		.filter((e) => !allowed.includes(e.name) && !callsGuard(e.node, local))
		.map((e) => `${rel}: ${e.name}`);
}

describe('route guard coverage', () => {
	const files = routeFiles('src/routes');

	it('finds the route files', () => {
		expect(files.length).toBeGreaterThan(10);
	});

	it('every load, action and handler calls a guard, or is listed as public', () => {
		expect(files.flatMap(unguardedEntries)).toEqual([]);
	});

	it('every listed public entry still exists (the list does not rot)', () => {
		for (const [file, names] of Object.entries(PUBLIC)) {
			const source = ts.createSourceFile(
				file,
				readFileSync(file, 'utf8'),
				ts.ScriptTarget.Latest,
				true
			);
			const found = entryPoints(source).map((e) => e.name);
			for (const name of names) expect(found).toContain(name);
		}
	});

	it('catches a route that forgets its guard', () => {
		const source = ts.createSourceFile(
			'x.ts',
			`import { requireUser } from '$lib/server/auth/guards';
			function check(event) { return requireUser(event); }
			export const load = async (event) => { check(event); return {}; };
			export const actions = {
				good: async (event) => { requireUser(event); },
				forgot: async ({ request }) => { await request.formData(); }
			};
			export const POST = async () => new Response('');`,
			ts.ScriptTarget.Latest,
			true
		);
		const local = guardedLocalFunctions(source);
		const missing = entryPoints(source)
			.filter((e) => !callsGuard(e.node, local))
			.map((e) => e.name);
		expect(missing).toEqual(['actions.forgot', 'POST']);
	});
});
