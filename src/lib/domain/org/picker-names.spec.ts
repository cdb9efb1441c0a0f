import { describe, expect, it } from 'vitest';
import { pickerNames } from './picker-names';

describe('pickerNames', () => {
	it('tells people with the same name apart by their e-mail, and leaves the others as they are', () => {
		expect(
			pickerNames([
				{ id: 1, name: 'Kari Nordmann', email: 'kari@a.no', active: true },
				{ id: 2, name: 'Ola Hansen', email: 'ola@a.no', active: true },
				{ id: 3, name: 'kari nordmann ', email: 'kari.n@b.no', active: false }
			])
		).toEqual([
			{ id: 1, name: 'Kari Nordmann (kari@a.no)', active: true },
			{ id: 2, name: 'Ola Hansen', active: true },
			{ id: 3, name: 'kari nordmann (kari.n@b.no)', active: false }
		]);
	});

	it('gives no e-mail addresses away when every name is distinct', () => {
		expect(pickerNames([{ id: 1, name: 'Kari', email: 'k@a.no' }])).toEqual([
			{ id: 1, name: 'Kari' }
		]);
	});
});
