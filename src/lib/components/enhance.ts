/**
 * SvelteKit's `enhance`, and then focus where the answer is (./focus-answer.ts): every form in
 * the app uses this one, so no form leaves a keyboard or screen-reader user on <body> after
 * saving. Without JavaScript the form posts and the page comes back with the same messages.
 */
import { enhance as kitEnhance } from '$app/forms';
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import { focusAnswer } from './focus-answer';
import { clearUnsentNote, keepIfSignedOut, restoreUnsent } from './unsent-form';

export function enhance(form: HTMLFormElement, submit: SubmitFunction = () => {}) {
	restoreUnsent(form);
	return kitEnhance(form, async (input) => {
		const after = await submit(input);
		return async (opts) => {
			if (opts.result.type === 'redirect') {
				keepIfSignedOut(form, new URL(opts.result.location, window.location.href));
			}
			if (typeof after === 'function') await after(opts);
			else await opts.update();
			await tick();
			clearUnsentNote(form);
			focusAnswer(form, opts.result.type);
			// On a page opened at a fragment (a link to `#attest-h`), SvelteKit's applyAction moves
			// the focus start to that fragment in a timer after a success (reset_focus), which drops
			// focus to <body> and scrolls back to where the page was before the answer was shown.
			// Once that timer has run the answer takes focus back and is scrolled into view again
			// (WCAG 2.1 2.4.3 Focus Order; 2.4.7 Focus Visible: a focused message off-screen is lost).
			const answered = document.activeElement;
			if (answered instanceof HTMLElement && answered !== document.body) {
				setTimeout(() => {
					if (!answered.isConnected) return;
					if (document.activeElement !== answered) answered.focus({ preventScroll: true });
					if (document.activeElement === answered) answered.scrollIntoView({ block: 'nearest' });
				});
			}
		};
	});
}
