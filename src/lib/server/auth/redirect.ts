import { landingPath } from '$lib/domain/steering/rules';
import type { Role } from '$lib/domain/org/vocabulary';

/**
 * Where to send the browser after sign-in: only a path on this site, else the overview.
 *
 * The target is parsed the way a browser will parse the Location header (WHATWG URL Standard,
 * against our own origin) and accepted only if it stays on that origin. The answer is rebuilt
 * from the parsed path, query and fragment, which the serialiser has percent-encoded, and must
 * still mean the same URL when read back. Prefix checks on the raw string miss what browsers
 * forgive: they drop tabs and newlines inside a URL and read `\` as `/`, so `/\t/evil.example`
 * and `/\evil.example` both lead off-site (OWASP Unvalidated Redirects and Forwards Cheat Sheet;
 * RFC 9110 §10.2.2).
 */
export function safeRedirectTarget(target: string | null, origin: string): string {
	const fallback = '/';
	if (!target || !target.startsWith('/')) return fallback;
	// Control characters (tab, CR, LF, NUL …) and backslashes have no place in a path we made;
	// refuse rather than guess what a browser or proxy would make of them. CR/LF would also
	// split the response header.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
	let parsed: URL;
	try {
		parsed = new URL(target, origin);
	} catch {
		return fallback;
	}
	if (parsed.origin !== new URL(origin).origin) return fallback;
	const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
	// Dot segments can fold a same-origin target into a scheme-relative one: `/..//evil.example`
	// parses to the path `//evil.example`, which a browser reads as another host. The answer
	// must mean the same URL when it is read back on its own.
	if (new URL(path, origin).href !== parsed.href) return fallback;
	return path;
}

/**
 * `/` without anything asked of it sends a user to where their role's work is
 * (`landingPath`): the steering group to /styring, and so on. The overview stays reachable for
 * everyone through a link with a query (`/?oversikt`), which the overview ignores.
 */
export function landingRedirect(roles: readonly Role[], url: URL): string | null {
	if (url.pathname !== '/' || url.search !== '') return null;
	const target = landingPath(roles);
	return target === '/' ? null : target;
}
