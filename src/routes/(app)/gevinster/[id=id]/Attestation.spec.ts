import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Attestation from './Attestation.svelte';
import { confirmationStatement, periodAnchor } from '$lib/domain/benefits/attestation';

const row = (id: number, period: string, attested: boolean) => ({
	id,
	period,
	value: 1000,
	assessment: null,
	author: 'Pia Plan',
	supersedesId: null,
	correctionReason: null,
	attestedBy: attested ? 'Olga Eier' : null,
	attestedAt: attested ? Date.UTC(2026, 10, 2) : null,
	validatedBy: null,
	validatedAt: null,
	statement: confirmationStatement('attest', period),
	validateStatement: confirmationStatement('validate', period),
	canAttest: !attested,
	canValidate: false
});

const body = () =>
	render(Attestation, {
		props: {
			// Newest first, as the page lists them.
			rows: [row(3, '2026-10', false), row(2, '2026-09', false), row(1, '2026-08', true)],
			unit: 'kr',
			validates: true,
			health: null
		}
	}).body.replace(/\s+/g, ' ');

describe('the benefit page’s months', () => {
	it('a link naming a month lands on that month, before its own button (not the newest)', () => {
		// The links on «Mine oppgaver» end in this anchor (tests/integration/benefit-attestation.spec.ts).
		const html = body();
		const at = html.indexOf(`id="${periodAnchor('2026-09')}"`);
		expect(at).toBeGreaterThan(-1);
		const firstButton = html.slice(at).match(/<button[^>]*>([^<]*)<\/button>/)?.[1];
		expect(firstButton).toBe('Jeg bekrefter at dette er målt verdi for september 2026');
	});

	it('a month not attested yet waits for attestation, not for validation', () => {
		const html = body();
		const months = html.split('<li').slice(1);
		expect(months[0]).toContain('Venter på attestering før validering');
		expect(months[0]).not.toContain('Venter på validering');
		// Attested and not validated: now it is the validation that waits.
		expect(months[2]).toContain('Venter på validering');
	});
});
