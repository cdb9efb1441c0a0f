import { describe, expect, it } from 'vitest';
import { apiGuide, textParts } from './guide';

const guide = apiGuide('https://misjonskart.example');

describe('the /api page’s guide', () => {
	it('gives the projects example its required track', () => {
		const projects = guide.operations.find((o) => o.id === 'listProjects')!;
		expect(projects.curl).toContain(
			'"https://misjonskart.example/api/v1/portefolje/prosjekter?spor=2"'
		);
	});

	it('shows names in backticks as code, never the backticks', () => {
		expect(textParts('Send som `etter` for neste side.')).toEqual([
			{ text: 'Send som ', code: false },
			{ text: 'etter', code: true },
			{ text: ' for neste side.', code: false }
		]);
		const texts = guide.operations.flatMap((o) => [
			...o.description,
			...o.parameters.flatMap((p) => p.description)
		]);
		expect(texts.some((t) => t.code)).toBe(true);
		expect(texts.filter((t) => t.text.includes('`'))).toEqual([]);
	});
});
