/**
 * What single sign-on reads from the identity provider's claims (OpenID Connect Core 1.0 § 5.1):
 * who the person is (e-mail, and whether the provider vouches for it) and which groups they
 * belong to, and which of our roles those groups give. Pure: the server hands in the claims of an
 * id_token it has already verified.
 */
import { ROLES, type Role } from '$lib/domain/org/vocabulary';

/** One line of the group mapping: members of `group` hold `role` (scoped to a unit for leaders). */
export type GroupRole = { group: string; role: Role; unitId: number | null };

export type ClaimNames = {
	/** The claim that holds the e-mail address (`email`; Entra ID may use `preferred_username`). */
	email: string;
	/**
	 * The claim that says the address is verified (`email_verified`), or null when the provider
	 * only issues addresses it owns (a single-tenant directory), so every address counts as verified.
	 */
	emailVerified: string | null;
	name: string;
	groups: string;
};

/**
 * `groups` is null when the claim is missing altogether: the provider did not say (no groups
 * scope asked for, or Entra ID's «groups overage»), which is not the same as «in no group».
 */
export type Identity = { email: string; name: string; groups: string[] | null };

export type IdentityResult =
	{ ok: true; identity: Identity } | { ok: false; reason: 'no_email' | 'email_unverified' };

/** Loose on purpose: the provider checked the address; this only refuses what cannot be one. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A claim that is a boolean by the standard, but some providers send as the string "true". */
function isTrue(value: unknown): boolean {
	return value === true || value === 'true';
}

/** The groups claim: an array of strings by convention, or one string; anything else is none. */
export function readGroups(value: unknown): string[] {
	if (typeof value === 'string') return text(value) ? [value.trim()] : [];
	if (!Array.isArray(value)) return [];
	return [...new Set(value.map(text).filter((g): g is string => g !== null))];
}

/**
 * The person the claims describe. Matching an account by an e-mail address the provider does
 * not vouch for would let anyone who can type that address into their own profile take over the
 * account, so an unverified address is refused.
 */
export function readIdentity(claims: Record<string, unknown>, names: ClaimNames): IdentityResult {
	const raw = text(claims[names.email]);
	if (!raw || !EMAIL.test(raw)) return { ok: false, reason: 'no_email' };
	if (names.emailVerified !== null && !isTrue(claims[names.emailVerified])) {
		return { ok: false, reason: 'email_unverified' };
	}
	const email = raw.toLowerCase();
	const name = text(claims[names.name]) ?? email;
	const groups = names.groups in claims ? readGroups(claims[names.groups]) : null;
	return { ok: true, identity: { email, name, groups } };
}

/** The roles the mapping gives someone in `groups`, each once. */
export function rolesForGroups(
	groups: readonly string[],
	mapping: readonly GroupRole[]
): { role: Role; unitId: number | null }[] {
	const member = new Set(groups);
	const seen = new Set<string>();
	const roles: { role: Role; unitId: number | null }[] = [];
	for (const m of mapping) {
		const key = `${m.role}:${m.unitId ?? ''}`;
		if (!member.has(m.group) || seen.has(key)) continue;
		seen.add(key);
		roles.push({ role: m.role, unitId: m.unitId });
	}
	return roles;
}

/**
 * The roles the mapping manages: every role and unit it can give someone. The provider's groups
 * decide these, in both directions: someone who leaves a group loses its role at the next
 * sign-in. Roles outside the mapping stay with the administrator, so a mapping that names only
 * unit leaders never takes away an administrator's role.
 */
export function managedRoles(
	mapping: readonly GroupRole[]
): { role: Role; unitId: number | null }[] {
	return rolesForGroups(
		mapping.map((m) => m.group),
		mapping
	);
}

/** Of the roles someone holds, those the mapping manages but their groups no longer give. */
export function rolesToRemove<T extends { role: Role; unitId: number | null }>(
	held: readonly T[],
	given: readonly { role: Role; unitId: number | null }[],
	mapping: readonly GroupRole[]
): T[] {
	const key = (r: { role: Role; unitId: number | null }) => `${r.role}:${r.unitId ?? ''}`;
	const managed = new Set(managedRoles(mapping).map(key));
	const kept = new Set(given.map(key));
	return held.filter((r) => managed.has(key(r)) && !kept.has(key(r)));
}

export type MappingResult = { ok: true; value: GroupRole[] } | { ok: false; error: string };

/**
 * The mapping as written in the environment: entries separated by `;` or line breaks, each
 * `group=role`, and `group=unit_leader:<unit id>` for a unit leader. A group may appear in
 * several entries. A mistake is reported, not skipped, so a typo never silently grants nothing
 * (or something else).
 */
export function parseGroupRoles(source: string): MappingResult {
	const value: GroupRole[] = [];
	const entries = source
		.split(/[;\n]/)
		.map((e) => e.trim())
		.filter(Boolean);
	for (const entry of entries) {
		const at = entry.lastIndexOf('=');
		const group = entry.slice(0, Math.max(at, 0)).trim();
		const [roleText = '', unitText, ...rest] = entry
			.slice(at + 1)
			.split(':')
			.map((s) => s.trim());
		const role = ROLES.find((r) => r === roleText);
		if (at <= 0 || !group || rest.length > 0) {
			return { ok: false, error: `«${entry}» er ikke på formen gruppe=rolle` };
		}
		if (!role) {
			return {
				ok: false,
				error: `«${entry}»: ukjent rolle «${roleText}»; gyldige roller er ${ROLES.join(', ')}`
			};
		}
		if (role === 'unit_leader') {
			const unitId = Number(unitText);
			if (!unitText || !Number.isInteger(unitId) || unitId <= 0) {
				return { ok: false, error: `«${entry}» mangler enhetens id: gruppe=unit_leader:<id>` };
			}
			value.push({ group, role, unitId });
			continue;
		}
		if (unitText !== undefined) {
			return { ok: false, error: `«${entry}»: bare unit_leader knyttes til en enhet` };
		}
		value.push({ group, role, unitId: null });
	}
	return { ok: true, value };
}
