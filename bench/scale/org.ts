/**
 * Units in a three-level tree (sector → service → department, as in seed 004: Helse og
 * mestring → Bo og habilitering → Avdeling Nord) and users per role. Every unit has its own
 * unit leader, so sign-offs spread over many people as they would.
 */
import { roleAssignment, unit, user } from '../../src/lib/server/db/schema';
import type { Role } from '../../src/lib/domain/org/vocabulary';
import { addMonths, firstDay, workingTime, type Context } from './context';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, SECTORS, SERVICES } from './words';

export interface ScaleUnit {
	id: number;
	name: string;
	parentId: number | null;
	depth: 0 | 1 | 2;
}

export interface ScaleUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	unitId: number | null;
}

export interface Org {
	units: ScaleUnit[];
	byDepth: [number[], number[], number[]];
	users: ScaleUser[];
	byRole: Record<Role, ScaleUser[]>;
	leaderOf: Map<number, ScaleUser>;
	/** When the organisation was set up: a year before the oldest data. */
	setupMs: number;
}

export const EMAIL_DOMAIN = 'skala.misjonskart.no';

const ROLE_SLUG: Record<Role, string> = {
	admin: 'admin',
	steering: 'styring',
	programme_leader: 'program',
	unit_leader: 'enhet',
	viewer: 'leser',
	municipal_director: 'direktor'
};

/** The e-mail of the n-th (1-based) generated user of a role; the benchmark signs in with it. */
export function scaleEmail(role: Role, n: number): string {
	return `${ROLE_SLUG[role]}-${n}@${EMAIL_DOMAIN}`;
}

function unique(name: string, seen: Map<string, number>): string {
	const n = (seen.get(name) ?? 0) + 1;
	seen.set(name, n);
	return n === 1 ? name : `${name} ${n}`;
}

export function seedOrganisation(ctx: Context, passwordHash: string): Org {
	const rng = ctx.rng('org');
	const setupMonth = addMonths(ctx.month, -36);
	const setupMs = workingTime(rng, firstDay(setupMonth));
	const total = ctx.scaled(300, 3);
	const sectors = Math.max(1, Math.round(total * 0.02));
	const services = Math.max(1, Math.round(total * 0.08));
	const departments = Math.max(1, total - sectors - services);

	const units: ScaleUnit[] = [];
	const byDepth: Org['byDepth'] = [[], [], []];
	const names = new Map<string, number>();
	const units_ = ctx.writer(unit, ['id', 'name', 'parentId', 'createdAt'], 'bench/scale/org.ts');
	const add = (name: string, parentId: number | null, depth: 0 | 1 | 2) => {
		const id = units.length + 1;
		units.push({ id, name, parentId, depth });
		byDepth[depth].push(id);
		units_.row([id, name, parentId, setupMs + id * 60_000]);
	};
	for (let i = 0; i < sectors; i++) add(unique(SECTORS[i % SECTORS.length]!, names), null, 0);
	for (let i = 0; i < services; i++) {
		add(unique(SERVICES[i % SERVICES.length]!, names), byDepth[0][i % sectors]!, 1);
	}
	for (let i = 0; i < departments; i++) {
		const parent = byDepth[1][i % services]!;
		const service = units[parent - 1]!.name;
		add(unique(`${service}, ${DEPARTMENTS[i % DEPARTMENTS.length]}`, names), parent, 2);
	}

	const counts: Record<Role, number> = {
		admin: 2,
		steering: ctx.scaled(8, 2),
		programme_leader: ctx.scaled(60, 2),
		unit_leader: units.length,
		viewer: ctx.scaled(20, 1),
		// None: the generated data keeps the ids and draws it had before the role existed.
		municipal_director: 0
	};
	const users: ScaleUser[] = [];
	const byRole = {
		admin: [],
		steering: [],
		programme_leader: [],
		unit_leader: [],
		viewer: [],
		municipal_director: []
	} as Record<Role, ScaleUser[]>;
	const leaderOf = new Map<number, ScaleUser>();
	const users_ = ctx.writer(
		user,
		['id', 'name', 'email', 'passwordHash', 'active', 'mustChangePassword', 'createdAt'],
		'bench/scale/org.ts'
	);
	const roles_ = ctx.writer(
		roleAssignment,
		['id', 'userId', 'role', 'unitId'],
		'bench/scale/org.ts'
	);
	for (const role of Object.keys(counts) as Role[]) {
		for (let n = 1; n <= counts[role]; n++) {
			const id = users.length + 1;
			const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
			const unitId = role === 'unit_leader' ? n : null;
			const u: ScaleUser = { id, email: scaleEmail(role, n), name, role, unitId };
			users.push(u);
			byRole[role].push(u);
			if (unitId !== null) leaderOf.set(unitId, u);
			users_.row([id, name, u.email, passwordHash, 1, 0, setupMs + 3_600_000 + id * 60_000]);
			roles_.row([id, id, role, unitId]);
		}
	}
	return { units, byDepth, users, byRole, leaderOf, setupMs };
}
