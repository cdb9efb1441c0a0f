// The test file's own temporary database (tests/setup/temp-db.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { db } from './db';
import { versioned } from './read-cache';

beforeAll(() => {
	db.$client.exec('create table if not exists t (n integer)');
});

describe('versioned', () => {
	it('computes once while nothing is written, again after a write on this connection', () => {
		let runs = 0;
		const read = () => versioned('k', () => ++runs);
		expect(read()).toBe(1);
		expect(read()).toBe(1);
		db.$client.prepare('insert into t values (1)').run();
		expect(read()).toBe(2);
		expect(read()).toBe(2);
	});

	it("sees another connection's commit", () => {
		let runs = 0;
		const read = () => versioned('other', () => ++runs);
		expect(read()).toBe(1);
		const other = new Database(db.$client.name);
		other.prepare('insert into t values (2)').run();
		other.close();
		expect(read()).toBe(2);
	});

	it('keeps keys apart', () => {
		expect(versioned('a', () => 'A')).toBe('A');
		expect(versioned('b', () => 'B')).toBe('B');
		expect(versioned('a', () => 'changed')).toBe('A');
	});
});
