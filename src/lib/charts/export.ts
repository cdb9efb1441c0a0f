/**
 * Export of a drawn chart as an SVG or PNG file. Browser only: uses the DOM, canvas and
 * object URLs (the CSP allows `blob:` images for this).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Properties copied from computed style onto the copy: component CSS is scoped to the page
 * and would not travel with the file, so without this the export loses fills, dashes
 * (which tell qualitative from quantitative) and fonts.
 */
const INLINED_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'text-anchor',
	'dominant-baseline',
	'display',
	'visibility'
] as const;

function inlineStyles(source: Element, target: Element): void {
	const computed = getComputedStyle(source);
	const style = INLINED_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`)
		.filter((declaration) => !declaration.endsWith(':'))
		.join(';');
	if (style) target.setAttribute('style', style);
	const sourceChildren = source.children;
	const targetChildren = target.children;
	for (let i = 0; i < sourceChildren.length; i++) {
		const s = sourceChildren[i];
		const t = targetChildren[i];
		if (s && t) inlineStyles(s, t);
	}
}

/** A standalone SVG document of the element, with its current styles inlined. */
export function svgToString(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, copy);
	copy.setAttribute('xmlns', SVG_NS);
	const { width, height } = svg.getBoundingClientRect();
	if (!copy.getAttribute('width')) copy.setAttribute('width', String(Math.ceil(width)));
	if (!copy.getAttribute('height')) copy.setAttribute('height', String(Math.ceil(height)));
	// Focus rings and hover states are not part of the picture.
	copy.querySelectorAll('.focus-ring').forEach((el) => el.remove());
	const xml = new XMLSerializer().serializeToString(copy);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

function download(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoked on the next task: some browsers start the download asynchronously.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
	download(new Blob([svgToString(svg)], { type: 'image/svg+xml;charset=utf-8' }), filename);
}

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('Kunne ikke tegne kartet som bilde'));
		image.src = url;
	});
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) => {
		canvas.toBlob((blob) => {
			if (blob) resolve(blob);
			else reject(new Error('Kunne ikke lage PNG-filen'));
		}, 'image/png');
	});
}

/**
 * Safari refuses canvases over 16 384 px on a side or about 16.7 million pixels (a
 * 150-node map at 2× is 3 200 × 12 900); shrink the scale rather than export a blank image.
 */
export function safeScale(width: number, height: number, scale: number): number {
	const bySide = 16_384 / Math.max(width, height, 1);
	const byArea = Math.sqrt(16_000_000 / Math.max(width * height, 1));
	return Math.min(scale, bySide, byArea);
}

/**
 * Draws the SVG on a canvas at `scale` × its size (2 gives a sharp print on most screens)
 * on a white background, since PNG viewers show transparency as black or checkers.
 */
export async function downloadPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
	const source = svgToString(svg);
	const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
	const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
	const effectiveScale = safeScale(width, height, scale);
	const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = await loadImage(url);
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * effectiveScale);
		canvas.height = Math.ceil(height * effectiveScale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('Nettleseren kan ikke tegne bilder');
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.scale(effectiveScale, effectiveScale);
		context.drawImage(image, 0, 0, width, height);
		download(await canvasToBlob(canvas), filename);
	} finally {
		URL.revokeObjectURL(url);
	}
}
