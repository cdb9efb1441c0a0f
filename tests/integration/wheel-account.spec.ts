/** The account page shows whether the user has an årshjul calendar feed, and links to it. */
import { describe, expect, it } from 'vitest';
import { load as accountLoad } from '../../src/routes/(app)/konto/+page.server';
import { actions as feedPageActions } from '../../src/routes/(app)/arshjul/kalender/+page.server';
import { makeEvent, makeUser, outcome, signIn } from '../factories';

describe('calendar feed on /konto', () => {
	it('reports the feed as absent, then present after creating it, then absent after revoking', async () => {
		const me = signIn(await makeUser([{ role: 'steering' }]));
		const account = async () =>
			(await accountLoad(makeEvent({ signed: me, path: '/konto' }) as never)) as {
				hasCalendarFeed: boolean;
			};
		const feedAction = (name: 'create' | 'revoke') =>
			outcome(() =>
				feedPageActions[name]!(
					makeEvent({ signed: me, path: '/arshjul/kalender', form: {} }) as never
				)
			);
		expect((await account()).hasCalendarFeed).toBe(false);
		expect(await feedAction('create')).toMatchObject({ kind: 'ok' });
		expect((await account()).hasCalendarFeed).toBe(true);
		expect(await feedAction('revoke')).toMatchObject({ kind: 'ok' });
		expect((await account()).hasCalendarFeed).toBe(false);
	});
});
