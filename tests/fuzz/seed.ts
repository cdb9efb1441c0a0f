import { confirmRealisation } from '$lib/server/db/queries/benefits-attestation';
import { freezeReport } from '$lib/server/db/queries/reports';
import { db } from '$lib/server/db';
/**
 * A small installation for the form-action fuzz test: one of each thing a form can point at,
 * so that a well-formed body reaches the write. Everything is written through the app's own
 * query verbs, like the other factories.
 */
import { makeUnit, makeUser, signIn, type Signed } from '../factories';
import { logGain, makeBenefit, makeMission, makeProject, planBenefit } from '../factories/benefits';
import { makeMeasure, makeRisk, makeTrack } from '../factories/portfolio';
import { makeWheel } from '../factories/wheel';
import { setUnitArchived } from '$lib/server/db/queries/units';
import { createUser, listRolesOfUser } from '$lib/server/db/queries/users';
import { signInWithSso } from '$lib/server/db/queries/oidc';
import { createChange } from '$lib/server/db/queries/benefits';
import { createLink } from '$lib/server/db/queries/benefits-links';
import { addEstimateLine, setPlannedPeriod } from '$lib/server/db/queries/benefits-gains';
import { signOccurrence } from '$lib/server/db/queries/wheel-occurrences';
import { getWheel, listWheelAssignments } from '$lib/server/db/queries/wheel';
import {
	benefitsTarget,
	portfolioTarget,
	realisationsTarget,
	uploadImport,
	wheelTasksTarget
} from '$lib/server/imports/actions';
import { importPage } from '$lib/server/imports/views';
import { isRedirect } from '@sveltejs/kit';
import { getProjectById } from '$lib/server/db/queries/projects';
import type { Target } from '$lib/server/imports/target';
import { getMeasureById } from '$lib/server/db/queries/measures';
import { getTrackById } from '$lib/server/db/queries/tracks';
import { getRiskById } from '$lib/server/db/queries/risks';
import { getMission } from '$lib/server/db/queries/mission';
import { issueCredentials } from '$lib/server/auth/credentials';
import { closeDeviation, createDeviation } from '$lib/server/db/queries/deviations';
import { addFinding, createTilsyn } from '$lib/server/db/queries/tilsyn';
import { linkRiskControl } from '$lib/server/db/queries/risk-control';
import { insertNotices } from '$lib/server/db/queries/notices';
import { createMeeting } from '$lib/server/db/queries/governance';
import { freezePlan, requestPlanChange } from '$lib/server/db/queries/benefits-plan';
import { insertApiToken } from '$lib/server/db/queries/api-tokens';

/**
 * Spreadsheets the admin has staged (through the upload itself) for the wheel, the portfolio,
 * benefits and realised values, so the imports' mapping and commit forms have a file to name,
 * and the digest each preview showed.
 */
async function stageImports(admin: Signed, wheelId: number, projectId: number) {
	const wheelPath = `/arshjul/maler/${wheelId}/import`;
	const wheel = wheelTasksTarget({ user: admin.user, wheel: getWheel(wheelId)! }, wheelPath);
	const portfolio = portfolioTarget(admin.user, '/portefolje/import');
	const benefits = benefitsTarget(admin.user, '/gevinster/import');
	const realisations = realisationsTarget(admin.user, '/gevinster/import/realiseringer', NOW);
	const project = getProjectById(projectId)!.title;
	const stage = async (target: Target, text: string) => {
		const body = new FormData();
		body.set('tekst', text);
		let token = '';
		const url = `http://localhost${target.path}`;
		try {
			await uploadImport(target, new Request(url, { method: 'POST', body }), NOW);
		} catch (e) {
			if (!isRedirect(e)) throw e;
			token = new URL(e.location, 'http://localhost').searchParams.get('fil') ?? '';
		}
		const page = importPage(target, new URL(`${url}?fil=${token}`), NOW);
		return { token, digest: page.staged?.preview?.digest ?? '' };
	};
	return {
		wheel: await stage(wheel, 'Oppgave;Ansvar;Lagres;Når\nFuzz-import;Leder;Compilo;mars\n'),
		portfolio: await stage(portfolio, 'Kode;Spor;Problemformulering\n9Z;Fuzz-spor;Et problem\n'),
		benefits: await stage(
			benefits,
			`Tittel;Prosjekt;Nivå;Type;Uttak;Mottaker\nFuzz-gevinst;${project};Tjeneste;Kvalitativ;Budsjettkutt;Stat\n`
		),
		realisations: await stage(realisations, 'Gevinst;Måned;Verdi\nAttesteres;2026-09;85\n')
	};
}

/** The viewer's identity at an identity provider (for «Koble fra» on the user's page). */
export const FUZZ_ISSUER = 'https://login.fuzz.test.no/';
export const FUZZ_SUBJECT = 'fuzz-leser-sub';

/** The request time of every fuzzed action; the seed's periods are chosen around it. */
export const NOW = new Date('2026-11-16T10:00:00Z');

/** The seed's benefit plans: 100 at the start of 2026, 500 by the end of 2027. */
const FROM_100_TO_500 = { baseline: 100, target: 500, targetDate: '2027-12-31', method: 'Telling' };

function ok<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

export async function seedInstallation() {
	const unitA = makeUnit('Fuzz enhet A');
	const unitB = makeUnit('Fuzz enhet B', unitA);
	const unitArchived = makeUnit('Fuzz arkivert enhet');

	const adminId = await makeUser([{ role: 'admin' }], { email: 'fuzz-admin@test.no' });
	ok(setUnitArchived(unitArchived, true, adminId, NOW));
	// A programme leader who owns the portfolio rows below and leads unit A (the wheel's owner).
	const leaderId = await makeUser(
		[{ role: 'programme_leader' }, { role: 'unit_leader', unitId: unitA }],
		{ email: 'fuzz-leder@test.no' }
	);
	const steeringId = await makeUser([{ role: 'steering' }], { email: 'fuzz-styring@test.no' });
	const viewerId = await makeUser([{ role: 'viewer' }], { email: 'fuzz-leser@test.no' });
	const viewerRoleId = listRolesOfUser(viewerId)[0]!.id;
	// The viewer has signed in once through an identity provider, so an administrator can
	// unlink that identity on the user's page.
	ok(
		signInWithSso(
			{
				email: 'fuzz-leser@test.no',
				name: 'Fuzz Leser',
				roles: [],
				mapping: [],
				issuer: FUZZ_ISSUER,
				subject: FUZZ_SUBJECT,
				provision: false
			},
			NOW
		)
	);

	// A user with a set-password link, for the public /passord page.
	const link = await issueCredentials('link', NOW);
	ok(
		createUser(
			{
				name: 'Fuzz Lenke',
				email: 'fuzz-lenke@test.no',
				passwordHash: null,
				mustChangePassword: false,
				passwordLink: link.passwordLink
			},
			null,
			NOW
		)
	);
	const linkToken = 'linkPath' in link.shown ? link.shown.linkPath.split('token=')[1]! : '';

	const { goals, tracks } = makeMission(leaderId);
	const { projectId, measureIds } = makeProject(leaderId, [tracks[0]!]);
	const measureId = measureIds[0]!;
	const otherProjectId = makeProject(adminId, [tracks[1]!], 0).projectId;
	// Rows nothing points at, so that deleting them can succeed.
	const bareTrackId = makeTrack(leaderId);
	const bareProjectId = makeProject(leaderId, [tracks[0]!], 0).projectId;
	const bareMeasureId = makeMeasure(projectId, leaderId);
	const projectRiskId = makeRisk({ projectId }, leaderId);
	const measureRiskId = makeRisk({ measureId }, leaderId);

	const benefitId = makeBenefit(projectId, { ownerId: leaderId }, leaderId);
	const bareBenefitId = makeBenefit(projectId, { title: 'Uten realisering' }, leaderId);
	planBenefit(benefitId, FROM_100_TO_500, leaderId, NOW);
	const lineId = ok(
		addEstimateLine(
			benefitId,
			{ description: 'Spart tid', amountPerCase: 1000, cases: 10, sharePercent: 50 },
			leaderId,
			NOW
		)
	);
	const plannedPeriodId = ok(
		setPlannedPeriod(benefitId, { period: '2026-06', value: 200 }, leaderId, NOW)
	);
	const realisationId = logGain(benefitId, '2026-06', 150, leaderId, NOW);
	// Plan versions: a frozen plan (a change can be asked for), and one with a request waiting
	// that the leader asked for (an admin may decide it: not their own request).
	const planned = (title: string) => {
		const id = makeBenefit(projectId, { title }, leaderId);
		planBenefit(id, FROM_100_TO_500, leaderId, NOW);
		ok(
			freezePlan(
				id,
				{ baselineSource: 'Fagsystem', version: versionOf('benefit', id) },
				{ url: '', file: null },
				leaderId,
				NOW
			)
		);
		return id;
	};
	const frozenBenefitId = planned('Fryst plan');
	const waitingBenefitId = planned('Endring venter');
	const planRequestId = ok(
		requestPlanChange(
			waitingBenefitId,
			{
				baselineValue: 100,
				baselineDate: '2026-01-01',
				baselineMethod: 'Telling',
				baselineSource: 'Fagsystem',
				targetValue: 600,
				targetDate: '2027-12-31',
				plan: [],
				reason: 'Nytt grunnlag'
			},
			{ url: '', file: null },
			leaderId,
			NOW
		)
	);
	// A kroner benefit the admin owns and validates, with October logged by the leader: the
	// admin may attest it and validate it (the value is not the admin's own).
	const ownedBenefitId = makeBenefit(
		projectId,
		{ title: 'Attesteres', ownerId: adminId, validatorId: adminId },
		leaderId
	);
	const ownedRealisationId = logGain(ownedBenefitId, '2026-10', 90, leaderId, NOW);
	// November, logged by the leader and attested by the owner: ready for the validator, who
	// may validate only what the owner has attested.
	const attestedRealisationId = logGain(ownedBenefitId, '2026-11', 80, leaderId, NOW);
	ok(
		confirmRealisation(
			ownedBenefitId,
			{
				realisationId: attestedRealisationId,
				kind: 'attest',
				period: '2026-11',
				statement: 'Jeg bekrefter at dette er målt verdi for november 2026'
			},
			adminId,
			NOW
		)
	);
	const changeId = ok(
		createChange(projectId, { title: 'Ny arbeidsflyt', description: '' }, leaderId, NOW)
	);
	const linkId = ok(
		createLink(
			projectId,
			{ fromKind: 'measure', fromId: measureId, toKind: 'change', toId: changeId },
			leaderId,
			NOW
		)
	);

	const { wheelId, taskIds } = makeWheel({ ownerUnitId: unitA, unitIds: [unitA] });
	const taskId = taskIds[0]!;
	const assignmentId = listWheelAssignments(wheelId)[0]!.id;
	// September is signed (so it can be reopened), October is open to sign.
	ok(
		signOccurrence(
			{ taskId, unitId: unitA, period: '2026-09' },
			{ comment: null, storedIn: 'Compilo', link: null },
			leaderId,
			NOW
		)
	);

	// An open deviation of unit A (edited, closed), a closed one (reopened), a tilsyn with a finding.
	const deviationFields = {
		unitId: unitA,
		source: 'incident' as const,
		taskId: null,
		period: null,
		findingId: null,
		foundOn: '2026-11-01',
		title: 'Fuzz-avvik',
		description: '',
		severity: 'medium' as const,
		immediateAction: '',
		correctiveAction: '',
		responsibleId: null,
		deadline: null
	};
	const deviationId = ok(createDeviation(deviationFields, leaderId, NOW));
	const closedDeviationId = ok(createDeviation(deviationFields, leaderId, NOW));
	ok(closeDeviation(closedDeviationId, 'Rettet', 0, leaderId, NOW));
	const tilsynId = ok(
		createTilsyn(
			{
				authority: 'Statsforvalteren',
				theme: 'Fuzz-tilsyn',
				description: '',
				startDate: null,
				preliminaryReportDate: null,
				finalReportDate: null,
				followUpDeadline: null,
				status: 'open',
				unitIds: [unitA]
			},
			adminId,
			NOW
		)
	);
	// The project risk is controlled by the task (so it can be unlinked); the measure risk is not.
	ok(linkRiskControl({ riskId: projectRiskId, taskId, wheelId }, adminId, NOW));
	const findingId = ok(addFinding(tilsynId, { kind: 'breach', text: 'Funn' }, adminId, NOW));

	// A report frozen by the programme leader, for the approval form (admins post it).
	const reportId = ok(
		freezeReport(
			{
				kind: 'gevinstrealiseringsplan',
				title: 'Fuzz-plan',
				period: { from: '2026-01-01', to: '2026-12-31' },
				scope: `project:${projectId}`,
				mediaType: 'application/pdf',
				fileName: 'fuzz-plan.pdf',
				content: new Uint8Array([37, 80, 68, 70, 45])
			},
			leaderId,
			NOW
		)
	);

	// A notice of the admin's, for «Merk som lest» (admins post the seed bodies).
	insertNotices(
		[
			{
				userId: adminId,
				kind: 'overdue',
				key: `overdue:${taskId}:${unitA}:2026-10`,
				title: 'Fuzz-varsel',
				body: '',
				href: '/varsler'
			}
		],
		NOW
	);
	const noticeId = (
		db.$client.prepare('select id from notice where user_id = ?').get(adminId) as { id: number }
	).id;

	// An API token of the admin's, for «Trekk tilbake» on /konto/api.
	const apiTokenId = ok(
		insertApiToken(
			adminId,
			{ name: 'Fuzz-token', scope: 'read', expiresOn: '2027-06-30', tokenHash: 'fuzz'.repeat(16) },
			{ today: '2026-11-16', max: 10 },
			NOW
		)
	);

	// A steering meeting, for /styring/moter's edit and delete.
	const meeting = createMeeting(
		{ date: '2026-12-10', title: 'Fuzz-møte', location: '' },
		steeringId,
		NOW
	);
	if (!meeting.ok) throw new Error(meeting.reason);
	const meetingId = meeting.value;

	const actors: Record<string, Signed | null> = {
		admin: signIn(adminId, NOW),
		leader: signIn(leaderId, NOW),
		steering: signIn(steeringId, NOW),
		viewer: signIn(viewerId, NOW),
		anonymous: null
	};

	const staged = await stageImports(actors.admin!, wheelId, projectId);

	return {
		actors,
		staged,
		ids: {
			unitA,
			unitB,
			unitArchived,
			adminId,
			leaderId,
			steeringId,
			viewerId,
			viewerRoleId,
			goalId: goals[0]!,
			trackId: tracks[0]!,
			otherTrackId: tracks[1]!,
			projectId,
			otherProjectId,
			measureId,
			projectRiskId,
			bareTrackId,
			bareProjectId,
			bareMeasureId,
			bareBenefitId,
			measureRiskId,
			benefitId,
			lineId,
			plannedPeriodId,
			realisationId,
			changeId,
			linkId,
			wheelId,
			taskId,
			assignmentId,
			reportId,
			deviationId,
			closedDeviationId,
			tilsynId,
			findingId,
			noticeId,
			meetingId,
			apiTokenId,
			frozenBenefitId,
			waitingBenefitId,
			planRequestId,
			ownedBenefitId,
			ownedRealisationId,
			attestedRealisationId
		},
		versions: {
			mission: getMission()!.version,
			track: getTrackById(tracks[0]!)!.version,
			project: getProjectById(projectId)!.version,
			measure: getMeasureById(measureId)!.version,
			projectRisk: getRiskById(projectRiskId)!.version,
			measureRisk: getRiskById(measureRiskId)!.version,
			user: versionOf('user', viewerId),
			unitB: versionOf('unit', unitB),
			goal: versionOf('effect_goal', goals[0]!),
			wheel: versionOf('wheel', wheelId),
			task: versionOf('wheel_task', taskId),
			benefit: versionOf('benefit', benefitId),
			line: versionOf('estimate_line', lineId),
			change: versionOf('benefit_change', changeId),
			scores: versionOf('project', projectId, 'scores_version'),
			deviation: versionOf('deviation', deviationId),
			closedDeviation: versionOf('deviation', closedDeviationId),
			tilsyn: versionOf('tilsyn', tilsynId),
			frozenBenefit: versionOf('benefit', frozenBenefitId),
			planRequest: versionOf('benefit_plan_version', planRequestId)
		},
		linkToken,
		leaderEmail: 'fuzz-leder@test.no'
	};
}

/** The version an edit form would carry for this row: what the page loaded. */
function versionOf(table: string, id: number, column = 'version'): number {
	const row = db.$client.prepare(`select ${column} as v from "${table}" where id = ?`).get(id) as
		{ v: number } | undefined;
	if (!row) throw new Error(`fuzz seed: no ${table} ${id}`);
	return row.v;
}

export type Seed = Awaited<ReturnType<typeof seedInstallation>>;
