import { describe, expect, it } from 'vitest';
import { PORTFOLIO_FIELDS } from '$lib/domain/imports/portfolio';
import { BENEFIT_FIELDS, REALISATION_FIELDS } from '$lib/domain/imports/benefits';
import { WHEEL_TASK_FIELDS } from '$lib/domain/imports/wheel-tasks';
import { withLocale } from '../i18n';
import { fieldHint, fieldLabel } from './field-text';

const FIELDS = [
	...PORTFOLIO_FIELDS,
	...BENEFIT_FIELDS,
	...REALISATION_FIELDS,
	...WHEEL_TASK_FIELDS
];

describe('the import fields in the reader’s words', () => {
	it('read in bokmål as the domain names and helps them', () => {
		const nb = withLocale('nb', () => FIELDS.map((f) => [f.key, fieldLabel(f), fieldHint(f)]));
		expect(nb).toEqual(FIELDS.map((f) => [f.key, f.label, f.hint ?? null]));
	});

	it.each(['nn', 'en'] as const)('each have a name and, where bokmål has it, help in %s', (l) => {
		const read = withLocale(l, () => FIELDS.map((f) => [f.key, fieldLabel(f), fieldHint(f)]));
		expect(read.filter(([, label]) => !label)).toEqual([]);
		expect(read.filter(([, , hint], i) => (hint === null) !== !FIELDS[i]!.hint)).toEqual([]);
		if (l === 'en') {
			// No field keeps its Norwegian name in English, but for words the two languages share.
			const shared = ['Status', 'Start', 'Type'];
			const norwegian = read.filter(
				([, label], i) => label === FIELDS[i]!.label && !shared.includes(label as string)
			);
			expect(norwegian).toEqual([]);
		}
	});
});
