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
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};
