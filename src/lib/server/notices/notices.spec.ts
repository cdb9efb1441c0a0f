import { describe, expect, it } from 'vitest';
import { NOTICE_KIND_LABEL, type NoticeKind } from '$lib/domain/control/vocabulary';
import { noticeKindLabel } from '$lib/labels-portfolio';
import { withLocale } from '../i18n';
import { digestMessage, mailerFromEnv } from './mail';
import { DEFAULT_NOTICE_SCHEDULE, startNoticeSchedule } from './schedule';

describe('the digest e-mail', () => {
	const mail = digestMessage(
		{ email: 'nora@kommune.no', name: 'Nora <Nordby>' },
		'2026-11-25',
		[
			{
				kind: 'overdue',
				title: '«Tilgang & roller» for Nord er over fristen',
				body: 'Fristen var 31. oktober 2026.',
				href: '/arshjul/forekomst/1/2/2026-10'
			}
		],
		'https://misjonskart.kommune.no/'
	);

	it('says how many, with absolute links, in text and escaped HTML', () => {
		expect(mail.subject).toBe('Misjonskart: 1 nytt varsel 25. november 2026');
		expect(mail.text).toContain('https://misjonskart.kommune.no/arshjul/forekomst/1/2/2026-10');
		expect(mail.text).toContain('Forfalt: «Tilgang & roller» for Nord er over fristen');
		expect(mail.html).toContain('Hei Nora &lt;Nordby&gt;');
		expect(mail.html).toContain('«Tilgang &amp; roller»');
		expect(mail.html).not.toContain('<Nordby>');
	});
});

describe('the digest e-mail in the recipient’s language', () => {
	const notice = {
		kind: 'overdue' as const,
		title: '«Tilgang» for Nord er over fristen',
		body: 'Fristen var 31. oktober 2026.',
		href: null
	};
	const mailIn = (locale: 'nn' | 'en', count = 2) =>
		withLocale(locale, () =>
			digestMessage(
				{ email: 'nora@kommune.no', name: 'Nora' },
				'2026-11-25',
				Array.from({ length: count }, () => notice),
				'https://misjonskart.kommune.no'
			)
		);

	it('words the frame in English, and marks the stored bokmål text as such', () => {
		const mail = mailIn('en');
		expect(mail.subject).toBe('Misjonskart: 2 new notices 25 November 2026');
		expect(mail.text).toContain('Hello Nora,');
		expect(mail.text).toContain('Overdue: «Tilgang» for Nord er over fristen');
		expect(mail.html).toContain('<html lang="en">');
		expect(mail.html).toContain('<span lang="nb">Fristen var 31. oktober 2026.</span>');
	});

	it('names each kind in bokmål as before', () => {
		for (const [kind, label] of Object.entries(NOTICE_KIND_LABEL))
			expect(withLocale('nb', () => noticeKindLabel(kind as NoticeKind))).toBe(label);
	});

	it('in nynorsk', () => {
		const mail = mailIn('nn', 1);
		expect(mail.subject).toBe('Misjonskart: 1 nytt varsel 25. november 2026');
		expect(mail.text).toContain('Alle varsla dine: https://misjonskart.kommune.no/varsler');
		expect(mail.html).toContain('<html lang="nn">');
	});
});

describe('configuration', () => {
	it('sends no e-mail without SMTP settings', () => {
		expect(mailerFromEnv({})).toBeNull();
		expect(mailerFromEnv({ SMTP_HOST: 'smtp.kommune.no' })).not.toBeNull();
	});

	it('runs at 06:00 Oslo time, summer and winter, and not at all when off', () => {
		expect(startNoticeSchedule({ NOTIFY_SCHEDULE: 'off' })).toBeNull();
		expect(startNoticeSchedule({ NOTIFY_SCHEDULE: 'not a pattern' })).toBeNull();
		const job = startNoticeSchedule({ NOTIFY_SCHEDULE: DEFAULT_NOTICE_SCHEDULE })!;
		try {
			const [winter] = job.nextRuns(1, new Date('2026-12-01T12:00:00Z'));
			const [summer] = job.nextRuns(1, new Date('2026-07-01T12:00:00Z'));
			expect(winter!.toISOString()).toBe('2026-12-02T05:00:00.000Z');
			expect(summer!.toISOString()).toBe('2026-07-02T04:00:00.000Z');
		} finally {
			job.stop();
		}
	});
});
