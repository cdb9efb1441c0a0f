#!/usr/bin/env node
// `npm run notify [-- --now 2026-11-25T06:00:00Z]`: runs the daily notice job once by hand, on
// the app's database (DATABASE_URL, as the server reads it): stores the day's notices and, when
// SMTP is configured (README, «Varsler»), mails each person today's digest. Safe to run while
// the server runs, and as often as you like: nothing is made or mailed twice. `--now` sets the
// job's time (for testing); otherwise the time is read once, now.
// Run through tsx so the job is the app's own TypeScript module, not a copy of it.
import { parseArgs } from 'node:util';
import { readClock } from '../src/lib/server/clock.ts';
import { runNotices } from '../src/lib/server/notices/job.ts';
import { mailerFromEnv } from '../src/lib/server/notices/mail.ts';

const { values } = parseArgs({ options: { now: { type: 'string' } } });
const now = values.now ? new Date(values.now) : readClock();
if (Number.isNaN(now.getTime())) {
	console.error(`--now «${values.now}» er ikke et tidspunkt (bruk f.eks. 2026-11-25T06:00:00Z).`);
	process.exit(2);
}

const mailer = mailerFromEnv();
const run = await runNotices(now, { mailer });
console.log(
	`Varsler ${now.toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' })} (norsk tid): ${
		run.created === 1 ? '1 nytt varsel' : `${run.created} nye varsler`
	}; ${
		mailer
			? `${run.sent === 1 ? '1 e-post' : `${run.sent} e-poster`} sendt${run.failed ? `, ${run.failed} feilet` : ''}`
			: 'e-post er ikke satt opp (SMTP_URL eller SMTP_HOST)'
	}.`
);
process.exit(run.failed > 0 ? 1 : 0);
