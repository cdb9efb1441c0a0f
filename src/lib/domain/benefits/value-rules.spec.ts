import { describe, expect, it } from 'vitest';
import { forecastProblem, targetProblem } from './value-rules';

describe('targetProblem', () => {
	it('refuses a target on the wrong side of the baseline for the direction', () => {
		const t = (direction: 'higher' | 'lower', baselineValue: number, targetValue: number) =>
			targetProblem({ direction, unit: 'antall', baselineValue, targetValue });
		expect(t('higher', 0, -500)).toMatch(/lavere enn nullpunktet/);
		expect(t('higher', 100, 99)).toMatch(/lavere enn nullpunktet/);
		expect(t('higher', 100, 100)).toBeNull();
		expect(t('higher', 100, 500)).toBeNull();
		expect(t('lower', 100, 101)).toMatch(/høyere enn nullpunktet/);
		expect(t('lower', 100, 20)).toBeNull();
	});

	it('refuses a negative target in kroner or hours, even for a reduction', () => {
		const t = (unit: string, targetValue: number) =>
			targetProblem({ direction: 'lower', unit, baselineValue: 100, targetValue });
		expect(t('kr', -1)).toMatch(/negativt/);
		expect(t('timer', -1)).toMatch(/negativt/);
		expect(t('prosent', -1)).toBeNull();
		expect(t('kr', 0)).toBeNull();
	});
});

describe('forecastProblem', () => {
	it('refuses a negative month in kroner or hours where higher is better', () => {
		expect(forecastProblem({ direction: 'higher', unit: 'kr', value: -1 })).toMatch(/negativ/);
		expect(forecastProblem({ direction: 'higher', unit: 'timer', value: -1 })).toMatch(/negativ/);
		expect(forecastProblem({ direction: 'higher', unit: 'kr', value: 0 })).toBeNull();
		// A reduction's months go down; a count or a share may fall.
		expect(forecastProblem({ direction: 'lower', unit: 'kr', value: -1 })).toBeNull();
		expect(forecastProblem({ direction: 'higher', unit: 'antall', value: -1 })).toBeNull();
	});
});
