/**
 * Where focus goes once a form has its answer (WCAG 2.1 2.4.3 Focus Order, 3.3.1 Error
 * Identification, 4.1.3 Status Messages). A refused form gets an error summary at its top, in
 * the manner of the GOV.UK Design System's «Error summary» (role="alert", one link per field
 * with a message, named by its label, each link moving focus to its field), and focus moves to it. An accepted form
 * moves focus to its confirmation (role="status") nearest the form, or to the page's when the
 * form is gone (a signed item leaves its list). Focus never drops to <body>.
 */
import { m } from '$lib/paraglide/messages';

const SUMMARY = 'data-error-summary';

function labelOf(field: HTMLElement): string {
	const labelled = field.getAttribute('aria-labelledby');
	if (labelled) return document.getElementById(labelled)?.textContent?.trim() ?? '';
	const withLabels = field as HTMLInputElement;
	const label = withLabels.labels?.[0]?.textContent?.trim();
	if (label) return label;
	return field.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '';
}

function errorOf(field: HTMLElement): string {
	const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
	const error = ids
		.map((id) => document.getElementById(id))
		.find((el) => el?.id.endsWith('-error'));
	return error?.textContent?.trim() ?? '';
}

function focusable(el: HTMLElement): HTMLElement {
	if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
		el.setAttribute('tabindex', '-1');
	}
	return el;
}

function focus(el: HTMLElement) {
	focusable(el).focus({ preventScroll: true });
	el.scrollIntoView({ block: 'nearest' });
}

/** The summary of what is wrong, or null when no field carries a message. */
export function buildErrorSummary(form: HTMLFormElement): HTMLElement | null {
	const fields = [...form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')].filter(
		(f, i, all) => all.findIndex((g) => g.getAttribute('name') === f.getAttribute('name')) === i
	);
	if (fields.length === 0) return null;
	const box = document.createElement('div');
	box.className = 'message error';
	box.setAttribute('role', 'alert');
	box.setAttribute(SUMMARY, '');
	// In the reader's language, also on a page whose own text is still marked bokmål.
	box.lang = document.documentElement.lang;
	const lead = document.createElement('p');
	lead.textContent =
		fields.length === 1 ? m.form_summary_one() : m.form_summary_many({ count: fields.length });
	const list = document.createElement('ul');
	for (const field of fields) {
		const item = document.createElement('li');
		const link = document.createElement('a');
		link.href = `#${field.id}`;
		// The field's name only: its message is read with the field once focus is there
		// (aria-describedby), and is not said twice on the page.
		link.textContent = labelOf(field) || errorOf(field) || m.form_field();
		// A fragment link only moves the reading position; the field itself must get focus.
		link.addEventListener('click', (event) => {
			event.preventDefault();
			focus(field);
		});
		item.append(link);
		list.append(item);
	}
	box.append(lead, list);
	return box;
}

function nearestStatus(form: HTMLFormElement): HTMLElement | null {
	if (form.isConnected) {
		for (let el: HTMLElement | null = form; el; el = el.parentElement) {
			const status = el.querySelector<HTMLElement>('[role="status"]:not(:empty)');
			if (status) return status;
			if (el.tagName === 'MAIN') break;
		}
	}
	return document.querySelector<HTMLElement>('main [role="status"]:not(:empty)');
}

/** After SvelteKit has applied the answer: the summary or the confirmation gets focus. */
export function focusAnswer(form: HTMLFormElement, type: string): void {
	// Every summary on the page goes, not only this form's: the page shows the field messages
	// of the latest answer only, so another form's summary would name messages no longer there.
	for (const stale of document.querySelectorAll(`[${SUMMARY}]`)) stale.remove();
	if (type === 'failure') {
		if (!form.isConnected) return;
		const summary = buildErrorSummary(form);
		if (summary) {
			form.prepend(summary);
			focus(summary);
			return;
		}
		// A message for the whole form (a lost update, a refusal): it sits in or just above it.
		const alert =
			form.querySelector<HTMLElement>('[role="alert"]') ??
			form.parentElement?.querySelector<HTMLElement>('[role="alert"]');
		if (alert) focus(alert);
	} else if (type === 'success') {
		const status = nearestStatus(form);
		if (status) focus(status);
	}
}
