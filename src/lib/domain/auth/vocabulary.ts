/**
 * Signing in's vocabulary: the scopes of a personal API token (docs/api.md) and their bokmål
 * names. The database stores these codes as they are.
 */

/** What a token may do: read only, or read and write. */
export const API_SCOPES = ['read', 'write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABEL: Record<ApiScope, string> = {
	read: 'Lese',
	write: 'Lese og skrive'
};
