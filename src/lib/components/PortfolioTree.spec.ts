import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { buildPortfolioTree } from '$lib/domain/portfolio-tree';
import PortfolioTree from './PortfolioTree.svelte';
import StatusBadge from './StatusBadge.svelte';

const hrefs = {
	track: (id: number) => `/spor/${id}`,
	project: (id: number) => `/prosjekter/${id}`,
	measure: (id: number) => `/tiltak/${id}`
};

const tree = buildPortfolioTree({
	mission: { id: 1, statement: 'Innen 2027 skal alle barn og unge …' },
	tracks: [
		{ id: 1, code: '1A', title: 'Brukermedvirkning', status: 'adopted', ownerId: 1 },
		{ id: 2, code: '1B', title: 'Samhandling', status: 'adopted', ownerId: null }
	],
	projects: [
		{
			id: 10,
			title: 'Metode for brukermedvirkning',
			status: 'in_progress',
			ownerId: 1,
			trackIds: [1, 2]
		}
	],
	measures: [
		{ id: 100, projectId: 10, title: 'Brukerpanel', status: 'proposed', ownerId: 1, unitIds: [5] }
	],
	reports: [
		{
			id: 1,
			subject: 'project',
			subjectId: 10,
			period: '2026-03',
			rag: 'amber',
			narrative: 'Litt forsinket'
		}
	],
	users: [{ id: 1, name: 'Kari Nordmann' }],
	units: [{ id: 5, name: 'Molde' }]
});

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('PortfolioTree', () => {
	const { body } = render(PortfolioTree, { props: { tree, hrefs } });

	it('links every row and lists a two-track project under both tracks', () => {
		expect(body).toContain('href="/spor/1"');
		expect(body).toContain('href="/spor/2"');
		expect(count(body, 'href="/prosjekter/10"')).toBe(2);
		expect(count(body, 'href="/tiltak/100"')).toBe(2);
	});

	it('shows counts, owners, units, status and the latest report as text', () => {
		expect(body).toContain('2 spor · 1 prosjekt · 1 tiltak');
		expect(body).toContain('Eier: Kari Nordmann');
		expect(body).toContain('Eier: ikke satt');
		expect(body).toContain('Enheter: Molde');
		expect(body).toContain('Pågår');
		expect(body).toContain('mars 2026:');
		expect(body).toContain('Litt forsinket');
	});

	it('folds with native details, open by default', () => {
		expect(count(body, '<details open')).toBe(4);
		const closed = render(PortfolioTree, { props: { tree, hrefs, open: false } }).body;
		expect(closed).not.toContain('<details open');
	});

	it('says so when there is nothing to show', () => {
		const empty = buildPortfolioTree({ mission: null, tracks: [], projects: [], measures: [] });
		expect(render(PortfolioTree, { props: { tree: empty, hrefs } }).body).toContain(
			'Ingen spor eller prosjekter å vise.'
		);
	});
});

describe('StatusBadge', () => {
	it('renders the label as text and the shape hidden from screen readers', () => {
		const { body } = render(StatusBadge, { props: { status: 'red', prefix: 'Rapport' } });
		expect(body).toMatch(/<span class="shape[^"]*" aria-hidden="true">■<\/span>/);
		expect(body).toContain('Rapport:');
		expect(body).toContain('Rød');
	});
});
