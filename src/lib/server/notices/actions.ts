/** The notices' writes: marking one or all of one's own notices read. */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { SessionUser } from '../auth/session';
import { markAllNoticesRead, markNoticeRead } from '../db/queries/notices';
import { parseForm } from '$lib/schemas/form';
import { idField } from '$lib/schemas/id';
import { NOTICE_MESSAGES, NOTICE_SUCCESS } from './messages';

const noticeIdSchema = z.object({ noticeId: idField(() => NOTICE_MESSAGES.missing) });

export function markRead(user: SessionUser, formData: FormData, now: Date) {
	const form = parseForm(noticeIdSchema, formData);
	if (!form.ok || !markNoticeRead(user.id, form.data.noticeId, now)) {
		error(404, NOTICE_MESSAGES.notFound);
	}
	return { action: 'read', success: NOTICE_SUCCESS.read };
}

export function markAllRead(user: SessionUser, now: Date) {
	return { action: 'readAll', success: NOTICE_SUCCESS.allRead(markAllNoticesRead(user.id, now)) };
}
