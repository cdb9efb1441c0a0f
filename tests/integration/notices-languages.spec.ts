import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn, type Signed } from '../factories';
import { insertNotices } from '$lib/server/db/queries/notices';
import { noticesPage } from '$lib/server/notices/views';
import { digestMessage } from '$lib/server/notices/mail';
import { planNotices, DEFAULT_NOTICE_RULES } from '$lib/domain/control/notices';
import { withLocale } from '$lib/server/i18n';

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
