/** Only same-site paths: `//evil.example` and absolute URLs fall back to the overview. */
export function safeRedirectTarget(target: string | null): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
		return '/';
	}
	return target;
}
