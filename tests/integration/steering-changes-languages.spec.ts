import { describe, expect, it } from 'vitest';
import { changeView } from '$lib/server/steering/views/since-meeting';
import type { ChangeRow } from '$lib/server/db/queries/steering';
import { withLocale } from '$lib/server/i18n';
import type { Locale } from '$lib/i18n';

// «Siden forrige møte» on /styring and in the steering report: each change's detail line in
// the reader's language (the trial saw bokmål months, statuses and units in nynorsk and English).
const row = (r: Partial<ChangeRow> & Pick<ChangeRow, 'kind'>): ChangeRow => ({
	rank: 0,
	id: 1,
	at: 0,
	title: 'T',
	a: null,
	b: 1,
	c: null,
	d: null,
	e: null,
	...r
});

const rows: ChangeRow[] = [
	row({ kind: 'realisation', a: 'correction:', c: '2026-11', d: 290, e: 'timer' }),
	row({ kind: 'realisation', c: '2026-11', d: 1, e: 'timer' }),
	row({ kind: 'realisation', a: '4', c: '2026-11' }),
	row({ kind: 'report', a: 'project', c: 'amber>red' }),
	row({ kind: 'report', a: 'project', c: '>green' }),
	row({ kind: 'status', a: 'track', c: 'proposed>adopted' }),
	row({ kind: 'risk', a: 'project', c: 'mitigating', d: 43 }),
	row({ kind: 'reopening', a: 'Skole', c: '2026-01', d: 3 })
];

const details = (locale: Locale) =>
	withLocale(locale, () => rows.map((r) => changeView(r).detail.replace(/\s/g, ' ')));

describe('«since the last meeting» details', () => {
	it('stay as they were in bokmål', () => {
		expect(details('nb')).toEqual([
			'november 2026: 290 timer (korrigering, erstatter tidligere verdi)',
			'november 2026: 1 timer',
			'november 2026: 4 – god',
			'Prosjekt: Gul → Rød',
			'Prosjekt: første statusrapport, Grønn',
			'Spor: Forslag → Vedtatt',
			'Middels risiko (4 × 3), Håndteres',
			'Skole, januar 2026'
		]);
	});

	it('are in nynorsk', () => {
		expect(details('nn')).toEqual([
			'november 2026: 290 timar (korrigering, erstattar tidlegare verdi)',
			'november 2026: 1 time',
			'november 2026: 4 – god',
			'Prosjekt: Gul → Raud',
			'Prosjekt: første statusrapport, Grøn',
			'Spor: Forslag → Vedteke',
			'Middels risiko (4 × 3), Blir handtert',
			'Skole, januar 2026'
		]);
	});

	it('are in English', () => {
		expect(details('en')).toEqual([
			'November 2026: 290 hours (correction, replaces the earlier value)',
			'November 2026: 1 hour',
			'November 2026: 4 – good',
			'Project: Amber → Red',
			'Project: first status report, Green',
			'Track: Proposed → Adopted',
			'Medium risk (4 × 3), Being handled',
			'Skole, January 2026'
		]);
	});
});
