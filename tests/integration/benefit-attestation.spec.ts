import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	actions,
	load as benefitLoad
} from '../../src/routes/(app)/gevinster/[id=id]/+page.server';
import { load as mineLoad } from '../../src/routes/(app)/arshjul/mine/+page.server';
import { load as waitingLoad } from '../../src/routes/(app)/gevinster/attestering/+page.server';
import { makeEvent, makeUser, outcome, signIn, type Signed } from '../factories';
import { makeBenefit, makeMission, makeProject } from '../factories/benefits';
import { db } from '$lib/server/db';
import { benefitForecast, realisation, realisationConfirmation } from '$lib/server/db/schema';

const who: Record<'leader' | 'owner' | 'admin' | 'viewer' | 'validator', Signed> = {} as never;
let benefitId = 0;
let hoursId = 0;
let projectId = 0;
const NOW = new Date('2026-11-15T10:00:00Z');

const on = (s: Signed, id: number, form?: Record<string, string>) =>
	makeEvent({
		signed: s,
		path: `/gevinster/${id}`,
		params: { id: String(id) },
		form,
		now: NOW
	}) as never;
const act = (name: keyof typeof actions, s: Signed, form: Record<string, string>, id = benefitId) =>
	outcome(() => actions[name]!(on(s, id, form)));
const log = (s: Signed, form: Record<string, string>, id = benefitId) =>
	act('logRealisation', s, { comment: '', evidence: '', ...form }, id);
const rowsOf = (id: number) =>
	db.select().from(realisation).where(eq(realisation.benefitId, id)).all();
const page = async (s: Signed) =>
	(await benefitLoad(on(s, benefitId))) as {
		governance: {
			rows: {
				id: number;
				period: string;
				attestedBy: string | null;
				correctionReason: string | null;
				canAttest: boolean;
			}[];
			health: { status: string; sentence: string } | null;
		};
		history: { id: number; correctionReason: string | null; supersedesId: number | null }[];
	};

beforeAll(async () => {
	who.leader = signIn(await makeUser([{ role: 'programme_leader' }]));
	who.owner = signIn(await makeUser([{ role: 'viewer' }], { name: 'Olga Eier' }));
	who.admin = signIn(await makeUser([{ role: 'admin' }]));
	who.viewer = signIn(await makeUser([{ role: 'viewer' }]));
	who.validator = signIn(await makeUser([{ role: 'viewer' }], { name: 'Øk Onomi' }));
	const { tracks } = makeMission(who.leader.user.id);
	projectId = makeProject(who.leader.user.id, tracks).projectId;
	const people = { ownerId: who.owner.user.id, validatorId: who.validator.user.id };
	benefitId = makeBenefit(projectId, { title: 'Familiens gevinst', ...people }, who.leader.user.id);
	hoursId = makeBenefit(
		projectId,
		{ title: 'Timer spart', unit: 'timer', indicator: 'Timer', ...people },
		who.leader.user.id
	);
});

describe('attesting a period', () => {
	let octoberId = 0;
	it('only the owner attests: programme leader, admin and viewer are refused', async () => {
		expect(await log(who.leader, { period: '2026-10', value: '100 000' })).toMatchObject({
			kind: 'ok'
		});
		octoberId = rowsOf(benefitId)[0]!.id;
		const form = { realisationId: String(octoberId), period: '2026-10' };
		for (const s of [who.leader, who.admin, who.viewer]) {
			expect(await act('attest', s, form)).toMatchObject({ kind: 'error', status: 403 });
		}
		expect(await act('attest', who.owner, form)).toMatchObject({
			kind: 'ok',
			data: { success: 'Verdien for oktober 2026 er attestert.' }
		});
		const [c] = db.select().from(realisationConfirmation).all();
		expect(c).toMatchObject({
			realisationId: octoberId,
			kind: 'attest',
			byId: who.owner.user.id,
			statement: 'Jeg bekrefter at dette er målt verdi for oktober 2026'
		});
		expect(await act('attest', who.owner, form)).toMatchObject({ kind: 'fail', status: 400 });
	});

	it('locks the period: a new value without a reason is refused and writes nothing', async () => {
		const before = rowsOf(benefitId).length;
		const r = await log(who.leader, { period: '2026-10', value: '90 000' });
		expect(r).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					correctionReason: 'Perioden er attestert. Skriv en begrunnelse for korrigeringen.'
				}
			}
		});
		expect(rowsOf(benefitId)).toHaveLength(before);
	});

	it('with a reason it supersedes the attested row, shows as a correction and waits anew', async () => {
		const r = await log(who.leader, {
			period: '2026-10',
			value: '90 000',
			correctionReason: 'Regnskapet ble korrigert'
		});
		expect(r).toMatchObject({ kind: 'ok' });
		const newest = rowsOf(benefitId).at(-1)!;
		expect(newest).toMatchObject({
			supersedesId: octoberId,
			correctionReason: 'Regnskapet ble korrigert'
		});
		const p = await page(who.owner);
		expect(p.governance.rows).toEqual([
			expect.objectContaining({
				id: newest.id,
				attestedBy: null,
				canAttest: true,
				correctionReason: 'Regnskapet ble korrigert'
			})
		]);
		expect(p.history[0]).toMatchObject({
			id: newest.id,
			correctionReason: 'Regnskapet ble korrigert'
		});
	});

	it('lists waiting periods for the owner and for the steering group', async () => {
		const mine = (await mineLoad(
			makeEvent({ signed: who.owner, path: '/arshjul/mine', now: NOW }) as never
		)) as {
			confirmations: {
				attest: { total: number; rows: { period: string; title: string; href: string }[] };
			};
		};
		expect(mine.confirmations.attest.total).toBe(1);
		// The link names the month and lands on it, not on the section's newest month.
		expect(mine.confirmations.attest.rows[0]).toMatchObject({
			period: '2026-10',
			title: 'Familiens gevinst',
			href: `/gevinster/${benefitId}#attest-2026-10`
		});
		const all = (await waitingLoad(
			makeEvent({ signed: who.viewer, path: '/gevinster/attestering', now: NOW }) as never
		)) as { count: number; rows: { owner: string }[] };
		expect(all.count).toBe(1);
		expect(all.rows[0]).toMatchObject({
			owner: 'Olga Eier',
			href: `/gevinster/${benefitId}#attest-2026-10`
		});
	});

	it('the steering list follows logging, correcting and attesting; an ownerless benefit waits too', async () => {
		const steering = async () =>
			(await waitingLoad(
				makeEvent({ signed: who.viewer, path: '/gevinster/attestering', now: NOW }) as never
			)) as { count: number; rows: { id: number; period: string; owner: string | null }[] };
		const before = (await steering()).count;
		await log(who.leader, { period: '2026-09', value: '40 000' });
		const september = rowsOf(benefitId).find((r) => r.period === '2026-09')!.id;
		expect((await steering()).count).toBe(before + 1);
		// A correction before attestation replaces the waiting entry: still one for September.
		await log(who.leader, { period: '2026-09', value: '42 000', supersedesId: String(september) });
		const corrected = rowsOf(benefitId).find((r) => r.supersedesId === september)!.id;
		const after = await steering();
		expect(after.count).toBe(before + 1);
		expect(after.rows.map((r) => r.id)).toContain(corrected);
		expect(after.rows.map((r) => r.id)).not.toContain(september);
		expect(
			await act('attest', who.owner, { realisationId: String(corrected), period: '2026-09' })
		).toMatchObject({ kind: 'ok' });
		expect((await steering()).count).toBe(before);

		const orphan = makeBenefit(projectId, { title: 'Uten eier' }, who.leader.user.id);
		await log(who.leader, { period: '2026-08', value: '1 000' }, orphan);
		const list = await steering();
		expect(list.count).toBe(before + 1);
		expect(list.rows.find((r) => r.period === '2026-08')).toMatchObject({ owner: null });
	});
});

describe('validating a kroner gain', () => {
	it('the validator confirms a value someone else logged; not their own, not other units', async () => {
		const id = rowsOf(benefitId)
			.filter((r) => r.period === '2026-10')
			.at(-1)!.id;
		const form = { realisationId: String(id), period: '2026-10' };
		expect(await act('validate', who.owner, form)).toMatchObject({ kind: 'error', status: 403 });
		// Validation follows the owner's attestation of that month: not offered, and refused.
		const offered = async () =>
			(
				(await benefitLoad(on(who.validator, benefitId))) as {
					governance: { rows: { id: number; canValidate: boolean }[] };
				}
			).governance.rows.find((r) => r.id === id)!.canValidate;
		expect(await offered()).toBe(false);
		expect(await act('validate', who.validator, form)).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					_form: expect.stringContaining('Be gevinsteieren attestere måneden')
				}
			}
		});
		expect(
			db
				.select()
				.from(realisationConfirmation)
				.where(eq(realisationConfirmation.realisationId, id))
				.all()
		).toHaveLength(0);
		expect(await act('attest', who.owner, form)).toMatchObject({ kind: 'ok' });
		expect(await offered()).toBe(true);
		expect(await act('validate', who.validator, form)).toMatchObject({ kind: 'ok' });

		// Hours are not validated.
		await log(who.leader, { period: '2026-10', value: '5' }, hoursId);
		const hours = rowsOf(hoursId)[0]!.id;
		expect(
			await act(
				'validate',
				who.validator,
				{ realisationId: String(hours), period: '2026-10' },
				hoursId
			)
		).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { _form: 'Bare gevinster i kroner valideres.' } }
		});
	});

	it('refuses the validator validating a value they logged themselves', async () => {
		// A row the validator logged (the page does not offer it; the write refuses it anyway).
		const { confirmRealisation } = await import('$lib/server/db/queries/benefits-attestation');
		const own = db
			.insert(realisation)
			.values({
				benefitId,
				period: '2026-09',
				value: 1,
				authorId: who.validator.user.id,
				createdAt: NOW
			})
			.returning()
			.get();
		const r = confirmRealisation(
			benefitId,
			{ realisationId: own.id, kind: 'validate', period: own.period, statement: 'x' },
			who.validator.user.id,
			NOW
		);
		expect(r).toEqual({ ok: false, reason: 'own_value' });
	});

	it('refuses a statement that names another month than the value', async () => {
		const october = rowsOf(benefitId).find((r) => r.period === '2026-10')!;
		expect(
			await act('validate', who.validator, {
				realisationId: String(october.id),
				period: '2026-11'
			})
		).toMatchObject({ kind: 'fail', status: 400 });
	});

	it('a confirmation row can be neither changed nor removed', () => {
		expect(() => db.update(realisationConfirmation).set({ statement: 'endret' }).run()).toThrow(
			/cannot be changed/
		);
		expect(() => db.delete(realisationConfirmation).run()).toThrow(/cannot be removed/);
	});
});

describe('forecast', () => {
	it('the owner keeps a forecast for coming months; a past month and a viewer are refused', async () => {
		expect(await act('forecast', who.owner, { period: '2026-12', value: '50 000' })).toMatchObject({
			kind: 'ok'
		});
		expect(await act('forecast', who.owner, { period: '2026-12', value: '60 000' })).toMatchObject({
			kind: 'ok'
		});
		expect(await act('forecast', who.owner, { period: '2026-10', value: '1' })).toMatchObject({
			kind: 'fail',
			status: 400,
			data: { errors: { period: 'Prognosen gjelder denne måneden eller senere' } }
		});
		expect(await act('forecast', who.viewer, { period: '2026-12', value: '1' })).toMatchObject({
			kind: 'error',
			status: 403
		});
		const rows = db
			.select()
			.from(benefitForecast)
			.where(eq(benefitForecast.benefitId, benefitId))
			.all();
		expect(rows.map((r) => [r.period, r.value])).toEqual([['2026-12', 60_000]]);
	});
});

describe('every waiting period can be reached', () => {
	it('«Mine oppgaver» pages the owner’s waiting periods, oldest first, each once', async () => {
		const owner = signIn(await makeUser([{ role: 'viewer' }]));
		const id = makeBenefit(
			projectId,
			{ title: 'Mange måneder', ownerId: owner.user.id },
			who.leader.user.id
		);
		const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
		for (const period of months) {
			expect(await log(who.leader, { period, value: '1 000' }, id)).toMatchObject({ kind: 'ok' });
		}
		type Mine = {
			confirmations: {
				attest: {
					total: number;
					rows: { period: string }[];
					pager: { next: string | null; previous: string | null };
				};
			};
		};
		const mine = async (query = '') =>
			(
				(await mineLoad(
					makeEvent({ signed: owner, path: `/arshjul/mine${query}`, now: NOW }) as never
				)) as Mine
			).confirmations.attest;
		const first = await mine();
		expect(first.total).toBe(12);
		expect(first.rows.map((r) => r.period)).toEqual(months.slice(0, 10));
		expect(first.pager.previous).toBeNull();
		expect(first.pager.next).toMatch(/^\?attest-etter=[\w-]+#venter-attest$/);
		const second = await mine(first.pager.next!.replace(/#.*/, ''));
		expect(second.rows.map((r) => r.period)).toEqual(months.slice(10));
		expect(second.pager.next).toBeNull();
		expect(second.pager.previous).not.toBeNull();
		expect(second.total).toBe(12);
	});
});
