/**
 * What every area of the scale generator shares: the connection, the size factor, the
 * reference instant («now», passed in once), seeded random streams, and Oslo calendar helpers.
 */
import type Database from 'better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { osloDayStartMs } from '../../src/lib/domain/shared/oslo-day';
import { osloDay } from '../../src/lib/format';
import { Rng } from './random';
import { tableWriter, type Keys, type TableWriter } from './table-writer';

export interface Context {
	sqlite: Database.Database;
	/** 1 = national; counts are scaled by it. */
	factor: number;
	seed: number;
	now: Date;
	/** Oslo month of `now`, `YYYY-MM`. */
	month: string;
	rng(stream: string): Rng;
	writer<T extends SQLiteTable>(table: T, keys: Keys<T>, where: string): TableWriter<T>;
	/** National count scaled by the factor, at least `min`. */
	scaled(national: number, min?: number): number;
}

export function makeContext(
	sqlite: Database.Database,
	factor: number,
	seed: number,
	now: Date
): Context {
	return {
		sqlite,
		factor,
		seed,
		now,
		month: osloDay(now).slice(0, 7),
		rng: (stream) => new Rng(seed, stream),
		writer: (table, keys, where) => tableWriter(sqlite, table, keys, where),
		scaled: (national, min = 1) => Math.max(min, Math.round(national * factor))
	};
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM` plus `n` months (n may be negative). */
export function addMonths(period: string, n: number): string {
	const [y, m] = period.split('-').map(Number) as [number, number];
	const index = y * 12 + (m - 1) + n;
	return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Months from `a` to `b` (`YYYY-MM`), negative when b is earlier. */
export function monthsBetween(a: string, b: string): number {
	const [ya, ma] = a.split('-').map(Number) as [number, number];
	const [yb, mb] = b.split('-').map(Number) as [number, number];
	return yb * 12 + mb - (ya * 12 + ma);
}

// The app's Oslo calendar functions go through Intl, which is slow for millions of rows; the
// generator asks about a few thousand distinct days and hours, so it remembers the answers.
const dayStarts = new Map<string, number>();
const daysOfHour = new Map<number, string>();
const HOUR = 3_600_000;

/** osloDayStartMs, remembered. */
export function dayStart(day: string, addDays = 0): number {
	const key = `${day}+${addDays}`;
	let ms = dayStarts.get(key);
	if (ms === undefined) {
		ms = osloDayStartMs(day, addDays);
		dayStarts.set(key, ms);
	}
	return ms;
}

/** osloDay of an instant, remembered per UTC hour: Oslo's offset is always whole hours. */
export function osloDayOf(ms: number): string {
	const hour = Math.floor(ms / HOUR);
	let day = daysOfHour.get(hour);
	if (day === undefined) {
		day = osloDay(new Date(hour * HOUR));
		daysOfHour.set(hour, day);
	}
	return day;
}

/** A working-hours instant on the Oslo day `day` + `addDays`. */
export function workingTime(rng: Rng, day: string, addDays = 0): number {
	return dayStart(day, addDays) + Math.round((7.5 + rng.next() * 8.5) * HOUR);
}

/** The first day of a period, `YYYY-MM-01`. */
export function firstDay(period: string): string {
	return `${period}-01`;
}
