/**
 * Group commit for the app's writes. Each transaction commits without waiting for the disk
 * (`synchronous = NORMAL` in WAL mode: the commit is appended to the -wal file, and SQLite itself
 * syncs only around checkpoints; https://sqlite.org/pragma.html#pragma_synchronous), and a
 * request that wrote is answered only after the -wal file has been synced. One fsync covers every
 * commit appended before it began, so the writes that arrive while the disk is busy share the
 * next one; and the sync runs on libuv's thread pool, so the server goes on serving meanwhile.
 * An answered write survives a power cut, as with `synchronous = FULL`, without one blocking
 * fsync per transaction (on this project's 2-core machine an fsync takes ~10 ms, which capped
 * realisation POSTs at ~34 a second).
 */
import { open } from 'node:fs/promises';

/** A function that resolves once every commit made before it was called is on disk. */
export function walSyncer(walFile: string): () => Promise<void> {
	let running: Promise<void> | null = null;
	let queued: Promise<void> | null = null;

	async function syncOnce(): Promise<void> {
		let handle;
		try {
			handle = await open(walFile, 'r');
		} catch (e) {
			// No -wal file: nothing was appended since the last checkpoint removed it.
			if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
			throw e;
		}
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	}

	function sync(): Promise<void> {
		if (!running) {
			running = syncOnce().finally(() => {
				running = null;
			});
			return running;
		}
		// The sync under way may have begun before this caller's commit: wait for the next one,
		// which every caller arriving meanwhile shares.
		queued ??= running
			.catch(() => {})
			.then(() => {
				queued = null;
				return sync();
			});
		return queued;
	}

	return sync;
}
