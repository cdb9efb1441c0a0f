/**
 * Where the accessibility statement (/tilgjengelighet) sends a report of a barrier, from the
 * installation's settings; read by the page and checked at startup, which warns when unset.
 */

export interface Contact {
	/** Where to write; null where the installation has not set one (UU_CONTACT). */
	email: string | null;
	/** Who runs this installation and answers (UU_OPERATOR). */
	operator: string;
}

/**
 * The statement's contact, from the installation's settings (README, «Konfigurasjon»). Digdir's
 * template asks for a way to report a barrier that reaches the owner of the service; a
 * self-hosted Misjonskart is owned by the municipality running it, so without settings the
 * statement points at that operator rather than at the makers of the code.
 */
export function statementContact(settings: { UU_CONTACT?: string; UU_OPERATOR?: string }): Contact {
	const email = settings.UU_CONTACT?.trim() ?? '';
	return {
		email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null,
		operator: settings.UU_OPERATOR?.trim() || 'kommunen som driver Misjonskart'
	};
}
