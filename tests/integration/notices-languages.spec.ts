import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn, type Signed } from '../factories';
import { insertNotices, listNoticesPage } from '$lib/server/db/queries/notices';
import { noticesPage } from '$lib/server/notices/views';
import { digestMessage } from '$lib/server/notices/mail';
import { planNotices, DEFAULT_NOTICE_RULES } from '$lib/domain/control/notices';
import { withLocale } from '$lib/server/i18n';
import { planNoticeWords, type PlanNoticeParams } from '$lib/domain/benefits/timing';
import type { Locale } from '$lib/paraglide/runtime';

// A notice is stored with what it says as data and written in each reader's language when read;
// one stored before, as finished bokmål text only, is still read as it was.
const NOW = new Date('2026-11-25T08:00:00Z');
let reader: Signed;

beforeAll(async () => {
	reader = signIn(await makeUser([{ role: 'unit_leader' }]));
	const userId = reader.user.id;
	const planned = planNotices({
		today: '2026-11-25',
		rules: DEFAULT_NOTICE_RULES,
		occurrences: [
			{
				taskId: 1,
				unitId: 2,
				period: '2026-10',
				dueDate: '2026-10-31',
				title: 'Tilgangskontroll',
				unitName: 'Nord',
				signed: false
			}
		],
		deviations: [],
		parentOf: new Map([[2, null]]),
		leadersOf: new Map([[2, [userId]]])
	});
	insertNotices(planned, NOW);
	// As a notice was stored before it kept its params.
	insertNotices(
		[
			{
				userId,
				kind: 'overdue',
				key: 'overdue:gammel',
				title: '«Gammel» for Sør er over fristen',
				body: 'Fristen var 30. september 2026, og kontrollen er ikke signert.',
				href: '/arshjul'
			}
		],
		new Date(NOW.getTime() - 1000)
	);
});

const page = (locale: 'nb' | 'en') =>
	withLocale(locale, () => noticesPage(reader.user, new URL('http://x/varsler')).rows);

describe('stored notices in the reader’s language', () => {
	it('are written in English for an English reader, the old one as it was stored', () => {
		expect(page('en').map((r) => [r.title, r.body, r.inBokmaal])).toEqual([
			[
				'“Tilgangskontroll” for Nord is past its deadline',
				'The deadline was 31 October 2026, and the control has not been signed.',
				false
			],
			[
				'«Gammel» for Sør er over fristen',
				'Fristen var 30. september 2026, og kontrollen er ikke signert.',
				true
			]
		]);
	});

	it('read in bokmål as they were written before', () => {
		expect(page('nb')[0]).toMatchObject({
			title: '«Tilgangskontroll» for Nord er over fristen',
			body: 'Fristen var 31. oktober 2026, og kontrollen er ikke signert.'
		});
	});

	it('are mailed in the recipient’s language, the old one marked as bokmål', () => {
		const rows = page('nb');
		const mail = withLocale('en', () =>
			digestMessage({ email: 'a@b.no', name: 'A' }, '2026-11-25', rows, 'https://x')
		);
		expect(mail.text).toContain('“Tilgangskontroll” for Nord is past its deadline');
		expect(mail.html).toContain('<span lang="nb">Fristen var 30. september 2026');
		expect(mail.html).not.toContain('<span lang="nb">The deadline');
	});
});

// The benefit plans' notices: a measure's slip and what became of it, or a person's request with
// their own reason, which stands as they wrote it inside the translated frame.
describe('plan notices in the reader’s language', () => {
	let planReader: Signed;
	const slip = { measure: 'Digital søknad', months: 2, from: '2026-10', to: '2026-12' };
	const plans: PlanNoticeParams[] = [
		{ benefit: 'Færre timer', reason: { kind: 'slip', ...slip, frozen: false }, outcome: 'moved' },
		{
			benefit: 'Færre timer',
			reason: { kind: 'slip', ...slip, frozen: true },
			outcome: 'requested'
		},
		{ benefit: 'Færre timer', reason: { kind: 'slip', ...slip, frozen: true }, outcome: 'ask' },
		{
			benefit: 'Færre timer',
			reason: { kind: 'slip', ...slip, months: 1, to: '2026-11', frozen: true },
			outcome: 'added',
			waiting: 3
		}
	];
	const requests: PlanNoticeParams[] = [
		{ benefit: 'Færre timer', reason: { kind: 'own', text: 'Høyere mål etter ny avtale' } },
		{ benefit: 'Færre timer', reason: { kind: 'rejected_delay', version: 4, months: 3 } }
	];

	beforeAll(async () => {
		planReader = signIn(await makeUser([{ role: 'steering' }]));
		const userId = planReader.user.id;
		const at = (i: number) => new Date(NOW.getTime() - i * 1000);
		plans.forEach((params, i) =>
			insertNotices(
				[
					{
						userId,
						kind: 'plan_shifted',
						key: `plan_shifted:${i}`,
						...planNoticeWords('plan_shifted', params),
						params,
						href: '/gevinster/1#tidspunkt'
					}
				],
				at(i)
			)
		);
		requests.forEach((params, i) =>
			insertNotices(
				[
					{
						userId,
						kind: 'plan_request',
						key: `plan_request:${i}`,
						...planNoticeWords('plan_request', params),
						params,
						href: '/gevinster/1#versjoner'
					}
				],
				at(plans.length + i)
			)
		);
		// A plan notice stored before notices kept their params.
		insertNotices(
			[
				{
					userId,
					kind: 'plan_request',
					key: 'plan_request:gammel',
					title: 'Endring av gevinstplan til godkjenning: Gammel',
					body: 'Ny frist',
					href: '/gevinster/2#versjoner'
				}
			],
			at(10)
		);
	});

	const rows = (locale: Locale) =>
		withLocale(locale, () => noticesPage(planReader.user, new URL('http://x/varsler')).rows);
	const said = (locale: Locale) => rows(locale).map((r) => [r.title, r.body]);

	it('read in bokmål exactly as they were stored', () => {
		const nb = rows('nb');
		expect(nb.map((r) => [r.title, r.body])).toEqual(
			listNoticesPage(planReader.user.id, {}, 20).map((r) => [r.title, r.body])
		);
		expect(nb.map((r) => r.inBokmaal)).toEqual([false, false, false, false, false, false, true]);
		expect(nb[0]!.body).toBe(
			'Tiltaket «Digital søknad» er forsinket fra oktober 2026 til desember 2026; planen er flyttet 2 måneder senere.'
		);
	});

	it('are written in nynorsk, the person’s own reason as they wrote it', () => {
		expect(said('nn')).toEqual([
			[
				'Gevinstplanen er flytta: Færre timer',
				'Tiltaket «Digital søknad» er forseinka frå oktober 2026 til desember 2026; planen er flytta 2 månader seinare.'
			],
			[
				'Gevinstplanen bør flyttast: Færre timer',
				'Tiltaket «Digital søknad» er forseinka frå oktober 2026 til desember 2026; planen bør flyttast 2 månader seinare. Planen er godkjend og blir ikkje endra av seg sjølv: styringsgruppa avgjer endringsførespurnaden.'
			],
			[
				'Gevinstplanen bør flyttast: Færre timer',
				'Tiltaket «Digital søknad» er forseinka frå oktober 2026 til desember 2026; planen bør flyttast 2 månader seinare. Planen er godkjend og blir ikkje endra av seg sjølv; be om flyttinga på sida til gevinsten.'
			],
			[
				'Gevinstplanen bør flyttast: Færre timer',
				'Tiltaket «Digital søknad» er forseinka frå oktober 2026 til november 2026; planen bør flyttast 1 månad seinare. Ein endringsførespurnad (versjon 3) ventar alt på styringsgruppa, og forseinkinga er lagd til han. Blir han godkjend, blir planen i tillegg flytta 1 månad seinare; blir han avvist, blir det laga ein ny førespurnad om flyttinga.'
			],
			['Endring av gevinstplan til godkjenning: Færre timer', 'Høyere mål etter ny avtale'],
			[
				'Endring av gevinstplan til godkjenning: Færre timer',
				'Tiltaket vart forseinka medan versjon 4 venta, og han vart avvist; planen bør flyttast 3 månader seinare.'
			],
			['Endring av gevinstplan til godkjenning: Gammel', 'Ny frist']
		]);
	});

	it('are written in English, the person’s own reason as they wrote it', () => {
		expect(said('en')).toEqual([
			[
				'The benefit plan has been moved: Færre timer',
				'The measure “Digital søknad” is delayed from October 2026 to December 2026; the plan has been moved 2 months later.'
			],
			[
				'The benefit plan should be moved: Færre timer',
				'The measure “Digital søknad” is delayed from October 2026 to December 2026; the plan should be moved 2 months later. The plan is approved and does not change by itself: the steering group decides on the change request.'
			],
			[
				'The benefit plan should be moved: Færre timer',
				"The measure “Digital søknad” is delayed from October 2026 to December 2026; the plan should be moved 2 months later. The plan is approved and does not change by itself; ask for the move on the benefit's page."
			],
			[
				'The benefit plan should be moved: Færre timer',
				'The measure “Digital søknad” is delayed from October 2026 to November 2026; the plan should be moved 1 month later. A change request (version 3) is already waiting for the steering group, and the delay has been added to it. If it is approved, the plan also moves 1 month later; if it is rejected, a new request to move the plan is made.'
			],
			['Benefit plan change awaiting approval: Færre timer', 'Høyere mål etter ny avtale'],
			[
				'Benefit plan change awaiting approval: Færre timer',
				'The measure was delayed while version 4 was waiting, and that version was rejected; the plan should be moved 3 months later.'
			],
			['Endring av gevinstplan til godkjenning: Gammel', 'Ny frist']
		]);
	});

	it('are mailed in the recipient’s language; the own reason unmarked, the old one as bokmål', () => {
		const stored = rows('nb');
		const mail = withLocale('nn', () =>
			digestMessage({ email: 'a@b.no', name: 'A' }, '2026-11-25', stored, 'https://x')
		);
		expect(mail.text).toContain('Gevinstplanen er flytta: Færre timer');
		expect(mail.text).toContain('planen bør flyttast 3 månader seinare');
		expect(mail.html).toContain('<span>Høyere mål etter ny avtale</span>');
		expect(mail.html).toContain('<span lang="nb">Ny frist</span>');
	});
});
