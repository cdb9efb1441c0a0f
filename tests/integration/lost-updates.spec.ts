/**
 * No lost updates: every form action that saves over an existing row refuses a save made
 * from a form loaded before someone else's save (409, nothing written, the newer values
 * shown). The edit actions are found in the route files, so a new one without a case here
 * fails the first test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as userPage from '../../src/routes/(app)/admin/brukere/[id=id]/+page.server';
import * as unitsPage from '../../src/routes/(app)/admin/enheter/+page.server';
import * as wheelPage from '../../src/routes/(app)/arshjul/maler/[id=id]/+page.server';
import * as benefitPage from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import * as settingsPage from '../../src/routes/(app)/gevinster/innstillinger/+page.server';
import * as mapPage from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/+page.server';
import * as deviationPage from '../../src/routes/(app)/internkontroll/avvik/[id=id]/+page.server';
import * as tilsynPage from '../../src/routes/(app)/internkontroll/tilsyn/[id=id]/+page.server';
import * as missionPage from '../../src/routes/(app)/portefolje/misjon/+page.server';
import * as projectPage from '../../src/routes/(app)/portefolje/prosjekter/[id=id]/+page.server';
import * as trackPage from '../../src/routes/(app)/portefolje/spor/[id=id]/+page.server';
import * as measurePage from '../../src/routes/(app)/portefolje/tiltak/[id=id]/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeMeasure, makeMission, makeProject, makeRisk, makeTrack } from '../factories/portfolio';
import { makeBenefit } from '../factories/benefits';
import { makeWheel } from '../factories/wheel';
import { digest } from '../fuzz/digest';
import { createChange } from '$lib/server/db/queries/benefits';
import { addEstimateLine } from '$lib/server/db/queries/benefits-gains';
import { createEffectGoal } from '$lib/server/db/queries/mission';
import { createDeviation } from '$lib/server/db/queries/deviations';
import { createTilsyn } from '$lib/server/db/queries/tilsyn';
import { createMeeting } from '$lib/server/db/queries/governance';
import * as meetingsPage from '../../src/routes/(app)/styring/moter/+page.server';
import { riskValues, scoreValues } from '$lib/portfolio/form-values';
import { conflictMessage } from '$lib/server/result';
import type { FormValues } from '$lib/schemas/form';

/** Action names that say "this saves over a row". */
const UPDATE_LIKE = /^(update|rename|save|edit)/;
/** Edits whose names do not say so: each re-saves a form filled from an existing row. */
const ALSO_EDITS = new Set(['mission', 'move', 'plan', 'score']);

const ROUTE_FILE = /^\+page\.server\.ts$/;

function routeFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return routeFiles(full);
		return ROUTE_FILE.test(e.name) ? [full] : [];
	});
}

/** `(app)/gevinster/[id=id]?/update` for each action of each page's `actions` object. */
function actionKeys(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const route = path.relative('src/routes', path.dirname(file)).split(path.sep).join('/');
	const keys: string[] = [];
	source.forEachChild((node) => {
		if (!ts.isVariableStatement(node)) return;
		for (const d of node.declarationList.declarations) {
			if (!ts.isIdentifier(d.name) || d.name.text !== 'actions' || !d.initializer) continue;
			let init: ts.Node = d.initializer;
			while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
			if (!ts.isObjectLiteralExpression(init)) continue;
			for (const p of init.properties) {
				if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
					keys.push(`${route}?/${p.name.text}`);
				}
			}
		}
	});
	return keys;
}

const isEdit = (key: string) => {
	const name = key.slice(key.indexOf('?/') + 2);
	return UPDATE_LIKE.test(name) || ALSO_EDITS.has(name);
};

type Action = (event: never) => unknown;
type Load = (event: never) => unknown;
type Page = { load: Load; actions: Record<string, Action | undefined> };

/**
 * One edit action: `setup` makes a fresh row and says how to reach it; `loaded` picks the
 * form's values out of what the page's load returned (the version among them); `edit` is
 * what the user types, different for each attempt `n`.
 */
type Case = {
	page: Page;
	setup: () => Promise<Record<string, string>> | Record<string, string>;
	loaded: (data: never, ids: Record<string, string>) => FormValues;
	edit: (values: FormValues, n: number, ids: Record<string, string>) => FormValues;
};

const NOW = new Date('2026-06-15T10:00:00Z');
let admin: Signed;
let leaderId: number;
let meetingDays = 0;

beforeAll(async () => {
	makeMission();
	admin = signIn(await makeUser([{ role: 'admin' }]), NOW);
	leaderId = await makeUser([{ role: 'programme_leader' }]);
});

const byId = <T extends { id: number }>(rows: T[], id: string): T => {
	const row = rows.find((r) => String(r.id) === id);
	if (!row) throw new Error(`row ${id} not on the page`);
	return row;
};

function benefitSetup() {
	const projectId = makeProject(leaderId, [makeTrack(leaderId)]);
	const id = makeBenefit(projectId, { title: 'Spart tid' }, leaderId);
	return { id: String(id) };
}

function riskSetup(subject: 'project' | 'measure') {
	const projectId = makeProject(leaderId, [makeTrack(leaderId)]);
	if (subject === 'project') {
		return { id: String(projectId), riskId: String(makeRisk({ projectId }, leaderId)) };
	}
	const measureId = makeMeasure(projectId, leaderId);
	return { id: String(measureId), riskId: String(makeRisk({ measureId }, leaderId)) };
}

function ok<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

const CASES: Record<string, Case> = {
	'(app)/internkontroll/avvik/[id=id]?/update': {
		page: deviationPage as Page,
		setup: () => {
			const id = ok(
				createDeviation(
					{
						unitId: makeUnit(),
						source: 'incident',
						taskId: null,
						period: null,
						findingId: null,
						foundOn: '2026-06-01',
						title: 'Avvik',
						description: '',
						severity: 'low',
						immediateAction: '',
						correctiveAction: '',
						responsibleId: null,
						deadline: null
					},
					admin.user.id,
					NOW
				)
			);
			return { id: String(id) };
		},
		loaded: (data: { values: FormValues }) => data.values,
		edit: (v, n) => ({ ...v, title: `Avvik ${n}` })
	},
	'(app)/internkontroll/tilsyn/[id=id]?/update': {
		page: tilsynPage as Page,
		setup: () => {
			const id = ok(
				createTilsyn(
					{
						authority: 'Statsforvalteren',
						theme: 'Tema',
						description: '',
						startDate: null,
						preliminaryReportDate: null,
						finalReportDate: null,
						followUpDeadline: null,
						status: 'open',
						unitIds: [makeUnit()]
					},
					admin.user.id,
					NOW
				)
			);
			return { id: String(id) };
		},
		loaded: (data: { values: FormValues }) => data.values,
		edit: (v, n) => ({ ...v, theme: `Tema ${n}` })
	},
	'(app)/styring/moter?/update': {
		page: meetingsPage as Page,
		setup: () => ({
			meetingId: String(
				// One meeting a day: each case gets its own day.
				ok(
					createMeeting(
						{
							date: `2026-09-${String(10 + ++meetingDays).padStart(2, '0')}`,
							title: 'Møte',
							location: ''
						},
						admin.user.id,
						NOW
					)
				)
			)
		}),
		loaded: (data: { meetings: { id: number; values: FormValues }[] }, ids) =>
			byId(data.meetings, ids.meetingId!).values,
		edit: (v, n) => ({ ...v, title: `Møte ${n}` })
	},
	'(app)/admin/brukere/[id=id]?/rename': {
		page: userPage as Page,
		setup: async () => ({ id: String(await makeUser([{ role: 'viewer' }])) }),
		loaded: (data: { target: { name: string; version: number } }) => ({
			name: data.target.name,
			version: String(data.target.version)
		}),
		edit: (v, n) => ({ ...v, name: `Navn Nummer ${n}` })
	},
	'(app)/admin/enheter?/rename': {
		page: unitsPage as Page,
		setup: () => ({ unitId: String(makeUnit('Avdeling Øst')) }),
		loaded: (data: { units: { id: number; name: string; version: number }[] }, ids) => {
			const u = byId(data.units, ids.unitId!);
			return { unitId: ids.unitId!, name: u.name, version: String(u.version) };
		},
		edit: (v, n) => ({ ...v, name: `Avdeling Øst ${n}` })
	},
	'(app)/admin/enheter?/move': {
		page: unitsPage as Page,
		setup: () => ({
			unitId: String(makeUnit('Flyttes')),
			a: String(makeUnit('Forelder A')),
			b: String(makeUnit('Forelder B'))
		}),
		loaded: (data: { units: { id: number; parentId: number | null; version: number }[] }, ids) => {
			const u = byId(data.units, ids.unitId!);
			return {
				unitId: ids.unitId!,
				parentId: String(u.parentId ?? ''),
				version: String(u.version)
			};
		},
		edit: (v, n, ids) => ({ ...v, parentId: n % 2 ? ids.a! : ids.b! })
	},
	'(app)/arshjul/maler/[id=id]?/updateWheel': {
		page: wheelPage as Page,
		setup: () => {
			const ownerUnitId = makeUnit('Eier');
			return { id: String(makeWheel({ ownerUnitId }).wheelId) };
		},
		loaded: (data: { values: FormValues }) => data.values,
		edit: (v, n) => ({ ...v, name: `Årshjul ${n}` })
	},
	'(app)/arshjul/maler/[id=id]?/updateTask': {
		page: wheelPage as Page,
		setup: () => {
			const { wheelId, taskIds } = makeWheel({ ownerUnitId: makeUnit('Eier') });
			return { id: String(wheelId), taskId: String(taskIds[0]) };
		},
		loaded: (data: { tasks: { id: number; values: FormValues }[] }, ids) =>
			byId(data.tasks, ids.taskId!).values,
		edit: (v, n) => ({ ...v, title: `Oppgave ${n}` })
	},
	'(app)/gevinster/[id=id]?/update': {
		page: benefitPage as Page,
		setup: benefitSetup,
		loaded: (data: { values: FormValues }) => data.values,
		edit: (v, n) => ({ ...v, title: `Gevinst ${n}` })
	},
	'(app)/gevinster/[id=id]?/plan': {
		page: benefitPage as Page,
		setup: benefitSetup,
		loaded: (data: { planValues: FormValues }) => data.planValues,
		edit: (v, n) => ({
			...v,
			baselineValue: '0',
			baselineDate: '2026-01-01',
			baselineMethod: `Telling ${n}`,
			targetValue: String(1000 * n),
			targetDate: '2026-12-31'
		})
	},
	'(app)/gevinster/[id=id]?/updateLine': {
		page: benefitPage as Page,
		setup: () => {
			const { id } = benefitSetup();
			const line = addEstimateLine(
				Number(id),
				{ description: 'Spart tid', amountPerCase: 100, cases: 10, sharePercent: 50 },
				leaderId,
				NOW
			);
			if (!line.ok) throw new Error(line.reason);
			return { id, lineId: String(line.value) };
		},
		loaded: (data: { lines: { id: number; values: FormValues }[] }, ids) =>
			byId(data.lines, ids.lineId!).values,
		edit: (v, n) => ({ ...v, description: `Linje ${n}`, cases: String(n) })
	},
	'(app)/gevinster/innstillinger?/save': {
		page: settingsPage as Page,
		setup: () => ({}),
		loaded: (data: { settings: FormValues }) => data.settings,
		edit: (v, n) => ({ ...v, hourlyRate: String(600 + n) })
	},
	'(app)/gevinster/prosjekt/[id=id]?/updateChange': {
		page: mapPage as Page,
		setup: () => {
			const projectId = makeProject(leaderId, [makeTrack(leaderId)]);
			const change = createChange(projectId, { title: 'Endring', description: '' }, leaderId, NOW);
			if (!change.ok) throw new Error(change.reason);
			return { id: String(projectId), changeId: String(change.value) };
		},
		// The editor lists its changes a page at a time; the test's change is on the first.
		loaded: (data: { changes: { rows: { id: number; values: FormValues }[] } }, ids) =>
			byId(data.changes.rows, ids.changeId!).values,
		edit: (v, n) => ({ ...v, title: `Endring ${n}` })
	},
	'(app)/portefolje/misjon?/mission': {
		page: missionPage as Page,
		setup: () => ({}),
		loaded: (data: { mission: FormValues }) => data.mission,
		edit: (v, n) => ({ ...v, statement: `Misjon ${n}` })
	},
	'(app)/portefolje/misjon?/updateGoal': {
		page: missionPage as Page,
		setup: () => {
			const goal = createEffectGoal(
				makeMission(),
				{ level: 'service', title: 'Mål', indicator: 'Indikator' },
				null,
				NOW
			);
			if (!goal.ok) throw new Error(goal.reason);
			return { goalId: String(goal.value) };
		},
		loaded: (data: { goals: { id: number; values: FormValues }[] }, ids) =>
			byId(data.goals, ids.goalId!).values,
		edit: (v, n) => ({ ...v, title: `Effektmål ${n}` })
	},
	'(app)/portefolje/prosjekter/[id=id]?/update': {
		page: projectPage as Page,
		setup: () => ({ id: String(makeProject(leaderId, [makeTrack(leaderId)])) }),
		loaded: (data: { values: FormValues }) => data.values,
		edit: (v, n) => ({ ...v, title: `Prosjekt ${n}` })
	},
	'(app)/portefolje/prosjekter/[id=id]?/score': {
		page: projectPage as Page,
		setup: () => ({ id: String(makeProject(leaderId, [makeTrack(leaderId)])) }),
		loaded: (data: {
			project: { scores: Parameters<typeof scoreValues>[0]; scoresVersion: number };
		}) => scoreValues(data.project.scores, data.project.scoresVersion),
		edit: (v, n) => ({
			...v,
			score_user: String(1 + (n % 5)),
			justification_user: `Begrunnelse ${n}`
		})
	},
	'(app)/portefolje/prosjekter/[id=id]?/updateRisk': {
		page: projectPage as Page,
		setup: () => riskSetup('project'),
		loaded: (data: { risks: Parameters<typeof riskValues>[0][] }, ids) =>
			riskValues(byId(data.risks, ids.riskId!)),
		edit: (v, n) => ({ ...v, title: `Risiko ${n}` })
	},
	'(app)/portefolje/spor/[id=id]?/update': {
		page: trackPage as Page,
		setup: () => ({ id: String(makeTrack(leaderId)) }),
		loaded: (data: { values: FormValues }) => data.values,
		edit: (v, n) => ({ ...v, title: `Spor ${n}` })
	},
	'(app)/portefolje/tiltak/[id=id]?/update': {
		page: measurePage as Page,
		setup: () => {
			const projectId = makeProject(leaderId, [makeTrack(leaderId)]);
			return { id: String(makeMeasure(projectId, leaderId)) };
		},
		loaded: (data: { values: FormValues }) => data.values,
		edit: (v, n) => ({ ...v, title: `Tiltak ${n}` })
	},
	'(app)/portefolje/tiltak/[id=id]?/updateRisk': {
		page: measurePage as Page,
		setup: () => riskSetup('measure'),
		loaded: (data: { risks: Parameters<typeof riskValues>[0][] }, ids) =>
			riskValues(byId(data.risks, ids.riskId!)),
		edit: (v, n) => ({ ...v, title: `Risiko ${n}` })
	}
};

/** Every row of every table: a refused save must leave all of it, audit log included, as is. */
const snapshot = () => digest();

const actionName = (key: string) => key.slice(key.indexOf('?/') + 2);

/** The page's own load and action, as a browser would reach them. */
function pageOf(key: string, c: Case, ids: Record<string, string>) {
	const route = key.slice(0, key.indexOf('?/'));
	const params: Record<string, string> = ids.id ? { id: ids.id } : {};
	const event = (form?: FormValues) =>
		makeEvent({ signed: admin, path: `/${route}`, params, form, now: NOW }) as never;
	return {
		load: async () => c.loaded((await c.page.load(event())) as never, ids),
		save: (form: FormValues) => outcome(() => c.page.actions[actionName(key)]!(event(form)))
	};
}

describe('edit actions', () => {
	const found = routeFiles('src/routes').flatMap(actionKeys);

	it('finds the route actions', () => {
		expect(found.length).toBeGreaterThan(40);
	});

	it('every edit action has a stale-version case', () => {
		expect(found.filter(isEdit).filter((k) => !(k in CASES))).toEqual([]);
	});

	it('every case names an edit action that exists', () => {
		expect(Object.keys(CASES).filter((k) => !found.includes(k) || !isEdit(k))).toEqual([]);
	});
});

describe.each(Object.entries(CASES))('%s', (key, c) => {
	it('a save from a stale form is refused with 409, writes nothing and shows the newer values', async () => {
		const ids = await c.setup();
		const page = pageOf(key, c, ids);
		// Two people load the same form.
		const loaded = await page.load();
		expect(loaded.version).toMatch(/^\d+$/);

		const first = await page.save(c.edit(loaded, 1, ids));
		expect(first.kind === 'ok' || first.kind === 'redirect').toBe(true);
		const saved = await page.load();
		expect(Number(saved.version)).toBeGreaterThan(Number(loaded.version));

		const before = snapshot();
		const stale = await page.save(c.edit(loaded, 2, ids));
		expect(stale).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { action: actionName(key), errors: { _form: conflictMessage() }, values: saved }
		});
		expect(snapshot()).toBe(before);

		// The newer values the answer showed can be saved.
		const retry = await page.save(
			c.edit((stale as { data: { values: FormValues } }).data.values, 3, ids)
		);
		expect(retry.kind === 'ok' || retry.kind === 'redirect').toBe(true);
	});

	it('a save without a version is refused and writes nothing', async () => {
		const ids = await c.setup();
		const page = pageOf(key, c, ids);
		const { version, ...rest } = await page.load();
		expect(version).toBeDefined();
		const before = snapshot();
		const result = await page.save(c.edit(rest, 1, ids));
		expect(result).toMatchObject({ kind: 'fail' });
		expect([400, 409]).toContain((result as { status: number }).status);
		expect(snapshot()).toBe(before);
	});

	it('of two concurrent saves from the same form, one is acknowledged', async () => {
		const ids = await c.setup();
		const page = pageOf(key, c, ids);
		const loaded = await page.load();
		const results = await Promise.all([
			page.save(c.edit(loaded, 4, ids)),
			page.save(c.edit(loaded, 5, ids))
		]);
		expect(results.map((r) => (r.kind === 'fail' ? r.status : r.kind)).sort()).toEqual([
			409,
			results.some((r) => r.kind === 'redirect') ? 'redirect' : 'ok'
		]);
	});
});
