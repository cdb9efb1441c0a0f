/**
 * The one place where the benefit forms' levels (bruker/tjeneste/system, seed 001 chapter 6)
 * meet the portfolio's levels (user/service/system, effect goals and projects).
 */
import type { BenefitLevel } from './gain-rollups';
import type { Level } from './portfolio/vocabulary';

export const LEVEL_OF_BENEFIT: Record<BenefitLevel, Level> = {
	bruker: 'user',
	tjeneste: 'service',
	system: 'system'
};

export const BENEFIT_LEVEL_OF: Record<Level, BenefitLevel> = {
	user: 'bruker',
	service: 'tjeneste',
	system: 'system'
};

export const BENEFIT_LEVEL_LABEL: Record<BenefitLevel, string> = {
	bruker: 'Brukernivå',
	tjeneste: 'Tjenestenivå',
	system: 'Systemnivå'
};

export function isBenefitLevel(value: string | null): value is BenefitLevel {
	return value === 'bruker' || value === 'tjeneste' || value === 'system';
}
