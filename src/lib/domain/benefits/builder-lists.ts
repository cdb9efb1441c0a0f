/**
 * How the project map editor (/gevinster/prosjekt/[id]) pages its lists and finds the ends of a
 * new link: its query parameters (Norwegian, as the other paged pages') and sizes. Shared by the
 * page's read model and the map's node links, which point at the page of the list a measure or
 * change is on.
 */

/** Rows a page of «Elementer i kartet» shows, per kind. */
export const BUILDER_PAGE = 25;
/** Rows a page of «Koblinger» shows. */
export const LINK_PAGE = 50;

/** Each list's page parameter and the heading its pager links return to. */
export const BUILDER_LIST = {
	measures: { param: 'tiltak-side', anchor: 'tiltak-h' },
	changes: { param: 'endringer-side', anchor: 'endringer-h' },
	benefits: { param: 'gevinster-side', anchor: 'gevinster-h' },
	links: { param: 'koblinger-side', anchor: 'koblinger-h' }
} as const;

/**
 * Above this many measures, changes and benefits the link form's selects offer what a title
 * search finds instead of every element; at most LINK_CHOICE_LIMIT a side.
 */
export const LINK_SELECT_LIMIT = 200;
export const LINK_CHOICE_LIMIT = 50;
/** The search parameters of the link form's two ends. */
export const LINK_SEARCH = { from: 'sok-fra', to: 'sok-til' } as const;

/**
 * The page (1-based) a row is on, given its place (0-based) in its list's creation order;
 * the first page is the address without the parameter.
 */
export function builderPageOf(index: number, size = BUILDER_PAGE): number {
	return Math.floor(index / size) + 1;
}
