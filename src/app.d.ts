import type { SessionInfo, SessionUser } from '$lib/server/auth/session';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
			/** The request's time, read once by the hooks: the only "now" loads and actions use. */
			now: Date;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
