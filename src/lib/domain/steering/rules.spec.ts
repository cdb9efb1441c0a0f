import { describe, expect, it } from 'vitest';
import { changeWindow, landingPath, onTimePercent, risksBySeverity, trackRag } from './rules';

describe('steering rules', () => {
	it('turns a track red or amber only when more than a quarter of its reports say so', () => {
		expect(trackRag({ green: 0, amber: 0, red: 0 })).toBeNull();
		expect(trackRag({ green: 3, amber: 0, red: 1 })).toBe('green');
		expect(trackRag({ green: 2, amber: 0, red: 1 })).toBe('red');
		expect(trackRag({ green: 5, amber: 1, red: 1 })).toBe('amber');
	});

	it('bands matrix counts by severity with the matrix bands', () => {
		expect(
			risksBySeverity([
				{ likelihood: 5, consequence: 3, risks: 2 },
				{ likelihood: 3, consequence: 4, risks: 1 },
				{ likelihood: 2, consequence: 2, risks: 4 },
				{ likelihood: 9, consequence: 1, risks: 7 }
			])
		).toEqual({ high: 2, medium: 1, low: 4 });
	});

	it('rounds shares and falls back to four weeks for «siden forrige møte»', () => {
		expect(onTimePercent({ total: 0, onTime: 0 })).toBeNull();
		expect(onTimePercent({ total: 3, onTime: 2 })).toBe(67);
		const now = new Date('2026-11-25T12:00:00Z');
		expect(changeWindow(null, now).since).toBe(now.getTime() - 28 * 86_400_000);
		expect(changeWindow(now.getTime() + 1, now).since).toBe(now.getTime() - 28 * 86_400_000);
		expect(changeWindow(5, now)).toEqual({ since: 5, until: now.getTime() });
	});

	it('lands each role where its work is', () => {
		expect(landingPath(['steering'])).toBe('/styring');
		expect(landingPath(['programme_leader', 'unit_leader'])).toBe('/mitt-arbeid');
		expect(landingPath(['unit_leader'])).toBe('/arshjul/mine');
		expect(landingPath(['viewer'])).toBe('/');
		expect(landingPath(['admin', 'steering'])).toBe('/');
	});
});
