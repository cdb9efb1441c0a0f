/** The portfolio's rules, through the pages' own loads and actions against a real database. */
import { beforeAll, describe, expect, it } from 'vitest';
import { load as overviewLoad } from '../../src/routes/(app)/+page.server';
import {
	actions as missionActions,
	load as missionLoad
} from '../../src/routes/(app)/portefolje/misjon/+page.server';
import { actions as newTrackActions } from '../../src/routes/(app)/portefolje/spor/ny/+page.server';
import { actions as trackActions } from '../../src/routes/(app)/portefolje/spor/[id=id]/+page.server';
import { actions as newProjectActions } from '../../src/routes/(app)/portefolje/prosjekter/ny/+page.server';
import {
	actions as projectActions,
	load as projectLoad
} from '../../src/routes/(app)/portefolje/prosjekter/[id=id]/+page.server';
import { actions as measureActions } from '../../src/routes/(app)/portefolje/tiltak/[id=id]/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeMeasure, makeMission, makeProject, makeRisk, makeTrack } from '../factories/portfolio';
import { getProjectById, listProjects } from '$lib/server/db/queries/projects';
import { listTracks } from '$lib/server/db/queries/tracks';
import { getMeasureById } from '$lib/server/db/queries/measures';
import { listStatusChanges, listStatusReports } from '$lib/server/db/queries/lifecycle';
import { countAuditEntries, listAuditEntries } from '$lib/server/db/queries/audit';
import { getMission, listEffectGoals } from '$lib/server/db/queries/mission';

let leader: Signed;
let steering: Signed;
let leaderId: number;

beforeAll(async () => {
	makeMission();
	leaderId = await makeUser([{ role: 'programme_leader' }]);
	leader = signIn(leaderId);
	steering = signIn(await makeUser([{ role: 'steering' }]));
});

const ev = (s: Signed, params: Record<string, string>, form?: Record<string, string | string[]>) =>
	makeEvent({ signed: s, params, form, path: '/portefolje' }) as never;

const trackForm = (code: string) => ({
	code,
	title: 'Brukermedvirkning',
	problemStatement: 'Manglende brukermedvirkning',
	ownerId: String(leaderId),
	status: 'proposed'
});

describe('tracks', () => {
	it('a track code is unique within the mission, whatever its case', async () => {
		const first = await outcome(() => newTrackActions.default!(ev(leader, {}, trackForm('7A'))));
		expect(first.kind).toBe('redirect');
		const before = listTracks().length;
		const again = await outcome(() => newTrackActions.default!(ev(leader, {}, trackForm('7a'))));
		expect(again).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { code: 'Koden er allerede i bruk i denne misjonen. Velg en annen kode.' } }
		});
		expect(listTracks().length).toBe(before);
	});

	it('lists tracks by code as a reader counts: 2 before 10', () => {
		for (const code of ['N10', 'N2', 'N1']) makeTrack(leaderId, { code });
		const order = listTracks()
			.map((t) => t.code)
			.filter((c) => c.startsWith('N'));
		expect(order).toEqual(['N1', 'N2', 'N10']);
	});

	it('a track with projects cannot be deleted, only archived', async () => {
		const trackId = makeTrack(leaderId);
		makeProject(leaderId, [trackId]);
		const result = await outcome(() =>
			trackActions.delete!(ev(leader, { id: String(trackId) }, {}))
		);
		expect(result).toMatchObject({ kind: 'fail', status: 400 });
		expect((result as { data: { errors: { _form: string } } }).data.errors._form).toMatch(
			/har prosjekter og kan ikke slettes.*arkiver/i
		);
		expect(listTracks().some((t) => t.id === trackId)).toBe(true);
		const archived = await outcome(() =>
			trackActions.archive!(ev(leader, { id: String(trackId) }, {}))
		);
		expect(archived).toMatchObject({ kind: 'redirect', location: '/portefolje' });
		expect(listTracks().some((t) => t.id === trackId)).toBe(false);
	});
});

describe('projects', () => {
	it('refuses an end date before the start date and writes nothing', async () => {
		const trackId = makeTrack(leaderId);
		const before = listProjects().length;
		const audits = countAuditEntries('project');
		const result = await outcome(() =>
			newProjectActions.default!(
				ev(
					leader,
					{},
					{
						title: 'Baklengs',
						ownerId: String(leaderId),
						trackIds: [String(trackId)],
						startDate: '2026-05-01',
						endDate: '2026-04-30'
					}
				)
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: { endDate: 'Sluttdato kan ikke være før startdato' },
				values: { title: 'Baklengs' }
			}
		});
		expect(listProjects().length).toBe(before);
		expect(countAuditEntries('project')).toBe(audits);
	});

	it('a project in two tracks is listed under both in the overview, and counted once', async () => {
		const a = makeTrack(leaderId);
		const b = makeTrack(leaderId);
		const result = await outcome(() =>
			newProjectActions.default!(
				ev(
					leader,
					{},
					{
						title: 'Felles søknadsportal',
						ownerId: String(leaderId),
						trackIds: [String(a), String(b)],
						levels: ['user', 'system']
					}
				)
			)
		);
		expect(result.kind).toBe('redirect');
		const id = Number((result as { location: string }).location.match(/(\d+)\?/)![1]);
		expect(getProjectById(id)?.trackIds.sort()).toEqual([a, b].sort());
		const audit = listAuditEntries({ entity: 'project', entityId: String(id) }).rows;
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'create', actorId: leaderId });
		expect(audit[0]!.after).toMatchObject({ title: 'Felles søknadsportal', trackIds: [a, b] });

		// The overview lists each track's first projects; the new project is the only one here.
		// (A bare `/` sends the steering group to /styring; `?oversikt` asks for the overview.)
		const data = (await overviewLoad(
			makeEvent({ signed: steering, path: '/?oversikt' }) as never
		)) as {
			tracks: { id: number; projects: { id: number }[] }[];
		};
		for (const trackId of [a, b]) {
			const node = data.tracks.find((t) => t.id === trackId)!;
			expect(node.projects.map((p) => p.id)).toContain(id);
		}
	});

	it('a programme leader cannot make someone else the owner', async () => {
		const trackId = makeTrack(leaderId);
		const other = await makeUser([{ role: 'programme_leader' }]);
		const result = await outcome(() =>
			newProjectActions.default!(
				ev(leader, {}, { title: 'Andres', ownerId: String(other), trackIds: [String(trackId)] })
			)
		);
		expect(result).toMatchObject({ kind: 'fail', status: 400 });
		expect((result as { data: { errors: { ownerId: string } } }).data.errors.ownerId).toMatch(
			/deg selv som eier/
		);
	});

	it('a project with measures or risks cannot be deleted; archiving hides it', async () => {
		const trackId = makeTrack(leaderId);
		const withMeasure = makeProject(leaderId, [trackId]);
		makeMeasure(withMeasure, leaderId);
		const withRisk = makeProject(leaderId, [trackId]);
		makeRisk({ projectId: withRisk }, leaderId);
		for (const id of [withMeasure, withRisk]) {
			const result = await outcome(() =>
				projectActions.delete!(ev(leader, { id: String(id) }, {}))
			);
			expect(result).toMatchObject({ kind: 'fail', status: 400 });
			expect((result as { data: { errors: { _form: string } } }).data.errors._form).toMatch(
				/kan ikke slettes\. Arkiver prosjektet i stedet/
			);
			expect(getProjectById(id)).toBeDefined();
		}
		await outcome(() => projectActions.archive!(ev(leader, { id: String(withMeasure) }, {})));
		expect(listProjects().some((p) => p.id === withMeasure)).toBe(false);
		expect(countAuditEntries('project', String(withMeasure))).toBe(2); // create + archive
	});

	it('unknown ids answer 404', async () => {
		const result = await outcome(() => projectLoad(ev(steering, { id: '999999' })));
		expect(result).toMatchObject({ kind: 'error', status: 404 });
	});
});

describe('lost update', () => {
	it('the second save with a stale version is refused and shows the newer values', async () => {
		const trackId = makeTrack(leaderId);
		const id = makeProject(leaderId, [trackId], { title: 'Original' });
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const form = (title: string) => ({
			title,
			ownerId: String(leaderId),
			trackIds: [String(trackId)],
			version: '0'
		});
		// Both loaded the form at version 0; the leader saves first.
		const first = await outcome(() =>
			projectActions.update!(ev(leader, { id: String(id) }, form('Fra Pia')))
		);
		expect(first).toMatchObject({ kind: 'ok' });
		const second = await outcome(() =>
			projectActions.update!(ev(admin, { id: String(id) }, form('Fra Astrid')))
		);
		expect(second).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { values: { title: 'Fra Pia', version: '1' } }
		});
		expect((second as { data: { errors: { _form: string } } }).data.errors._form).toMatch(
			/Noen andre har lagret endringer/
		);
		expect(getProjectById(id)?.title).toBe('Fra Pia');
		const updates = listAuditEntries({ entity: 'project', entityId: String(id), action: 'update' });
		expect(updates.total).toBe(1);
		expect(updates.rows[0]).toMatchObject({
			before: { title: 'Original' },
			after: { title: 'Fra Pia' }
		});
		// Saving again with the version shown after the conflict works.
		const retry = await outcome(() =>
			projectActions.update!(ev(admin, { id: String(id) }, { ...form('Fra Astrid'), version: '1' }))
		);
		expect(retry).toMatchObject({ kind: 'ok' });
		expect(getProjectById(id)?.title).toBe('Fra Astrid');
	});

	it('measures detect a lost update too', async () => {
		const projectId = makeProject(leaderId, [makeTrack(leaderId)]);
		const measureId = makeMeasure(projectId, leaderId);
		const form = (title: string) => ({
			projectId: String(projectId),
			title,
			ownerId: String(leaderId),
			version: '0'
		});
		await outcome(() =>
			measureActions.update!(ev(leader, { id: String(measureId) }, form('Først')))
		);
		const second = await outcome(() =>
			measureActions.update!(ev(leader, { id: String(measureId) }, form('Sist')))
		);
		expect(second).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { values: { title: 'Først' } }
		});
		expect(getMeasureById(measureId)?.title).toBe('Først');
	});
});

describe('lifecycle, reports and scoring', () => {
	it('keeps the date and reason of every status change and refuses skipping', async () => {
		const id = makeProject(leaderId, [makeTrack(leaderId)]);
		const skip = await outcome(() =>
			projectActions.status!(ev(leader, { id: String(id) }, { to: 'adopted' }))
		);
		expect(skip).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { to: 'Kan ikke gå fra «Forslag» til «Vedtatt»' } }
		});
		const noReason = await outcome(() =>
			projectActions.status!(ev(leader, { id: String(id) }, { to: 'rejected' }))
		);
		expect(noReason).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { reason: expect.any(String) } }
		});
		const ok = await outcome(() =>
			projectActions.status!(
				ev(leader, { id: String(id) }, { to: 'rejected', reason: 'Dekkes av et annet prosjekt' })
			)
		);
		expect(ok).toMatchObject({ kind: 'ok' });
		const history = listStatusChanges('project', id);
		expect(history.map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual([
			[null, 'proposed', null],
			['proposed', 'rejected', 'Dekkes av et annet prosjekt']
		]);
		expect(history[1]!.at).toBeInstanceOf(Date);
		expect(
			listAuditEntries({ entity: 'project', entityId: String(id), action: 'status' }).total
		).toBe(1);
	});

	it('one status report per month: writing the month again replaces it', async () => {
		const id = makeProject(leaderId, [makeTrack(leaderId)]);
		for (const [rag, narrative] of <[string, string][]>[
			['amber', 'Forsinket'],
			['green', 'Tatt igjen']
		]) {
			const r = await outcome(() =>
				projectActions.report!(
					ev(leader, { id: String(id) }, { period: '2026-11', rag, narrative })
				)
			);
			expect(r).toMatchObject({ kind: 'ok' });
		}
		const reports = listStatusReports('project', id);
		expect(reports).toHaveLength(1);
		expect(reports[0]).toMatchObject({ rag: 'green', narrative: 'Tatt igjen' });
		const bad = await outcome(() =>
			projectActions.report!(
				ev(leader, { id: String(id) }, { period: '2026-13', rag: 'blue', narrative: '' })
			)
		);
		expect(bad).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { period: 'Bruk formatet ÅÅÅÅ-MM', narrative: 'Må fylles ut' } }
		});
	});

	it('a scored lens needs a justification; nothing is saved without one', async () => {
		const id = makeProject(leaderId, [makeTrack(leaderId)]);
		const bad = await outcome(() =>
			projectActions.score!(
				ev(
					steering,
					{ id: String(id) },
					{
						score_user: '4',
						justification_user: '',
						score_benefit: '3',
						justification_benefit: 'Stor gevinst',
						version: '0'
					}
				)
			)
		);
		expect(bad).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { justification_user: 'Begrunn vurderingen (minst 3 tegn)' } }
		});
		expect(getProjectById(id)?.scores).toEqual({});
		const ok = await outcome(() =>
			projectActions.score!(
				ev(
					steering,
					{ id: String(id) },
					{
						score_user: '4',
						justification_user: 'Stor nytte',
						score_benefit: '3',
						justification_benefit: 'Stor gevinst',
						version: '0'
					}
				)
			)
		);
		expect(ok).toMatchObject({ kind: 'ok' });
		expect(getProjectById(id)?.scores).toEqual({
			user: { score: 4, justification: 'Stor nytte' },
			benefit: { score: 3, justification: 'Stor gevinst' }
		});
		const audit = listAuditEntries({
			entity: 'project',
			entityId: String(id),
			action: 'score'
		}).rows;
		expect(audit[0]).toMatchObject({
			actorId: steering.user.id,
			before: {},
			after: { user: { score: 4 } }
		});
	});
});

describe('measures and risks', () => {
	it('a measure with risks cannot be deleted; one without can', async () => {
		const projectId = makeProject(leaderId, [makeTrack(leaderId)]);
		const risky = makeMeasure(projectId, leaderId);
		makeRisk({ measureId: risky }, leaderId);
		const refused = await outcome(() =>
			measureActions.delete!(ev(leader, { id: String(risky) }, {}))
		);
		expect((refused as { data: { errors: { _form: string } } }).data.errors._form).toMatch(
			/Arkiver tiltaket i stedet/
		);
		const plain = makeMeasure(projectId, leaderId);
		const deleted = await outcome(() =>
			measureActions.delete!(ev(leader, { id: String(plain) }, {}))
		);
		expect(deleted).toMatchObject({
			kind: 'redirect',
			location: `/portefolje/prosjekter/${projectId}`
		});
		expect(getMeasureById(plain)).toBeUndefined();
		expect(
			listAuditEntries({ entity: 'measure', entityId: String(plain), action: 'delete' }).total
		).toBe(1);
	});

	it('risks are validated on the 1–5 scales and land in the project page matrix data', async () => {
		const projectId = makeProject(leaderId, [makeTrack(leaderId)]);
		const bad = await outcome(() =>
			projectActions.addRisk!(
				ev(
					leader,
					{ id: String(projectId) },
					{
						title: 'Tid',
						likelihood: '6',
						consequence: '',
						area: 'x',
						ownerId: String(leaderId),
						status: 'open'
					}
				)
			)
		);
		expect(bad).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { likelihood: 'Velg en verdi fra 1 til 5', consequence: 'Velg konsekvens' } }
		});
		await outcome(() =>
			projectActions.addRisk!(
				ev(
					leader,
					{ id: String(projectId) },
					{
						title: 'Tid og prioritering',
						likelihood: '4',
						consequence: '3',
						area: 'hse',
						ownerId: String(leaderId),
						status: 'open'
					}
				)
			)
		);
		const data = (await projectLoad(ev(steering, { id: String(projectId) }))) as {
			risks: { title: string; likelihood: number; consequence: number }[];
			canEdit: boolean;
			canScore: boolean;
		};
		expect(data.risks).toEqual([
			expect.objectContaining({ title: 'Tid og prioritering', likelihood: 4, consequence: 3 })
		]);
		expect(data).toMatchObject({ canEdit: false, canScore: true });
	});

	it('the overview filters by unit through the measures', async () => {
		const unitId = makeUnit('Avdeling Filter');
		const trackId = makeTrack(leaderId);
		const inUnit = makeProject(leaderId, [trackId], { title: 'I enheten' });
		makeMeasure(inUnit, leaderId, [unitId]);
		const outside = makeProject(leaderId, [trackId], { title: 'Utenfor' });
		makeMeasure(outside, leaderId);
		const data = (await overviewLoad(
			makeEvent({ signed: steering, path: `/?enhet=${unitId}` }) as never
		)) as { tracks: { projects: { id: number }[] }[] };
		const shown = data.tracks.flatMap((t) => t.projects.map((p) => p.id));
		expect(shown).toContain(inUnit);
		expect(shown).not.toContain(outside);
	});
});

describe('mission and effect goals', () => {
	it('the target year cannot precede the baseline, and a stale mission save is refused', async () => {
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const data = (await missionLoad(ev(admin, {}))) as { mission: { version: string } };
		const form = (statement: string, version: string) => ({
			grandChallenge: 'Sammenhengende tjenester',
			statement,
			baselineYear: '2021',
			targetYear: '2027',
			version
		});
		const backwards = await outcome(() =>
			missionActions.mission!(
				ev(admin, {}, { ...form('Misjon', data.mission.version), targetYear: '2020' })
			)
		);
		expect(backwards).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { targetYear: 'Målåret kan ikke være før nullpunktsåret' } }
		});
		const first = await outcome(() =>
			missionActions.mission!(ev(admin, {}, form('Første', data.mission.version)))
		);
		expect(first).toMatchObject({ kind: 'ok' });
		const stale = await outcome(() =>
			missionActions.mission!(ev(admin, {}, form('Andre', data.mission.version)))
		);
		expect(stale).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { values: { statement: 'Første' } }
		});
		expect(getMission()?.statement).toBe('Første');
	});

	it('effect goals are numbered in order, need a level, and are archived rather than deleted', async () => {
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const missing = await outcome(() =>
			missionActions.addGoal!(ev(admin, {}, { level: '', title: 'Mål', indicator: 'Indikator' }))
		);
		expect(missing).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { level: 'Velg et nivå' } }
		});
		for (const level of ['user', 'service', 'system']) {
			await outcome(() =>
				missionActions.addGoal!(
					ev(admin, {}, { level, title: `Mål ${level}`, indicator: 'Indikator' })
				)
			);
		}
		const goals = listEffectGoals(getMission()!.id);
		expect(goals.map((g) => [g.number, g.level])).toEqual([
			[1, 'user'],
			[2, 'service'],
			[3, 'system']
		]);
		await outcome(() =>
			missionActions.archiveGoal!(ev(admin, {}, { goalId: String(goals[1]!.id) }))
		);
		expect(listEffectGoals(getMission()!.id).map((g) => g.number)).toEqual([1, 3]);
		expect(countAuditEntries('effect_goal')).toBe(4);
	});
});

describe('refusals write nothing', () => {
	it('a programme leader editing another leader’s project gets 403 and changes nothing', async () => {
		const other = signIn(await makeUser([{ role: 'programme_leader' }]));
		const trackId = makeTrack(leaderId);
		const id = makeProject(leaderId, [trackId], { title: 'Pias prosjekt' });
		const audits = countAuditEntries('project', String(id));
		const calls = [
			() =>
				projectActions.update!(
					ev(
						other,
						{ id: String(id) },
						{
							title: 'Kapret',
							ownerId: String(other.user.id),
							trackIds: [String(trackId)],
							version: '0'
						}
					)
				),
			() => projectActions.status!(ev(other, { id: String(id) }, { to: 'recommended' })),
			() => projectActions.delete!(ev(other, { id: String(id) }, {})),
			() =>
				projectActions.report!(
					ev(other, { id: String(id) }, { period: '2026-11', rag: 'red', narrative: 'Nei' })
				)
		];
		for (const call of calls) {
			expect(await outcome(call)).toMatchObject({ kind: 'error', status: 403 });
		}
		const after = getProjectById(id)!;
		expect(after).toMatchObject({ title: 'Pias prosjekt', status: 'proposed', version: 0 });
		expect(listStatusReports('project', id)).toEqual([]);
		expect(countAuditEntries('project', String(id))).toBe(audits);
	});
});
