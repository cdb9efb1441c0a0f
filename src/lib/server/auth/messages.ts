/** What signing in answers (the login page), in Norwegian. */
export const LOGIN_MESSAGES = {
	/** One answer for an unknown, inactive or password-less account and a wrong password. */
	wrong: 'Feil e-post eller passord.',
	throttled: (seconds: number) =>
		`For mange mislykkede forsøk. Vent ${seconds} sekunder og prøv igjen.`,
	passwordOff: 'Innlogging med passord er slått av her. Bruk knappen for å logge inn.',
	/** A set-password link opened where passwords cannot sign in: the link is left unused. */
	passwordLinkOff:
		'Innlogging med passord er slått av her, så du trenger ikke velge et passord. Logg inn med kommunens brukerkonto.'
} as const;

/**
 * Why a sign-in through the identity provider failed, by the code the callback puts in the
 * address (`/login?sso=<code>`); the login page shows only these texts, never what came in.
 */
export const SSO_MESSAGES = {
	not_configured: 'Innlogging gjennom kommunens brukerkonto er ikke satt opp.',
	unavailable: 'Fikk ikke kontakt med innloggingstjenesten. Prøv igjen om litt.',
	expired:
		'Innloggingen ble ikke fullført i tide, eller svaret er allerede brukt. Prøv å logge inn på nytt.',
	denied: 'Innloggingen ble avbrutt hos innloggingstjenesten.',
	invalid: 'Svaret fra innloggingstjenesten kunne ikke godkjennes. Prøv å logge inn på nytt.',
	no_email:
		'Innloggingstjenesten oppga ingen e-postadresse for deg. Kontakt en administrator i kommunen.',
	email_unverified:
		'Innloggingstjenesten har ikke bekreftet e-postadressen din. Kontakt en administrator i kommunen.',
	unknown_user: 'Du har ingen konto i Misjonskart. Be en administrator i kommunen om tilgang.',
	inactive: 'Kontoen din er deaktivert. Kontakt en administrator i kommunen.',
	identity_mismatch:
		'Kontoen med denne e-postadressen tilhører en annen person hos innloggingstjenesten. Kontakt en administrator i kommunen.',
	throttled: 'For mange mislykkede innloggingsforsøk fra denne adressen. Vent litt og prøv igjen.'
} as const;

export type SsoFailure = keyof typeof SSO_MESSAGES;

/** The message for a code from the address, or null for anything we did not put there. */
export function ssoMessage(code: string | null): string | null {
	return code !== null && Object.hasOwn(SSO_MESSAGES, code)
		? SSO_MESSAGES[code as SsoFailure]
		: null;
}
