/**
 * Seeds the example portfolio (content in portfolio-data.ts, portfolio-follow-up-data.ts and
 * funnel-data.ts) through the portfolio's own verbs, so statuses, history and audit rows are
 * what real use would leave, each dated when it happened (calendar.ts: the past year and a
 * little more, counted back from `now`).
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
import {
	BO,
	GOALS,
	MEASURES,
	MISSION,
	PROJECTS,
	TRACKS,
	type DemoHistory,
	type DemoOwner
} from './portfolio-data';
import {
	PORTAL_RISK,
	PORTAL_RISK_DATE,
	REPORTS,
	ROS_DATE,
	ROS_MEASURE,
	ROS_RISKS,
	SCORES,
	SCORES_DATE
} from './portfolio-follow-up-data';
import { ADOPTED, PROPOSED_ONLY, RECOMMENDED, REJECT_REASON, RETURN_REASON } from './funnel-data';
import { demoCalendar, type DemoCalendar } from './calendar';

function created(result: { ok: true; value: number } | { ok: false; reason: string }): number {
	if (!result.ok) throw new Error(`Eksempeldata (portefølje): ${result.reason}`);
	return result.value;
}

function done(result: { ok: true } | { ok: false; reason: string }): void {
	if (!result.ok) throw new Error(`Eksempeldata (portefølje): ${result.reason}`);
}

const PATH: LifecycleStatus[] = ['recommended', 'adopted', 'in_progress', 'completed'];

/**
 * Walks the funnel step by step so the status history reads like real use: `history[0]` is
 * when the row was proposed, each later stamp when it took the next step.
 */
function advance(
	cal: DemoCalendar,
	subject: 'track' | 'project' | 'measure',
	id: number,
	to: LifecycleStatus,
	history: DemoHistory,
	actorId: number
) {
	const when = (step: number) => {
		const stamp = history[step] ?? history[history.length - 1] ?? [0, 1];
		return cal.at(stamp[0], stamp[1]);
	};
	if (to === 'proposed') return;
	if (to === 'rejected') {
		done(changeStatus(subject, id, 'recommended', null, actorId, when(1)));
		done(changeStatus(subject, id, 'rejected', REJECT_REASON, actorId, when(2)));
		return;
	}
	for (const [i, step] of PATH.entries()) {
		done(changeStatus(subject, id, step, null, actorId, when(i + 1)));
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
	const cal = demoCalendar(now);
	const at = (stamp: readonly [number, number]) => cal.at(stamp[0], stamp[1]);
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
			cal.at(-24, 1)
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

	// The mission was set up a little over a year ago; the tracks prioritised a month later.
	const founded = cal.at(-14, 2);
	const missionId = created(saveMission(MISSION, admin.id, founded));
	for (const [level, title, indicator] of GOALS) {
		created(createEffectGoal(missionId, { level, title, indicator }, admin.id, founded));
	}

	const tracks: Record<string, number> = {};
	for (const t of TRACKS) {
		const { prioritised, ...fields } = t;
		const id = created(
			createTrack(
				missionId,
				{
					...fields,
					ownerId: prioritised ? pia.id : admin.id,
					status: prioritised ? 'in_progress' : 'proposed'
				},
				admin.id,
				founded
			)
		);
		tracks[t.code] = id;
	}
	// Prioritisation is the steering group's decision (seed 001 «Missionspor og prioritering»).
	for (const t of TRACKS)
		if (t.prioritised) setTrackPrioritised(tracks[t.code]!, true, steering.id, cal.at(-13, 10));

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
					startDate: p.extra?.start ? cal.day(...p.extra.start) : null,
					endDate: p.extra?.end ? cal.day(...p.extra.end) : null,
					trackIds: p.codes.map((c) => tracks[c]!),
					levels: p.levels
				},
				ownerId,
				at(p.history[0]!)
			)
		);
		advance(cal, 'project', id, p.status, p.history, steering.id);
		projects[p.title] = id;
	}

	const measures: Record<string, number> = {};
	const addMeasure = (
		project: string,
		title: string,
		ownerId: number,
		units: string[],
		when: Date
	) =>
		created(
			createMeasure(
				{
					projectId: projects[project]!,
					title,
					description: null,
					ownerId,
					unitIds: units.map((n) => org.units[n]!),
					startDate: null,
					endDate: null
				},
				ownerId,
				when
			)
		);
	for (const m of MEASURES) {
		const id = addMeasure(m.project, m.title, owner[m.owner], m.units, at(m.history[0]!));
		advance(cal, 'measure', id, m.status, m.history, steering.id);
		measures[m.title] = id;
	}
	seedFunnel(
		cal,
		(title, units, when) => {
			const id = addMeasure(BO, title, petterId, units, when);
			measures[title] = id;
			return id;
		},
		petterId,
		steering.id
	);

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
				at(ROS_DATE)
			)
		);
	}
	const { project: portal, ...portalRisk } = PORTAL_RISK;
	created(
		createRisk(
			{ projectId: projects[portal]! },
			{ ...portalRisk, ownerId: pia.id },
			pia.id,
			at(PORTAL_RISK_DATE)
		)
	);

	for (const [title, subject, offset, rag, narrative, author] of REPORTS) {
		const id = subject === 'project' ? projects[title]! : measures[title]!;
		const period = cal.month(offset);
		created(
			saveStatusReport(
				subject,
				id,
				{ period, rag, narrative },
				owner[author],
				cal.at(offset + 1, 3)
			)
		);
	}

	for (const [title, scores] of SCORES) {
		// Projects made above, scored once each: the score set is at its first version.
		done(saveProjectScores(projects[title]!, { scores, version: 0 }, steering.id, at(SCORES_DATE)));
	}

	return { missionId, tracks, projects, measures };
}

/**
 * Seed 004's funnel: 86 proposals from the working groups during the insight phase, 15
 * recommended by the project group, 6 adopted by the steering group; of the other nine one
 * rejected, one still awaiting a decision and seven sent back to be weighed again.
 */
function seedFunnel(
	cal: DemoCalendar,
	add: (title: string, units: string[], when: Date) => number,
	projectGroupId: number,
	steeringId: number
) {
	const proposed = (i: number) => cal.at(-14, 1 + (i % 28));
	const recommendedAt = cal.at(-13, 12);
	const decidedAt = cal.at(-12, 5);
	ADOPTED.forEach(([title, units, status], i) => {
		const id = add(title, units, proposed(i));
		done(changeStatus('measure', id, 'recommended', null, projectGroupId, recommendedAt));
		done(changeStatus('measure', id, 'adopted', null, steeringId, decidedAt));
		if (status === 'in_progress') {
			done(changeStatus('measure', id, 'in_progress', null, projectGroupId, cal.at(-11, 1 + i)));
		}
	});
	RECOMMENDED.forEach(([title, outcome], i) => {
		const id = add(title, [], proposed(ADOPTED.length + i));
		done(changeStatus('measure', id, 'recommended', null, projectGroupId, recommendedAt));
		if (outcome === 'rejected') {
			done(changeStatus('measure', id, 'rejected', REJECT_REASON, steeringId, decidedAt));
		} else if (outcome === 'returned') {
			done(changeStatus('measure', id, 'proposed', RETURN_REASON, steeringId, decidedAt));
		}
	});
	PROPOSED_ONLY.forEach((title, i) => {
		add(title, [], proposed(ADOPTED.length + RECOMMENDED.length + i));
	});
}
