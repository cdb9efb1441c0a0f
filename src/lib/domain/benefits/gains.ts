/**
 * Gain arithmetic for benefits, split by concern: estimates (pricing), realisation
 * (periods, planned path, realisations, behind plan) and roll-ups. Re-exported here so
 * `$lib/domain/benefits/gains` keeps working for the code and tests that import it whole.
 */
export * from './gain-estimates';
export * from './gain-realisation';
export * from './gain-rollups';
