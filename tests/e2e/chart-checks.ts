/**
 * Measures the charts on the page in the browser (passed to `page.evaluate`, so it must not
 * use anything from outside its own body). Every visible text inside a `[data-chart]` root:
 * its size on screen (SVG text: font size × the on-screen scale of its CTM), whether it stays
 * inside its box (SVG: the node's rectangle for a label on a node, else the drawing; HTML: its
 * nearest block box), whether SVG texts collide,
 * and its contrast against what is drawn behind it (the SVG shape whose fill holds the text's
 * centre, else the nearest background colour, else the Canvas).
 */
export type ChartReport = {
	/** Page-level horizontal scroll, in CSS px (≤ 0 is none). */
	overflow: number;
	charts: number;
	texts: number;
	/** Data lines and outlined symbols checked for contrast. */
	lines: number;
	smallest: { px: number; text: string } | null;
	problems: string[];
};

export function chartReport(): ChartReport {
	const MIN_PX = 12;
	const MIN_CONTRAST = 4.5;
	const problems: string[] = [];
	const rgba = (c: string): number[] | null => {
		const m = /rgba?\(([^)]+)\)/.exec(c);
		if (!m) return null;
		const p = m[1]!
			.split(/[\s,/]+/)
			.filter(Boolean)
			.map(Number);
		return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
	};
	const lum = (c: number[]) => {
		const [r, g, b] = c.slice(0, 3).map((v) => {
			const s = v / 255;
			return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	};
	const ratio = (a: number[], b: number[]) => {
		const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
		return (hi! + 0.05) / (lo! + 0.05);
	};
	const probe = document.createElement('div');
	probe.style.background = 'Canvas';
	document.body.append(probe);
	const canvas = rgba(getComputedStyle(probe).backgroundColor) ?? [255, 255, 255, 1];
	probe.remove();

	const htmlBackground = (start: Element | null): number[] => {
		for (let el = start; el; el = el.parentElement) {
			const bg = rgba(getComputedStyle(el).backgroundColor);
			if (bg && bg[3]! > 0) return bg;
		}
		return canvas;
	};
	const svgBackground = (text: Element, svg: SVGSVGElement, x: number, y: number) => {
		let found: number[] | null = null;
		for (const shape of svg.querySelectorAll<SVGGeometryElement>(
			'rect, path, circle, ellipse, polygon'
		)) {
			if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
			const style = getComputedStyle(shape);
			const fill = rgba(style.fill);
			if (!fill || fill[3] === 0 || Number(style.fillOpacity) === 0) continue;
			const ctm = shape.getScreenCTM();
			if (!ctm) continue;
			const local = new DOMPoint(x, y).matrixTransform(ctm.inverse());
			if (shape.isPointInFill(local)) found = fill;
		}
		return found ?? htmlBackground(svg);
	};

	const roots = [...document.querySelectorAll('[data-chart]')];
	const svgTexts = new Map<SVGSVGElement, { rect: DOMRect; text: string }[]>();
	let smallest: ChartReport['smallest'] = null;
	let count = 0;
	for (const root of roots) {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim() ?? '';
			const el = node.parentElement;
			if (!text || !el || el.closest('title, desc, style, script')) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			let rect = range.getBoundingClientRect();
			if (rect.width === 0 && el instanceof SVGElement) rect = el.getBoundingClientRect();
			// Not drawn (a closed <details>, a visually hidden label).
			if (rect.width <= 1 || rect.height <= 1) continue;
			if (getComputedStyle(el).visibility === 'hidden') continue;
			count++;
			const style = getComputedStyle(el);
			const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
			let outer = svg;
			while (outer?.ownerSVGElement) outer = outer.ownerSVGElement;
			let px = parseFloat(style.fontSize);
			if (svg) {
				const ctm = (el as unknown as SVGGraphicsElement).getScreenCTM();
				if (ctm) px *= Math.hypot(ctm.a, ctm.b);
			}
			px = Math.round(px * 100) / 100;
			if (!smallest || px < smallest.px) smallest = { px, text };
			if (px < MIN_PX) problems.push(`«${text}» is ${px} px`);

			// The box it must stay inside: a label drawn on a shape (a gevinstkart node) stays
			// inside that shape; other SVG text inside the drawing; HTML text inside its block.
			const shape = svg ? el.closest('a, g')?.querySelector(':scope > rect.node') : null;
			let box: Element = shape ?? outer ?? el;
			if (!outer) {
				while (box.parentElement && ['inline', 'contents'].includes(getComputedStyle(box).display))
					box = box.parentElement;
			}
			const b = box.getBoundingClientRect();
			// A visually hidden label (1×1 px, clipped) is for screen readers only.
			if (b.width <= 1 || b.height <= 1) {
				count--;
				continue;
			}
			if (
				rect.left < b.left - 1 ||
				rect.right > b.right + 1 ||
				rect.top < b.top - 1 ||
				rect.bottom > b.bottom + 1
			)
				problems.push(
					`«${text}» spills out of its ${box.tagName.toLowerCase()} (${Math.round(rect.left)}–${Math.round(rect.right)} × ${Math.round(rect.top)}–${Math.round(rect.bottom)} in ${Math.round(b.left)}–${Math.round(b.right)} × ${Math.round(b.top)}–${Math.round(b.bottom)})`
				);

			const fg = rgba(svg ? style.fill : style.color);
			const cx = (rect.left + rect.right) / 2;
			const cy = (rect.top + rect.bottom) / 2;
			const bg = outer ? svgBackground(el, outer, cx, cy) : htmlBackground(el);
			const contrast = fg ? ratio(fg, bg) : 0;
			if (contrast < MIN_CONTRAST)
				problems.push(
					`«${text}» has contrast ${contrast.toFixed(2)}:1 (${svg ? style.fill : style.color} on rgb(${bg.slice(0, 3).join(', ')}))`
				);

			if (outer) {
				const list = svgTexts.get(outer) ?? [];
				list.push({ rect, text });
				svgTexts.set(outer, list);
			}
		}
	}
	// Lines and outlined symbols that carry data (WCAG 1.4.11: ≥ 3:1 against what is behind
	// them): opaque strokes of 1.5 px or more, with no fill; faint grid lines are decoration.
	let lines = 0;
	for (const root of roots) {
		for (const el of root.querySelectorAll<SVGGraphicsElement>('path, line, polyline, use')) {
			// A <use> is drawn with its symbol's stroke and fill (the wheel draws each status's
			// symbol once in <defs>, where it has no box of its own), at the <use>'s place.
			const drawn =
				el.tagName === 'use'
					? document.getElementById(el.getAttribute('href')?.slice(1) ?? '')
					: el;
			if (!drawn) continue;
			const style = getComputedStyle(drawn);
			const stroke = rgba(style.stroke);
			const fill = rgba(style.fill);
			if (!stroke || stroke[3] === 0 || (fill && fill[3]! > 0)) continue;
			if (parseFloat(style.strokeWidth) < 1.5 || Number(style.strokeOpacity) < 1) continue;
			const r = el.getBoundingClientRect();
			if (r.width + r.height < 4) continue;
			let outer = el.ownerSVGElement;
			while (outer?.ownerSVGElement) outer = outer.ownerSVGElement;
			if (!outer) continue;
			lines++;
			const bg = svgBackground(el, outer, (r.left + r.right) / 2, (r.top + r.bottom) / 2);
			const contrast = ratio(stroke, bg);
			if (contrast < 3)
				problems.push(
					`a ${el.getAttribute('class') ?? el.parentElement?.getAttribute('class') ?? ''} ${el.tagName} has contrast ${contrast.toFixed(2)}:1 (${style.stroke} on rgb(${bg.slice(0, 3).join(', ')}))`
				);
		}
	}

	// Labels that collide: two texts of one drawing overlapping by more than a sliver.
	for (const list of svgTexts.values()) {
		for (let i = 0; i < list.length; i++) {
			for (let j = i + 1; j < list.length; j++) {
				const a = list[i]!.rect;
				const b = list[j]!.rect;
				const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
				const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
				if (w > 1 && h > 1)
					problems.push(
						`«${list[i]!.text}» and «${list[j]!.text}» overlap (${Math.round(w)}×${Math.round(h)} px)`
					);
			}
		}
	}
	return {
		overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
		charts: roots.length,
		texts: count,
		lines,
		smallest,
		problems
	};
}

/**
 * WCAG 1.4.12's text-spacing override, as the W3C's «Text spacing bookmarklet» (Steve Faulkner)
 * injects it, with !important so it wins over the page's own rules.
 */
export const TEXT_SPACING_CSS = `* {
	line-height: 1.5 !important;
	letter-spacing: 0.12em !important;
	word-spacing: 0.16em !important;
}
p {
	margin-bottom: 2em !important;
}`;
