import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';

/**
 * A page's shape: what axe's WCAG rules read, without the data. Each element with its tag, the
 * attributes that decide roles, names, states, language and colours (class, role, lang, aria
 * states, inline style …) with their values, the rest by name and whether they are empty,
 * whether ID references (`for`, `aria-labelledby` …) point at something, and whether it has text
 * of its own. A run of identical siblings counts as one, so a list of 3 rows and one of 30 have
 * the same shape; duplicate ids anywhere are noted. Two pages of one shape get one verdict from
 * axe (https://github.com/dequelabs/axe-core/blob/develop/doc/rule-descriptions.md), so the tour
 * runs axe once per shape, not once per role and language that sees the same page.
 *
 * The words are not in the shape, only whether an element has any: no WCAG 2.1 A/AA rule of
 * axe's reads what text says, only that it is there, its colours and size, and the `lang`
 * values, which are in the shape. Left out is `<html lang>` alone, which the tour checks itself
 * on every page (the language asked for); a page in nynorsk or English whose shape is that of a
 * bokmål page checked by axe gets that verdict. How long text lays out is the reflow check's
 * (WCAG 1.4.10), which the tour runs in every language.
 */
export async function pageShape(page: Page): Promise<string> {
	const shape = await page.evaluate(() => {
		const VALUED = new Set([
			'class',
			'role',
			'type',
			'lang',
			'dir',
			'tabindex',
			'scope',
			'style',
			'fill',
			'stroke',
			'color',
			'autocomplete'
		]);
		const REFERENCES = new Set([
			'for',
			'headers',
			'aria-labelledby',
			'aria-describedby',
			'aria-controls',
			'aria-owns',
			'aria-activedescendant',
			'aria-errormessage'
		]);
		const exists = (ids: string) =>
			ids
				.split(/\s+/)
				.filter(Boolean)
				.every((id) => document.getElementById(id) !== null);
		const attribute = (a: Attr) => {
			if (VALUED.has(a.name) || (a.name.startsWith('aria-') && !REFERENCES.has(a.name))) {
				// Names and descriptions are text: only whether they are there.
				if (a.name === 'aria-label' || a.name === 'aria-description')
					return `${a.name}${a.value.trim() ? '' : '='}`;
				if (a.name.startsWith('aria-value')) return `${a.name}:${Number.isFinite(+a.value)}`;
				return `${a.name}=${a.value}`;
			}
			if (REFERENCES.has(a.name)) return `${a.name}->${exists(a.value)}`;
			return `${a.name}${a.value.trim() ? '' : '='}`;
		};
		const shapeOf = (el: Element): string => {
			const attrs = [...el.attributes]
				.filter((a) => !(el === document.documentElement && a.name === 'lang'))
				.map(attribute)
				.sort()
				.join(' ');
			const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim())
				? ' #text'
				: '';
			const kids: string[] = [];
			for (const child of el.children) {
				const s = shapeOf(child);
				if (kids[kids.length - 1] !== s) kids.push(s);
			}
			return `<${el.tagName} ${attrs}${text}>${kids.join('')}</>`;
		};
		const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
		const duplicateIds = new Set(ids).size !== ids.length;
		return `${duplicateIds ? 'duplicate ids ' : ''}${shapeOf(document.documentElement)}`;
	});
	return createHash('sha256').update(shape).digest('hex');
}
