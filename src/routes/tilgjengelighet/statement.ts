/**
 * The accessibility statement's content, after Digdir's template for uustatus.no
 * (https://www.uutilsynet.no/tilgjengelighetserklaering/): status, known deviations with the
 * success criterion and dates, how it was assessed, contact, and the supervisory authority.
 * Forskrift om universell utforming av IKT-løsninger § 7 and § 8 (WCAG 2.1, 47 criteria).
 * Update `updated` and `deviations` together whenever a deviation is fixed or found.
 */

export interface Deviation {
	/** WCAG 2.1 success criteria, e.g. «2.4.3 Fokusrekkefølge». */
	criteria: string[];
	/** What a person meets, in plain words. */
	description: string;
	/** When it was found (ISO date). */
	found: string;
}

/** Created and last reviewed (ISO dates). */
export const CREATED = '2026-12-02';
export const UPDATED = '2026-12-02';

/** The criteria the regulation requires: WCAG 2.1 A and AA less 1.2.3–1.2.5 (47). */
export const REQUIRED_CRITERIA = 47;

// Fixed: 1.4.12 Tekstavstand in the gevinstkart (found 2026-11-25, fixed 2026-12-02); the
// chart pages' text-spacing check in tests/e2e/universal-design.e2e.ts now covers the maps.
// Fixed: 2.4.3/2.4.7, the focused confirmation off-screen after a save on a benefit opened at
// a fragment (found and fixed 2026-12-02); the keyboard journeys (tests/e2e/keyboard*.e2e.ts)
// check that the focused answer is inside the viewport, opened at #attest-h and #versjoner.
export const DEVIATIONS: Deviation[] = [];

/** Distinct criteria broken, for the status line. */
export const BROKEN_CRITERIA = new Set(DEVIATIONS.flatMap((d) => d.criteria)).size;

/** How long a message about a barrier may wait for its answer, as the statement promises it. */
export const ANSWER_DAYS = 14;
