import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Vitest isolates each test file in its own module graph, so pointing DATABASE_URL at a fresh
// file here gives every test file its own real SQLite database; `db` opens it lazily and
// applies the committed migrations on first use.
const dir = mkdtempSync(path.join(tmpdir(), 'misjonskart-test-'));
process.env.DATABASE_URL = path.join(dir, 'test.db');

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});
