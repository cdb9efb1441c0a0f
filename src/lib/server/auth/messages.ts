/** What signing in answers (the login page), in Norwegian. */
export const LOGIN_MESSAGES = {
	/** One answer for an unknown, inactive or password-less account and a wrong password. */
	wrong: 'Feil e-post eller passord.',
	throttled: (seconds: number) =>
		`For mange mislykkede forsøk. Vent ${seconds} sekunder og prøv igjen.`
} as const;
