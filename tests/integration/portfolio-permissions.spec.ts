/**
 * The portfolio's permission matrix: each role × each portfolio action, allowed and refused.
 * Admins everything; a programme leader edits only what they own; the steering group scores
 * and reads; viewers and unit leaders read. Every call gets fresh rows, so one call's change
 * cannot decide another's outcome.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { load as overviewLoad } from '../../src/routes/(app)/+page.server';
import { load as portfolioLoad } from '../../src/routes/(app)/portefolje/+page.server';
import { load as riskLoad } from '../../src/routes/(app)/portefolje/risiko/+page.server';
import {
	actions as missionActions,
	load as missionLoad
} from '../../src/routes/(app)/portefolje/misjon/+page.server';
import {
	actions as newTrackActions,
	load as newTrackLoad
} from '../../src/routes/(app)/portefolje/spor/ny/+page.server';
import {
	actions as trackActions,
	load as trackLoad
} from '../../src/routes/(app)/portefolje/spor/[id=id]/+page.server';
import {
	actions as newProjectActions,
	load as newProjectLoad
} from '../../src/routes/(app)/portefolje/prosjekter/ny/+page.server';
import {
	actions as projectActions,
	load as projectLoad
} from '../../src/routes/(app)/portefolje/prosjekter/[id=id]/+page.server';
import { actions as newMeasureActions } from '../../src/routes/(app)/portefolje/tiltak/ny/+page.server';
import {
	actions as measureActions,
	load as measureLoad
} from '../../src/routes/(app)/portefolje/tiltak/[id=id]/+page.server';
import { makeEvent, makeUnit, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeMeasure, makeMission, makeProject, makeTrack } from '../factories/portfolio';
import { setProjectArchived } from '$lib/server/db/queries/projects';
import { getMission } from '$lib/server/db/queries/mission';

type Who = 'admin' | 'steering' | 'owner' | 'otherLeader' | 'unit_leader' | 'viewer';
const WHO: Who[] = ['admin', 'steering', 'owner', 'otherLeader', 'unit_leader', 'viewer'];
const who = {} as Record<Who, Signed>;
let ownerId: number;
let codes = 0;
/** A track code no other call has used: 1Z, 2Z … 99Z. */
const nextCode = () => `${++codes}Z`;

beforeAll(async () => {
	makeMission();
	const unitId = makeUnit('Avdeling Matrise');
	for (const role of ['admin', 'steering', 'viewer'] as const) {
		who[role] = signIn(await makeUser([{ role }]));
	}
	ownerId = await makeUser([{ role: 'programme_leader' }]);
	who.owner = signIn(ownerId);
	who.otherLeader = signIn(await makeUser([{ role: 'programme_leader' }]));
	who.unit_leader = signIn(await makeUser([{ role: 'unit_leader', unitId }]));
});

/** Fresh rows owned by the owning programme leader. */
function fixture() {
	const trackId = makeTrack(ownerId);
	const projectId = makeProject(ownerId, [trackId]);
	const measureId = makeMeasure(projectId, ownerId);
	return { trackId, projectId, measureId };
}

type Call = (s: Signed | null) => unknown;
const ev = (
	s: Signed | null,
	params: Record<string, string> = {},
	form?: Record<string, string | string[]>
) => makeEvent({ signed: s, params, form, path: '/portefolje' }) as never;

const projectForm = (trackId: number, actor: Signed | null) => ({
	title: 'Nytt prosjekt',
	ownerId: String(actor?.user.id ?? ownerId),
	trackIds: [String(trackId)],
	levels: ['user']
});

const calls: Record<string, { allowed: Who[]; call: () => Call }> = {
	'read overview': { allowed: WHO, call: () => (s) => overviewLoad(ev(s)) },
	'read portfolio page': { allowed: WHO, call: () => (s) => portfolioLoad(ev(s)) },
	'read risk matrix': { allowed: WHO, call: () => (s) => riskLoad(ev(s)) },
	'read track': {
		allowed: WHO,
		call: () => {
			const { trackId } = fixture();
			return (s) => trackLoad(ev(s, { id: String(trackId) }));
		}
	},
	'read project': {
		allowed: WHO,
		call: () => {
			const { projectId } = fixture();
			return (s) => projectLoad(ev(s, { id: String(projectId) }));
		}
	},
	'read measure': {
		allowed: WHO,
		call: () => {
			const { measureId } = fixture();
			return (s) => measureLoad(ev(s, { id: String(measureId) }));
		}
	},
	'open mission setup': { allowed: ['admin'], call: () => (s) => missionLoad(ev(s)) },
	'save mission': {
		allowed: ['admin'],
		call: () => (s) =>
			missionActions.mission!(
				ev(
					s,
					{},
					{
						grandChallenge: 'Utfordring',
						statement: 'Misjon',
						baselineYear: '2021',
						targetYear: '2027',
						// The form posts the version it was loaded with: the mission's current one.
						version: String(getMission()!.version)
					}
				)
			)
	},
	'add effect goal': {
		allowed: ['admin'],
		call: () => (s) =>
			missionActions.addGoal!(ev(s, {}, { level: 'user', title: 'Mål', indicator: 'Indikator' }))
	},
	'open new track form': {
		allowed: ['admin', 'owner', 'otherLeader'],
		call: () => (s) => newTrackLoad(ev(s))
	},
	'create track': {
		allowed: ['admin', 'owner', 'otherLeader'],
		call: () => (s) =>
			newTrackActions.default!(
				ev(
					s,
					{},
					{
						code: nextCode(),
						title: 'Nytt spor',
						problemStatement: 'Problem',
						ownerId: String(s?.user.id ?? ownerId),
						status: 'proposed'
					}
				)
			)
	},
	'open new project form': {
		allowed: ['admin', 'owner', 'otherLeader'],
		call: () => (s) => newProjectLoad(ev(s))
	},
	'create project': {
		allowed: ['admin', 'owner', 'otherLeader'],
		call: () => {
			const { trackId } = fixture();
			return (s) => newProjectActions.default!(ev(s, {}, projectForm(trackId, s)));
		}
	},
	'add measure to the project': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { projectId } = fixture();
			return (s) =>
				newMeasureActions.default!(
					ev(
						s,
						{},
						{ projectId: String(projectId), title: 'Nytt tiltak', ownerId: String(ownerId) }
					)
				);
		}
	},
	'edit track': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { trackId } = fixture();
			return (s) =>
				trackActions.update!(
					ev(
						s,
						{ id: String(trackId) },
						{
							code: nextCode(),
							title: 'Endret',
							problemStatement: 'Problem',
							ownerId: String(ownerId),
							status: 'recommended',
							version: '0'
						}
					)
				);
		}
	},
	'change track status': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { trackId } = fixture();
			return (s) => trackActions.status!(ev(s, { id: String(trackId) }, { to: 'recommended' }));
		}
	},
	'prioritise track': {
		allowed: ['admin', 'steering'],
		call: () => {
			const { trackId } = fixture();
			return (s) =>
				trackActions.prioritise!(ev(s, { id: String(trackId) }, { prioritised: 'yes' }));
		}
	},
	'delete track without projects': {
		allowed: ['admin', 'owner'],
		call: () => {
			const trackId = makeTrack(ownerId);
			return (s) => trackActions.delete!(ev(s, { id: String(trackId) }, {}));
		}
	},
	'edit project': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { projectId, trackId } = fixture();
			return (s) =>
				projectActions.update!(
					ev(
						s,
						{ id: String(projectId) },
						{
							...projectForm(trackId, null),
							ownerId: String(ownerId),
							version: '0'
						}
					)
				);
		}
	},
	'change project status': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { projectId } = fixture();
			return (s) => projectActions.status!(ev(s, { id: String(projectId) }, { to: 'recommended' }));
		}
	},
	'write project status report': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { projectId } = fixture();
			return (s) =>
				projectActions.report!(
					ev(s, { id: String(projectId) }, { period: '2026-11', rag: 'green', narrative: 'Bra' })
				);
		}
	},
	'add project risk': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { projectId } = fixture();
			return (s) =>
				projectActions.addRisk!(
					ev(
						s,
						{ id: String(projectId) },
						{
							title: 'Risiko',
							likelihood: '3',
							consequence: '3',
							area: 'delivery',
							ownerId: String(ownerId),
							status: 'open'
						}
					)
				);
		}
	},
	'archive project': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { projectId } = fixture();
			return (s) => projectActions.archive!(ev(s, { id: String(projectId) }, {}));
		}
	},
	'restore archived project': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { projectId } = fixture();
			setProjectArchived(projectId, true, ownerId, new Date());
			return (s) => projectActions.restore!(ev(s, { id: String(projectId) }, {}));
		}
	},
	'delete project without children': {
		allowed: ['admin', 'owner'],
		call: () => {
			const trackId = makeTrack(ownerId);
			const projectId = makeProject(ownerId, [trackId]);
			return (s) => projectActions.delete!(ev(s, { id: String(projectId) }, {}));
		}
	},
	'score project': {
		allowed: ['admin', 'steering'],
		call: () => {
			const { projectId } = fixture();
			return (s) =>
				projectActions.score!(
					ev(
						s,
						{ id: String(projectId) },
						{ score_user: '4', justification_user: 'Stor nytte', version: '0' }
					)
				);
		}
	},
	'edit measure': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { projectId, measureId } = fixture();
			return (s) =>
				measureActions.update!(
					ev(
						s,
						{ id: String(measureId) },
						{
							projectId: String(projectId),
							title: 'Endret tiltak',
							ownerId: String(ownerId),
							version: '0'
						}
					)
				);
		}
	},
	'change measure status': {
		allowed: ['admin', 'owner'],
		call: () => {
			const { measureId } = fixture();
			return (s) => measureActions.status!(ev(s, { id: String(measureId) }, { to: 'recommended' }));
		}
	}
};

describe('portfolio role matrix', () => {
	for (const [label, { allowed, call }] of Object.entries(calls)) {
		for (const role of WHO) {
			const may = allowed.includes(role);
			it(`${label}: ${role} ${may ? 'may' : 'gets 403'}`, async () => {
				const run = call();
				const result = await outcome(() => run(who[role]));
				if (may) {
					// Success is data, or a redirect to the new row (never to the login page).
					if (result.kind === 'redirect') expect(result.location).not.toMatch(/^\/login/);
					else expect(result).toMatchObject({ kind: 'ok' });
				} else {
					expect(result).toMatchObject({ kind: 'error', status: 403 });
				}
			});
		}
		it(`${label}: anonymous is sent to the login page`, async () => {
			const run = call();
			const result = await outcome(() => run(null));
			expect(result).toMatchObject({ kind: 'redirect', status: 303 });
			expect((result as { location: string }).location).toMatch(/^\/login\?redirectTo=/);
		});
	}
});
