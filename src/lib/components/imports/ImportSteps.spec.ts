import { describe, expect, it } from 'vitest';
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import ImportSteps from './ImportSteps.svelte';
import type { ImportPageData } from './types';

type Preview = NonNullable<NonNullable<ImportPageData['staged']>['preview']>;

const row = (status: 'new' | 'existing' | 'error') => ({
	sheet: 'CSV',
	rowNumber: 2,
	status,
	cells: ['Spor', '7A', 'Samhandling', '', 'Vedtatt', 'Per Programleder', ''],
	issues: [],
	note: null
});

function page(preview: Partial<Preview>, rowCount = 1): string {
	const data: ImportPageData = {
		missing: false,
		upload: { limits: '', stagingMinutes: 60, fields: [] },
		staged: {
			file: { token: 't', fileName: 'spor.csv', format: 'csv', rowCount },
			done: null,
			mapping: { sheets: ['CSV'], fields: [], chosen: false },
			preview: {
				columns: ['Nivå', 'Kode', 'Tittel', 'Hører til', 'Status', 'Eier', 'Annet'],
				counts: { rows: 1, new: 1, skipped: 0, errors: 0 },
				digest: 'd',
				issues: [],
				moreIssues: 0,
				rows: [row('new')],
				pager: { label: 'Side 1 av 1', previous: null, next: null },
				noSheets: null,
				blocked: null,
				...preview
			}
		}
	};
	return render(ImportSteps, {
		props: {
			data,
			form: null,
			startOver: '/portefolje/import',
			done: { href: '/portefolje', label: 'Se porteføljen' },
			noun: ['element', 'elementer'],
			intro: createRawSnippet(() => ({ render: () => '<p>Intro</p>' }))
		}
	})
		.body.replace(/<!--.*?-->/g, '')
		.replace(/\s+/g, ' ');
}

describe('the preview step', () => {
	it('agrees in number: «1 rad: 1 ny», «(CSV, 1 rad)»', () => {
		const html = page({});
		expect(html).toContain('(CSV, 1 rad)');
		expect(html).toContain('1 rad: 1 ny, 0 hoppes over');
		const many = page({ counts: { rows: 2, new: 2, skipped: 0, errors: 0 } }, 2);
		expect(many).toContain('(CSV, 2 rader)');
		expect(many).toContain('2 rader: 2 nye, 0 hoppes over');
	});

	it('has a summary that can take focus once the upload is shown (focus-preview.ts)', () => {
		expect(page({})).toMatch(/<p role="status" id="preview-summary" tabindex="-1">\s?1 rad: 1 ny,/);
	});

	it('heads the row’s outcome and the item’s status differently', () => {
		const headers = [...page({}).matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
		expect(headers.filter((h) => h === 'Status')).toHaveLength(1);
		expect(headers).toContain('Resultat');
	});
});

describe('a preview with nothing to import', () => {
	it('names the sheets looked for and found, and offers no commit', () => {
		const noSheets =
			'Filen har ingen av arkene som importeres: «Spor», «Prosjekter» eller «Tiltak». Filen har arkene «Om uttrekket» og «Risikoer».';
		const html = page({
			counts: { rows: 0, new: 0, skipped: 0, errors: 0 },
			rows: [],
			noSheets
		});
		expect(html).toContain(`<p role="status" id="preview-summary" tabindex="-1">${noSheets}</p>`);
		expect(html).not.toContain('0 rader: 0 nye');
		expect(html).not.toContain('Importer 0');
		expect(html).not.toContain('action="?/commit"');
	});

	it('says once that nothing can be imported without a mission, and offers no commit', () => {
		const blocked = 'Ingenting i filen kan importeres: ingen misjon er registrert ennå.';
		const html = page({ blocked, counts: { rows: 2, new: 2, skipped: 0, errors: 0 } }, 2);
		expect(html.split(blocked)).toHaveLength(3);
		expect(html).not.toContain('action="?/commit"');
	});

	it('offers no commit when every row is there already', () => {
		const html = page({
			counts: { rows: 1, new: 0, skipped: 1, errors: 0 },
			rows: [row('existing')]
		});
		expect(html).toContain('1 rad: 0 nye, 1 hoppes over');
		expect(html).toContain(
			'Ingenting å importere: alle radene finnes fra før eller står to ganger.'
		);
		expect(html).not.toContain('action="?/commit"');
	});
});
