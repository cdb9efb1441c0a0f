/**
 * The one place that reads the wall clock. A request reads it once in `hooks.server.ts`
 * (`event.locals.now`) and passes that instant down, so every rule can be tested at any date
 * and one request never straddles two months. Scripts and the server's start-up use it too.
 */
export function readClock(): Date {
	return new Date();
}
