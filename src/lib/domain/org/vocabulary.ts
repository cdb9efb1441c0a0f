/**
 * The organisation's vocabulary: the role codes and their bokmål names, shared by server and UI
 * (README, «Roller»). The database stores these codes as they are.
 */
export const ROLES = [
	'admin',
	'steering',
	'programme_leader',
	'unit_leader',
	'viewer',
	'municipal_director'
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
	admin: 'Administrator',
	steering: 'Styringsgruppe',
	programme_leader: 'Programleder',
	unit_leader: 'Enhetsleder',
	viewer: 'Lesetilgang',
	// Kommunedirektøren (kommuneloven § 25-1): reads what the steering group reads, and writes,
	// freezes and signs the annual internal-control report (§ 25-2).
	municipal_director: 'Kommunedirektør'
};
