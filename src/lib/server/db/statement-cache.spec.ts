import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingPrepare, withStatementCache } from './statement-cache';

function database() {
	const sqlite = new Database(':memory:');
	sqlite.exec(`create table t (id integer primary key, name text);
		insert into t (name) values ('a'), ('b'), ('c')`);
	return sqlite;
}

describe('statement cache', () => {
	it('hands out the same statement for the same SQL, reset to a fresh one’s modes', () => {
		const prepare = cachingPrepare(database());
		const first = prepare('select id, name from t order by id');
		expect(first.raw().all()).toEqual([
			[1, 'a'],
			[2, 'b'],
			[3, 'c']
		]);
		const again = prepare('select id, name from t order by id');
		expect(again).toBe(first);
		expect(again.get()).toEqual({ id: 1, name: 'a' });
		prepare('select name from t order by id').pluck();
		expect(prepare('select name from t order by id').all()).toEqual([
			{ name: 'a' },
			{ name: 'b' },
			{ name: 'c' }
		]);
	});

	it('prepares anew while a statement is still iterating', () => {
		const prepare = cachingPrepare(database());
		const sql = 'select id from t order by id';
		const outer = prepare(sql).pluck();
		const seen: number[][] = [];
		for (const id of outer.iterate() as IterableIterator<number>) {
			const inner = prepare(sql);
			expect(inner).not.toBe(outer);
			seen.push([id, (inner.all() as { id: number }[]).length]);
		}
		expect(seen).toEqual([
			[1, 3],
			[2, 3],
			[3, 3]
		]);
	});

	it('keeps only the most recently used statements', () => {
		const prepare = cachingPrepare(database(), 2);
		const a = prepare('select 1');
		const b = prepare('select 2');
		expect(prepare('select 1')).toBe(a);
		prepare('select 3');
		expect(prepare('select 1')).toBe(a);
		expect(prepare('select 2')).not.toBe(b);
	});

	it('writes through the cached statements, and the rest of the connection is the same', () => {
		const sqlite = database();
		const client = withStatementCache(sqlite);
		const insert = client.prepare('insert into t (name) values (?)');
		client.transaction(() => {
			insert.run('d');
			client.prepare('insert into t (name) values (?)').run('e');
		})();
		expect(client.prepare('select count(*) as n from t').get()).toEqual({ n: 5 });
		expect(client.name).toBe(sqlite.name);
		expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 5 });
	});

	it('starts again when another `prepare` takes the connection’s place, as a recording test’s does', () => {
		const sqlite = database();
		const prepare = cachingPrepare(sqlite);
		const before = prepare('select 1');
		const seen: string[] = [];
		const original = sqlite.prepare;
		sqlite.prepare = function (source: string) {
			seen.push(source);
			return original.call(sqlite, source);
		} as typeof sqlite.prepare;
		expect(prepare('select 1')).not.toBe(before);
		prepare('select 1');
		expect(seen).toEqual(['select 1']);
		sqlite.prepare = original;
		prepare('select 1');
		expect(seen).toEqual(['select 1']);
	});
});
