/**
 * Who may see and mark notices: everyone signed in, and only their own (every query takes the
 * user's id; another person's notice id is answered as not found).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';

export function requireNoticeReader(event: Pick<RequestEvent, 'locals' | 'url'>) {
	return requireUser(event);
}
