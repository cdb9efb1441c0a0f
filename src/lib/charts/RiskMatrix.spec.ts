import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import RiskMatrix from './RiskMatrix.svelte';

describe('RiskMatrix', () => {
	const { body } = render(RiskMatrix, {
		props: {
			risks: [
				{ id: 1, title: 'Lederforankring', href: '/risiko/1', likelihood: 3, consequence: 4 },
				{ id: 2, title: 'Tid og prioritering', href: '/risiko/2', likelihood: 5, consequence: 3 }
			]
		}
	});

	it('draws a table with row and column headers and 25 cells', () => {
		expect(body.split('<th scope="row"').length - 1).toBe(5 + 2);
		expect(body.split('class="cell').length - 1).toBe(25);
		expect(body).toContain('Svært sannsynlig');
		expect(body).toContain('Kritisk');
	});

	it('lists the risks as links in the matrix and in the table alternative', () => {
		expect(body.split('href="/risiko/1"').length - 1).toBe(2);
		expect(body).toMatch(/<details[^>]*><summary[^>]*>Vis som tabell<\/summary>/);
		expect(body).toContain('Høy 15');
		expect(body).toContain('2 risikoer');
	});
});
