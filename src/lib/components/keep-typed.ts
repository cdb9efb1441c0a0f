/**
 * Fields keep what a person types before the page's scripts have started (on a slow laptop an
 * e-mail typed at once was wiped). A field written `value={x}` has its value set
 * again when hydration runs, over the typed text. Instead a field is rendered with
 * `defaultValue={x}` / `defaultChecked={x}` (the server writes them as `value=` / `checked`,
 * and the browser leaves a field the person has changed alone when they are set again), and
 * one of these attachments applies later changes of `x` (new data after a navigation or a
 * form action) as `value=` did. They skip the first run: that one is hydration's.
 * Textareas use `bind:value` on a writable `$derived` instead (their `defaultValue` is not
 * rendered on the server), whose hydration keeps typed text the same way.
 */
import type { Attachment } from 'svelte/attachments';

function afterFirst<E extends Element, T>(
	get: () => T,
	apply: (el: E, v: T) => void
): Attachment<E> {
	let first = true;
	return (el) => {
		const value = get();
		if (first) {
			first = false;
			return;
		}
		apply(el, value);
	};
}

/** For an `<input>` or `<select>` rendered with `defaultValue`. */
export function followValue(get: () => string): Attachment<HTMLInputElement | HTMLSelectElement> {
	return afterFirst(get, (el, value) => {
		el.value = value;
	});
}

/** For a checkbox or radio rendered with `defaultChecked`. */
export function followChecked(get: () => boolean): Attachment<HTMLInputElement> {
	return afterFirst(get, (el, checked) => {
		el.checked = checked;
	});
}
