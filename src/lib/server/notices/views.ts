/** The notices a person reads (/varsler), newest first a page at a time, and the unread count. */
import type { SessionUser } from '../auth/session';
import { countUnreadNotices, listNoticesPage } from '../db/queries/notices';
import { noticeKindLabel } from '$lib/labels-portfolio';
import { keysetList } from '$lib/paging';
import { noticeText } from './text';

export const NOTICE_PAGE = 25;

export function noticesPage(user: SessionUser, url: URL) {
	const page = keysetList(
		url.searchParams,
		(position, limit) => listNoticesPage(user.id, position, limit),
		{
			prefix: '',
			hash: 'varsler',
			size: NOTICE_PAGE,
			keyLength: 2,
			keyOf: (r) => [r.createdAt.getTime(), r.id]
		}
	);
	return {
		...page,
		rows: page.rows.map((r) => ({ ...r, ...noticeText(r), kindLabel: noticeKindLabel(r.kind) })),
		unread: countUnreadNotices(user.id)
	};
}

/** For the menu on every page: one count through the partial unread index. */
export function unreadNoticeCount(userId: number): number {
	return countUnreadNotices(userId);
}
