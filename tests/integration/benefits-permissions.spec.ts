import { beforeAll, describe, expect, it } from 'vitest';
import { load as overviewLoad } from '../../src/routes/(app)/gevinster/+page.server';
import { load as mapLoad } from '../../src/routes/(app)/gevinster/kart/+page.server';
import {
	actions as projectActions,
	load as projectLoad
} from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/+page.server';
import {
	actions as benefitActions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import {
	actions as settingsActions,
	load as settingsLoad
} from '../../src/routes/(app)/gevinster/innstillinger/+page.server';
import { eventOn, makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import {
	BENEFIT_FORM,
	makeBenefit,
	makeMission,
	makeProject,
	planBenefit
} from '../factories/benefits';
import { createChange, getBenefit } from '$lib/server/db/queries/benefits';
import { getMission } from '$lib/server/db/queries/mission';
import { createLink } from '$lib/server/db/queries/benefits-links';
import { addEstimateLine, setPlannedPeriod } from '$lib/server/db/queries/benefits-gains';

const PEOPLE = [
	'admin',
	'steering',
	'owner_leader',
	'other_leader',
	'unit_leader',
	'viewer',
	'benefit_owner'
] as const;
type Person = (typeof PEOPLE)[number];

const who = {} as Record<Person, Signed>;
let projectId = 0;
let measureId = 0;
let benefitId = 0;

beforeAll(async () => {
	who.admin = signIn(await makeUser([{ role: 'admin' }]));
	const { tracks } = makeMission(who.admin.user.id);
	who.steering = signIn(await makeUser([{ role: 'steering' }]));
	who.owner_leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	who.other_leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	who.unit_leader = signIn(await makeUser([{ role: 'unit_leader', unitId: null }]));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
	who.benefit_owner = signIn(await makeUser([{ role: 'viewer' }]));
	const p = makeProject(who.owner_leader.user.id, tracks);
	projectId = p.projectId;
	measureId = p.measureIds[0]!;
	benefitId = makeBenefit(projectId, { ownerId: who.benefit_owner.user.id });
	planBenefit(benefitId, { baseline: 0, target: 120_000, method: 'Telling' }, 1, new Date());
});

const onProject = (form?: Record<string, string>) => (s: Signed | null) =>
	eventOn(s, '/gevinster/prosjekt', projectId, form);
const onBenefit = (form?: Record<string, string>) => (s: Signed | null) =>
	eventOn(s, '/gevinster', benefitId, form);

type Call = (s: Signed | null) => unknown;
const EVERYONE: readonly Person[] = PEOPLE;
const MAP_EDITORS: readonly Person[] = ['admin', 'owner_leader'];
const LOGGERS: readonly Person[] = ['admin', 'owner_leader', 'benefit_owner'];

// Edit forms post the version they were loaded with: the benefit's current one.
const benefitVersion = () => String(getBenefit(benefitId)!.version);

const calls: Record<string, { call: Call; allowed: readonly Person[] }> = {
	'read overview': {
		call: (s) => overviewLoad(makeEvent({ signed: s, path: '/gevinster' }) as never),
		allowed: EVERYONE
	},
	'read mission map': {
		call: (s) => mapLoad(makeEvent({ signed: s, path: '/gevinster/kart?niva=system' }) as never),
		allowed: EVERYONE
	},
	'read project map': { call: (s) => projectLoad(onProject()(s)), allowed: EVERYONE },
	'read benefit': { call: (s) => benefitLoad(onBenefit()(s)), allowed: EVERYONE },
	'add change': {
		call: (s) => projectActions.addChange!(onProject({ title: 'Ny endring' })(s)),
		allowed: MAP_EDITORS
	},
	'add benefit': {
		call: (s) => projectActions.addBenefit!(onProject({ ...BENEFIT_FORM })(s)),
		allowed: MAP_EDITORS
	},
	'add link': {
		call: (s) => {
			const change = createChange(
				projectId,
				{ title: 'Mål for kobling', description: '' },
				1,
				new Date()
			);
			if (!change.ok) throw new Error('setup');
			return projectActions.addLink!(
				onProject({ from: `measure:${measureId}`, to: `change:${change.value}` })(s)
			);
		},
		allowed: MAP_EDITORS
	},
	'delete link': {
		call: (s) => {
			const change = createChange(
				projectId,
				{ title: 'Kobles og fjernes', description: '' },
				1,
				new Date()
			);
			if (!change.ok) throw new Error('setup');
			const link = createLink(
				projectId,
				{ fromKind: 'measure', fromId: measureId, toKind: 'change', toId: change.value },
				1,
				new Date()
			);
			if (!link.ok) throw new Error('setup');
			return projectActions.deleteLink!(onProject({ linkId: String(link.value) })(s));
		},
		allowed: MAP_EDITORS
	},
	'edit change': {
		call: (s) => {
			const change = createChange(projectId, { title: 'Omdøpes', description: '' }, 1, new Date());
			if (!change.ok) throw new Error('setup');
			return projectActions.updateChange!(
				onProject({
					changeId: String(change.value),
					title: 'Omdøpt',
					description: 'Ny tekst',
					version: '0'
				})(s)
			);
		},
		allowed: MAP_EDITORS
	},
	'delete change': {
		call: (s) => {
			const change = createChange(projectId, { title: 'Fjernes', description: '' }, 1, new Date());
			if (!change.ok) throw new Error('setup');
			return projectActions.deleteChange!(onProject({ changeId: String(change.value) })(s));
		},
		allowed: MAP_EDITORS
	},
	'edit benefit': {
		call: (s) =>
			benefitActions.update!(
				onBenefit({
					...BENEFIT_FORM,
					title: 'Endret',
					// Keeps the benefit owner, who logs realisations below.
					ownerId: String(who.benefit_owner.user.id),
					version: benefitVersion()
				})(s)
			),
		allowed: MAP_EDITORS
	},
	'delete benefit': {
		call: (s) => {
			const fresh = makeBenefit(projectId, { title: 'Slettes' });
			return benefitActions.delete!(
				makeEvent({ signed: s, params: { id: String(fresh) }, form: {} }) as never
			);
		},
		allowed: MAP_EDITORS
	},
	'add estimate line': {
		call: (s) =>
			benefitActions.addLine!(
				onBenefit({ description: 'Linje', amountPerCase: '1000', cases: '2', sharePercent: '50' })(
					s
				)
			),
		allowed: MAP_EDITORS
	},
	'edit estimate line': {
		call: (s) => {
			const line = addEstimateLine(
				benefitId,
				{ description: 'Endres', amountPerCase: 1, cases: 1, sharePercent: 100 },
				1,
				new Date()
			);
			if (!line.ok) throw new Error('setup');
			return benefitActions.updateLine!(
				onBenefit({
					lineId: String(line.value),
					description: 'Endret',
					amountPerCase: '2',
					cases: '3',
					sharePercent: '50',
					version: '0'
				})(s)
			);
		},
		allowed: MAP_EDITORS
	},
	'delete estimate line': {
		call: (s) => {
			const line = addEstimateLine(
				benefitId,
				{ description: 'Fjernes', amountPerCase: 1, cases: 1, sharePercent: 100 },
				1,
				new Date()
			);
			if (!line.ok) throw new Error('setup');
			return benefitActions.deleteLine!(onBenefit({ lineId: String(line.value) })(s));
		},
		allowed: MAP_EDITORS
	},
	'set baseline and target': {
		call: (s) =>
			benefitActions.plan!(
				onBenefit({
					baselineValue: '0',
					baselineDate: '2026-01-01',
					baselineMethod: 'Telling',
					targetValue: '120 000',
					targetDate: '2026-12-31',
					version: benefitVersion()
				})(s)
			),
		allowed: MAP_EDITORS
	},
	'set planned value for a month': {
		call: (s) => benefitActions.planPeriod!(onBenefit({ period: '2026-06', value: '50 000' })(s)),
		allowed: MAP_EDITORS
	},
	'delete planned value for a month': {
		call: (s) => {
			const row = setPlannedPeriod(benefitId, { period: '2026-07', value: 1 }, 1, new Date());
			if (!row.ok) throw new Error('setup');
			return benefitActions.deletePlanPeriod!(onBenefit({ periodId: String(row.value) })(s));
		},
		allowed: MAP_EDITORS
	},
	'log realisation': {
		call: (s) => benefitActions.logRealisation!(onBenefit({ period: '2026-03', value: '1000' })(s)),
		allowed: LOGGERS
	},
	'log cause and corrective measure': {
		call: (s) =>
			benefitActions.followUp!(
				onBenefit({ period: '2026-03', cause: 'Sen oppstart', correctiveMeasure: 'Ny plan' })(s)
			),
		allowed: LOGGERS
	},
	'read settings': {
		call: (s) => settingsLoad(makeEvent({ signed: s, path: '/gevinster/innstillinger' }) as never),
		allowed: ['admin']
	},
	'save settings': {
		call: (s) =>
			settingsActions.save!(
				makeEvent({
					signed: s,
					path: '/gevinster/innstillinger',
					form: {
						hourlyRate: '700',
						behindMarginPercent: '20',
						version: String(getMission()!.version)
					}
				}) as never
			),
		allowed: ['admin']
	}
};

describe('benefit role matrix', () => {
	for (const [label, { call, allowed }] of Object.entries(calls)) {
		for (const person of PEOPLE) {
			const may = allowed.includes(person);
			it(`${label}: ${person} ${may ? 'may' : 'gets 403'}`, async () => {
				const result = await outcome(() => call(who[person]));
				// Deleting a benefit answers with a redirect to the project's map.
				if (may && result.kind === 'redirect') {
					expect(result.location).toBe(`/gevinster/prosjekt/${projectId}`);
				} else if (may) expect(result.kind).toBe('ok');
				else expect(result).toMatchObject({ kind: 'error', status: 403 });
			});
		}
		it(`${label}: anonymous is sent to the login page`, async () => {
			const result = await outcome(() => call(null));
			expect(result).toMatchObject({ kind: 'redirect', status: 303 });
		});
	}
});

describe('unknown ids', () => {
	it('answers 404 for a benefit or project that does not exist', async () => {
		const benefit = await outcome(() =>
			benefitLoad(makeEvent({ signed: who.admin, params: { id: '999999' } }) as never)
		);
		const project = await outcome(() =>
			projectActions.addChange!(
				makeEvent({ signed: who.admin, params: { id: '999999' }, form: { title: 'X' } }) as never
			)
		);
		expect(benefit).toMatchObject({ kind: 'error', status: 404 });
		expect(project).toMatchObject({ kind: 'error', status: 404 });
	});
});
