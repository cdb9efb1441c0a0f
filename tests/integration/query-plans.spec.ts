/**
 * Every statement the pages run reads the large tables through an index. The pages are found
 * in the route files (not listed here), loaded for each role on a generated dataset
 * (bench/scale), and every statement they prepare is captured (query-plan-check.ts); then
 * `EXPLAIN QUERY PLAN` must show no full scan of the tables that grow with a national
 * programme: realisations (a million), sign-offs, status reports and the audit log.
 *
 * SQLite plans without statistics here (nothing runs ANALYZE), so a plan depends on the
 * schema and the statement, not on how many rows there are: a hundredth of national scale
 * gives the plans the national database gets, in seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScaleData, parseNow, type Manifest } from '../../bench/scale/generate';
import { db } from '$lib/server/db';
import { makeEvent, signIn, type Signed } from '../factories';
import type { Role } from '$lib/domain/org/vocabulary';
import { captureStatements, fullScans, isQuery, type Statement } from './query-plan-check';
import { listRealisationKeys } from '$lib/server/db/queries/imports-benefits';

const NOW = parseNow('2026-06-15');
/**
 * Full scans known and owned by work in progress, by the SQL text's start: left out of the
 * check below, and themselves checked to still scan, so a fixed one must leave this list.
 */
const PENDING: Record<string, string> = {};
/** Most addresses visited, page links followed included. */
const MAX_VISITS = 400;
/** A visit slower than this is made for the first role only (the admin, who sees most). */
const SLOW_VISIT_MS = 2_000;
const BIG_TABLES = ['realisation', 'wheel_signature', 'status_report', 'audit_log'] as const;

type Handler = (event: never) => unknown;
type RouteModule = { load?: Handler; GET?: Handler };
const modules = {
	...import.meta.glob<RouteModule>('/src/routes/**/+page.server.ts', { eager: true }),
	...import.meta.glob<RouteModule>('/src/routes/**/+layout.server.ts', { eager: true }),
	...import.meta.glob<RouteModule>('/src/routes/**/+server.ts', { eager: true })
};

/** Routes left out, each with why. */
const SKIPPED: Record<string, string> = {
	'/kalender/[token].ics': 'reached by a calendar token, which the generated data has none of',
	'/(auth)/setup': 'first-run setup: open only while no user exists',
	'/(auth)/passord': 'reached by a one-use password link',
	'/(app)/logout': 'has no load',
	'/(app)/rapporter/[id=id]': 'the generated data has no frozen reports (reports-archive.spec.ts)',
	'/(app)/rapporter/[id=id]/fil':
		'the generated data has no frozen reports (reports-archive.spec.ts)',
	'/(app)/internkontroll/avvik/[id=id]':
		'the generated data has no deviations (deviations.spec.ts)',
	'/(app)/internkontroll/tilsyn/[id=id]': 'the generated data has no tilsyn (deviations.spec.ts)',
	'/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]/bevis/[id=id]':
		'the generated data has no evidence files; one read by primary key (evidence.spec.ts)',
	'/(app)/gevinster/[id=id]/nullpunkt/[versionId=id]':
		'the generated data has no plan versions; one read by primary key (benefit-plan-versions.spec.ts)',
	'/api/v1/gevinster/[id=id]/realiseringer':
		"a write only (POST), through the benefit page's own action (api.spec.ts)",
	'/api/v1/arshjul/forekomster/[task=id]/[unit=id]/[period=period]/signatur':
		"a write only (POST), through the occurrence page's own action (api.spec.ts)"
};

let manifest: Manifest;
let signed: Record<Role, Signed>;
const sqlite = () => db.$client;
const one = <T>(query: string, ...params: unknown[]) =>
	sqlite()
		.prepare(query)
		.get(...params) as T;

/**
 * Values for the route parameters, read from the generated data. A new route with a
 * parameter fails the test below until it is given a value here.
 */
function paramValues(): Record<string, Record<string, string>[]> {
	const b = manifest.bench;
	const [task, unit, period] = b.signOff[0]!.keys[0]!;
	const signedKey = one<{ task_id: number; unit_id: number; period: string }>(
		'SELECT task_id, unit_id, period FROM wheel_signature WHERE reopened_at IS NULL LIMIT 1'
	);
	const id = (table: string, where = '1') =>
		String(one<{ id: number }>(`SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT 1`).id);
	return {
		'/(app)/portefolje/spor/[id=id]': [{ id: id('track') }],
		'/(app)/portefolje/prosjekter/[id=id]': [{ id: String(b.projectId) }],
		'/(app)/portefolje/tiltak/[id=id]': [{ id: id('measure', `project_id = ${b.projectId}`) }],
		'/(app)/gevinster/[id=id]': [{ id: String(b.benefitId) }],
		'/api/v1/gevinster/[id=id]': [{ id: String(b.benefitId) }],
		'/api/v1/portefolje/prosjekter/[id=id]/tiltak': [{ id: String(b.projectId) }],
		'/(app)/gevinster/prosjekt/[id=id]': [{ id: String(b.projectId) }],
		'/(app)/gevinster/prosjekt/[id=id]/gevinstrealiseringsplan': [{ id: String(b.projectId) }],
		'/(app)/gevinster/prosjekt/[id=id]/tegning': [{ id: String(b.projectId) }],
		'/(app)/arshjul/maler/[id=id]': [{ id: id('wheel') }],
		'/(app)/arshjul/maler/[id=id]/import': [{ id: id('wheel') }],
		'/(app)/admin/brukere/[id=id]': [{ id: id('user') }],
		'/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]': [
			{ task: String(task), unit: String(unit), period },
			{
				task: String(signedKey.task_id),
				unit: String(signedKey.unit_id),
				period: signedKey.period
			}
		]
	};
}

/**
 * Addresses with a query string, beside each page's bare address: the filters and pages a
 * person reaches from the page itself. Extend this when a page gains a filter.
 */
function extraSearches(): Record<string, string[]> {
	const b = manifest.bench;
	const trackId = one<{ track_id: number }>(
		'SELECT track_id FROM project_track WHERE project_id = ?',
		b.projectId
	).track_id;
	const wheelId = one<{ id: number }>('SELECT min(id) AS id FROM wheel').id;
	const [task, unit] = b.signOff[0]!.keys[0]!;
	const cursor = `2026-03-31~${unit}~${task}`;
	return {
		'/(app)': [
			`?apne=${trackId}`,
			`?apne=${trackId}&side=2`,
			`?apne=${trackId}&tiltak=${b.projectId}&under=${trackId}&tiltakside=2`,
			'?status=in_progress'
		],
		'/(app)/portefolje': ['?status=adopted', `?spor=${trackId}`],
		'/(app)/portefolje/risiko': [
			'?sorter=score&lukkede=1',
			'?sannsynlighet=4&konsekvens=4',
			`?spor=${trackId}&omrade=delivery`
		],
		'/(app)/arshjul': [`?enhet=${b.unitId}`, `?enhet=${b.unitId}&ar=2026&maned=3`],
		'/(app)/arshjul/etterlevelse': [
			`?ar=2026&hjul=${wheelId}&enhet=${b.unitId}&apne=${b.unitId}`,
			`?etter=${cursor}`
		],
		'/(app)/arshjul/mine': [`?forfalt=${cursor}&denne=${cursor}`],
		'/(app)/gevinster': [`?prosjekt=${b.projectId}`, '?niva=bruker', `?spor=${trackId}`],
		'/(app)/gevinster/kart': [`?prosjekt=${b.projectId}`],
		'/(app)/admin/logg': [
			'?entity=benefit',
			'?action=update&from=2026-01-01&to=2026-03-31',
			'?actorId=1&before=1781000000000-1500',
			'?before=1781000000000-1000',
			'?after=1770000000000-500&entity=project',
			'?entity=benefit&from=2026-01-01&to=2026-03-31&before=1772000000000-900'
		],
		'/(app)/internkontroll/avvik': [
			`?status=alle&frist=over&enhet=${b.unitId}`,
			'?alvor=high&status=lukkede'
		],
		'/(app)/internkontroll/kontrollmatrise': ['?vis=uten-kontroll'],
		'/(app)/sok': ['?q=plan', '?q=tiltak&type=tiltak&side=2', '?q=årshjul*'],
		'/api/v1/portefolje/prosjekter': [`?spor=${trackId}`, `?spor=${trackId}&side=2`, '?spor=0'],
		'/api/v1/gevinster': [`?prosjekt=${b.projectId}`, `?spor=${trackId}&niva=bruker`],
		'/api/v1/arshjul/etterlevelse': [`?ar=2026&enhet=${b.unitId}`, `?etter=${cursor}`],
		'/api/v1/arshjul/forekomster': [`?enhet=${b.unitId}&forfalt=${cursor}`]
	};
}

type Visit = { routeId: string; path: string; params: Record<string, string>; run: Handler };

function visits(): Visit[] {
	const params = paramValues();
	const extra = extraSearches();
	return Object.entries(modules).flatMap(([file, mod]) => {
		const routeId =
			file
				.replace(/^\/src\/routes/, '')
				.replace(/\/\+(?:page\.server|layout\.server|server)\.ts$/, '') || '/';
		const run = mod.load ?? mod.GET;
		if (!run || routeId in SKIPPED) return [];
		const sets = routeId.includes('[') ? (params[routeId] ?? []) : [{}];
		return sets.flatMap((set) => {
			const base =
				routeId
					.replace(/\/\([^)]+\)/g, '')
					.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => set[name] ?? `[${name}]`) || '/';
			return ['', ...(extra[routeId] ?? [])].map((search) => ({
				routeId,
				path: base + search,
				params: set,
				run
			}));
		});
	});
}

/**
 * Addresses of the page itself found in what its load returned: strings such as `?etter=…`
 * or `/sok?q=…&side=2` (hrefs built on the server), as `base?query`.
 */
function linksToSelf(data: unknown, base: string): string[] {
	const found = new Set<string>();
	const walk = (value: unknown, depth: number) => {
		if (depth > 6 || found.size >= 20) return;
		if (typeof value === 'string') {
			if (/^\?[^\s#]+$/.test(value)) found.add(base + value);
			else if (value.startsWith(`${base}?`) && !/\s/.test(value)) found.add(value.split('#')[0]!);
		} else if (Array.isArray(value)) {
			for (const v of value.slice(0, 50)) walk(v, depth + 1);
		} else if (value && typeof value === 'object') {
			for (const v of Object.values(value).slice(0, 50)) walk(v, depth + 1);
		}
	};
	walk(data, 0);
	return [...found];
}

let captured: Statement[] = [];
const pendingFor = (s: Statement) => Object.keys(PENDING).find((start) => s.sql.startsWith(start));
const ranVisits: string[] = [];
const missingParams: string[] = [];

beforeAll(async () => {
	manifest = await generateScaleData({
		out: process.env.DATABASE_URL!,
		factor: 0.01,
		scale: 'test',
		seed: 11,
		now: NOW,
		password: 'plan-test-passord'
	});
	const idOf = (email: string) =>
		one<{ id: number }>('SELECT id FROM user WHERE email = ?', email).id;
	signed = Object.fromEntries(
		Object.entries(manifest.bench.users).map(([role, email]) => [role, signIn(idOf(email), NOW)])
	) as Record<Role, Signed>;

	const all = visits();
	const withParams = new Set(Object.keys(paramValues()));
	for (const file of Object.keys(modules)) {
		const routeId = file.replace(/^\/src\/routes/, '').replace(/\/\+[^/]+$/, '');
		if (routeId.includes('[') && !withParams.has(routeId) && !(routeId in SKIPPED)) {
			missingParams.push(routeId);
		}
	}
	const capture = captureStatements(sqlite());
	const run = async (visit: Visit, role: Role) => {
		const event = makeEvent({
			signed: signed[role],
			path: visit.path,
			params: visit.params,
			now: NOW
		});
		(event.route as { id: string }).id = visit.routeId;
		try {
			const data = await visit.run(event as never);
			ranVisits.push(`${visit.path} as ${role}`);
			return data;
		} catch (e) {
			// A refusal (403/404/redirect) is an answer; its queries count all the same.
			if (!(e && typeof e === 'object' && ('status' in e || 'location' in e))) throw e;
			ranVisits.push(`${visit.path} as ${role}`);
			return undefined;
		}
	};
	try {
		const followed = new Set(all.map((v) => v.path));
		for (const visit of all) {
			for (const role of Object.keys(signed) as Role[]) {
				const started = performance.now();
				const data = await run(visit, role);
				// The page's own links to itself (next page, a filter, an expanded row), one step
				// deep and once each: the deeper pages of a paged list run their own statements.
				const base = visit.path.split('?')[0]!;
				for (const path of linksToSelf(data, base)) {
					if (followed.has(path) || followed.size > MAX_VISITS) continue;
					followed.add(path);
					await run({ ...visit, path }, role);
				}
				// A page this slow at a hundredth of national size is the benchmark's finding;
				// its statements are captured by now, and seldom differ by role.
				if (performance.now() - started > SLOW_VISIT_MS) break;
			}
		}
	} finally {
		capture.stop();
	}
	captured = capture.statements().filter((s) => isQuery(s.sql));
}, 180_000);

afterAll(() => {
	captured = [];
});

describe('query plans of the pages on generated data', () => {
	it('visits every page route, with values for each route parameter', () => {
		expect(missingParams).toEqual([]);
		expect(ranVisits.length).toBeGreaterThan(100);
		expect(captured.length).toBeGreaterThan(50);
	});

	it('reads realisation, wheel_signature, status_report and audit_log only through an index', () => {
		const problems = captured
			.filter((s) => pendingFor(s) === undefined)
			.flatMap((s) => {
				const scans = fullScans(sqlite(), s, BIG_TABLES);
				return scans.length ? [`${scans.join(', ')}\n    in: ${s.sql}`] : [];
			});
		expect(problems, `full scans:\n${problems.join('\n')}`).toEqual([]);
	});

	it('tells a walk through a whole table from a seek, whatever the alias', () => {
		const scans = (sql: string, ...params: unknown[]) =>
			fullScans(sqlite(), { sql, params }, BIG_TABLES);
		expect(scans("SELECT * FROM realisation r WHERE r.comment = 'x'")).toEqual([
			'SCAN r (realisation)'
		]);
		expect(scans('SELECT id FROM audit_log ORDER BY id DESC LIMIT 5')).toEqual(['SCAN audit_log']);
		expect(scans('SELECT id FROM audit_log WHERE id > ? ORDER BY id DESC LIMIT 5', 9)).toEqual([]);
		expect(scans('SELECT * FROM realisation WHERE benefit_id = ?', 1)).toEqual([]);
		expect(scans('SELECT entity, count(*) FROM audit_log GROUP BY entity')).toEqual([]);
		expect(
			scans(`WITH RECURSIVE scope(id) AS (SELECT 1 UNION SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id)
				SELECT s.id FROM wheel_signature s WHERE s.unit_id IN (SELECT id FROM scope)`)
		).toEqual([]);
		expect(
			scans(`WITH RECURSIVE scope(id) AS (SELECT 1 UNION SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id)
				SELECT s.id FROM wheel_signature s WHERE s.comment = 'x'`)
		).toEqual(['SCAN s (wheel_signature)']);
	});

	it('an import of realised values reads only the rows of the benefits its file names, by index', () => {
		const capture = captureStatements(sqlite());
		const keys = (() => {
			try {
				return listRealisationKeys(manifest.bench.benefitId);
			} finally {
				capture.stop();
			}
		})();
		expect(keys.length).toBeGreaterThan(0);
		expect(new Set(keys.map((k) => k.benefitId))).toEqual(new Set([manifest.bench.benefitId]));
		const statements = capture.statements().filter((s) => isQuery(s.sql));
		expect(statements.length).toBe(1);
		expect(statements.flatMap((s) => fullScans(sqlite(), s, BIG_TABLES))).toEqual([]);
	});

	it('still finds each listed pending scan (remove an entry once its query is fixed)', () => {
		const stillScanning = new Set(
			captured.filter((s) => fullScans(sqlite(), s, BIG_TABLES).length > 0).map(pendingFor)
		);
		const fixed = Object.entries(PENDING).filter(([start]) => !stillScanning.has(start));
		expect(fixed.map(([, why]) => why)).toEqual([]);
	});
});
