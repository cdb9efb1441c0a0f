import type { SessionInfo, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n';
import type { ApiGrant } from '$lib/server/auth/api-token';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
			/** The request's time, read once by the hooks: the only "now" loads and actions use. */
			now: Date;
			/** The request's language, chosen once by the hooks (src/lib/server/i18n.ts). */
			locale: Locale;
			/** The bearer token of an `/api/v1/` request (its scope), null or absent otherwise. */
			apiToken?: ApiGrant | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
