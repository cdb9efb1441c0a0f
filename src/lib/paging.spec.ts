import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { actionHref, encodeKey, readKeyset } from './paging';

const params = (q: string) => new URLSearchParams(q);

function status(run: () => unknown): number | 'ok' {
	try {
		run();
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('readKeyset', () => {
	it('reads the cursor the app wrote, in either direction', () => {
		const key = encodeKey([3, 'Tittel', 17]);
		expect(readKeyset(params(`etter=${key}`), 3)).toEqual({ after: [3, 'Tittel', 17] });
		expect(readKeyset(params(`bak-for=${key}`), 3, 'bak-')).toEqual({ before: [3, 'Tittel', 17] });
		expect(readKeyset(params(''), 3)).toEqual({});
		expect(readKeyset(params('etter='), 3)).toEqual({});
	});

	it('answers 400 for a cursor the app never writes', () => {
		expect(status(() => readKeyset(params('etter=zzz'), 3))).toBe(400);
		// A valid cursor of the wrong shape (two values where the list sorts by three).
		expect(status(() => readKeyset(params(`etter=${encodeKey([1, 2])}`), 3))).toBe(400);
		expect(status(() => readKeyset(params('gev-etter=bm9wZQ'), 1, 'gev-'))).toBe(400);
		const key = encodeKey([1]);
		expect(status(() => readKeyset(params(`etter=${key}&for=${key}`), 1))).toBe(400);
	});
});

describe('actionHref', () => {
	it('keeps the page parameters before the action, and is the bare action without any', () => {
		expect(actionHref('', 'addLink')).toBe('?/addLink');
		expect(actionHref('tiltak-side=2&sok-fra=a%26b', 'addLink')).toBe(
			'?tiltak-side=2&sok-fra=a%26b&/addLink'
		);
	});
});
