import { beforeAll, describe, expect, it } from 'vitest';
import { load as overviewLoad } from '../../src/routes/(app)/gevinster/+page.server';
import {
	actions as projectActions,
	load as projectLoad
} from '../../src/routes/(app)/gevinster/prosjekt/[id=id]/+page.server';
import {
	actions as benefitActions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { actions as settingsActions } from '../../src/routes/(app)/gevinster/innstillinger/+page.server';
import { eventOn, makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { BENEFIT_FORM, makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { countAuditEntries, listAuditEntries } from '$lib/server/db/queries/audit';
import {
	getBenefit,
	listBenefitsByProjects,
	listChangesByProjects,
	listLinksByProjects
} from '$lib/server/db/queries/benefits';
import { listRealisations } from '$lib/server/db/queries/benefits-gains';
import { getMission } from '$lib/server/db/queries/mission';
import { decodeLayout, type LayoutJson } from '$lib/charts/benefit-map-layout';

let leader: Signed;
let admin: Signed;
let missionIds: { missionId: number; goals: number[]; tracks: number[] };
let projectId = 0;
let measureId = 0;

beforeAll(async () => {
	leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	admin = signIn(await makeUser([{ role: 'admin' }]));
	missionIds = makeMission(admin.user.id);
	const p = makeProject(leader.user.id, missionIds.tracks);
	projectId = p.projectId;
	measureId = p.measureIds[0]!;
});

const project = (form?: Record<string, string | string[]>) =>
	eventOn(leader, '/gevinster/prosjekt', projectId, form);
const benefit = (id: number, form?: Record<string, string>) =>
	eventOn(leader, '/gevinster', id, form);

describe('building a map', () => {
	it('adds changes and benefits, links them, and refuses a cycle with a message', async () => {
		await projectActions.addChange!(project({ title: 'Økt bevissthet om brukerbehov' }));
		await projectActions.addChange!(project({ title: 'Statlige tilskudd er koordinert' }));
		await projectActions.addBenefit!(project({ ...BENEFIT_FORM, level: 'system' }));
		const [a, b] = listChangesByProjects([projectId]);
		const [gain] = listBenefitsByProjects([projectId]);
		for (const [from, to] of [
			[`measure:${measureId}`, `change:${a!.id}`],
			[`change:${a!.id}`, `change:${b!.id}`],
			[`change:${b!.id}`, `benefit:${gain!.id}`],
			[`benefit:${gain!.id}`, `goal:${missionIds.goals[2]}`]
		] as const) {
			expect(await outcome(() => projectActions.addLink!(project({ from, to })))).toMatchObject({
				kind: 'ok'
			});
		}
		const linksBefore = listLinksByProjects([projectId]).length;
		const auditBefore = countAuditEntries('benefit_link');

		const cycle = await outcome(() =>
			projectActions.addLink!(project({ from: `change:${b!.id}`, to: `change:${a!.id}` }))
		);
		expect(cycle).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					to: 'Koblingen ville gitt en sirkel: «Økt bevissthet om brukerbehov» fører allerede tilbake til «Statlige tilskudd er koordinert».'
				}
			}
		});
		const backwards = await outcome(() =>
			projectActions.addLink!(project({ from: `benefit:${gain!.id}`, to: `change:${a!.id}` }))
		);
		expect(backwards).toMatchObject({ kind: 'fail', status: 400 });
		expect(listLinksByProjects([projectId])).toHaveLength(linksBefore);
		expect(countAuditEntries('benefit_link')).toBe(auditBefore);

		const page = (await projectLoad(project())) as { layout: LayoutJson };
		expect(decodeLayout(page.layout).nodes).toHaveLength(5);
		expect(decodeLayout(page.layout).edges).toHaveLength(4);
	});

	it('removes a change with its links, audited, and nothing of another project', async () => {
		await projectActions.addChange!(project({ title: 'Feilregistrert endring' }));
		const wrong = listChangesByProjects([projectId]).find(
			(c) => c.title === 'Feilregistrert endring'
		)!;
		await projectActions.addLink!(
			project({ from: `measure:${measureId}`, to: `change:${wrong.id}` })
		);
		const links = listLinksByProjects([projectId]).length;
		const other = makeProject(leader.user.id, []).projectId;
		const elsewhere = await outcome(() =>
			projectActions.deleteChange!(
				makeEvent({
					signed: leader,
					params: { id: String(other) },
					form: { changeId: String(wrong.id) }
				}) as never
			)
		);
		expect(elsewhere).toMatchObject({ kind: 'fail', status: 400 });
		await projectActions.deleteChange!(project({ changeId: String(wrong.id) }));
		expect(listChangesByProjects([projectId]).some((c) => c.id === wrong.id)).toBe(false);
		expect(listLinksByProjects([projectId])).toHaveLength(links - 1);
		expect(countAuditEntries('benefit_change', String(wrong.id))).toBe(2);
	});

	it('answers bad benefit input with Norwegian field messages and keeps the values', async () => {
		const result = await outcome(() =>
			projectActions.addBenefit!(
				project({ ...BENEFIT_FORM, title: 'Uten enhet', unit: '', indicator: '' })
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				values: { title: 'Uten enhet' },
				errors: {
					unit: 'En kvantitativ gevinst trenger en enhet',
					indicator: 'Beskriv indikatoren gevinsten måles med'
				}
			}
		});
	});

	it('audits a new change with who and what', async () => {
		await projectActions.addChange!(project({ title: 'Revidert endring' }));
		const [entry] = listAuditEntries({ entity: 'benefit_change' }).rows;
		expect(entry).toMatchObject({
			actorId: leader.user.id,
			action: 'create',
			after: { projectId, title: 'Revidert endring' }
		});
	});
});

describe('pricing and realising a benefit', () => {
	let id = 0;
	beforeAll(() => {
		id = makeBenefit(projectId, { title: 'Familiens gevinst', level: 'bruker' }, leader.user.id);
	});

	it('prices the family story of seed 001 to the true sum of its lines, 1 653 530 kr', async () => {
		for (const [description, amountPerCase] of [
			['Tapt arbeidsinntekt ved sykemelding for far', '73 530'],
			['Ekstra tidsbruk ved skolestart', '80 000'],
			['Ekstra tidsbruk ved koordinering og oppfølging', '1 500 000']
		]) {
			const r = await outcome(() =>
				benefitActions.addLine!(
					benefit(id, {
						description: description!,
						amountPerCase: amountPerCase!,
						cases: '1',
						sharePercent: '100'
					})
				)
			);
			expect(r.kind).toBe('ok');
		}
		const page = (await benefitLoad(benefit(id))) as { estimate: { total: number } };
		expect(page.estimate.total).toBe(1_653_530);
		expect(countAuditEntries('estimate_line')).toBeGreaterThanOrEqual(3);
	});

	it('refuses a share over 100 % and a target before the baseline', async () => {
		const share = await outcome(() =>
			benefitActions.addLine!(
				benefit(id, { description: 'X', amountPerCase: '1', cases: '1', sharePercent: '120' })
			)
		);
		expect(share).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { sharePercent: 'Andelen må være mellom 0 og 100 %' } }
		});
		const plan = await outcome(() =>
			benefitActions.plan!(
				benefit(id, {
					baselineValue: '0',
					baselineDate: '2026-06-01',
					baselineMethod: 'Telling',
					targetValue: '1000',
					targetDate: '2026-01-31',
					version: String(getBenefit(id)!.version)
				})
			)
		);
		expect(plan).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { targetDate: 'Måldatoen kan ikke være før nullpunktet' } }
		});
	});

	it('logs realisations, refuses a period before the baseline, and keeps corrections as history', async () => {
		await benefitActions.plan!(
			benefit(id, {
				baselineValue: '0',
				baselineDate: '2026-01-01',
				baselineMethod: 'Brukerhistorie',
				targetValue: '1 100 000',
				targetDate: '2026-12-31',
				version: String(getBenefit(id)!.version)
			})
		);
		const early = await outcome(() =>
			benefitActions.logRealisation!(benefit(id, { period: '2025-12', value: '5000' }))
		);
		expect(early).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { period: 'Perioden kan ikke være før nullpunktet' } }
		});
		expect(listRealisations([id])).toHaveLength(0);

		await benefitActions.logRealisation!(benefit(id, { period: '2026-01', value: '10 000' }));
		await benefitActions.logRealisation!(benefit(id, { period: '2026-02', value: '20000' }));
		const [, feb] = listRealisations([id]);
		const correction = await outcome(() =>
			benefitActions.logRealisation!(
				benefit(id, { period: '2026-02', value: '30000', supersedesId: String(feb!.id) })
			)
		);
		expect(correction.kind).toBe('ok');
		const page = (await benefitLoad(benefit(id))) as {
			history: { id: number; effective: boolean; supersededById: number | null }[];
			status: { period: string; realised: number; behind: boolean };
		};
		expect(page.history).toHaveLength(3);
		expect(page.history[1]).toMatchObject({ id: feb!.id, effective: false });
		expect(page.status).toEqual({
			period: '2026-02',
			planned: 100_000,
			realised: 40_000,
			behind: true
		});
		const audit = listAuditEntries({ entity: 'realisation' }).rows;
		expect(audit.map((e) => e.action).sort()).toEqual(['create', 'create', 'supersede']);
	});

	it('lists the benefit behind plan and logs the cause and corrective measure', async () => {
		const before = (await overviewLoad(
			makeEvent({ signed: leader, path: '/gevinster' }) as never
		)) as {
			scope: { behind: { id: number; followUp: unknown }[] };
		};
		expect(before.scope.behind.find((b) => b.id === id)).toMatchObject({ followUp: null });
		const missing = await outcome(() =>
			benefitActions.followUp!(benefit(id, { period: '2026-02', cause: '', correctiveMeasure: '' }))
		);
		expect(missing).toMatchObject({
			kind: 'fail',
			data: {
				errors: {
					cause: 'Beskriv årsaken til avviket',
					correctiveMeasure: 'Beskriv korrigerende tiltak'
				}
			}
		});
		await benefitActions.followUp!(
			benefit(id, { period: '2026-02', cause: 'Sen oppstart', correctiveMeasure: 'Flere møter' })
		);
		const after = (await overviewLoad(
			makeEvent({ signed: leader, path: '/gevinster' }) as never
		)) as {
			scope: { behind: { id: number; followUp: unknown }[] };
		};
		expect(after.scope.behind.find((b) => b.id === id)).toMatchObject({
			followUp: { cause: 'Sen oppstart', correctiveMeasure: 'Flere møter' }
		});
		expect(countAuditEntries('behind_plan_follow_up')).toBe(1);
	});

	it('takes a planned value given for a month as a fixed point of the path', async () => {
		const outside = await outcome(() =>
			benefitActions.planPeriod!(benefit(id, { period: '2027-03', value: '1000' }))
		);
		expect(outside).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { period: 'Måneden må ligge mellom nullpunktet og måldatoen' } }
		});
		await benefitActions.planPeriod!(benefit(id, { period: '2026-02', value: '45 000' }));
		const page = (await benefitLoad(benefit(id))) as {
			status: { planned: number; behind: boolean };
			given: { period: string; value: number }[];
		};
		expect(page.given).toMatchObject([{ period: '2026-02', value: 45_000 }]);
		// 40 000 realised against 45 000 planned is 11 % under: outside the benefit's own 10 %
		// tolerance, so behind (the health status says the same).
		expect(page.status).toMatchObject({ planned: 45_000, behind: true });
		expect(countAuditEntries('planned_period')).toBe(1);
	});

	it('keeps a benefit with realisations: deleting it is refused', async () => {
		const refused = await outcome(() => benefitActions.delete!(benefit(id, {})));
		expect(refused).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					_form:
						'Gevinsten har registrerte realiseringer og kan ikke slettes; historikken skal bevares.'
				}
			}
		});
		expect(listBenefitsByProjects([projectId]).some((b) => b.id === id)).toBe(true);
	});

	it('counts a benefit of a project in two tracks once for the mission', async () => {
		const page = (await overviewLoad(
			makeEvent({ signed: leader, path: '/gevinster' }) as never
		)) as {
			scope: {
				sums: {
					mission: { benefitCount: number; kroner: { gross: { estimate: number } } }[];
					track: { benefitCount: number; kroner: { gross: { estimate: number } } }[];
				};
			};
		};
		const [mission] = page.scope.sums.mission;
		const [t1, t2] = page.scope.sums.track;
		expect(t1!.kroner.gross.estimate).toBe(1_653_530);
		expect(t2!.kroner.gross.estimate).toBe(1_653_530);
		expect(mission!.kroner.gross.estimate).toBe(1_653_530);
		expect(mission!.benefitCount).toBe(t1!.benefitCount);
	});
});

describe('settings', () => {
	it('saves timesats and margin with an audit row, and refuses a margin over 100', async () => {
		const bad = await outcome(() =>
			settingsActions.save!(
				makeEvent({
					signed: admin,
					form: {
						hourlyRate: '650',
						behindMarginPercent: '120',
						version: String(getMission()!.version)
					}
				}) as never
			)
		);
		expect(bad).toMatchObject({
			kind: 'fail',
			data: { errors: { behindMarginPercent: 'Marginen må være mellom 0 og 100 %' } }
		});
		expect(getMission()?.hourlyRateKroner).toBe(700);
		await settingsActions.save!(
			makeEvent({
				signed: admin,
				form: {
					hourlyRate: '650',
					behindMarginPercent: '25',
					version: String(getMission()!.version)
				}
			}) as never
		);
		expect(getMission()).toMatchObject({ hourlyRateKroner: 650, behindPlanMarginPercent: 25 });
		expect(countAuditEntries('mission', String(missionIds.missionId))).toBe(1);
	});
});
