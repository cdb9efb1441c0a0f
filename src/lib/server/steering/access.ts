/**
 * Who may read the steering pages. /styring summarises pages every signed-in user may read
 * (Oversikt, Portefølje, Gevinster, Risiko, an occurrence's page), so every signed-in user may
 * open it; the wheel compliance it sums is shown only to those who may open the compliance page
 * (/arshjul/etterlevelse: the steering group and administrators), so the page never shows more
 * than the pages it links to would. «Mitt arbeid» is a programme leader's own work.
 */
import type { RequestEvent } from '@sveltejs/kit';
import {
	hasRole,
	isAdmin,
	readsAsSteering,
	requireRole,
	requireUser
} from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';

type AnyEvent = Pick<RequestEvent, 'locals' | 'url'>;

/** /styring: anyone signed in (the figures each user may not read are left out). */
export function requireSteeringReader(event: AnyEvent): SessionUser {
	return requireUser(event);
}

/** The rule of /arshjul/etterlevelse's guard (the steering group and the kommunedirektør). */
export function canReadCompliance(user: SessionUser): boolean {
	return readsAsSteering(user);
}

/** «Mitt arbeid»: programme leaders (and administrators, who may do their work). */
export function requireOwnWorkReader(event: AnyEvent): SessionUser {
	return requireRole(event, 'programme_leader');
}

/** The steering group's meetings are set by the group itself and by administrators. */
export function canEditMeetings(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'steering');
}

/** /styring/moter's writes: the steering group and administrators; else 403. */
export function requireMeetingEditor(event: AnyEvent): SessionUser {
	return requireRole(event, 'steering');
}
