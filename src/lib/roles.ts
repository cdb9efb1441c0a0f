/** Role codes and their Norwegian names; shared by server and UI. See README, «Roller». */
export const ROLES = ['admin', 'steering', 'programme_leader', 'unit_leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	admin: 'Administrator',
	steering: 'Styringsgruppe',
	programme_leader: 'Programleder',
	unit_leader: 'Enhetsleder',
	viewer: 'Lesetilgang'
};
