import { describe, expect, it } from 'vitest';
import {
	assessmentOf,
	beneficiaryOf,
	benefitSheetIndex,
	codeOf,
	isDisbenefitText,
	isoMonth,
	sharePercentText
} from './benefits';
import { BENEFIT_LEVEL_LABEL, UNIT_LABEL } from '../benefits/vocabulary';

describe('benefit import cells', () => {
	it('reads a month as the register writes it, or as people type it', () => {
		expect(isoMonth('2026-03')).toBe('2026-03');
		expect(isoMonth('2026-03-01')).toBe('2026-03');
		expect(isoMonth('3.2026')).toBe('2026-03');
		expect(isoMonth('01.03.2026')).toBe('2026-03');
		expect(isoMonth('mars')).toBe('mars');
	});

	it('takes labels as the pages show them, or their codes', () => {
		expect(codeOf(BENEFIT_LEVEL_LABEL, 'Tjenestenivå')).toBe('tjeneste');
		expect(codeOf(BENEFIT_LEVEL_LABEL, 'tjeneste')).toBe('tjeneste');
		expect(codeOf(UNIT_LABEL, 'Kroner')).toBe('kr');
		expect(codeOf(UNIT_LABEL, 'liter')).toBeNull();
		expect(assessmentOf('4 – god')).toBe('4');
		expect(assessmentOf('Grønn')).toBe('gronn');
		expect(assessmentOf('blå')).toBeNull();
	});

	it('keeps a recipient of its own words, and knows a dis-benefit', () => {
		expect(beneficiaryOf('Familie')).toEqual({ code: 'familie', other: '' });
		expect(beneficiaryOf('Frivillige lag')).toEqual({ code: 'annet', other: 'Frivillige lag' });
		expect(isDisbenefitText('Ulempe')).toBe(true);
		expect(isDisbenefitText('')).toBe(false);
		expect(isDisbenefitText('kanskje')).toBeNull();
	});

	it('reads a share as a percent', () => {
		expect(sharePercentText('60 %')).toBe('60');
		expect(sharePercentText('12,5')).toBe('12,5');
	});

	it('finds the sheets by name, or a CSV by its headers', () => {
		const sheets = [
			{ name: 'Gevinster', headers: [] },
			{ name: 'Estimatlinjer', headers: [] },
			{ name: 'Realiseringer', headers: [] }
		];
		expect(benefitSheetIndex(sheets, 'lines')).toBe(1);
		expect(
			benefitSheetIndex([{ name: 'CSV', headers: ['Gevinst', 'Måned'] }], 'realisations')
		).toBe(0);
		expect(benefitSheetIndex([{ name: 'CSV', headers: ['Gevinst', 'Måned'] }], 'benefits')).toBe(
			-1
		);
	});
});
