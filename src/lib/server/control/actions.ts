/**
 * Internal control's writes, for its own routes and the årshjul's occurrence and template
 * pages: deviations, tilsyn and findings, and the risk-and-control links.
 */
export * from './actions/deviations';
export * from './actions/tilsyn';
export * from './actions/matrix';
