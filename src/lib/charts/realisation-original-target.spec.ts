import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../domain/benefits/gains';
import {
	ORIGINAL_TARGET_MARK,
	realisationPlotOptions,
	realisationSummary,
	shownOriginalTarget
} from './realisation';

const rows: SeriesRow[] = [
	{ period: '2026-01', planned: 0, realised: 10 },
	{ period: '2026-06', planned: 60_000, realised: 40_000 },
	{ period: '2026-12', planned: 150_000, realised: null }
];

const ruleValues = (original: number | null) =>
	(
		realisationPlotOptions(rows, { unit: 'kr', subject: 'Familien', originalTarget: original })
			.marks ?? []
	)
		.map((m) => m as { data?: unknown; ariaLabel?: string; _className?: string })
		.filter((m) => Array.isArray(m.data) && (m.data as unknown[]).length === 1)
		.map((m) => (m.data as number[])[0]);

describe('the original target beside the current one', () => {
	it('draws a labelled rule at the original target when a later approval moved it', () => {
		expect(shownOriginalTarget(rows, { originalTarget: 120_000 })).toBe(120_000);
		expect(ruleValues(120_000)).toEqual([0, 120_000, 120_000]);
		expect(ORIGINAL_TARGET_MARK.label).toBe('Opprinnelig mål');
	});

	it('draws nothing extra when the target is unchanged or unknown', () => {
		expect(shownOriginalTarget(rows, { originalTarget: 150_000 })).toBeNull();
		expect(shownOriginalTarget(rows, {})).toBeNull();
		expect(ruleValues(150_000)).toEqual([0]);
		expect(ruleValues(null)).toEqual([0]);
	});

	it('says both targets in the text a screen reader hears', () => {
		const text = realisationSummary(rows, {
			unit: 'kr',
			subject: 'Familien',
			originalTarget: 120_000
		}).replace(/\s/g, ' ');
		expect(text).toContain('Opprinnelig mål var 120 000 kr; gjeldende mål er 150 000 kr.');
		expect(realisationSummary(rows, { unit: 'kr', subject: 'Familien' })).not.toContain(
			'Opprinnelig'
		);
	});
});
