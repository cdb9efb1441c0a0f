/**
 * The benefits register for an auditor (DOMAIN.md «Benefit governance»): besides the figures,
 * the spreadsheet says when each plan was approved, which version is in force and what target
 * it was first approved with; the realisations sheet keeps who attested and validated each row,
 * also a row a correction later replaced, with the correction's reason; and the net estimate
 * (gains minus dis-benefits) sums per row.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as registerGet } from '../../src/routes/(app)/gevinster/last-ned/+server';
import { makeEvent, makeUser, signIn, type Signed } from '../factories';
import { makeBenefit, makeFrozenBenefit, makeMission, makeProject } from '../factories/benefits';
import { addEstimateLine, logRealisation } from '$lib/server/db/queries/benefits-gains';
import { decidePlanRequest, requestPlanChange } from '$lib/server/db/queries/benefits-plan';
import { confirmRealisation } from '$lib/server/db/queries/benefits-attestation';
import { listPlanVersions } from '$lib/server/db/queries/benefits-plan-reads';
import { REGISTER_HEADERS } from '$lib/server/benefits/views/register';
import { realisationLogView } from '$lib/server/benefits/views/realisation-log';

const NOW = new Date('2026-11-25T12:00:00Z');
let leader: Signed;
let steering: Signed;
let validator: Signed;
let benefitId = 0;
const ok = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
	if (!r.ok) throw new Error(r.reason);
	return r.value;
};

beforeAll(async () => {
	const admin = signIn(await makeUser([{ role: 'admin' }]));
	leader = signIn(await makeUser([{ role: 'programme_leader' }], { name: 'Pia Programleder' }));
	steering = signIn(await makeUser([{ role: 'steering' }]));
	validator = signIn(await makeUser([{ role: 'viewer' }], { name: 'Øystein Økonomi' }));
	const { tracks } = makeMission(admin.user.id);
	const { projectId } = makeProject(leader.user.id, [tracks[0]!]);
	const l = leader.user.id;
	benefitId = makeFrozenBenefit(
		projectId,
		{ title: 'Spart porto', ownerId: l, validatorId: validator.user.id },
		{
			actorId: l,
			now: NOW,
			target: { value: 120_000, date: '2026-12-31' },
			lines: [{ description: 'Porto', amountPerCase: 1_000, cases: 100, sharePercent: 100 }]
		}
	);
	// A dis-benefit of 30 000 kr: the net estimate is 100 000 − 30 000.
	const dis = makeBenefit(projectId, {
		title: 'Mer support',
		disbenefit: true,
		direction: 'lower'
	});
	ok(
		addEstimateLine(
			dis,
			{ description: 'Support', amountPerCase: 300, cases: 100, sharePercent: 100 },
			l,
			NOW
		)
	);
	// The steering group approves a higher target: version 2 is in force, 120 000 was the first.
	ok(
		requestPlanChange(
			benefitId,
			{
				baselineValue: 0,
				baselineDate: '2026-01-01',
				baselineMethod: 'Regnskap',
				baselineSource: 'Regnskapsrapport',
				targetValue: 150_000,
				targetDate: '2026-12-31',
				plan: [],
				reason: 'Flere brev enn antatt'
			},
			{ url: '', file: null },
			l,
			NOW
		)
	);
	const request = listPlanVersions(benefitId).find((v) => v.status === 'requested')!;
	ok(
		decidePlanRequest(
			benefitId,
			{ requestId: request.id, decision: 'approve', note: '', version: request.version },
			steering.user.id,
			NOW
		)
	);
	// March: logged, attested, validated, then corrected with a reason.
	const first = ok(
		logRealisation(
			benefitId,
			{ period: '2026-03', value: 10_000, comment: '', evidence: '', supersedesId: null },
			l,
			NOW
		)
	);
	const statement = 'Jeg bekrefter verdien for mars 2026.';
	ok(
		confirmRealisation(
			benefitId,
			{ realisationId: first, kind: 'attest', period: '2026-03', statement },
			l,
			NOW
		)
	);
	ok(
		confirmRealisation(
			benefitId,
			{ realisationId: first, kind: 'validate', period: '2026-03', statement },
			validator.user.id,
			NOW
		)
	);
	ok(
		logRealisation(
			benefitId,
			{
				period: '2026-03',
				value: 12_000,
				comment: '',
				evidence: '',
				supersedesId: first,
				correctionReason: 'Faktura kom sent'
			},
			l,
			NOW
		)
	);
});

async function workbook() {
	const res = await registerGet(
		makeEvent({ signed: steering, path: '/gevinster/last-ned', now: NOW }) as never
	);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
	return wb;
}

describe('the register for an auditor', () => {
	it('shows the plan version in force, when it was approved and the first target', async () => {
		const wb = await workbook();
		const ws = wb.getWorksheet('Gevinster')!;
		const col = (h: (typeof REGISTER_HEADERS.benefits)[number]) =>
			REGISTER_HEADERS.benefits.indexOf(h) + 1;
		const porto = ws.getRow(2);
		expect(porto.getCell(col('Gevinst')).value).toBe('Spart porto');
		expect(porto.getCell(col('Målverdi')).value).toBe(150_000);
		expect(porto.getCell(col('Opprinnelig mål')).value).toBe(120_000);
		expect(porto.getCell(col('Planversjon')).value).toBe(2);
		expect(porto.getCell(col('Plan godkjent')).value).toBeInstanceOf(Date);
		// The dis-benefit was never approved: no version, no date.
		const dis = ws.getRow(3);
		expect(dis.getCell(col('Planversjon')).value).toBeNull();
		expect(dis.getCell(col('Plan godkjent')).value).toBeNull();
		expect(dis.getCell(col('Netto estimat (kr)')).value).toBe(-30_000);
		const sum = ws.getRow(4).getCell(col('Netto estimat (kr)')).value as { result: number };
		expect(sum.result).toBe(70_000);
		// A zero sum reads as 0 without recalculation (ExcelJS drops a cached result of 0).
		expect(ws.getRow(4).getCell(col('Ulempe estimat (timer)')).value).toBe(0);
		const about: string[] = [];
		wb.getWorksheet('Om uttrekket')!.eachRow((r) => about.push(String(r.values)));
		expect(about.join('\n')).toContain('Utvalget har 1 gevinst og 1 ulempe.');
	});

	it('keeps who attested and validated a row a correction replaced, and why it was corrected', async () => {
		const ws = (await workbook()).getWorksheet('Realiseringer')!;
		const col = (h: (typeof REGISTER_HEADERS.realisations)[number]) =>
			REGISTER_HEADERS.realisations.indexOf(h) + 1;
		const [old, now] = [ws.getRow(2), ws.getRow(3)];
		expect(old.getCell(col('Verdi')).value).toBe(10_000);
		expect(old.getCell(col('Gjeldende')).value).toBe('Nei, korrigert');
		expect(old.getCell(col('Attestert av')).value).toBe('Pia Programleder');
		expect(old.getCell(col('Validert av')).value).toBe('Øystein Økonomi');
		expect(old.getCell(col('Attestert')).value).toBeInstanceOf(Date);
		expect(now.getCell(col('Verdi')).value).toBe(12_000);
		expect(now.getCell(col('Gjeldende')).value).toBe('Ja');
		expect(now.getCell(col('Begrunnelse for korrigering')).value).toBe('Faktura kom sent');
		expect(now.getCell(col('Attestert av')).value).toBeNull();
	});

	it('the benefit page log keeps the attestation of the entry a correction replaced', () => {
		const [now, old] = realisationLogView(benefitId, new URLSearchParams()).entries;
		expect(old).toMatchObject({
			number: 1,
			effective: false,
			attestedBy: 'Pia Programleder',
			validatedBy: 'Øystein Økonomi'
		});
		expect(now).toMatchObject({ number: 2, effective: true, attestedBy: null, validatedBy: null });
	});
});
