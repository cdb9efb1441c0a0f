import { hashPassword } from '$lib/server/auth/password';
import { generateToken } from '$lib/server/auth/tokens';
import { createUser } from '$lib/server/db/queries/users';
import { createUnit } from '$lib/server/db/queries/units';
import type { Role } from '$lib/server/db/schema';

export type DemoUser = { id: number; role: Role; name: string; email: string; password: string };
export type DemoOrganisation = {
	users: DemoUser[];
	units: Record<string, number>;
	byRole: (role: Role) => DemoUser;
};

function created(result: { ok: true; value: number } | { ok: false; reason: string }): number {
	if (!result.ok) throw new Error(`Eksempeldata: ${result.reason}`);
	return result.value;
}

const UNIT_TREE: [string, string | null][] = [
	['Helse og mestring', null],
	['Bo og habilitering', 'Helse og mestring'],
	['Avdeling Nord', 'Bo og habilitering'],
	['Avdeling Sør', 'Bo og habilitering'],
	['Avdeling Fjord', 'Bo og habilitering'],
	['Oppvekst og læring', null],
	['Barnevern', 'Oppvekst og læring'],
	['PP-tjenesten', 'Oppvekst og læring']
];

/** Units from seed 004 (bo og habilitering) and one example user per role, random passwords. */
export async function seedOrganisation(now: Date): Promise<DemoOrganisation> {
	const units: Record<string, number> = {};
	for (const [name, parent] of UNIT_TREE) {
		units[name] = created(
			createUnit({ name, parentId: parent ? units[parent]! : null }, null, now)
		);
	}
	const people: { role: Role; name: string; email: string; unit?: string }[] = [
		{ role: 'admin', name: 'Astrid Admin', email: 'admin@misjonskart.no' },
		{ role: 'steering', name: 'Sigurd Styringsgruppe', email: 'styring@misjonskart.no' },
		{ role: 'programme_leader', name: 'Pia Programleder', email: 'program@misjonskart.no' },
		{
			role: 'unit_leader',
			name: 'Nora Nordby',
			email: 'nord@misjonskart.no',
			unit: 'Avdeling Nord'
		},
		{
			role: 'unit_leader',
			name: 'Sander Sørli',
			email: 'sor@misjonskart.no',
			unit: 'Avdeling Sør'
		},
		{ role: 'viewer', name: 'Vera Leser', email: 'leser@misjonskart.no' }
	];
	const users: DemoUser[] = [];
	for (const p of people) {
		const password = generateToken().slice(0, 16);
		const id = created(
			createUser(
				{
					name: p.name,
					email: p.email,
					passwordHash: await hashPassword(password),
					mustChangePassword: false,
					roles: [{ role: p.role, unitId: p.unit ? units[p.unit]! : null }]
				},
				null,
				now
			)
		);
		users.push({ id, role: p.role, name: p.name, email: p.email, password });
	}
	return {
		users,
		units,
		byRole: (role) => {
			const u = users.find((x) => x.role === role);
			if (!u) throw new Error(`Ingen eksempelbruker med rollen ${role}`);
			return u;
		}
	};
}
