/**
 * Archived portfolio items, through the pages' own loads and actions: links to archived
 * tracks survive a save, and the steering group's risk list leaves archived work out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions as projectActions,
	load as projectLoad
} from '../../src/routes/(app)/portefolje/prosjekter/[id=id]/+page.server';
import { actions as trackActions } from '../../src/routes/(app)/portefolje/spor/[id=id]/+page.server';
import { actions as newTrackActions } from '../../src/routes/(app)/portefolje/spor/ny/+page.server';
import { actions as measureActions } from '../../src/routes/(app)/portefolje/tiltak/[id=id]/+page.server';
import { load as riskLoad } from '../../src/routes/(app)/portefolje/risiko/+page.server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeMeasure, makeMission, makeProject, makeRisk, makeTrack } from '../factories/portfolio';
import { getProjectById } from '$lib/server/db/queries/projects';
import { getTrackById } from '$lib/server/db/queries/tracks';
import { listStatusChanges } from '$lib/server/db/queries/lifecycle';
import { listAuditEntries } from '$lib/server/db/queries/audit';

let leader: Signed;
let leaderId: number;

beforeAll(async () => {
	makeMission();
	leaderId = await makeUser([{ role: 'programme_leader' }]);
	leader = signIn(leaderId);
});

const ev = (s: Signed, params: Record<string, string>, form?: Record<string, string | string[]>) =>
	makeEvent({ signed: s, params, form, path: '/portefolje' }) as never;

type FormTrack = { id: number; code: string; title: string; archived: boolean };
type ProjectPage = {
	project: { tracks: FormTrack[] };
	values: Record<string, string | string[]>;
	tracks: FormTrack[];
};

describe('archived tracks on the project form', () => {
	it('keeps an archived linked track offered, marked, and linked after saving the form', async () => {
		const kept = makeTrack(leaderId, { title: 'Aktivt spor' });
		const old = makeTrack(leaderId, { title: 'Gammelt spor' });
		const other = makeTrack(leaderId, { title: 'Annet arkivert spor' });
		const id = makeProject(leaderId, [kept, old], { title: 'Koblet prosjekt' });
		for (const t of [old, other]) {
			const archived = await outcome(() =>
				trackActions.archive!(ev(leader, { id: String(t) }, {}))
			);
			expect(archived.kind).toBe('redirect');
		}

		const page = (await projectLoad(ev(leader, { id: String(id) }))) as unknown as ProjectPage;
		const offered = new Map(page.tracks.map((t) => [t.id, t]));
		expect(offered.get(old)).toMatchObject({ archived: true });
		expect(offered.get(kept)).toMatchObject({ archived: false });
		// An archived track the project is not linked to is not offered for new links.
		expect(offered.has(other)).toBe(false);
		expect(page.project.tracks.map((t) => [t.id, t.archived])).toEqual(
			expect.arrayContaining([
				[kept, false],
				[old, true]
			])
		);

		// The browser posts back only the checked boxes it was offered.
		const posted = (page.values.trackIds as string[]).filter((t) => offered.has(Number(t)));
		const saved = await outcome(() =>
			projectActions.update!(
				ev(leader, { id: String(id) }, { ...page.values, title: 'Nytt navn', trackIds: posted })
			)
		);
		expect(saved).toMatchObject({ kind: 'ok' });
		const after = getProjectById(id)!;
		expect(after.title).toBe('Nytt navn');
		expect([...after.trackIds].sort()).toEqual([kept, old].sort());
	});
});

describe('the portfolio risk list', () => {
	it('leaves out risks on archived projects and measures, and on measures of archived projects', async () => {
		const steering = signIn(await makeUser([{ role: 'steering' }]));
		const trackId = makeTrack(leaderId);
		const live = makeProject(leaderId, [trackId]);
		const liveMeasure = makeMeasure(live, leaderId);
		const archivedMeasure = makeMeasure(live, leaderId);
		const gone = makeProject(leaderId, [trackId]);
		const measureOfGone = makeMeasure(gone, leaderId);
		const shown = [
			makeRisk({ projectId: live }, leaderId),
			makeRisk({ measureId: liveMeasure }, leaderId)
		];
		const hidden = [
			makeRisk({ projectId: gone }, leaderId),
			makeRisk({ measureId: measureOfGone }, leaderId),
			makeRisk({ measureId: archivedMeasure }, leaderId)
		];
		const archiveMeasure = await outcome(() =>
			measureActions.archive!(ev(leader, { id: String(archivedMeasure) }, {}))
		);
		expect(archiveMeasure.kind).not.toBe('fail');
		const archiveProject = await outcome(() =>
			projectActions.archive!(ev(leader, { id: String(gone) }, {}))
		);
		expect(archiveProject).toMatchObject({ kind: 'redirect' });

		const page = (await riskLoad(ev(steering, {}))) as unknown as { risks: { id: number }[] };
		const ids = page.risks.map((r) => r.id);
		expect(ids).toEqual(expect.arrayContaining(shown));
		for (const id of hidden) expect(ids).not.toContain(id);
	});
});

describe('track lifecycle', () => {
	it('a new track starts as «Forslag», like a project, whatever status is posted', async () => {
		const created = await outcome(() =>
			newTrackActions.default!(
				ev(
					leader,
					{},
					{
						code: '9Z',
						title: 'Nytt spor',
						problemStatement: 'Problem',
						ownerId: String(leaderId),
						status: 'completed'
					}
				)
			)
		);
		expect(created.kind).toBe('redirect');
		const id = Number((created as { location: string }).location.match(/spor\/(\d+)/)![1]);
		expect(getTrackById(id)?.status).toBe('proposed');
		expect(listStatusChanges('track', id).map((h) => [h.fromStatus, h.toStatus])).toEqual([
			[null, 'proposed']
		]);
	});

	it('a track status follows the same rules as projects: no skipping, a reason to reject, history', async () => {
		const id = makeTrack(leaderId);
		const edit = (version: string, status: string) =>
			outcome(() =>
				trackActions.update!(
					ev(
						leader,
						{ id: String(id) },
						{
							code: getTrackById(id)!.code,
							title: 'Endret tittel',
							problemStatement: 'Problem',
							ownerId: String(leaderId),
							status,
							version
						}
					)
				)
			);
		// The edit form cannot jump the lifecycle: a posted status is not applied.
		expect(await edit('0', 'completed')).toMatchObject({ kind: 'ok' });
		expect(getTrackById(id)).toMatchObject({ title: 'Endret tittel', status: 'proposed' });

		const skip = await outcome(() =>
			trackActions.status!(ev(leader, { id: String(id) }, { to: 'adopted' }))
		);
		expect(skip).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { to: 'Kan ikke gå fra «Forslag» til «Vedtatt»' } }
		});
		const noReason = await outcome(() =>
			trackActions.status!(ev(leader, { id: String(id) }, { to: 'rejected' }))
		);
		expect(noReason).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { reason: 'Skriv en begrunnelse for å forkaste (minst 3 tegn)' } }
		});
		expect(getTrackById(id)?.status).toBe('proposed');

		const ok = await outcome(() =>
			trackActions.status!(
				ev(leader, { id: String(id) }, { to: 'rejected', reason: 'Slått sammen med 1A' })
			)
		);
		expect(ok).toMatchObject({ kind: 'ok' });
		expect(getTrackById(id)?.status).toBe('rejected');
		expect(listStatusChanges('track', id).map((h) => [h.fromStatus, h.toStatus, h.reason])).toEqual(
			[
				[null, 'proposed', null],
				['proposed', 'rejected', 'Slått sammen med 1A']
			]
		);
		expect(
			listAuditEntries({ entity: 'track', entityId: String(id), action: 'status' }).total
		).toBe(1);
	});
});
