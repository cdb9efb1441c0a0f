/**
 * The import page's read model: the upload step with the limits, then for a staged file the
 * column mapping, the preview a page at a time (every row as it will be stored, each problem
 * with its cell), and after the commit its receipt.
 */
import { columnLetter } from '$lib/domain/imports/mapping';
import { IMPORT_STAGING_MINUTES } from '$lib/domain/imports/limits';
import { m } from '$lib/paraglide/messages';
import { importLimitsText, IMPORT_MESSAGES, receiptMessage } from './messages';
import { previewCounts, type PreviewIssue } from './preview';
import type { StagedSheet } from './read';
import { findStaging, previewOf } from './staged';
import { fieldHint, fieldLabel, sheetLabel } from './field-text';
import type { Target } from './target';

export const PREVIEW_PAGE = 50;
/** Problems listed at the top of the preview; the rows below show them all, a page at a time. */
export const ISSUES_LISTED = 100;

function uploadStep(target: Target) {
	return {
		limits: importLimitsText(),
		stagingMinutes: IMPORT_STAGING_MINUTES,
		fields: target.spec.fields.map((f) => ({
			label: fieldLabel(f),
			heading: f.label,
			sheet: f.sheet ? sheetLabel(target.spec.sheetLabels?.[f.sheet] ?? f.sheet) : null,
			required: f.required,
			hint: fieldHint(f)
		}))
	};
}

export function importPage(target: Target, url: URL, now: Date) {
	const upload = uploadStep(target);
	const token = url.searchParams.get('fil');
	if (token === null) return { upload, staged: null, missing: false };
	const staging = findStaging(target, token, now);
	if (!staging) return { upload, staged: null, missing: true };
	const file = {
		token,
		fileName: staging.fileName,
		format: staging.format,
		rowCount: staging.rowCount
	};
	if (staging.committedAt) {
		const receipt = staging.receipt as { created: number; skipped: number };
		return {
			upload,
			missing: false,
			staged: {
				file,
				done: receiptMessage(receipt.created, receipt.skipped, target.spec.noun),
				mapping: null,
				preview: null
			}
		};
	}
	const sheets = staging.sheets as StagedSheet[];
	const optionsOf = (headers: readonly string[]) =>
		headers.map((h, i) => ({
			value: String(i),
			label: `${columnLetter(i)}: ${h || m.import_no_heading()}`
		}));
	const { mapping, preview, digest } = previewOf(target, staging);
	const counts = previewCounts(preview.rows);
	const pages = Math.max(1, Math.ceil(preview.rows.length / PREVIEW_PAGE));
	const asked = Number(url.searchParams.get('side') ?? '1');
	const page = Number.isInteger(asked) && asked >= 1 && asked <= pages ? asked : 1;
	const link = (n: number) => {
		const params = new URLSearchParams({ fil: token, side: String(n) });
		return `?${params}#forhandsvisning`;
	};
	// A workbook with none of the kind's sheets (another download, say) reads as no rows at all:
	// the page says which sheets were looked for and which the file has, and offers no commit.
	const read = target.spec.fields.some((f) => target.spec.sheetOf(sheets, f) !== null);
	const expected = [
		...new Set(target.spec.fields.map((f) => target.spec.sheetLabels?.[f.sheet ?? ''] ?? ''))
	]
		.filter(Boolean)
		.map(sheetLabel);
	const noSheets = read
		? null
		: IMPORT_MESSAGES.noSheets(
				expected,
				sheets.map((sh) => sh.name)
			);
	const issues: (PreviewIssue & { rowNumber: number })[] = preview.rows
		.flatMap((r) => r.issues.map((i) => ({ ...i, rowNumber: r.rowNumber })))
		.slice(0, ISSUES_LISTED);
	return {
		upload,
		missing: false,
		staged: {
			file,
			done: null,
			mapping: {
				sheets: sheets.map((sh) => sh.name),
				fields: target.spec.fields.flatMap((f) => {
					const sheet = target.spec.sheetOf(sheets, f);
					if (!sheet) return [];
					const column = mapping.columns[f.key];
					return [
						{
							key: f.key,
							label: fieldLabel(f),
							heading: f.label,
							required: f.required,
							hint: fieldHint(f),
							sheet: sheet.name,
							options: optionsOf(sheet.headers),
							column: column === null || column === undefined ? '' : String(column),
							hasDefault: target.spec.defaults.includes(f.key),
							default: mapping.defaults[f.key] ?? ''
						}
					];
				}),
				chosen: staging.mapping !== null
			},
			preview: {
				columns: preview.columns,
				counts,
				noSheets,
				blocked: preview.blocked ?? null,
				digest,
				issues,
				moreIssues: Math.max(
					0,
					preview.rows.reduce((n, r) => n + r.issues.length, 0) - issues.length
				),
				rows: preview.rows.slice((page - 1) * PREVIEW_PAGE, page * PREVIEW_PAGE),
				pager: {
					label: m.pager_page_of({ page, pages }),
					previous: page > 1 ? link(page - 1) : null,
					next: page < pages ? link(page + 1) : null
				}
			}
		}
	};
}
