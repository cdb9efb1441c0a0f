/** The notices' messages, read when an answer is made: in the request's language. */
import { m } from '$lib/paraglide/messages';
import { lazy, lazyWith } from '../message-book';

export const NOTICE_SUCCESS = lazyWith(
	{ read: m.portfolio_notices_marked_read },
	{
		allRead: (n: number) =>
			n === 0
				? m.portfolio_notices_none_unread()
				: n === 1
					? m.portfolio_notices_all_marked_one({ count: n })
					: m.portfolio_notices_all_marked_many({ count: n })
	}
);

export const NOTICE_MESSAGES = lazy({
	missing: m.portfolio_notices_missing,
	notFound: m.portfolio_notices_not_found
});
