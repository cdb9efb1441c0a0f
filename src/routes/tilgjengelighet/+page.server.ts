import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';
import { allowPublic } from '$lib/server/auth/guards';
import { statementContact } from '$lib/server/accessibility-contact';

/**
 * Public: the statement must be readable by anyone, signed in or not (forskrift om universell
 * utforming av IKT-løsninger § 8), and is linked from every page, the sign-in page included.
 */
export const load: PageServerLoad = async ({ locals }) => {
	allowPublic();
	return {
		signedIn: locals.user !== null,
		// Where to report a barrier; set per installation (README, «Konfigurasjon»).
		contact: statementContact({ UU_CONTACT: env.UU_CONTACT, UU_OPERATOR: env.UU_OPERATOR })
	};
};
