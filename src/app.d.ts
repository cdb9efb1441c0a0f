import type { SessionInfo, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n';

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
		}
		interface Error {
			message: string;
		}
	}
}

export {};
