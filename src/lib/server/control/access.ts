/**
 * Who may do what with internal control (kommuneloven § 25-1; DOMAIN.md «Internal control in
 * the law»): deviations, tilsyn, the risk-and-control matrix and the annual report. Routes call
 * these first thing in each load and action (sveltejs/kit#6315: a layout's check does not
 * protect a page's actions).
 */
export {};
