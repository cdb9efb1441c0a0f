/**
 * The daily notice job: stores the notices the Oslo day calls for (once per person and key,
 * however often it runs), then, when SMTP is configured, sends each person one digest of
 * their notices not yet mailed. The sent-log (notice_digest, unique per person and day) is
 * claimed before sending, so a second run the same day, a restart or a second process sends
 * nothing twice; a digest that fails to send is released for the next run.
 */
import {
	claimDigest,
	createDueNotices,
	markDigestSent,
	pendingDigestNotices,
	releaseDigest
} from '../db/queries/notices';
import { DEFAULT_NOTICE_RULES, type NoticeRules } from '$lib/domain/control/notices';
import { osloDay } from '$lib/format';
import { isLocale } from '$lib/i18n';
import { withLocale } from '../i18n';
import { digestMessage, type Mailer } from './mail';

/** Unread notices older than this are not mailed any more (SMTP set up later, a long outage). */
const MAIL_WITHIN_MS = 14 * 24 * 60 * 60 * 1000;

export interface NoticeRun {
	/** Notices stored by this run. */
	created: number;
	/** Digests sent, and those that failed (left for the next run). */
	sent: number;
	failed: number;
}

export async function runNotices(
	now: Date,
	opts: { mailer?: Mailer | null; rules?: NoticeRules; origin?: string } = {}
): Promise<NoticeRun> {
	const created = createDueNotices(now, opts.rules ?? DEFAULT_NOTICE_RULES);
	const run: NoticeRun = { created, sent: 0, failed: 0 };
	if (!opts.mailer) return run;
	const day = osloDay(now);
	const origin = opts.origin ?? process.env.ORIGIN ?? 'http://127.0.0.1:3000';
	const byUser = new Map<number, ReturnType<typeof pendingDigestNotices>>();
	for (const n of pendingDigestNotices(new Date(now.getTime() - MAIL_WITHIN_MS))) {
		byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
	}
	for (const [userId, notices] of byUser) {
		const digestId = claimDigest(
			userId,
			day,
			notices.map((n) => n.id),
			now
		);
		if (digestId === undefined) continue;
		const first = notices[0]!;
		try {
			// In the recipient's saved language, bokmål when none (a job has no request to ask).
			const message = withLocale(isLocale(first.locale) ? first.locale : 'nb', () =>
				digestMessage({ email: first.email, name: first.name }, day, notices, origin)
			);
			const messageId = await opts.mailer.send(message);
			markDigestSent(digestId, messageId, now);
			run.sent += 1;
		} catch (e) {
			releaseDigest(digestId);
			run.failed += 1;
			console.error(`Varsel-e-post til bruker ${userId} feilet: ${(e as Error).message}`);
		}
	}
	return run;
}
