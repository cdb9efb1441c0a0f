import { describe, expect, it } from 'vitest';
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
