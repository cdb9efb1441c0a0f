/**
 * What an import takes (the page states these, and the server enforces them): the file's size,
 * its rows, and for xlsx (a ZIP archive, ECMA-376 Part 2) how much it may unpack to. The unpack
 * limits stop a «zip bomb» (a small file that inflates to gigabytes) before anything is parsed
 * (OWASP File Upload Cheat Sheet, «File Content Validation»).
 */
import { formatByteSize } from '../control/evidence';

/** The uploaded file, in bytes. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/**
 * Data rows over all sheets, the header rows and a download's «Om uttrekket» sheet not counted.
 * As many as the importable downloads hold at their caps, so every file the app makes imports
 * back («import what you export»): the portfolio's Spor, Prosjekter and Tiltak together
 * (`PORTFOLIO_LIMITS.rows`, portfolio/views/export.ts) and the benefits register's three sheets
 * (`REGISTER_LIMITS`, 3 × 10 000; benefits/views/register.ts). A test holds them together
 * (tests/integration/imports-portfolio-large.spec.ts).
 */
export const IMPORT_MAX_ROWS = 30_000;
/** Characters of cell text over all sheets, as staged for the preview (imports/read.ts). */
export const IMPORT_MAX_TEXT = 20 * 1024 * 1024;
/** Columns a sheet may have. */
export const IMPORT_MAX_COLUMNS = 100;
/** All entries of an xlsx together, unpacked. */
export const IMPORT_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Unpacked to packed, per entry; XML compresses well, but not this well. */
export const IMPORT_MAX_RATIO = 250;
/** Entries in the archive: a workbook has a dozen or two. */
export const IMPORT_MAX_ENTRIES = 1_000;
/** A staged file waits this long for its commit. */
export const IMPORT_STAGING_MINUTES = 60;

export { formatByteSize };
