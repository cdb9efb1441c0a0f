import type { Handle } from '@sveltejs/kit';

/**
 * HTTP Strict Transport Security for a year, subdomains included (RFC 6797 §6.1; OWASP HTTP
 * Headers Cheat Sheet). scripts/app-server.js sends the same on static files.
 */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers for every rendered response. The Content-Security-Policy itself comes from `kit.csp`
 * in svelte.config.js. Static files never pass through here (adapter-node answers them before
 * SvelteKit runs); scripts/app-server.js gives them nosniff and HSTS.
 */
export const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	// adapter-node builds `event.url` from ORIGIN (or PROTOCOL_HEADER), so this holds exactly
	// when the public address is HTTPS; over plain HTTP the header must be ignored (RFC 6797 §8.1).
	if (event.url.protocol === 'https:') response.headers.set('Strict-Transport-Security', HSTS);
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	// A signed-in answer is not stored, unless it chose its own caching: the map's drawing is
	// kept private and revalidated by its ETag (benefits/views/map-drawing.ts).
	if (event.locals.user && !response.headers.has('Cache-Control'))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
};
