/**
 * The one place that reads the wall clock. A request reads it once in `hooks.server.ts`
 * (`event.locals.now`) and passes that instant down, so every rule can be tested at any date
 * and one request never straddles two months. Scripts and the server's start-up use it too.
 *
 * `MISJONSKART_CLOCK_START` (an ISO instant) starts the server's clock at that instant and lets
 * it run from there, as Debian's `faketime` does for a whole process. The browser journeys set
 * it, because they tell a story set on a given day (a task overdue since October, this month's
 * meeting due 30 November); nothing else should.
 */
const startAt = Date.parse(process.env.MISJONSKART_CLOCK_START ?? '');
const bootedAt = Date.now();

export function readClock(): Date {
	if (Number.isNaN(startAt)) return new Date();
	return new Date(startAt + (Date.now() - bootedAt));
}

/**
 * How far `now` (a request's time) lies from the process's own clock, in ms: for a library that
 * reads `Date.now()` itself and takes a skew instead of a time (openid-client's `clockSkew`).
 */
export function offsetFromProcessClock(now: Date): number {
	return now.getTime() - Date.now();
}
