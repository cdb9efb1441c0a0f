import { describe, expect, it } from 'vitest';
import {
	parseGroupRoles,
	readGroups,
	readIdentity,
	rolesForGroups,
	rolesToRemove,
	type ClaimNames
} from './claims';

const NAMES: ClaimNames = {
	email: 'email',
	emailVerified: 'email_verified',
	name: 'name',
	groups: 'groups'
};

describe('readIdentity', () => {
	it('reads a verified address, lower-cased, with the name and groups', () => {
		expect(
			readIdentity(
				{ email: ' Kari@Kommune.NO ', email_verified: true, name: 'Kari', groups: ['a', 'a', 'b'] },
				NAMES
			)
		).toEqual({
			ok: true,
			identity: { email: 'kari@kommune.no', name: 'Kari', groups: ['a', 'b'] }
		});
	});

	it('refuses an address the provider does not vouch for', () => {
		expect(readIdentity({ email: 'kari@kommune.no' }, NAMES)).toEqual({
			ok: false,
			reason: 'email_unverified'
		});
		expect(readIdentity({ email: 'kari@kommune.no', email_verified: false }, NAMES)).toMatchObject({
			ok: false
		});
		// Some providers send the boolean as a string.
		expect(readIdentity({ email: 'kari@kommune.no', email_verified: 'true' }, NAMES)).toMatchObject(
			{ ok: true }
		);
	});

	it('refuses claims without an address, or with something that is not one', () => {
		expect(readIdentity({ email_verified: true }, NAMES)).toEqual({
			ok: false,
			reason: 'no_email'
		});
		expect(readIdentity({ email: 'kari', email_verified: true }, NAMES)).toMatchObject({
			ok: false,
			reason: 'no_email'
		});
		expect(readIdentity({ email: ['a@b.no'], email_verified: true }, NAMES)).toMatchObject({
			ok: false
		});
	});

	it('reads the configured claims, and trusts every address when told to', () => {
		const entra: ClaimNames = {
			email: 'preferred_username',
			emailVerified: null,
			name: 'name',
			groups: 'roles'
		};
		expect(
			readIdentity({ preferred_username: 'ola@kommune.no', roles: 'Misjonskart.Admin' }, entra)
		).toEqual({
			ok: true,
			identity: { email: 'ola@kommune.no', name: 'ola@kommune.no', groups: ['Misjonskart.Admin'] }
		});
	});
});

describe('readGroups', () => {
	it('keeps strings only', () => {
		expect(readGroups(['a', 3, null, ' b ', ''])).toEqual(['a', 'b']);
		expect(readGroups({ a: 1 })).toEqual([]);
		expect(readGroups(undefined)).toEqual([]);
	});
});

describe('group mapping', () => {
	it('parses entries separated by semicolons or lines', () => {
		expect(parseGroupRoles('g-admin=admin; g-led = unit_leader:12\n g-led=viewer;;')).toEqual({
			ok: true,
			value: [
				{ group: 'g-admin', role: 'admin', unitId: null },
				{ group: 'g-led', role: 'unit_leader', unitId: 12 },
				{ group: 'g-led', role: 'viewer', unitId: null }
			]
		});
		expect(parseGroupRoles('')).toEqual({ ok: true, value: [] });
	});

	it('keeps an equals sign inside the group name (LDAP names)', () => {
		expect(parseGroupRoles('CN=Styring,OU=Grupper=steering')).toEqual({
			ok: true,
			value: [{ group: 'CN=Styring,OU=Grupper', role: 'steering', unitId: null }]
		});
	});

	it.each([
		['g=superuser', 'ukjent rolle «superuser»; gyldige roller er admin'],
		['=admin', 'gruppe=rolle'],
		['g-admin', 'gruppe=rolle'],
		['g=unit_leader', 'enhetens id'],
		['g=unit_leader:x', 'enhetens id'],
		['g=admin:3', 'bare unit_leader']
	])('reports «%s»', (source, message) => {
		const result = parseGroupRoles(source);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toContain(message);
	});

	it('gives the roles of the groups the person is in, each once', () => {
		const mapping = [
			{ group: 'a', role: 'viewer', unitId: null },
			{ group: 'b', role: 'viewer', unitId: null },
			{ group: 'b', role: 'unit_leader', unitId: 4 },
			{ group: 'c', role: 'admin', unitId: null }
		] as const;
		expect(rolesForGroups(['a', 'b'], mapping)).toEqual([
			{ role: 'viewer', unitId: null },
			{ role: 'unit_leader', unitId: 4 }
		]);
		expect(rolesForGroups([], mapping)).toEqual([]);
	});
});

describe('rolesToRemove', () => {
	const mapping = [
		{ group: 'ledere-helse', role: 'unit_leader' as const, unitId: 4 },
		{ group: 'ledere-skole', role: 'unit_leader' as const, unitId: 7 },
		{ group: 'styring', role: 'steering' as const, unitId: null }
	];
	const held = [
		{ id: 1, role: 'unit_leader' as const, unitId: 4 },
		{ id: 2, role: 'unit_leader' as const, unitId: 7 },
		{ id: 3, role: 'admin' as const, unitId: null },
		{ id: 4, role: 'unit_leader' as const, unitId: 9 },
		{ id: 5, role: 'steering' as const, unitId: null }
	];

	it('takes away the mapped roles whose group the person has left, and nothing else', () => {
		const given = rolesForGroups(['ledere-helse'], mapping);
		// Unit 9 and the admin role are not in the mapping: the administrator keeps them.
		expect(rolesToRemove(held, given, mapping).map((r) => r.id)).toEqual([2, 5]);
	});

	it('takes away nothing while every mapped role is still given', () => {
		const given = rolesForGroups(['ledere-helse', 'ledere-skole', 'styring'], mapping);
		expect(rolesToRemove(held, given, mapping)).toEqual([]);
	});

	it('takes away nothing when there is no mapping', () => {
		expect(rolesToRemove(held, [], [])).toEqual([]);
	});
});

describe('a missing groups claim', () => {
	it('is read as «not said», not as «in no group»', () => {
		const read = readIdentity({ email: 'a@b.no', email_verified: true }, NAMES);
		expect(read).toMatchObject({ ok: true, identity: { groups: null } });
		const empty = readIdentity({ email: 'a@b.no', email_verified: true, groups: [] }, NAMES);
		expect(empty).toMatchObject({ ok: true, identity: { groups: [] } });
	});
});
