/**
 * An import page driven the way a user drives it: upload a file (it is staged and the page
 * redirects to `?fil=<token>`), read the preview, map columns, commit. One place for the steps
 * every import spec (portfolio, benefits, realised values, annual wheel) takes.
 */
import { makeEvent, outcome, type Outcome, type Signed } from './index';

/** What the preview shows: the counts, the digest the commit must carry, the issues and rows. */
export type Preview = {
	counts: { rows: number; new: number; skipped: number; errors: number };
	digest: string;
	issues: { rowNumber: number; cell: string; field: string; message: string }[];
	rows: {
		sheet: string | null;
		rowNumber: number;
		status: string;
		cells: string[];
		note?: string | null;
	}[];
};

/** An import route's `+page.server` module, called directly. */
type ImportRoute = {
	load: (event: never) => unknown;
	actions: Record<'upload' | 'map' | 'commit', (event: never) => unknown>;
};

type Options = {
	/** The page, e.g. `/gevinster/import`. */
	path: string;
	params?: Record<string, string>;
	now: Date;
	/** Who acts when a step is not told (read when the step runs: users are made in beforeAll). */
	signed: () => Signed;
	/** Wraps every call, e.g. to read the pages in another language. */
	run?: (call: () => Promise<Outcome>) => Promise<Outcome>;
};

/** A file as the browser sends it, from bytes or text. */
export const fileOf = (bytes: Uint8Array | string, name: string) =>
	new File([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)], name);

export function importPage(module: unknown, options: Options) {
	const route = module as ImportRoute;
	const { path, params = {}, now } = options;
	const run = options.run ?? ((call) => call());
	const event = (signed: Signed, query = '', form?: Record<string, unknown>) =>
		makeEvent({ signed, path: `${path}${query}`, params, form: form as never, now }) as never;
	const call = (fn: () => unknown) => run(() => outcome(fn));

	/** Sends a file, or the upload form's fields as they are (e.g. pasted rows: `{ tekst }`). */
	const upload = (f: File | Record<string, string>, signed = options.signed()) =>
		call(() => route.actions.upload(event(signed, '', f instanceof File ? { file: f } : f)));

	/** Uploads and answers the staged file's token, or fails the test with what came back. */
	async function stage(
		sent: Uint8Array | string | File | Record<string, string>,
		name = '',
		signed = options.signed()
	) {
		const isBytes = typeof sent === 'string' || sent instanceof Uint8Array;
		const result = await upload(isBytes ? fileOf(sent, name) : sent, signed);
		if (result.kind !== 'redirect') throw new Error(JSON.stringify(result));
		return new URL(result.location, 'http://x').searchParams.get('fil')!;
	}

	/** The page's data with the staged file, or fails the test with what came back. */
	async function page(token: string, signed = options.signed()): Promise<unknown> {
		const result = await call(() => route.load(event(signed, `?fil=${token}`)));
		if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
		return result.data;
	}

	const preview = async (token: string, signed = options.signed()) =>
		((await page(token, signed)) as { staged: { preview: Preview } }).staged.preview;

	const map = (token: string, values: Record<string, string>, signed = options.signed()) =>
		call(() => route.actions.map(event(signed, '', { fil: token, ...values })));

	const commit = (token: string, digest: string, signed = options.signed()) =>
		call(() => route.actions.commit(event(signed, '', { fil: token, digest })));

	return {
		event,
		upload,
		stage,
		page,
		preview,
		map,
		commit,
		open: (signed: Signed) => call(() => route.load(event(signed))),
		/** A downloaded file read straight back in: upload, preview, commit what the preview shows. */
		async roundTrip(file: { content: Uint8Array; fileName: string }) {
			const token = await stage(file.content, file.fileName);
			const shown = await preview(token);
			return { preview: shown, committed: await commit(token, shown.digest) };
		}
	};
}
