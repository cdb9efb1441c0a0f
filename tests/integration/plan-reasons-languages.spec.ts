import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	actions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { load as approvalsLoad } from '../../src/routes/(app)/gevinster/godkjenning/+page.server';
import { actions as measureActions } from '../../src/routes/(app)/portefolje/tiltak/[id=id]/+page.server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeFrozenBenefit, makeMission, makeProject } from '../factories/benefits';
import { makeMeasure } from '../factories/portfolio';
import { getBenefit } from '$lib/server/db/queries/benefits';
import { listPlanVersions } from '$lib/server/db/queries/benefits-plan-reads';
import { getMeasureById } from '$lib/server/db/queries/measures';
import { withLocale } from '$lib/server/i18n';
import { db } from '$lib/server/db';
import { benefitPlanVersion } from '$lib/server/db/schema';
import type { Locale } from '$lib/paraglide/runtime';

// A plan change request's reason on the benefit page («Versjoner», the waiting request, «Når
// gevinsten starter») and on /gevinster/godkjenning: the system's reason is kept as data and
// written in each reader's language, a person's own stands as written, and the system's reason
// on a request stored before it kept the data is the bokmål it was stored in, marked so.

let leader: Signed;
let owner: Signed;
let steering: Signed;
let projectId = 0;
const NOW = new Date('2026-06-15T10:00:00Z');
const OWN = 'Flere familier enn antatt, jf. rapport fra NAV';

beforeAll(async () => {
	leader = signIn(await makeUser([{ role: 'programme_leader' }], { name: 'Per Leder' }));
	owner = signIn(await makeUser([]));
	steering = signIn(await makeUser([{ role: 'steering' }]));
	const tracks = makeMission(leader.user.id).tracks;
	projectId = makeProject(leader.user.id, tracks, 0).projectId;
});

const on = (who: Signed, path: string, form?: Record<string, string>, id?: number) =>
	makeEvent({
		signed: who,
		path,
		params: id === undefined ? {} : { id: String(id) },
		form,
		now: NOW
	}) as never;
const onBenefit = (who: Signed, id: number, form?: Record<string, string>) =>
	on(who, `/gevinster/${id}`, form, id);

async function ok(write: () => unknown) {
	expect(await outcome(write)).toMatchObject({ kind: 'ok' });
}

/** A frozen plan: 100 000 kr in November 2026 and 300 000 kr in December. */
const frozen = (title: string) =>
	makeFrozenBenefit(
		projectId,
		{ title, ownerId: owner.user.id },
		{
			actorId: leader.user.id,
			target: { value: 300_000, date: '2026-12-31' },
			periods: [
				{ period: '2026-11', value: 100_000 },
				{ period: '2026-12', value: 300_000 }
			]
		}
	);

/** Saves the measure's dates through its edit form, as the programme leader would. */
async function measureDates(id: number, startDate: string, endDate: string) {
	const m = getMeasureById(id)!;
	const form = {
		projectId: String(m.projectId),
		title: m.title,
		description: '',
		ownerId: String(m.ownerId),
		startDate,
		endDate,
		version: String(m.version)
	};
	await ok(() => measureActions.update!(on(leader, `/portefolje/tiltak/${id}`, form, id) as never));
}

/** Ties the benefit's start to the measure reaching `adopted`, by the timing form. */
async function tieTo(id: number, measureId: number) {
	const tie = {
		startMeasureId: String(measureId),
		startMeasureStatus: 'adopted',
		version: String(getBenefit(id)!.version)
	};
	await ok(() => actions.timing!(onBenefit(leader, id, tie)));
}

/** The programme leader's request for a higher target, with their own reason. */
const requestHigherTarget = (id: number) =>
	ok(() =>
		actions.requestPlan!(
			onBenefit(leader, id, {
				baselineValue: '0',
				baselineDate: '2026-01-01',
				baselineMethod: 'Regnskap',
				baselineSource: 'Regnskapsrapport',
				evidenceUrl: '',
				targetValue: '400000',
				targetDate: '2026-12-31',
				plan: '2026-11: 100000\n2026-12: 300000',
				reason: OWN
			})
		)
	);

const waitingOf = (id: number) => listPlanVersions(id).find((v) => v.status === 'requested')!;

interface Said {
	reason: string;
	reasonInBokmaal: boolean;
	requestedBy: string | null;
}
type Page = {
	planVersions: { versions: (Said & { id: number })[]; waiting: Said | null };
	timing: { waiting: { reason: string; reasonInBokmaal: boolean } | null };
};

/** What each place says of the waiting request's reason, read in `locale`. */
async function readIn(locale: Locale, id: number) {
	const page = (await withLocale(locale, () => benefitLoad(onBenefit(steering, id)))) as Page;
	const list = (await withLocale(locale, () =>
		approvalsLoad(on(steering, '/gevinster/godkjenning'))
	)) as { requests: (Said & { benefitId: number })[] };
	const waiting = page.planVersions.waiting!;
	const pick = ({ reason, reasonInBokmaal }: Omit<Said, 'requestedBy'>) => ({
		reason,
		reasonInBokmaal
	});
	const row = list.requests.find((r) => r.benefitId === id)!;
	expect(page.planVersions.versions.map((v) => v.id)).toContain(waitingOf(id).id);
	// The same words in all four places.
	const said = pick(waiting);
	expect(pick(page.planVersions.versions.find((v) => v.id === waitingOf(id).id)!)).toEqual(said);
	expect(pick(page.timing.waiting!)).toEqual(said);
	expect(pick(row)).toEqual(said);
	expect(row.requestedBy).toBe(waiting.requestedBy);
	expect(row).not.toHaveProperty('reasonParams');
	return { ...said, requestedBy: waiting.requestedBy };
}

describe('a plan request’s reason in the reader’s language', () => {
	let slipped = 0;
	let rejected = 0;

	beforeAll(async () => {
		// A measure due in March is still «Forslag» in June: the frozen plan should move.
		const measureId = makeMeasure(projectId, leader.user.id);
		await measureDates(measureId, '2026-03-01', '2026-12-01');
		slipped = frozen('Færre timer');
		await tieTo(slipped, measureId);
		await measureDates(measureId, '2026-06-01', '2026-12-01');

		// A person's request waits while the measure slips two months; it is rejected, and the
		// system asks for the move by itself.
		const later = makeMeasure(projectId, leader.user.id);
		await measureDates(later, '2026-03-01', '2026-12-01');
		rejected = frozen('Færre purringer');
		await tieTo(rejected, later);
		await requestHigherTarget(rejected);
		await measureDates(later, '2026-05-01', '2026-12-01');
		const first = waitingOf(rejected);
		await ok(() =>
			actions.decidePlan!(
				onBenefit(steering, rejected, {
					requestId: String(first.id),
					decision: 'reject',
					note: '',
					version: String(first.version)
				})
			)
		);
	});

	it('stores the system’s reason in bokmål and as data', () => {
		expect(waitingOf(slipped)).toMatchObject({
			reason: expect.stringContaining('er forsinket fra mars 2026 til juni 2026'),
			reasonParams: { kind: 'slip', months: 3, from: '2026-03', to: '2026-06', frozen: true }
		});
		expect(waitingOf(rejected)).toMatchObject({
			reasonParams: { kind: 'rejected_delay', months: 2 }
		});
	});

	it('a measure’s slip: bokmål as stored, nynorsk and English from the data', async () => {
		const title = getMeasureById(getBenefit(slipped)!.startMeasureId!)!.title;
		const stored = waitingOf(slipped).reason;
		expect(await readIn('nb', slipped)).toEqual({
			reason: stored,
			reasonInBokmaal: false,
			requestedBy: 'Automatisk, da Per Leder endret tiltaket'
		});
		expect(stored).toBe(
			`Tiltaket «${title}» er forsinket fra mars 2026 til juni 2026; planen bør flyttes 3 måneder senere.`
		);
		expect(await readIn('nn', slipped)).toEqual({
			reason: `Tiltaket «${title}» er forseinka frå mars 2026 til juni 2026; planen bør flyttast 3 månader seinare.`,
			reasonInBokmaal: false,
			requestedBy: 'Automatisk, då Per Leder endra tiltaket'
		});
		expect(await readIn('en', slipped)).toEqual({
			reason: `The measure “${title}” is delayed from March 2026 to June 2026; the plan should be moved 3 months later.`,
			reasonInBokmaal: false,
			requestedBy: 'Automatically, when Per Leder changed the measure'
		});
	});

	it('the request after a rejection: bokmål as stored, nynorsk and English from the data', async () => {
		const rejectedNumber = listPlanVersions(rejected).find((v) => v.status === 'rejected')!.number;
		const stored = waitingOf(rejected).reason;
		expect(stored).toBe(
			`Tiltaket ble forsinket mens versjon ${rejectedNumber} ventet, og den ble avvist; planen bør flyttes 2 måneder senere.`
		);
		expect((await readIn('nb', rejected)).reason).toBe(stored);
		expect(await readIn('nn', rejected)).toEqual({
			reason: `Tiltaket vart forseinka medan versjon ${rejectedNumber} venta, og han vart avvist; planen bør flyttast 2 månader seinare.`,
			reasonInBokmaal: false,
			requestedBy: 'Automatisk'
		});
		expect((await readIn('en', rejected)).reason).toBe(
			`The measure was delayed while version ${rejectedNumber} was waiting, and that version was rejected; the plan should be moved 2 months later.`
		);
	});

	it('a person’s own reason stands as written in all three', async () => {
		const id = frozen('Færre klager');
		await requestHigherTarget(id);
		expect(waitingOf(id)).toMatchObject({ reason: OWN, reasonParams: null });
		for (const locale of ['nb', 'nn', 'en'] as const) {
			expect(await readIn(locale, id)).toEqual({
				reason: OWN,
				reasonInBokmaal: false,
				requestedBy: 'Per Leder'
			});
		}
		// The rejected request's own reason, in the list of versions, too.
		const page = (await withLocale('en', () => benefitLoad(onBenefit(steering, rejected)))) as Page;
		expect(page.planVersions.versions.map((v) => v.reason)).toContain(OWN);
	});

	it('the system’s reason stored before it was kept as data: the bokmål, marked so', async () => {
		const id = frozen('Færre avvik');
		const measureId = makeMeasure(projectId, leader.user.id);
		await measureDates(measureId, '2026-03-01', '2026-12-01');
		await tieTo(id, measureId);
		await measureDates(measureId, '2026-05-01', '2026-12-01');
		const stored = waitingOf(id);
		// As a request made before the column was added has it.
		db.update(benefitPlanVersion)
			.set({ reasonParams: null })
			.where(eq(benefitPlanVersion.id, stored.id))
			.run();
		expect(await readIn('nb', id)).toMatchObject({ reason: stored.reason, reasonInBokmaal: true });
		expect(await readIn('en', id)).toEqual({
			reason: stored.reason,
			reasonInBokmaal: true,
			// Still told as the system's by its words (requesterWords).
			requestedBy: 'Automatically, when Per Leder changed the measure'
		});
	});
});
