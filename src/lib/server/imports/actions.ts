/**
 * The import's writes: stage an uploaded file, choose its columns, and commit it as a whole.
 * Each takes the target the route's guard allowed (target.ts), the request or its form, and
 * the request's time. Nothing is created before the commit, and the commit writes every row or
 * none (db/queries/imports.ts, commitStaging).
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { generateToken } from '../auth/tokens';
import { commitStaging, insertStaging, saveStagingMapping } from '../db/queries/imports';
import { readForm } from '../read-form';
import { echoValues, formValues } from '$lib/schemas/form';
import {
	doubleMapped,
	mappingFromValues,
	rememberMapping,
	type ImportField
} from '$lib/domain/imports/mapping';
import { IMPORT_MAX_BYTES, IMPORT_STAGING_MINUTES } from '$lib/domain/imports/limits';
import { IMPORT_MESSAGES, receiptMessage, refusalMessage } from './messages';
import { previewCounts, type StagedMapping } from './preview';
import { readSpreadsheet, type StagedSheet } from './read';
import { previewOf, requireStaging } from './staged';
import type { Target } from './target';
import { fieldLabel } from './field-text';

const field = (formData: FormData, name: string) => {
	const value = formData.get(name);
	return typeof value === 'string' ? value : '';
};

/** Pasted text longer than this is not sent back with a refusal (it is in the user's clipboard). */
const PASTED_ECHO_MAX = 200_000;

/** Multipart framing around the file: the form's other fields and the part headers. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * The file chosen, or else the rows pasted into the text field (copied from a spreadsheet they
 * arrive separated by tabs, which the CSV reader takes); null when neither was sent. A browser
 * sends an empty part with no name when no file was chosen.
 */
function postedFile(formData: FormData) {
	const file = formData.get('file');
	if (file && typeof file !== 'string' && !(file.size === 0 && file.name === '')) {
		return {
			name: file.name,
			pasted: false,
			size: file.size,
			bytes: async () => new Uint8Array(await file.arrayBuffer())
		};
	}
	const text = formData.get('tekst');
	if (typeof text !== 'string' || text.trim() === '') return null;
	const bytes = new TextEncoder().encode(text);
	return {
		name: 'Innlimte rader',
		pasted: true,
		size: bytes.byteLength,
		bytes: async () => bytes
	};
}

/**
 * The rows of the sheets the target reads, as its preview counts them: a download's «Om
 * uttrekket», or «Realiseringer» in a file for the benefits import, is not counted.
 */
function rowsRead(target: Target, sheets: StagedSheet[]) {
	const read = new Set(target.spec.fields.map((f) => target.spec.sheetOf(sheets, f)));
	return [...read].reduce((n, sheet) => n + (sheet?.rows.length ?? 0), 0);
}

/**
 * Reads the posted file and stages it; then on to the mapping step (303, `?fil=<token>`). A
 * body over the limit is refused by its Content-Length before it is read.
 */
export async function uploadImport(target: Target, request: Request, now: Date) {
	let values: Record<string, string> = {};
	const refuse = (message: string, status = 400) =>
		fail(status, { action: 'upload', values, errors: { file: message } });
	const length = Number(request.headers.get('content-length') ?? '0');
	if (length > IMPORT_MAX_BYTES + FORM_OVERHEAD) return refuse(refusalMessage('too_large'), 413);
	const formData = await readForm({ request });
	const pasted = formData.get('tekst');
	// Pasted rows come back to the form when refused, as any typed value does.
	if (typeof pasted === 'string' && pasted.length <= PASTED_ECHO_MAX) values = { tekst: pasted };
	const posted = await postedFile(formData);
	if (!posted) return refuse(refusalMessage('no_file'));
	if (posted.size > IMPORT_MAX_BYTES) return refuse(refusalMessage('too_large'), 413);
	// The file's name may refuse it (a .md is no spreadsheet); pasted rows have none.
	const read = await readSpreadsheet(await posted.bytes(), posted.pasted ? undefined : posted.name);
	if (!read.ok) {
		return refuse(refusalMessage(read.reason, read.where), read.reason === 'too_large' ? 413 : 400);
	}
	const token = generateToken();
	insertStaging(
		{
			id: token,
			userId: target.user.id,
			kind: target.kind,
			target: target.key,
			fileName: posted.name.slice(0, 200) || 'fil',
			format: read.format,
			byteSize: posted.size,
			sha256: read.sha256,
			rowCount: rowsRead(target, read.sheets),
			sheets: read.sheets,
			mapping: null,
			createdAt: now,
			expiresAt: new Date(now.getTime() + IMPORT_STAGING_MINUTES * 60_000)
		},
		now
	);
	redirect(303, `${target.path}?fil=${token}#kolonner`);
}

/** The columns chosen for the file: stored with it, and remembered for the next file. */
export function saveImportMapping(target: Target, formData: FormData, now: Date) {
	const staging = requireStaging(target, field(formData, 'fil'), now);
	const sheets = staging.sheets as StagedSheet[];
	const { fields, defaults: defaultFields } = target.spec;
	const headersOf = (f: ImportField) => target.spec.sheetOf(sheets, f)?.headers ?? [];
	const columns = mappingFromValues(
		fields,
		(f) => headersOf(f).length,
		(name) => field(formData, name)
	);
	const defaults = Object.fromEntries(
		defaultFields.map((key) => [key, field(formData, `default.${key}`).trim().slice(0, 100)])
	);
	const values = echoValues(formValues(formData));
	const errors: Record<string, string> = {};
	// A field of a sheet the file does not have is not missing: that level is not imported.
	const missing = fields.filter(
		(f) =>
			f.required &&
			target.spec.sheetOf(sheets, f) !== null &&
			columns[f.key] === null &&
			!defaults[f.key]
	);
	for (const f of missing) errors[`column.${f.key}`] = IMPORT_MESSAGES.unmapped([fieldLabel(f)]);
	const twice = doubleMapped(fields, columns);
	if (twice)
		errors[`column.${twice[1].key}`] = IMPORT_MESSAGES.doubleMapped(
			fieldLabel(twice[0]),
			fieldLabel(twice[1])
		);
	if (Object.keys(errors).length > 0) return fail(400, { action: 'map', values, errors });
	const mapping: StagedMapping = { columns, defaults };
	saveStagingMapping(
		staging,
		mapping,
		{ columns: rememberMapping(fields, columns, headersOf), defaults },
		now
	);
	return { action: 'map', success: IMPORT_MESSAGES.mappingSaved };
}

/**
 * Validates every staged row again and writes them all, or nothing: a row with an error, or a
 * preview that no longer matches what the user confirmed (`digest`), refuses the whole file.
 */
export function commitImport(target: Target, formData: FormData, now: Date) {
	const token = field(formData, 'fil');
	const staging = requireStaging(target, token, now);
	const refuse = (message: string, status = 400) =>
		fail(status, { action: 'commit', values: {}, errors: { _form: message } });
	if (staging.committedAt) return refuse(IMPORT_MESSAGES.alreadyCommitted, 409);
	const { preview, digest } = previewOf(target, staging);
	const counts = previewCounts(preview.rows);
	if (preview.blocked) return refuse(preview.blocked);
	if (counts.errors > 0) return refuse(IMPORT_MESSAGES.hasErrors(counts.errors));
	if (field(formData, 'digest') !== digest) return refuse(IMPORT_MESSAGES.changed, 409);
	const result = commitStaging(staging, target.user.id, now, (_tx, abort) => ({
		created: target.spec.commit(preview.creates, now, abort),
		skipped: counts.skipped
	}));
	if (!result.ok) {
		return refuse(
			result.reason === 'already_committed'
				? IMPORT_MESSAGES.alreadyCommitted
				: IMPORT_MESSAGES.refused,
			409
		);
	}
	return {
		action: 'commit',
		success: receiptMessage(result.value.created, result.value.skipped, target.spec.noun)
	};
}

/** The targets a route names after its guard (target.ts). */
/** The import page's three forms: upload a file, choose its columns, commit it. */
export type ImportStep = 'upload' | 'map' | 'commit';

/**
 * One step of an import page for the target the route's guard allowed: every import route's
 * action is its guard, its target and this.
 */
export async function importStep(
	step: ImportStep,
	target: Target,
	event: Pick<RequestEvent, 'request' | 'locals'>
) {
	const { now } = event.locals;
	if (step === 'upload') return uploadImport(target, event.request, now);
	const form = await readForm(event);
	return step === 'map' ? saveImportMapping(target, form, now) : commitImport(target, form, now);
}

export { benefitsTarget, portfolioTarget, realisationsTarget, wheelTasksTarget } from './target';
