/**
 * DOM touches shared by the figures that draw with Observable Plot (the specs stay pure).
 */

/**
 * Plot names each mark's group in English («x-axis tick label», «rule», «line», «dot»), which a
 * Norwegian screen reader reads out as noise (WCAG 3.1.2). The figure's own Norwegian name and
 * summary (the plot's `ariaLabel`/`ariaDescription`) stay on the root as one image; the marks
 * inside lose their names, and the table beside the chart carries the numbers.
 */
export function asOneImage(chart: Element): void {
	const root = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
	for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
		if (el === root) continue;
		el.removeAttribute('aria-label');
		el.removeAttribute('aria-description');
	}
	// A legend or other part Plot draws beside the plot is decoration once the root is an image.
	for (const svg of chart.querySelectorAll('svg')) {
		if (svg !== root) svg.setAttribute('aria-hidden', 'true');
	}
	root?.setAttribute('role', 'img');
}

/** The width to draw at: the box's own, but never below `min` (the box then scrolls sideways). */
export function drawWidth(boxWidth: number, min: number): number {
	return Math.max(min, Math.floor(boxWidth));
}
