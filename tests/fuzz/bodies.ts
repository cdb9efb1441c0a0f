/**
 * For each form action, a body a person could have posted from the page, naming rows of the
 * seed: the fuzz test mutates these, so that most generated bodies get past the first checks
 * and reach the deep paths (the write, its existence checks, the audit row).
 *
 * Field names follow the action's zod schema (src/lib/schemas/*, or the schema in the route).
 * Every action must be listed: the fuzz test fails for an action without a seed body.
 */
import { TEST_PASSWORD } from '../factories';
import { FUZZ_ISSUER, FUZZ_SUBJECT, type Seed } from './seed';

export type Body = Record<string, string | string[]>;

/** The params of a page of one row, e.g. `/gevinster/[id=id]`. */
const idParam = (id: number) => ({ id: String(id) });

/** The params of one occurrence of the seed's task in unit A, in the given month. */
const occurrenceParams = (ids: Seed['ids'], period: string) => ({
	task: String(ids.taskId),
	unit: String(ids.unitA),
	period
});

/** Route params per route id; a route with params that is not listed here fails the test. */
export function routeParams(seed: Seed): Record<string, Record<string, string>> {
	const { ids } = seed;
	return {
		'/(app)/admin/brukere/[id=id]': idParam(ids.viewerId),
		'/(app)/portefolje/prosjekter/[id=id]': idParam(ids.projectId),
		'/(app)/portefolje/tiltak/[id=id]': idParam(ids.measureId),
		'/(app)/portefolje/spor/[id=id]': idParam(ids.trackId),
		'/(app)/arshjul/maler/[id=id]': idParam(ids.wheelId),
		'/(app)/arshjul/maler/[id=id]/import': idParam(ids.wheelId),
		'/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period]': occurrenceParams(
			ids,
			'2026-10'
		),
		'/(app)/gevinster/[id=id]': idParam(ids.benefitId),
		'/(app)/gevinster/prosjekt/[id=id]': idParam(ids.projectId),
		'/(app)/rapporter/[id=id]': idParam(ids.reportId),
		'/(app)/internkontroll/avvik/[id=id]': idParam(ids.deviationId),
		'/(app)/internkontroll/tilsyn/[id=id]': idParam(ids.tilsynId)
	};
}

/**
 * Params for one action where the route's would not reach its write: deleting needs a row
 * nothing points at, reopening needs a signed month.
 */
export function actionParams(seed: Seed): Record<string, Record<string, string>> {
	const { ids } = seed;
	return {
		'/(app)/portefolje/spor/[id=id] delete': idParam(ids.bareTrackId),
		'/(app)/portefolje/prosjekter/[id=id] delete': idParam(ids.bareProjectId),
		'/(app)/portefolje/tiltak/[id=id] delete': idParam(ids.bareMeasureId),
		'/(app)/gevinster/[id=id] delete': idParam(ids.bareBenefitId),
		'/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period] reopen': occurrenceParams(
			ids,
			'2026-09'
		),
		'/(app)/internkontroll/avvik/[id=id] reopen': idParam(ids.closedDeviationId),
		'/(app)/gevinster/[id=id] requestPlan': idParam(ids.frozenBenefitId),
		'/(app)/gevinster/[id=id] decidePlan': idParam(ids.waitingBenefitId),
		'/(app)/gevinster/[id=id] attest': idParam(ids.ownedBenefitId),
		'/(app)/gevinster/[id=id] validate': idParam(ids.ownedBenefitId)
	};
}

/** Query strings a route needs to reach its action (a one-time link's token). */
export function routeQuery(seed: Seed): Record<string, Record<string, string>> {
	return { '/(auth)/passord': { token: seed.linkToken } };
}

const NEW_PASSWORD = 'et-helt-nytt-passord-123';

export function validBodies(seed: Seed): Record<string, Body> {
	const { ids, versions } = seed;
	const s = (n: number) => String(n);
	const benefit = {
		title: 'Spart tid for familien',
		description: '',
		level: 'bruker',
		kind: 'kvantitativ',
		unit: 'kr',
		beneficiary: 'familie',
		beneficiaryOther: '',
		qualityDimensions: ['samordnet'],
		ownerId: s(ids.leaderId),
		indicator: 'Kroner spart per familie',
		measurement: 'Brukerhistorier',
		takeout: 'frigjort_tid'
	};
	const deviation = {
		title: 'Medisinlisten var ikke oppdatert',
		description: '',
		severity: 'high',
		immediateAction: 'Rettet',
		correctiveAction: 'Opplæring',
		responsibleId: s(ids.leaderId),
		deadline: '2026-12-01'
	};
	const tilsyn = {
		authority: 'Arbeidstilsynet',
		theme: 'Arbeidsmiljø',
		description: '',
		startDate: '2026-10-01',
		preliminaryReportDate: '',
		finalReportDate: '',
		followUpDeadline: '2026-12-31',
		status: 'open',
		unitIds: [s(ids.unitA)]
	};
	const risk = {
		title: 'Forsinket leveranse',
		description: '',
		likelihood: '3',
		consequence: '4',
		area: 'delivery',
		mitigation: '',
		ownerId: s(ids.leaderId),
		status: 'open'
	};
	const report = { period: '2026-10', rag: 'green', narrative: 'Går etter planen.' };
	const project = {
		title: 'Digital skolestart',
		description: '',
		ownerId: s(ids.leaderId),
		startDate: '2026-01-01',
		endDate: '2027-06-30',
		trackIds: [s(ids.trackId)],
		levels: ['user', 'service']
	};
	const measure = {
		projectId: s(ids.projectId),
		title: 'Felles innsøking',
		description: '',
		unitIds: [s(ids.unitA)],
		ownerId: s(ids.leaderId),
		startDate: '',
		endDate: ''
	};
	const track = {
		title: 'Brukermedvirkning',
		problemStatement: 'Manglende brukermedvirkning',
		barriers: '',
		expectedEffectUser: '',
		expectedEffectService: '',
		expectedEffectSystem: '',
		ownerId: s(ids.leaderId)
	};
	const task = {
		title: 'Internkontroll',
		description: '',
		responsibleRole: 'Avdelingsleder',
		storedIn: 'Compilo',
		reference: '',
		scheduleKind: 'months',
		months: ['3', '9'],
		dueDay: '15'
	};
	const line = {
		description: 'Spart tid',
		amountPerCase: '1 000',
		cases: '12',
		sharePercent: '12,5'
	};
	const goal = { level: 'user', title: 'Bedre skolestart', indicator: 'Andel fornøyde' };
	const signOff = { comment: 'Gjort', storedIn: 'Compilo', link: 'https://compilo.example/1' };

	const projectItem = '/(app)/portefolje/prosjekter/[id=id]';
	const measureItem = '/(app)/portefolje/tiltak/[id=id]';
	const trackItem = '/(app)/portefolje/spor/[id=id]';
	const userItem = '/(app)/admin/brukere/[id=id]';
	const units = '/(app)/admin/enheter';
	const wheelItem = '/(app)/arshjul/maler/[id=id]';
	const benefitItem = '/(app)/gevinster/[id=id]';
	const benefitMap = '/(app)/gevinster/prosjekt/[id=id]';
	const mission = '/(app)/portefolje/misjon';

	return {
		'/(auth)/login default': { email: seed.leaderEmail, password: TEST_PASSWORD },
		'/(auth)/setup default': {
			name: 'Første Admin',
			email: 'forste@test.no',
			password: NEW_PASSWORD,
			confirm: NEW_PASSWORD,
			token: 'ugyldig'
		},
		'/(auth)/passord default': { password: NEW_PASSWORD, confirm: NEW_PASSWORD },
		'/(app)/konto/api createToken': {
			name: 'Økonomisystemet',
			scope: 'write',
			expiresOn: '2027-03-31'
		},
		'/(app)/konto/api revokeToken': { tokenId: s(ids.apiTokenId) },
		'/(app)/konto/passord default': {
			current: TEST_PASSWORD,
			password: NEW_PASSWORD,
			confirm: NEW_PASSWORD
		},
		'/(app)/konto language': { locale: 'nn' },
		'/(auth)/sprak default': { locale: 'en', redirectTo: '/login' },
		'/(app)/logout default': {},
		'/(app)/admin/logg verify': {},
		'/(app)/rapporter freeze': {
			kind: 'gevinstrealiseringsplan',
			prosjekt: s(ids.projectId),
			periodFrom: '2026-09-01',
			periodTo: '2026-12-31',
			meetingDate: '2026-11-26'
		},
		'/(app)/rapporter/[id=id] approve': { version: '0' },
		'/(app)/internkontroll/arsrapport assessment': {
			field: 'internal_control',
			body: 'Internkontrollen er tilfredsstillende.',
			version: '0'
		},
		'/(app)/internkontroll/arsrapport freeze': { meetingDate: '2027-02-10' },

		'/(app)/admin/brukere create': {
			name: 'Ny Bruker',
			email: 'ny-bruker@test.no',
			credential: 'link'
		},
		[`${userItem} rename`]: { name: 'Nytt Navn', version: s(versions.user) },
		[`${userItem} deactivate`]: {},
		[`${userItem} activate`]: {},
		[`${userItem} resetPassword`]: { credential: 'link' },
		[`${userItem} addRole`]: { role: 'unit_leader', unitId: s(ids.unitB) },
		[`${userItem} removeRole`]: { assignmentId: s(ids.viewerRoleId) },
		[`${userItem} unlinkIdentity`]: { issuer: FUZZ_ISSUER, subject: FUZZ_SUBJECT, confirm: 'on' },

		[`${units} create`]: { name: 'Ny enhet', parentId: s(ids.unitA) },
		[`${units} rename`]: { unitId: s(ids.unitB), name: 'Nytt navn', version: s(versions.unitB) },
		[`${units} move`]: { unitId: s(ids.unitB), parentId: '', version: s(versions.unitB) },
		[`${units} archive`]: { unitId: s(ids.unitB) },
		[`${units} restore`]: { unitId: s(ids.unitArchived) },

		[`${mission} mission`]: {
			grandChallenge: 'Sammenhengende tjenester',
			statement: 'Innen 2027 skal alle familier oppleve helhetlige tjenester.',
			baselineYear: '2021',
			targetYear: '2027',
			version: s(versions.mission)
		},
		[`${mission} addGoal`]: goal,
		[`${mission} updateGoal`]: { ...goal, goalId: s(ids.goalId), version: s(versions.goal) },
		[`${mission} archiveGoal`]: { goalId: s(ids.goalId) },

		'/(app)/portefolje/spor/ny default': { ...track, code: '9C' },
		[`${trackItem} update`]: { ...track, code: '1B', version: s(versions.track) },
		[`${trackItem} status`]: { to: 'recommended', reason: '' },
		[`${trackItem} prioritise`]: { prioritised: 'yes' },
		[`${trackItem} archive`]: {},
		[`${trackItem} restore`]: {},
		[`${trackItem} delete`]: {},

		'/(app)/portefolje/prosjekter/ny default': project,
		[`${projectItem} update`]: { ...project, version: s(versions.project) },
		[`${projectItem} status`]: { to: 'recommended', reason: '' },
		[`${projectItem} report`]: report,
		[`${projectItem} score`]: {
			score_user: '4',
			justification_user: 'Stor nytte for familier',
			version: s(versions.scores)
		},
		[`${projectItem} addRisk`]: risk,
		[`${projectItem} updateRisk`]: {
			...risk,
			riskId: s(ids.projectRiskId),
			version: s(versions.projectRisk)
		},
		[`${projectItem} archive`]: {},
		[`${projectItem} restore`]: {},
		[`${projectItem} delete`]: {},

		'/(app)/portefolje/tiltak/ny default': measure,
		[`${measureItem} update`]: { ...measure, version: s(versions.measure) },
		[`${measureItem} status`]: { to: 'recommended', reason: '' },
		[`${measureItem} report`]: report,
		[`${measureItem} addRisk`]: risk,
		[`${measureItem} updateRisk`]: {
			...risk,
			riskId: s(ids.measureRiskId),
			version: s(versions.measureRisk)
		},
		[`${measureItem} archive`]: {},
		[`${measureItem} restore`]: {},
		[`${measureItem} delete`]: {},

		'/(app)/arshjul/maler create': {
			name: 'Nytt årshjul',
			description: '',
			ownerUnitId: s(ids.unitA)
		},
		[`${wheelItem} updateWheel`]: {
			name: 'Årshjul',
			description: 'Internkontroll',
			ownerUnitId: s(ids.unitA),
			version: s(versions.wheel)
		},
		[`${wheelItem} addTask`]: task,
		[`${wheelItem} updateTask`]: { ...task, taskId: s(ids.taskId), version: s(versions.task) },
		[`${wheelItem} archiveTask`]: { taskId: s(ids.taskId) },
		[`${wheelItem}/import upload`]: {
			tekst: 'Oppgave;Ansvar;Lagres;Når\nHMS-dag;Leder;Compilo;april\n'
		},
		[`${wheelItem}/import map`]: {
			fil: seed.staged.wheel.token,
			'column.title': '0',
			'column.responsibleRole': '1',
			'column.storedIn': '2',
			'column.schedule': '3'
		},
		[`${wheelItem}/import commit`]: {
			fil: seed.staged.wheel.token,
			digest: seed.staged.wheel.digest
		},
		'/(app)/portefolje/import upload': {
			tekst: 'Kode;Spor;Problemformulering\n8Y;Nytt spor;Et problem\n'
		},
		'/(app)/portefolje/import map': {
			fil: seed.staged.portfolio.token,
			'column.tracks.code': '0',
			'column.tracks.title': '1',
			'column.tracks.problemStatement': '2'
		},
		'/(app)/portefolje/import commit': {
			fil: seed.staged.portfolio.token,
			digest: seed.staged.portfolio.digest
		},
		'/(app)/gevinster/import upload': {
			tekst:
				'Tittel;Prosjekt;Nivå;Type;Uttak;Mottaker\nNy gevinst;Finnes ikke;System;Kvalitativ;;\n'
		},
		'/(app)/gevinster/import map': {
			fil: seed.staged.benefits.token,
			'column.benefits.title': '0',
			'column.benefits.project': '1',
			'column.benefits.level': '2',
			'column.benefits.kind': '3',
			'column.benefits.takeout': '4',
			'column.benefits.beneficiary': '5'
		},
		'/(app)/gevinster/import commit': {
			fil: seed.staged.benefits.token,
			digest: seed.staged.benefits.digest
		},
		'/(app)/gevinster/import/realiseringer upload': {
			tekst: 'Gevinst;Måned;Verdi\nAttesteres;2026-08;70\n'
		},
		'/(app)/gevinster/import/realiseringer map': {
			fil: seed.staged.realisations.token,
			'column.realisations.benefit': '0',
			'column.realisations.period': '1',
			'column.realisations.value': '2'
		},
		'/(app)/gevinster/import/realiseringer commit': {
			fil: seed.staged.realisations.token,
			digest: seed.staged.realisations.digest
		},
		[`${wheelItem} assign`]: { unitId: s(ids.unitB), includeChildUnits: 'on' },
		[`${wheelItem} unassign`]: { assignmentId: s(ids.assignmentId) },
		'/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period] sign': signOff,
		'/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period] reopen': {
			reason: 'Feil dokument'
		},
		'/(app)/arshjul/mine sign': {
			...signOff,
			taskId: s(ids.taskId),
			unitId: s(ids.unitA),
			period: '2026-10'
		},
		'/(app)/arshjul/forekomst/[task=id]/[unit=id]/[period=period] recordDeviation': deviation,
		[`${wheelItem} linkRisk`]: { taskId: s(ids.taskId), riskId: s(ids.measureRiskId) },
		[`${wheelItem} unlinkRisk`]: { taskId: s(ids.taskId), riskId: s(ids.projectRiskId) },
		'/(app)/internkontroll/avvik/ny create': { ...deviation, unitId: s(ids.unitA), findingId: '' },
		'/(app)/internkontroll/avvik/[id=id] update': { ...deviation, version: s(versions.deviation) },
		'/(app)/internkontroll/avvik/[id=id] close': {
			closingNote: 'Rutinen er gjennomgått',
			version: s(versions.deviation)
		},
		'/(app)/internkontroll/avvik/[id=id] reopen': {
			reason: 'Skjedde igjen',
			version: s(versions.closedDeviation)
		},
		'/(app)/internkontroll/tilsyn/ny create': tilsyn,
		'/(app)/internkontroll/tilsyn/[id=id] update': { ...tilsyn, version: s(versions.tilsyn) },
		'/(app)/internkontroll/tilsyn/[id=id] addFinding': { kind: 'remark', text: 'Merknad' },
		'/(app)/internkontroll/tilsyn/[id=id] findingStatus': {
			findingId: s(ids.findingId),
			status: 'closed'
		},
		'/(app)/arshjul/kalender create': {},
		'/(app)/arshjul/kalender revoke': {},
		'/(app)/varsler read': { noticeId: s(ids.noticeId) },
		'/(app)/styring/moter create': { date: '2026-12-17', title: 'Nytt møte', location: 'Rådhuset' },
		'/(app)/styring/moter update': {
			id: s(ids.meetingId),
			version: '0',
			date: '2026-12-11',
			title: 'Flyttet møte',
			location: ''
		},
		'/(app)/styring/moter delete': { id: s(ids.meetingId), version: '0' },
		'/(app)/varsler readAll': {},

		[`${benefitItem} update`]: { ...benefit, version: s(versions.benefit) },
		[`${benefitItem} delete`]: {},
		[`${benefitItem} addLine`]: line,
		[`${benefitItem} updateLine`]: { ...line, lineId: s(ids.lineId), version: s(versions.line) },
		[`${benefitItem} deleteLine`]: { lineId: s(ids.lineId) },
		[`${benefitItem} plan`]: {
			baselineValue: '100',
			baselineDate: '2026-01-01',
			baselineMethod: 'Telling',
			// Above the baseline: the benefit is «higher is better» (a target below it is refused).
			targetValue: '500',
			targetDate: '2027-12-31',
			version: s(versions.benefit)
		},
		[`${benefitItem} timing`]: {
			startMeasureId: s(ids.measureId),
			startMeasureStatus: 'completed',
			version: s(versions.benefit)
		},
		[`${benefitItem} freezePlan`]: {
			baselineSource: 'Fagsystemet',
			evidenceUrl: 'https://arkiv.example/nullpunkt',
			version: s(versions.benefit)
		},
		[`${benefitItem} requestPlan`]: {
			baselineValue: '100',
			baselineDate: '2026-01-01',
			baselineMethod: 'Telling',
			baselineSource: 'Fagsystemet',
			evidenceUrl: '',
			targetValue: '700',
			targetDate: '2027-12-31',
			plan: '2027-01: 300',
			reason: 'Nytt mål etter ny måling'
		},
		[`${benefitItem} decidePlan`]: {
			requestId: s(ids.planRequestId),
			decision: 'approve',
			note: 'Godkjent i møtet',
			version: s(versions.planRequest)
		},
		[`${benefitItem} attest`]: { realisationId: s(ids.ownedRealisationId), period: '2026-10' },
		[`${benefitItem} validate`]: {
			realisationId: s(ids.attestedRealisationId),
			period: '2026-11'
		},
		[`${benefitItem} forecast`]: { period: '2027-03', value: '400' },
		[`${benefitItem} planPeriod`]: { period: '2026-07', value: '250' },
		[`${benefitItem} deletePlanPeriod`]: { periodId: s(ids.plannedPeriodId) },
		// A correction: of the seeded registration, so of its month.
		[`${benefitItem} logRealisation`]: {
			period: '2026-06',
			value: '175',
			comment: 'Målt i oktober',
			evidence: 'https://arkiv.example/1',
			supersedesId: s(ids.realisationId)
		},
		[`${benefitItem} followUp`]: {
			period: '2026-07',
			cause: 'Forsinket innføring',
			correctiveMeasure: 'Ekstra opplæring'
		},

		[`${benefitMap} addChange`]: { title: 'Ny rutine', description: 'Felles skjema' },
		[`${benefitMap} addBenefit`]: benefit,
		[`${benefitMap} addLink`]: {
			from: `change:${ids.changeId}`,
			to: `benefit:${ids.benefitId}`
		},
		[`${benefitMap} deleteLink`]: { linkId: s(ids.linkId) },
		[`${benefitMap} updateChange`]: {
			changeId: s(ids.changeId),
			title: 'Ny arbeidsflyt',
			description: 'Endret',
			version: s(versions.change)
		},
		[`${benefitMap} deleteChange`]: { changeId: s(ids.changeId) },

		'/(app)/gevinster/innstillinger save': {
			hourlyRate: '700',
			behindMarginPercent: '10',
			version: s(versions.mission)
		}
	};
}

/** Ids of the seed that a form could name: the fuzz test swaps them between fields. */
export function seedIds(seed: Seed): string[] {
	return [...new Set(Object.values(seed.ids))].map(String);
}
