import { inject } from 'vitest';

/**
 * Points this journey's `$lib/server/db` at the running server's SQLite file, so a journey can
 * create its users and starting data with tests/factories instead of clicking through admin
 * pages it does not test. Call before importing anything that touches the database; both
 * processes share the file safely (WAL, busy_timeout).
 */
export async function useServerDatabase() {
	process.env.DATABASE_URL = inject('databaseUrl');
	return import('../factories');
}
