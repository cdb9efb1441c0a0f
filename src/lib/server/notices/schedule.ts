/**
 * Runs the notice job in the server process on a schedule (croner, in Europe/Oslo's time, so
 * «06:00» follows summer time): every day at 06:00 unless `NOTIFY_SCHEDULE` gives another cron
 * pattern, or `off`. Started by the server's start-up (src/hooks.server.ts), never under
 * `vite dev` or a build; the browser tests turn it off. `protect` skips a run while the last
 * is still going.
 */
import { Cron } from 'croner';
import { readClock } from '../clock';
import { runNotices } from './job';
import { mailerFromEnv } from './mail';

export const DEFAULT_NOTICE_SCHEDULE = '0 6 * * *';

export function startNoticeSchedule(env: Record<string, string | undefined> = process.env) {
	const pattern = env.NOTIFY_SCHEDULE?.trim() || DEFAULT_NOTICE_SCHEDULE;
	if (pattern === 'off') return null;
	try {
		const job = new Cron(
			pattern,
			{ timezone: 'Europe/Oslo', protect: true, unref: true, name: 'varsler' },
			async () => {
				try {
					const run = await runNotices(readClock(), { mailer: mailerFromEnv(env) });
					console.log(
						`Varsler: ${run.created} nye, ${run.sent} e-poster sendt${run.failed ? `, ${run.failed} feilet` : ''}.`
					);
				} catch (e) {
					console.error(`Varseljobben feilet: ${(e as Error).message}`);
				}
			}
		);
		process.once('sveltekit:shutdown' as never, () => job.stop());
		return job;
	} catch (e) {
		console.error(
			`NOTIFY_SCHEDULE «${pattern}» er ikke et gyldig cron-uttrykk (${(e as Error).message}); varsler sendes ikke automatisk.`
		);
		return null;
	}
}
