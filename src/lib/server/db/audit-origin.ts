/**
 * Which API token a request's writes came with, so that every audit row they write names it
 * (schema/audit.ts) without each of the areas' writes having to pass it along. The API hook
 * (auth/api-request.ts) runs the request inside `withApiToken`; `insertAuditEntry` reads it.
 * Node's AsyncLocalStorage keeps the value per request, across its awaits
 * (https://nodejs.org/api/async_context.html#class-asynclocalstorage), so it is not state that
 * one request could leave behind for another.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The token a write came with: its id and its name, never its secret. */
export type ApiTokenOrigin = { tokenId: number; tokenName: string };

const origin = new AsyncLocalStorage<ApiTokenOrigin>();

/** Runs `fn` (a request's handling) as the token's: its audit rows will name the token. */
export function withApiToken<T>(token: ApiTokenOrigin, fn: () => T): T {
	return origin.run(token, fn);
}

/** The token the current request came with, or null for a page, a script or the system. */
export function currentApiToken(): ApiTokenOrigin | null {
	return origin.getStore() ?? null;
}
