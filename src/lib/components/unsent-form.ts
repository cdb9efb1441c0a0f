/**
 * What a person typed survives a session that ended while the form was open (WCAG 2.1 2.2.1
 * Timing Adjustable, and 2.2.5's «re-authenticating» in spirit): when a post is answered with a
 * redirect to the sign-in page, the form's visible fields are kept in this tab's
 * sessionStorage; after signing in the person is back on the page (`redirectTo`), the fields
 * are filled in again and a message says so and takes focus. Files and passwords are never
 * kept; hidden fields keep the page's own values.
 */
import { m } from '$lib/paraglide/messages';

const KEY = 'misjonskart:unsent-form';
const NOTE = 'data-unsent-note';

interface Unsent {
	path: string;
	action: string;
	fields: [string, string][];
}

function keptFields(form: HTMLFormElement): [string, string][] {
	const kept: [string, string][] = [];
	for (const el of form.elements) {
		if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
			if (el instanceof HTMLSelectElement && el.name) {
				for (const o of el.selectedOptions) kept.push([el.name, o.value]);
			}
			continue;
		}
		if (!el.name || el.disabled) continue;
		if (el instanceof HTMLInputElement) {
			if (['hidden', 'file', 'password', 'submit', 'button', 'reset'].includes(el.type)) continue;
			if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
		}
		kept.push([el.name, el.value]);
	}
	return kept;
}

/** Keeps the form's fields when the answer sends the person to sign in again. */
export function keepIfSignedOut(form: HTMLFormElement, location: URL): void {
	if (location.pathname !== '/login') return;
	const unsent: Unsent = {
		path: window.location.pathname,
		action: form.getAttribute('action') ?? '',
		fields: keptFields(form)
	};
	if (unsent.fields.length === 0) return;
	try {
		sessionStorage.setItem(KEY, JSON.stringify(unsent));
	} catch {
		// Storage full or switched off: the sign-in page still comes, only without the text.
	}
}

function take(form: HTMLFormElement): Unsent | null {
	let unsent: Unsent | null = null;
	try {
		unsent = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Unsent | null;
	} catch {
		return null;
	}
	if (!unsent || unsent.path !== window.location.pathname) return null;
	if (unsent.action !== (form.getAttribute('action') ?? '')) return null;
	sessionStorage.removeItem(KEY);
	return unsent;
}

/** Fills a form in again with what was kept for it, says so, and moves focus there. */
export function restoreUnsent(form: HTMLFormElement): void {
	const unsent = take(form);
	if (!unsent) return;
	const values = new Map<string, string[]>();
	for (const [name, value] of unsent.fields) values.set(name, [...(values.get(name) ?? []), value]);
	for (const el of form.elements) {
		const named = el as HTMLInputElement;
		const given = named.name ? values.get(named.name) : undefined;
		if (!given) continue;
		if (el instanceof HTMLSelectElement) {
			for (const o of el.options) o.selected = given.includes(o.value);
		} else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
			el.checked = given.includes(el.value);
		} else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
			if (el.type === 'hidden') continue;
			el.value = given.shift() ?? el.value;
		}
	}
	const note = document.createElement('div');
	note.setAttribute(NOTE, '');
	note.className = 'message info';
	note.setAttribute('role', 'status');
	note.lang = document.documentElement.lang;
	note.tabIndex = -1;
	note.textContent = m.form_restored_after_sign_out();
	form.prepend(note);
	note.focus();
	note.scrollIntoView({ block: 'nearest' });
}

/**
 * Once the form is sent again the note has done its job: left in place it would be the status
 * nearest the form and take the focus meant for the answer (./focus-answer.ts).
 */
export function clearUnsentNote(form: HTMLFormElement): void {
	form.querySelector(`:scope > [${NOTE}]`)?.remove();
}
