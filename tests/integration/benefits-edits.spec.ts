import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions as projectActions,
	load as projectLoad
} from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/+page.server';
import {
	actions as benefitActions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { eventOn, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { countAuditEntries, listAuditEntries } from '$lib/server/db/queries/audit';
import { createChange, listChangesByProjects } from '$lib/server/db/queries/benefits';
import { createLink } from '$lib/server/db/queries/benefits-links';
import { addEstimateLine, listEstimateLines } from '$lib/server/db/queries/benefits-gains';

let leader: Signed;
let projectId = 0;
let otherProjectId = 0;
let measureId = 0;

beforeAll(async () => {
	leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	const { tracks } = makeMission(leader.user.id);
	const p = makeProject(leader.user.id, tracks);
	projectId = p.projectId;
	measureId = p.measureIds[0]!;
	otherProjectId = makeProject(leader.user.id, []).projectId;
});

const onProject = (id: number, form?: Record<string, string>) =>
	eventOn(leader, '/gevinster/prosjekt', id, form);
const onBenefit = (id: number, form?: Record<string, string>) =>
	eventOn(leader, '/gevinster', id, form);

describe('editing one estimate line', () => {
	let benefitId = 0;
	let lineIds: number[] = [];
	beforeAll(() => {
		benefitId = makeBenefit(projectId, { title: 'Familiens gevinst' }, leader.user.id);
		lineIds = [
			['Tapt arbeidsinntekt', 73_530],
			['Ekstra tidsbruk ved skolestart', 80_000],
			['Koordinering og oppfølging', 1_000_000]
		].map(([description, amountPerCase]) => {
			const r = addEstimateLine(
				benefitId,
				{
					description: String(description),
					amountPerCase: Number(amountPerCase),
					cases: 1,
					sharePercent: 100
				},
				leader.user.id,
				new Date()
			);
			if (!r.ok) throw new Error('setup');
			return r.value;
		});
	});

	const total = async () =>
		((await benefitLoad(onBenefit(benefitId))) as { estimate: { total: number } }).estimate.total;

	it('changes the line in place, the sum follows, and the audit row keeps before and after', async () => {
		expect(await total()).toBe(1_153_530);
		const result = await outcome(() =>
			benefitActions.updateLine!(
				onBenefit(benefitId, {
					lineId: String(lineIds[2]),
					description: 'Ekstra tidsbruk ved koordinering og oppfølging',
					amountPerCase: '1 500 000',
					cases: '1',
					sharePercent: '100',
					version: '0'
				})
			)
		);
		expect(result).toMatchObject({ kind: 'ok', data: { success: 'Linjen er endret.' } });
		expect(await total()).toBe(1_653_530);
		expect(listEstimateLines([benefitId]).map((l) => l.id)).toEqual(lineIds);
		const [entry] = listAuditEntries({
			entity: 'estimate_line',
			entityId: String(lineIds[2])
		}).rows;
		expect(entry).toMatchObject({
			actorId: leader.user.id,
			action: 'update',
			before: { description: 'Koordinering og oppfølging', amountPerCase: 1_000_000 },
			after: {
				description: 'Ekstra tidsbruk ved koordinering og oppfølging',
				amountPerCase: 1_500_000
			}
		});
	});

	it('answers bad input with Norwegian field messages, keeps the values, writes nothing', async () => {
		const audit = countAuditEntries('estimate_line');
		const before = listEstimateLines([benefitId]);
		const result = await outcome(() =>
			benefitActions.updateLine!(
				onBenefit(benefitId, {
					lineId: String(lineIds[0]),
					description: '',
					amountPerCase: '12,5',
					cases: '-1',
					sharePercent: '120',
					version: '0'
				})
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				action: 'updateLine',
				values: { lineId: String(lineIds[0]), amountPerCase: '12,5' },
				errors: {
					description: 'Beskriv hva linjen gjelder',
					amountPerCase: 'Skriv beløp per tilfelle som et helt tall',
					cases: 'Antall må være mellom 0 og 1 000 000 000',
					sharePercent: 'Andelen må være mellom 0 og 100 %'
				}
			}
		});
		expect(listEstimateLines([benefitId])).toEqual(before);
		expect(countAuditEntries('estimate_line')).toBe(audit);
	});

	it('refuses a line of another benefit and a malformed line id', async () => {
		const other = makeBenefit(projectId, { title: 'Annen gevinst' }, leader.user.id);
		const audit = countAuditEntries('estimate_line');
		const line = {
			description: 'Kapret',
			amountPerCase: '1',
			cases: '1',
			sharePercent: '100',
			version: '0'
		};
		const foreign = await outcome(() =>
			benefitActions.updateLine!(onBenefit(other, { ...line, lineId: String(lineIds[0]) }))
		);
		expect(foreign).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { _form: 'Fant ikke det du ville endre. Last siden på nytt.' } }
		});
		const malformed = await outcome(() =>
			benefitActions.updateLine!(onBenefit(benefitId, { ...line, lineId: 'x' }))
		);
		expect(malformed).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { lineId: 'Ugyldig linje' } }
		});
		expect(listEstimateLines([benefitId])[0]!.description).toBe('Tapt arbeidsinntekt');
		expect(countAuditEntries('estimate_line')).toBe(audit);
	});
});

describe('editing a change', () => {
	let changeId = 0;
	beforeAll(() => {
		const c = createChange(
			projectId,
			{ title: 'Økt bevisthet', description: '' },
			leader.user.id,
			new Date()
		);
		if (!c.ok) throw new Error('setup');
		changeId = c.value;
		const link = createLink(
			projectId,
			{ fromKind: 'measure', fromId: measureId, toKind: 'change', toId: changeId },
			leader.user.id,
			new Date()
		);
		if (!link.ok) throw new Error('setup');
	});

	it('renames the change, keeps its links, and audits before and after', async () => {
		const result = await outcome(() =>
			projectActions.updateChange!(
				onProject(projectId, {
					changeId: String(changeId),
					title: 'Økt bevissthet om brukerbehov',
					description: 'Rettet skrivefeil',
					version: '0'
				})
			)
		);
		expect(result).toMatchObject({ kind: 'ok' });
		expect(listChangesByProjects([projectId]).find((c) => c.id === changeId)).toMatchObject({
			title: 'Økt bevissthet om brukerbehov',
			description: 'Rettet skrivefeil'
		});
		const page = (await projectLoad(onProject(projectId))) as { links: { rows: { to: string }[] } };
		expect(page.links.rows.map((l) => l.to)).toContain('Endring: Økt bevissthet om brukerbehov');
		const [entry] = listAuditEntries({ entity: 'benefit_change', entityId: String(changeId) }).rows;
		expect(entry).toMatchObject({
			actorId: leader.user.id,
			action: 'update',
			before: { title: 'Økt bevisthet', description: '' },
			after: { title: 'Økt bevissthet om brukerbehov', description: 'Rettet skrivefeil' }
		});
	});

	it('refuses an empty title with a Norwegian message and writes nothing', async () => {
		const audit = countAuditEntries('benefit_change');
		const result = await outcome(() =>
			projectActions.updateChange!(
				onProject(projectId, {
					changeId: String(changeId),
					title: '  ',
					description: 'X',
					version: '1'
				})
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				action: 'updateChange',
				values: { changeId: String(changeId), description: 'X' },
				errors: { title: 'Skriv hva som endres' }
			}
		});
		expect(listChangesByProjects([projectId]).find((c) => c.id === changeId)!.title).toBe(
			'Økt bevissthet om brukerbehov'
		);
		expect(countAuditEntries('benefit_change')).toBe(audit);
	});

	it("refuses a change of another project's map", async () => {
		const audit = countAuditEntries('benefit_change');
		const result = await outcome(() =>
			projectActions.updateChange!(
				onProject(otherProjectId, {
					changeId: String(changeId),
					title: 'Kapret',
					description: '',
					version: '1'
				})
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { _form: 'Fant ikke det du ville endre. Last siden på nytt.' } }
		});
		expect(countAuditEntries('benefit_change')).toBe(audit);
	});
});
