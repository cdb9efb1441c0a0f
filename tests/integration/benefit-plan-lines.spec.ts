/**
 * The estimate of a frozen plan changes like the rest of it (DOMAIN.md «Benefit governance»):
 * the approved version keeps the lines it was approved with, a change request may propose new
 * lines (typed one a line in the request form), the steering group sees what would change, and
 * only its approval replaces the estimate. Lines typed as they stand are no change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	actions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { eventOn, makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeFrozenBenefit, makeMission, makeProject } from '../factories/benefits';
import { listAuditEntries } from '$lib/server/db/queries/audit';
import { listEstimateLines } from '$lib/server/db/queries/benefits-gains';
import { listPlanVersions } from '$lib/server/db/queries/benefits-plan-reads';
import { gainSums } from '$lib/server/db/queries/gain-views';
import { getBenefit } from '$lib/server/db/queries/benefits';

let leader: Signed;
let steering: Signed;
let missionId = 0;
let projectId = 0;

beforeAll(async () => {
	leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	steering = signIn(await makeUser([{ role: 'steering' }]));
	const m = makeMission(leader.user.id);
	missionId = m.missionId;
	projectId = makeProject(leader.user.id, m.tracks).projectId;
});

const post = (who: Signed, id: number, form: Record<string, string>) =>
	eventOn(who, '/gevinster', id, form) as never;

/** The steering group approves a plan request (the benefit's first request: version 0). */
const approve = (id: number, requestId: number) =>
	outcome(() =>
		actions.decidePlan!(
			post(steering, id, {
				requestId: String(requestId),
				decision: 'approve',
				note: '',
				version: '0'
			})
		)
	);

/** Porto 1 000 × 100 × 100 % = 100 000 kr and Papir 50 × 200 × 50 % = 5 000 kr, frozen. */
function frozen(title: string) {
	return makeFrozenBenefit(
		projectId,
		{ title, unit: 'kr' },
		{
			actorId: leader.user.id,
			lines: [
				{ description: 'Porto', amountPerCase: 1_000, cases: 100, sharePercent: 100 },
				{ description: 'Papir', amountPerCase: 50, cases: 200, sharePercent: 50 }
			]
		}
	);
}

const request = (lines: string, over: Record<string, string> = {}) => ({
	baselineValue: '0',
	baselineDate: '2026-01-01',
	baselineMethod: 'Regnskap',
	baselineSource: 'Regnskapsrapport',
	evidenceUrl: '',
	targetValue: '120000',
	targetDate: '2026-12-31',
	plan: '',
	lines,
	reason: 'Portoen steg',
	...over
});

const lines = (id: number) =>
	listEstimateLines([id]).map((l) => [l.description, l.amountPerCase, l.cases, l.shareHundredths]);
/** The project's kroner estimate, from the roll-ups the overview sums. */
const estimate = () =>
	gainSums({ missionId, projectId, trackId: null, level: null }).mission?.krEstimate ?? 0;
type Page = { planVersions: { requestValues: { lines: string } | null; waiting: unknown } };
const page = async (who: Signed, id: number) =>
	(await benefitLoad(
		makeEvent({ signed: who, path: `/gevinster/${id}`, params: { id: String(id) } }) as never
	)) as Page;

describe('estimate lines of a frozen plan', () => {
	it('version 1 keeps the lines it was approved with', () => {
		const id = frozen('Spart porto 1');
		const v1 = listPlanVersions(id).find((v) => v.number === 1)!;
		expect(v1.lines).toEqual([
			{ description: 'Porto', amountPerCase: 1_000, cases: 100, sharePercent: 100 },
			{ description: 'Papir', amountPerCase: 50, cases: 200, sharePercent: 50 }
		]);
	});

	it('a request proposes new lines; the estimate changes only when the steering group approves', async () => {
		const id = frozen('Spart porto 2');
		const before = estimate();
		// The form starts with the lines as they stand.
		expect((await page(leader, id)).planVersions.requestValues!.lines).toBe(
			'Porto; 1000; 100; 100\nPapir; 50; 200; 50'
		);
		const typed = 'Porto; 1 200; 100; 100\nPapir; 50; 200; 50\nKonvolutter; 2; 1000; 12,5';
		const r = await outcome(() => actions.requestPlan!(post(leader, id, request(typed))));
		expect(r).toMatchObject({ kind: 'ok' });
		// Waiting: the estimate is still 105 000 kr, and the change says what would change.
		expect(lines(id)).toEqual([
			['Porto', 1_000, 100, 10_000],
			['Papir', 50, 200, 5_000]
		]);
		expect(estimate()).toBe(before);
		const waiting = (await page(steering, id)).planVersions.waiting as {
			id: number;
			changes: { label: string; after: string }[];
		};
		const change = waiting.changes.find((c) => c.label === 'Estimatlinjer')!;
		expect(change.after).toContain('3) Konvolutter: 2 × 1\u00a0000 × 12,5 % = 250 kr');

		const ok = await approve(id, waiting.id);
		expect(ok).toMatchObject({ kind: 'ok' });
		expect(lines(id)).toEqual([
			['Porto', 1_200, 100, 10_000],
			['Papir', 50, 200, 5_000],
			['Konvolutter', 2, 1_000, 1_250]
		]);
		// 120 000 + 5 000 + 250 in place of 105 000.
		expect(estimate()).toBe(before + 20_250);
		const approvedAudit = listAuditEntries({
			entity: 'benefit_plan_version',
			entityId: String(waiting.id)
		}).rows.find((a) => a.action === 'request')!;
		expect(JSON.stringify(approvedAudit.after)).toContain('Konvolutter');
	});

	it('lines typed as they stand change nothing: the request leaves them', async () => {
		const id = frozen('Spart porto 3');
		const typed = (await page(leader, id)).planVersions.requestValues!.lines;
		const r = await outcome(() =>
			actions.requestPlan!(post(leader, id, request(typed, { targetValue: '130000' })))
		);
		expect(r).toMatchObject({ kind: 'ok' });
		const waiting = listPlanVersions(id).find((v) => v.status === 'requested')!;
		expect(waiting.lines).toBeNull();
		const view = (await page(steering, id)).planVersions.waiting as {
			changes: { label: string }[];
		};
		expect(view.changes.map((c) => c.label)).toEqual(['Mål, verdi']);
	});

	it('refuses a line it cannot read, naming the line, and keeps what was typed', async () => {
		const id = frozen('Spart porto 4');
		const typed = 'Porto; 1000; 100; 100\nPapir; femti; 200; 50';
		const r = await outcome(() => actions.requestPlan!(post(leader, id, request(typed))));
		expect(r).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				// A posted form carries line breaks as CRLF (HTML's form encoding).
				values: { lines: typed.replace(/\n/g, '\r\n') },
				errors: { lines: 'Linje 2: Skriv beløp per tilfelle som et helt tall' }
			}
		});
		const missing = await outcome(() =>
			actions.requestPlan!(post(leader, id, request('Porto 1000 100 100')))
		);
		expect(missing).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { lines: expect.stringMatching(/^Linje 1: skriv beskrivelse; beløp/) } }
		});
		expect(listPlanVersions(id).some((v) => v.status === 'requested')).toBe(false);
	});

	it('refuses lines whose sum is too large', async () => {
		const id = frozen('Spart porto 5');
		const typed = 'Porto; 1000000000000; 1000000000; 100';
		const r = await outcome(() => actions.requestPlan!(post(leader, id, request(typed))));
		expect(r).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { lines: expect.stringMatching(/^Summen av linjene blir for stor/) } }
		});
		expect(listPlanVersions(id).some((v) => v.status === 'requested')).toBe(false);
	});

	it('a request may change how the benefit is judged; left out, direction, tolerance and the mark stay', async () => {
		const id = frozen('Spart porto 6');
		// The form shows them as they stand.
		const shown = (await page(leader, id)).planVersions.requestValues as unknown as Record<
			string,
			string
		>;
		expect([shown.direction, shown.tolerancePercent, shown.disbenefit]).toEqual([
			'higher',
			'10',
			'nei'
		]);
		const r = await outcome(() =>
			actions.requestPlan!(
				post(
					leader,
					id,
					request('', { direction: 'higher', tolerancePercent: '25', disbenefit: 'nei' })
				)
			)
		);
		expect(r).toMatchObject({ kind: 'ok' });
		const waiting = listPlanVersions(id).find((v) => v.status === 'requested')!;
		expect([waiting.direction, waiting.tolerancePercent, waiting.disbenefit]).toEqual([
			null,
			25,
			null
		]);
		const view = (await page(steering, id)).planVersions.waiting as {
			changes: { label: string; before: string; after: string }[];
		};
		expect(view.changes).toEqual([
			{ field: 'tolerancePercent', label: 'Toleranse', before: '10 %', after: '25 %' }
		]);
		const ok = await approve(id, waiting.id);
		expect(ok).toMatchObject({ kind: 'ok' });
		// The history keeps it: version 2 names the tolerance, version 1 how it was first judged.
		const versions = (
			(await page(leader, id)).planVersions as unknown as {
				versions: { number: number; judgement: [string, string][]; lines: string | null }[];
			}
		).versions;
		expect(versions.find((v) => v.number === 2)).toMatchObject({
			judgement: [['Toleranse', '25 %']],
			lines: null
		});
		expect(versions.find((v) => v.number === 1)!.judgement).toEqual([
			['Retning', expect.any(String)],
			['Toleranse', '10 %'],
			['Gevinst eller ulempe', 'Nei, en gevinst']
		]);
		expect(getBenefit(id)).toMatchObject({
			tolerancePercent: 25,
			direction: 'higher',
			disbenefit: false
		});
		// A request that names none of them (another client) leaves them as they are.
		const bare = request('', { targetValue: '125000' }) as Record<string, string>;
		const again = await outcome(() => actions.requestPlan!(post(leader, id, bare)));
		expect(again).toMatchObject({ kind: 'ok' });
		const next = listPlanVersions(id).find((v) => v.status === 'requested')!;
		expect([next.direction, next.tolerancePercent, next.disbenefit]).toEqual([null, null, null]);
	});

	it('judges a requested target by the direction the request asks for', async () => {
		const id = frozen('Spart porto 7');
		// Lower is better, asked for with a target below the baseline of 0: refused only for kroner.
		const r = await outcome(() =>
			actions.requestPlan!(
				post(leader, id, request('', { direction: 'lower', targetValue: '50000' }))
			)
		);
		expect(r).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { targetValue: expect.any(String) } }
		});
	});
});
