import { describe, expect, it } from 'vitest';
import { DEVIATIONS } from './statement';
import { statementContact } from '$lib/server/accessibility-contact';

describe('the accessibility statement', () => {
	it('gives the installation’s e-mail address and operator', () => {
		expect(
			statementContact({ UU_CONTACT: ' uu@bergen.kommune.no ', UU_OPERATOR: 'Bergen kommune' })
		).toEqual({ email: 'uu@bergen.kommune.no', operator: 'Bergen kommune' });
	});

	it('points at the operator when nothing is set, and never at a broken address', () => {
		expect(statementContact({})).toEqual({
			email: null,
			operator: 'kommunen som driver Misjonskart'
		});
		expect(statementContact({ UU_CONTACT: 'postmottak' }).email).toBeNull();
	});

	it('lists no deviation that has been fixed (the off-screen confirmation)', () => {
		expect(DEVIATIONS.map((d) => d.description).join(' ')).not.toMatch(/utenfor skjermen/);
	});
});
