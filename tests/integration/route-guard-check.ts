/**
 * The route-guard check, read with the TypeScript compiler API: every `load`, every form action
 * and every request handler must *begin* with a guard, that is a `require…`, `assert…` or
 * `allow…` function imported from $lib/server/auth/ or from an area's access module.
 *
 * Why "begins with": a layout's check does not protect a page's actions or parallel loads
 * (sveltejs/kit#6315), so each handler authorises itself; and a reader (or this check) can only
 * be sure it does so before anything else happens when the guard is the first statement. A
 * guard after the write, in a dead branch, or behind a route-local helper that checks nothing
 * does not count.
 */
import path from 'node:path';
import ts from 'typescript';
import { AREAS } from '../../eslint.layers.js';

/**
 * Modules whose exported guards a handler may begin with: the cross-area guards in
 * $lib/server/auth/, and each area's `access` module ($lib/server/<area>/access). Nothing else:
 * a guard kept beside a route, or in an area's other modules, is not where a reader looks.
 */
export const GUARD_MODULE = new RegExp(
	`^\\$lib/server/(?:auth/[a-z][a-z0-9-]*|(?:${AREAS.join('|')})/access)$`
);

/** What a guard is called: it requires, asserts, or (for listed public entries) allows. */
export const GUARD_NAME = /^(?:require|assert|allow)[A-Z]\w*$/;

/**
 * Guards that check nothing by design (`allowPublic` says "anyone may come in"); only entries
 * listed as public may begin with them, and the guard-module check lets them be empty.
 */
export const CHECKS_NOTHING: ReadonlySet<string> = new Set(['allowPublic']);

/** Request handlers of a `+server.ts` (SvelteKit docs, "Routing → +server"). */
export const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];
const FUNCTION_ENTRIES = new Set(['load', ...HTTP_VERBS]);

/**
 * Server route files. Universal `+page.ts`/`+layout.ts` loads have no `locals` and reach server
 * data only through the handlers checked here.
 */
export const ROUTE_FILE = /^\+(?:page|layout)\.server\.ts$|^\+server\.ts$/;

export type Entry = {
	/** `load`, `actions.<name>` or an HTTP verb. */
	name: string;
	/** The guard the handler begins with (its exported name), when it begins with one. */
	guard: string | null;
	/** Why the handler does not count as guarded. */
	problem: string | null;
};

/** Entries listed as public: the guard each begins with, and why the route is public. */
export type PublicList = Record<string, { reason: string; entries: Record<string, string> }>;

export function parse(fileName: string, text: string): ts.SourceFile {
	return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
}

function unwrap(e: ts.Expression): ts.Expression {
	while (
		ts.isParenthesizedExpression(e) ||
		ts.isAsExpression(e) ||
		ts.isSatisfiesExpression(e) ||
		ts.isTypeAssertionExpression(e) ||
		ts.isNonNullExpression(e)
	) {
		e = e.expression;
	}
	return e;
}

function isExported(node: ts.Node): boolean {
	return (
		ts.canHaveModifiers(node) &&
		(ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false)
	);
}

function isEntryName(name: string): boolean {
	return name === 'actions' || FUNCTION_ENTRIES.has(name);
}

type Imported = { module: string; name: string };

/** What the file imports, by local name; type-only imports are left out (they cannot run). */
function importsOf(source: ts.SourceFile) {
	const named = new Map<string, Imported>();
	const namespaces = new Map<string, string>();
	for (const node of source.statements) {
		if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) continue;
		const clause = node.importClause;
		if (!clause || clause.isTypeOnly) continue;
		const module = node.moduleSpecifier.text;
		if (clause.name) named.set(clause.name.text, { module, name: 'default' });
		const bindings = clause.namedBindings;
		if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, module);
		if (bindings && ts.isNamedImports(bindings)) {
			for (const el of bindings.elements) {
				if (el.isTypeOnly) continue;
				named.set(el.name.text, { module, name: (el.propertyName ?? el.name).text });
			}
		}
	}
	return { named, namespaces };
}

/** Names declared anywhere in the file other than by an import: these shadow an import. */
function declaredNames(source: ts.SourceFile): Set<string> {
	const names = new Set<string>();
	const visit = (node: ts.Node) => {
		if (
			(ts.isVariableDeclaration(node) ||
				ts.isParameter(node) ||
				ts.isBindingElement(node) ||
				ts.isFunctionDeclaration(node) ||
				ts.isFunctionExpression(node) ||
				ts.isClassDeclaration(node) ||
				ts.isClassExpression(node) ||
				ts.isEnumDeclaration(node)) &&
			node.name &&
			ts.isIdentifier(node.name)
		) {
			names.add(node.name.text);
		}
		node.forEachChild(visit);
	};
	visit(source);
	return names;
}

type Scope = ReturnType<typeof importsOf> & { declared: Set<string> };

function snippet(node: ts.Node): string {
	const text = node.getText().replace(/\s+/g, ' ');
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The guard a callee names, or why it is not one. */
function resolveGuard(
	callee: ts.Expression,
	scope: Scope
): { guard: string } | { problem: string } {
	const called = snippet(callee);
	let local: string;
	let imported: Imported | undefined;
	if (ts.isIdentifier(callee)) {
		local = callee.text;
		imported = scope.named.get(local);
	} else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
		local = callee.expression.text;
		const module = scope.namespaces.get(local);
		imported = module === undefined ? undefined : { module, name: callee.name.text };
	} else {
		return { problem: `\`${called}\` is not a named function` };
	}
	if (!imported) {
		return {
			problem: scope.declared.has(local)
				? `\`${called}\` is defined in this file, not imported from a guard module`
				: `\`${called}\` is not imported from a guard module`
		};
	}
	if (scope.declared.has(local)) {
		return { problem: `\`${local}\` is redeclared in this file, so the call may miss the guard` };
	}
	if (!GUARD_MODULE.test(imported.module)) {
		return {
			problem: `\`${called}\` comes from '${imported.module}', not $lib/server/auth/ or an area's access module`
		};
	}
	if (!GUARD_NAME.test(imported.name)) {
		return {
			problem: `\`${called}\` is not a guard (guards are named require…, assert… or allow…)`
		};
	}
	return { guard: imported.name };
}

/** A handler counts as guarded when its first statement is `guard(…)` or `const x = guard(…)`. */
function checkHandler(name: string, fn: ts.FunctionLikeDeclaration, scope: Scope): Entry {
	const body = fn.body;
	// An arrow's expression body is its only statement.
	const first = !body ? undefined : ts.isBlock(body) ? body.statements[0] : body;
	if (!first) return { name, guard: null, problem: 'is empty' };
	let expr: ts.Expression | undefined;
	if (ts.isExpressionStatement(first)) expr = first.expression;
	else if (ts.isVariableStatement(first)) expr = first.declarationList.declarations[0]?.initializer;
	else if (body && !ts.isBlock(body)) expr = body;
	while (expr && (ts.isAwaitExpression(expr) || ts.isParenthesizedExpression(expr))) {
		expr = expr.expression;
	}
	const begins = `does not begin with a guard: it begins with \`${snippet(first)}\``;
	if (!expr || !ts.isCallExpression(expr) || expr.questionDotToken) {
		return { name, guard: null, problem: `${begins}, which is not a plain call` };
	}
	const resolved = resolveGuard(expr.expression, scope);
	if ('problem' in resolved)
		return { name, guard: null, problem: `${begins}; ${resolved.problem}` };
	return { name, guard: resolved.guard, problem: null };
}

function isFunction(e: ts.Expression): e is ts.ArrowFunction | ts.FunctionExpression {
	return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

function propertyName(name: ts.PropertyName): string | null {
	return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)
		? name.text
		: null;
}

/** The names a destructuring pattern binds (`export const { load } = …`). */
function boundNames(pattern: ts.BindingName): string[] {
	if (ts.isIdentifier(pattern)) return [pattern.text];
	return pattern.elements.flatMap((el) => (ts.isBindingElement(el) ? boundNames(el.name) : []));
}

const NOT_INLINE = 'is not written inline, so its first statement cannot be checked here';

/** Every load, action and request handler the file exports, each with its guard or problem. */
export function routeEntries(source: ts.SourceFile): Entry[] {
	const scope: Scope = { ...importsOf(source), declared: declaredNames(source) };
	const entries: Entry[] = [];
	const problem = (name: string, text: string) =>
		entries.push({ name, guard: null, problem: text });

	for (const node of source.statements) {
		if (ts.isExportDeclaration(node)) {
			const clause = node.exportClause;
			if (!clause) problem('export *', 'may bring in handlers this check cannot see');
			else if (ts.isNamespaceExport(clause)) {
				if (isEntryName(clause.name.text)) problem(clause.name.text, NOT_INLINE);
			} else {
				for (const el of clause.elements) {
					if (isEntryName(el.name.text)) problem(el.name.text, NOT_INLINE);
				}
			}
			continue;
		}
		if (!isExported(node)) continue;
		if (ts.isFunctionDeclaration(node) && node.name && isEntryName(node.name.text)) {
			const name = node.name.text;
			if (name === 'actions') problem(name, 'must be an object of inline functions');
			else entries.push(checkHandler(name, node, scope));
		}
		if (!ts.isVariableStatement(node)) continue;
		// A `let` could be given another handler after the one checked here.
		const constant = (node.declarationList.flags & ts.NodeFlags.Const) !== 0;
		for (const d of node.declarationList.declarations) {
			if (!ts.isIdentifier(d.name)) {
				for (const bound of boundNames(d.name)) if (isEntryName(bound)) problem(bound, NOT_INLINE);
				continue;
			}
			const name = d.name.text;
			if (!isEntryName(name)) continue;
			if (!constant) {
				problem(name, 'must be declared with const');
				continue;
			}
			const init = d.initializer && unwrap(d.initializer);
			if (name !== 'actions') {
				if (init && isFunction(init)) entries.push(checkHandler(name, init, scope));
				else problem(name, NOT_INLINE);
				continue;
			}
			if (!init || !ts.isObjectLiteralExpression(init)) {
				problem('actions', 'must be an object of inline functions');
				continue;
			}
			for (const p of init.properties) {
				const key = p.name ? propertyName(p.name) : null;
				const entry = `actions.${key ?? `[${snippet(p)}]`}`;
				if (key === null) problem(entry, 'has no plain name, so this check cannot see it');
				else if (ts.isMethodDeclaration(p)) entries.push(checkHandler(entry, p, scope));
				else {
					const fn = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
					if (fn && isFunction(fn)) entries.push(checkHandler(entry, fn, scope));
					else problem(entry, NOT_INLINE);
				}
			}
		}
	}
	return entries;
}

/**
 * Problems in one route file. An entry listed as public must begin with the guard listed for
 * it; any other entry must begin with a guard that is not one of the public ones.
 */
export function checkRouteFile(file: string, text: string, publicList: PublicList = {}): string[] {
	const listed = publicList[file]?.entries ?? {};
	const publicGuards = new Set(CHECKS_NOTHING);
	for (const { entries } of Object.values(publicList)) {
		for (const guard of Object.values(entries)) publicGuards.add(guard);
	}
	const found = routeEntries(parse(file, text));
	const problems = found.flatMap((e) => {
		const expected = listed[e.name];
		if (e.problem) return [`${file}: ${e.name} ${e.problem}`];
		if (expected !== undefined && e.guard !== expected) {
			return [
				`${file}: ${e.name} is listed as public behind ${expected}, but begins with ${e.guard}`
			];
		}
		if (expected === undefined && e.guard !== null && publicGuards.has(e.guard)) {
			return [
				`${file}: ${e.name} begins with ${e.guard}, which lets anyone in, but is not listed as public`
			];
		}
		return [];
	});
	for (const name of Object.keys(listed)) {
		if (!found.some((e) => e.name === name)) {
			problems.push(`${file}: ${name} is listed as public but not found`);
		}
	}
	return problems;
}

/** `$lib/…` for a file under src/lib, so relative imports in a guard module can be judged. */
function libSpecifier(fromFile: string, specifier: string): string {
	if (!specifier.startsWith('.')) return specifier;
	const resolved = path.posix.join(path.posix.dirname(fromFile), specifier);
	return resolved.startsWith('src/lib/') ? `$lib/${resolved.slice('src/lib/'.length)}` : resolved;
}

/**
 * Guards in a guard module that can never refuse: each `require…`/`assert…`/`allow…` it exports
 * must call SvelteKit's `error()` or `redirect()`, or another guard, somewhere in its body
 * (`CHECKS_NOTHING` excepted). A route-local guard that checked nothing and was moved here as
 * it was is caught by this.
 */
export function guardsThatCannotRefuse(file: string, text: string): string[] {
	const source = parse(file, text);
	const { named, namespaces } = importsOf(source);
	const guards = new Map<string, ts.Node>();
	const problems: string[] = [];
	for (const node of source.statements) {
		if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
			for (const el of node.exportClause.elements) {
				if (GUARD_NAME.test(el.name.text)) {
					problems.push(
						`${file}: ${el.name.text} is re-exported; define guards where they are checked`
					);
				}
			}
		}
		if (!isExported(node)) continue;
		if (ts.isFunctionDeclaration(node) && node.name && GUARD_NAME.test(node.name.text)) {
			guards.set(node.name.text, node);
		}
		if (ts.isVariableStatement(node)) {
			for (const d of node.declarationList.declarations) {
				if (!ts.isIdentifier(d.name) || !GUARD_NAME.test(d.name.text)) continue;
				const init = d.initializer && unwrap(d.initializer);
				if (init && isFunction(init)) guards.set(d.name.text, init);
				else problems.push(`${file}: ${d.name.text} is not a function`);
			}
		}
	}
	const refuses = (callee: ts.Expression, known: Set<string>): boolean => {
		if (ts.isIdentifier(callee)) {
			if (known.has(callee.text)) return true;
			const imp = named.get(callee.text);
			if (!imp) return false;
			const module = libSpecifier(file, imp.module);
			if (module === '@sveltejs/kit') return imp.name === 'error' || imp.name === 'redirect';
			return GUARD_MODULE.test(module) && GUARD_NAME.test(imp.name);
		}
		if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
			const module = namespaces.get(callee.expression.text);
			return (
				module !== undefined &&
				GUARD_MODULE.test(libSpecifier(file, module)) &&
				GUARD_NAME.test(callee.name.text)
			);
		}
		return false;
	};
	const canRefuse = new Set<string>();
	for (let grew = true; grew;) {
		grew = false;
		for (const [name, body] of guards) {
			if (canRefuse.has(name)) continue;
			let found = false;
			const visit = (n: ts.Node) => {
				if (found) return;
				if (ts.isCallExpression(n) && refuses(n.expression, canRefuse)) found = true;
				else n.forEachChild(visit);
			};
			visit(body);
			if (found) {
				canRefuse.add(name);
				grew = true;
			}
		}
	}
	for (const name of guards.keys()) {
		if (!canRefuse.has(name) && !CHECKS_NOTHING.has(name)) {
			problems.push(`${file}: ${name} never calls error(), redirect() or another guard`);
		}
	}
	return problems;
}
