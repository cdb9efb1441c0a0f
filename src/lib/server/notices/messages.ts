/** The notices' messages. */
export const NOTICE_SUCCESS = {
	read: 'Varselet er merket som lest.',
	allRead: (n: number) =>
		n === 0
			? 'Du har ingen uleste varsler.'
			: `${n} ${n === 1 ? 'varsel' : 'varsler'} merket som lest.`
} as const;
