/**
 * Seeds the example portfolio (content in portfolio-data.ts and portfolio-follow-up-data.ts)
 * through the portfolio's own verbs, so statuses, history and audit rows are what real use
 * would leave.
 */
import { hashPassword } from '$lib/server/auth/password';
import { generateToken } from '$lib/server/auth/tokens';
import { createUser } from '$lib/server/db/queries/users';
import { createEffectGoal, saveMission } from '$lib/server/db/queries/mission';
import { createTrack, setTrackPrioritised } from '$lib/server/db/queries/tracks';
import { createProject, saveProjectScores } from '$lib/server/db/queries/projects';
import { createMeasure } from '$lib/server/db/queries/measures';
import { changeStatus, saveStatusReport } from '$lib/server/db/queries/lifecycle';
import { createRisk } from '$lib/server/db/queries/risks';
import type { LifecycleStatus } from '$lib/domain/portfolio/vocabulary';
import type { DemoOrganisation } from './organisation';
import { GOALS, MEASURES, MISSION, PROJECTS, TRACKS, type DemoOwner } from './portfolio-data';
import { PORTAL_RISK, REPORTS, ROS_MEASURE, ROS_RISKS, SCORES } from './portfolio-follow-up-data';

function created(result: { ok: true; value: number } | { ok: false; reason: string }): number {
	if (!result.ok) throw new Error(`Eksempeldata (portefølje): ${result.reason}`);
	return result.value;
}

function done(result: { ok: true } | { ok: false; reason: string }): void {
	if (!result.ok) throw new Error(`Eksempeldata (portefølje): ${result.reason}`);
}

const PATH: LifecycleStatus[] = ['recommended', 'adopted', 'in_progress', 'completed'];

/** Walks the funnel step by step so the status history reads like real use. */
function advance(
	subject: 'track' | 'project' | 'measure',
	id: number,
	to: LifecycleStatus,
	actorId: number,
	now: Date
) {
	if (to === 'proposed') return;
	if (to === 'rejected') {
		done(changeStatus(subject, id, 'recommended', null, actorId, now));
		done(changeStatus(subject, id, 'rejected', 'Ikke vedtatt for testing nå', actorId, now));
		return;
	}
	for (const step of PATH) {
		done(changeStatus(subject, id, step, null, actorId, now));
		if (step === to) return;
	}
}

export type DemoPortfolio = {
	missionId: number;
	tracks: Record<string, number>;
	projects: Record<string, number>;
	measures: Record<string, number>;
};

export async function seedPortfolio(org: DemoOrganisation, now: Date): Promise<DemoPortfolio> {
	const pia = org.byRole('programme_leader');
	const steering = org.byRole('steering');
	const admin = org.byRole('admin');

	// A second programme leader owns the municipal project of seed 004, so the demo shows that
	// a programme leader edits only what they own.
	const password = generateToken().slice(0, 16);
	const petterId = created(
		createUser(
			{
				name: 'Petter Prosjektleder',
				email: 'prosjekt@misjonskart.no',
				passwordHash: await hashPassword(password),
				mustChangePassword: false,
				roles: [{ role: 'programme_leader', unitId: null }]
			},
			null,
			now
		)
	);
	org.users.push({
		id: petterId,
		role: 'programme_leader',
		name: 'Petter Prosjektleder',
		email: 'prosjekt@misjonskart.no',
		password
	});

	const owner: Record<DemoOwner, number> = { pia: pia.id, petter: petterId };

	const missionId = created(saveMission(MISSION, admin.id, now));
	for (const [level, title, indicator] of GOALS) {
		created(createEffectGoal(missionId, { level, title, indicator }, admin.id, now));
	}

	const tracks: Record<string, number> = {};
	for (const t of TRACKS) {
		const { prioritised, ...fields } = t;
		const id = created(
			createTrack(
				missionId,
				{
					...fields,
					expectedEffectUser: null,
					expectedEffectService: null,
					expectedEffectSystem: null,
					ownerId: prioritised ? pia.id : admin.id,
					status: prioritised ? 'in_progress' : 'proposed'
				},
				admin.id,
				now
			)
		);
		tracks[t.code] = id;
	}
	// Prioritisation is the steering group's decision (seed 001 «Missionspor og prioritering»).
	for (const t of TRACKS)
		if (t.prioritised) setTrackPrioritised(tracks[t.code]!, true, steering.id, now);

	const projects: Record<string, number> = {};
	for (const p of PROJECTS) {
		const ownerId = owner[p.owner];
		const id = created(
			createProject(
				missionId,
				{
					title: p.title,
					description: p.extra?.description ?? null,
					ownerId,
					startDate: p.extra?.startDate ?? null,
					endDate: p.extra?.endDate ?? null,
					trackIds: p.codes.map((c) => tracks[c]!),
					levels: p.levels
				},
				ownerId,
				now
			)
		);
		advance('project', id, p.status, steering.id, now);
		projects[p.title] = id;
	}

	const measures: Record<string, number> = {};
	for (const m of MEASURES) {
		const ownerId = owner[m.owner];
		const id = created(
			createMeasure(
				{
					projectId: projects[m.project]!,
					title: m.title,
					description: null,
					ownerId,
					unitIds: m.units.map((n) => org.units[n]!),
					startDate: null,
					endDate: null
				},
				ownerId,
				now
			)
		);
		advance('measure', id, m.status, steering.id, now);
		measures[m.title] = id;
	}

	const modell = measures[ROS_MEASURE]!;
	for (const [title, description, likelihood, consequence, area, mitigation] of ROS_RISKS) {
		created(
			createRisk(
				{ measureId: modell },
				{
					title,
					description,
					likelihood,
					consequence,
					area,
					mitigation,
					ownerId: petterId,
					status: 'open'
				},
				petterId,
				now
			)
		);
	}
	const { project: portal, ...portalRisk } = PORTAL_RISK;
	created(
		createRisk({ projectId: projects[portal]! }, { ...portalRisk, ownerId: pia.id }, pia.id, now)
	);

	for (const [title, subject, period, rag, narrative, author] of REPORTS) {
		const id = subject === 'project' ? projects[title]! : measures[title]!;
		created(saveStatusReport(subject, id, { period, rag, narrative }, owner[author], now));
	}

	for (const [title, scores] of SCORES) {
		// Projects made above, scored once each: the score set is at its first version.
		done(saveProjectScores(projects[title]!, { scores, version: 0 }, steering.id, now));
	}

	return { missionId, tracks, projects, measures };
}
