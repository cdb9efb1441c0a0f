import { describe, expect, it } from 'vitest';
import { lookup } from './portfolio-rows';

describe('lookup', () => {
	const items = [
		{ id: 1, title: 'Veiledningsteam' },
		{ id: 2, title: 'veiledningsteam ' },
		{ id: 3, title: 'Felles turnusplan' }
	];
	const byTitle = lookup(items, (x) => x.title.toLowerCase().trim());

	it('finds the first item of a key, as Array.find did, and all of them', () => {
		expect(byTitle.first('veiledningsteam')?.id).toBe(1);
		expect(byTitle.all('veiledningsteam').map((x) => x.id)).toEqual([1, 2]);
		expect(byTitle.has('felles turnusplan')).toBe(true);
	});

	it('answers nothing for a key no item has', () => {
		expect(byTitle.first('finnes ikke')).toBeUndefined();
		expect(byTitle.all('finnes ikke')).toEqual([]);
		expect(byTitle.has('finnes ikke')).toBe(false);
		expect(lookup(items, (x) => x.id).first(Number(''))).toBeUndefined();
	});
});
