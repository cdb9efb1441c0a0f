/**
 * The Styringsrapport (PDF, /styring/styringsrapport): read back with pdftotext — the sections,
 * the mission's realised kroner as /styring shows them, the behind-plan benefit with its cause
 * and corrective measure, the top risk, the changes in the period; compliance only for those
 * who may read it; a period with nothing in it says so; a bad period is a 400 in Norwegian;
 * and the steering group can freeze it in the archive.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as reportGet } from '../../src/routes/(app)/styring/styringsrapport/+server';
import { actions as archiveActions } from '../../src/routes/(app)/rapporter/+page.server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { logGain, makeBenefit, makeMission, makeProject, planBenefit } from '../factories/benefits';
import { makeRisk } from '../factories/portfolio';
import { logFollowUp } from '$lib/server/db/queries/benefits-gains';
import { getReport, getReportFile } from '$lib/server/db/queries/reports';
import { steeringPage } from '$lib/server/steering/views/steering';
import { pdfInfo, pdfText } from '$lib/server/reports/pdf-text';
import { formatCell } from '$lib/server/reports/table';
import { withLocale } from '$lib/server/i18n';

const NOW = new Date('2026-11-25T12:00:00Z');
/** pdftotext's text with table cells' line breaks and the number spaces as plain spaces. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');
let steering: Signed;
let viewer: Signed;

beforeAll(async () => {
	steering = signIn(await makeUser([{ role: 'steering' }]));
	viewer = signIn(await makeUser([{ role: 'viewer' }]));
	const owner = signIn(await makeUser([{ role: 'programme_leader' }])).user.id;
	const m = makeMission(owner);
	const { projectId } = makeProject(owner, [m.tracks[0]!], 1);
	const benefit = makeBenefit(projectId, { title: 'Færre purringer', unit: 'kr' }, owner);
	planBenefit(benefit, { baseline: 0, target: 240_000, method: 'Telling' }, owner, NOW);
	logGain(benefit, '2026-10', 20_000, owner, NOW);
	logFollowUp(
		benefit,
		{ period: '2026-10', cause: 'Leverandøren er forsinket', correctiveMeasure: 'Ny frist 1.2.' },
		owner,
		NOW
	);
	makeRisk({ projectId }, owner);
});

const get = (s: Signed | null, query = '') =>
	outcome(() =>
		reportGet(makeEvent({ signed: s, path: `/styring/styringsrapport${query}`, now: NOW }) as never)
	);

async function textOf(
	s: Signed,
	query = '?fra=2026-09-01&til=2026-11-30',
	fileName = 'styringsrapport-2026-11-25.pdf'
) {
	const r = await get(s, query);
	const res = (r as { data: Response }).data;
	expect(res.headers.get('content-type')).toBe('application/pdf');
	expect(res.headers.get('content-disposition')).toContain(`filename="${fileName}"`);
	const bytes = new Uint8Array(await res.arrayBuffer());
	return {
		text: flat(pdfText(bytes)),
		pages: Number(pdfInfo(bytes).Pages)
	};
}

describe('the Styringsrapport', () => {
	it("has the steering page's sections and figures, the behind-plan causes and the top risk", async () => {
		const { text, pages } = await textOf(steering);
		for (const heading of [
			'Styringsrapport',
			'Misjonen og effektmålene',
			'Sporene',
			'Endringer i perioden',
			'Gevinster bak plan',
			'De største risikoene'
		]) {
			expect(text).toContain(heading);
		}
		const page = steeringPage(steering.user, { since: null, kind: null, after: null }, NOW);
		const realised = page.total!.gains.kroner.realised;
		expect(realised).toBeGreaterThan(0);
		expect(text).toContain(flat(formatCell(realised, 'kroner')));
		expect(text).toContain('Færre purringer');
		expect(text).toContain('Leverandøren er forsinket');
		expect(text).toContain('Ny frist 1.2.');
		expect(text).toMatch(/Risiko \d+/);
		expect(text).toContain('3 × 4 = 12');
		expect(text).toContain('Nye realiseringer 1');
		expect(text).toContain('Årshjul 2026');
		expect(pages).toBeGreaterThanOrEqual(6);
		expect(pages).toBeLessThanOrEqual(15);
	});

	it('is written in the reader’s language: nynorsk and English headings, dates and page numbers', async () => {
		const en = await withLocale('en', () =>
			textOf(steering, undefined, 'steering-report-2026-11-25.pdf')
		);
		for (const words of [
			'Steering report',
			'The mission and the effect goals',
			'The tracks',
			'Changes in the period',
			'Benefits behind plan',
			'The largest risks',
			'Issued',
			'1 September 2026',
			'Page 2 of',
			'Leverandøren er forsinket'
		]) {
			expect(en.text).toContain(words);
		}
		expect(en.text).not.toContain('Styringsrapport');
		expect(en.text).not.toContain('Side 2 av');
		const nn = await withLocale('nn', () => textOf(steering));
		expect(nn.text).toContain('Misjonen og effektmåla');
		expect(nn.text).toContain('Endringar i perioden');
		expect(nn.text).toContain('Utferda');
	});

	it('leaves out wheel compliance for a reader, as /styring does', async () => {
		const { text } = await textOf(viewer);
		expect(text).toContain('Sporene');
		expect(text).not.toContain('Årshjul 2026');
	});

	it('says so when nothing changed in the period', async () => {
		const { text } = await textOf(steering, '?fra=2020-01-01&til=2020-01-31');
		expect(text).toContain('Ingenting er endret i perioden.');
	});

	it('takes the current tertial when no period is given', async () => {
		const { text } = await textOf(steering, '');
		expect(text).toMatch(/1\. september 2026/);
	});

	it('refuses a bad period with a Norwegian message, and sends the signed-out to log in', async () => {
		expect(await get(steering, '?fra=2026-11-30&til=2026-09-01')).toMatchObject({
			kind: 'error',
			status: 400,
			message: 'Perioden kan ikke slutte før den begynner'
		});
		expect(await get(steering, '?fra=2026-13-01&til=2026-12-01')).toMatchObject({
			kind: 'error',
			status: 400,
			message: 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD)'
		});
		expect(await get(null)).toMatchObject({ kind: 'redirect', status: 303 });
	});

	it('the steering group freezes it as issued; a reader may not', async () => {
		const form = {
			kind: 'styringsrapport',
			periodFrom: '2026-09-01',
			periodTo: '2026-11-30',
			meetingDate: '2026-11-26'
		};
		const freeze = (s: Signed) =>
			outcome(() =>
				archiveActions.freeze!(
					makeEvent({ signed: s, path: '/rapporter?/freeze', form, now: NOW }) as never
				)
			);
		const r = await freeze(steering);
		expect(r).toMatchObject({ kind: 'ok', data: { action: 'freeze' } });
		const id = (r as { data: { id: number } }).data.id;
		const report = getReport(id)!;
		expect(report.kind).toBe('styringsrapport');
		const file = getReportFile(id)!;
		expect(file.mediaType).toBe('application/pdf');
		const text = flat(pdfText(file.content));
		expect(text).toContain('Frosset som utstedt til møtet 26. november 2026');
		expect(text).toContain('Gevinster bak plan');
		expect(await freeze(viewer)).toMatchObject({ kind: 'error', status: 403 });
	});
});
