import { describe, expect, it } from 'vitest';
import { actions as userDetailActions } from '../../src/routes/(app)/admin/brukere/[id=id]/+page.server';
import { actions as unitActions } from '../../src/routes/(app)/admin/enheter/+page.server';
import {
	countActiveAdmins,
	createUser,
	getUserById,
	listRolesOfUser,
	removeRoleAssignment
} from '$lib/server/db/queries/users';
import { countAuditEntries, listAuditEntries } from '$lib/server/db/queries/audit';
import { getUnit } from '$lib/server/db/queries/units';
import { getDb } from '$lib/server/db';
import { makeEvent, makeUnit, makeUser, outcome, signIn } from '../factories';

describe('the last active admin', () => {
	it('cannot remove their own admin role or be deactivated; can once another admin exists', async () => {
		expect(countActiveAdmins()).toBe(0);
		const adminId = await makeUser([{ role: 'admin' }]);
		const admin = signIn(adminId);
		const adminRole = listRolesOfUser(adminId).find((r) => r.role === 'admin')!;
		const params = { id: String(adminId) };

		const removal = await outcome(() =>
			userDetailActions.removeRole!(
				makeEvent({ signed: admin, params, form: { assignmentId: String(adminRole.id) } }) as never
			)
		);
		expect(removal).toMatchObject({ kind: 'fail', status: 400 });
		expect((removal as { data: { errors: Record<string, string> } }).data.errors._form).toMatch(
			/siste aktive administratoren/
		);

		const deactivation = await outcome(() =>
			userDetailActions.deactivate!(makeEvent({ signed: admin, params, form: {} }) as never)
		);
		expect(deactivation).toMatchObject({ kind: 'fail', status: 400 });
		expect(getUserById(adminId)!.active).toBe(true);
		expect(listRolesOfUser(adminId).some((r) => r.role === 'admin')).toBe(true);

		await makeUser([{ role: 'admin' }]);
		expect(removeRoleAssignment(adminRole.id, adminId, new Date())).toEqual({
			ok: true,
			value: undefined
		});
		expect(listRolesOfUser(adminId).some((r) => r.role === 'admin')).toBe(false);
	});
});

describe('audit', () => {
	it('writes one row with the change, holding before and after', async () => {
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const unitId = makeUnit('Avdeling Vest');
		const before = countAuditEntries('unit', String(unitId));
		const result = await outcome(() =>
			unitActions.rename!(
				makeEvent({
					signed: admin,
					form: { unitId: String(unitId), name: 'Avdeling Vest 2', version: '0' }
				}) as never
			)
		);
		expect(result.kind).toBe('ok');
		expect(getUnit(unitId)!.name).toBe('Avdeling Vest 2');
		expect(countAuditEntries('unit', String(unitId))).toBe(before + 1);
		const [row] = listAuditEntries({
			entity: 'unit',
			entityId: String(unitId),
			action: 'rename'
		}).rows;
		expect(row).toMatchObject({
			actorId: admin.user.id,
			before: { name: 'Avdeling Vest' },
			after: { name: 'Avdeling Vest 2' }
		});
	});

	it('writes nothing when the change is refused', async () => {
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const parent = makeUnit('Forelder');
		makeUnit('Barn', parent);
		const before = countAuditEntries('unit', String(parent));
		const result = await outcome(() =>
			unitActions.archive!(makeEvent({ signed: admin, form: { unitId: String(parent) } }) as never)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { _form: 'Enheten har aktive underenheter. Arkiver eller flytt dem først.' } }
		});
		expect(getUnit(parent)!.archivedAt).toBeNull();
		expect(countAuditEntries('unit', String(parent))).toBe(before);
	});

	it('leaves neither the change nor the audit row when the audit write fails', async () => {
		// An actor that does not exist breaks the audit row's foreign key inside the transaction.
		const result = () =>
			createUser(
				{
					name: 'Halv Skrevet',
					email: 'halv@test.no',
					passwordHash: null,
					mustChangePassword: false
				},
				987654,
				new Date()
			);
		expect(result).toThrow();
		const users = getDb()
			.$client.prepare("select count(*) as n from user where email = 'halv@test.no'")
			.get() as { n: number };
		expect(users.n).toBe(0);
		expect(
			listAuditEntries({ entity: 'user' }).rows.some(
				(r) => (r.after as { email?: string } | null)?.email === 'halv@test.no'
			)
		).toBe(false);
	});

	it('refuses moving a unit under its own descendant, and writes nothing', async () => {
		const admin = signIn(await makeUser([{ role: 'admin' }]));
		const top = makeUnit('Topp');
		const child = makeUnit('Under', top);
		const before = countAuditEntries('unit', String(top));
		const result = await outcome(() =>
			unitActions.move!(
				makeEvent({
					signed: admin,
					form: { unitId: String(top), parentId: String(child), version: '0' }
				}) as never
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					parentId: 'En enhet kan ikke flyttes inn under seg selv eller en av sine underenheter.'
				}
			}
		});
		expect(getUnit(top)!.parentId).toBeNull();
		expect(countAuditEntries('unit', String(top))).toBe(before);
	});
});
