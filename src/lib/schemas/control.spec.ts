import { describe, expect, it } from 'vitest';
import { closeDeviationSchema } from './control';

describe('closing a deviation', () => {
	it('needs a note, and refuses one made of control characters', () => {
		// SQLite's text functions stop at NUL: such a note would be empty to the database's own
		// check (deviation_closed) and fail the write with a 500 instead of a message.
		const parse = (closingNote: string) => closeDeviationSchema.safeParse({ closingNote });
		expect(parse('Rutinen er oppdatert').success).toBe(true);
		expect(parse('   ').success).toBe(false);
		const nul = parse('\u0000');
		expect(nul.success).toBe(false);
		expect(nul.error?.issues[0]?.message).toBe('Teksten inneholder ugyldige tegn');
	});
});
