/**
 * Where focus goes once an uploaded file is shown: the preview's summary («4 rader: 4 nye, …»),
 * so a screen reader says what the upload gave (WCAG 2.1 2.4.3 Focus Order, 4.1.3 Status
 * Messages). The summary is on the page when it loads, so its role="status" alone is not read.
 */
export const PREVIEW_SUMMARY_ID = 'preview-summary';

export function focusPreviewSummary(): void {
	const summary = document.getElementById(PREVIEW_SUMMARY_ID);
	if (!summary) return;
	summary.focus({ preventScroll: true });
	// A focused summary off-screen is lost to a sighted keyboard user (2.4.7 Focus Visible).
	summary.scrollIntoView({ block: 'nearest' });
}

/**
 * After the upload's redirect: SvelteKit moves the focus start to the URL's fragment in a timer
 * once it has navigated (reset_focus), which leaves focus on <body>; the summary takes it after.
 */
export function focusPreviewSummaryAfterNavigation(): void {
	setTimeout(focusPreviewSummary);
}
