/**
 * What the server's memory is made of, for the server benchmark: loaded into the benchmarked
 * server with `node --import ./bench/server/memory-probe.js` (benchmark.js does this; the app
 * itself has no such surface). On SIGUSR2 it writes, to the file named by MEMORY_PROBE_FILE,
 * V8's own account (https://nodejs.org/api/process.html#processmemoryusage,
 * https://nodejs.org/api/v8.html#v8getheapspacestatistics) beside the kernel's
 * (/proc/self/status and /proc/self/smaps, https://docs.kernel.org/filesystems/proc.html):
 * the resident part of V8's heap, of malloc's main heap (`[heap]`, SQLite's page cache and
 * statements live there or in malloc's other arenas), of other anonymous memory, and of files.
 * Node reserves SIGUSR1 for its inspector; SIGUSR2 is free. When `<file>.snapshot` exists and
 * names a folder, a V8 heap snapshot is written there afterwards (the figures are taken first:
 * the snapshot itself costs memory), and its path to `<file>.snapshot.done`.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

const file = process.env.MEMORY_PROBE_FILE;

/** kB fields of /proc/self/status, in bytes. */
function status() {
	const text = readFileSync('/proc/self/status', 'utf8');
	/** @type {Record<string, number>} */
	const out = {};
	for (const key of ['VmRSS', 'VmHWM', 'RssAnon', 'RssFile', 'RssShmem', 'Threads']) {
		const m = new RegExp(`^${key}:\\s+(\\d+)( kB)?`, 'm').exec(text);
		if (m) out[key] = Number(m[1]) * (m[2] ? 1024 : 1);
	}
	return out;
}

/**
 * Resident bytes of each kind of mapping (/proc/self/smaps): `[heap]` (malloc's main arena),
 * anonymous mappings (V8's heap, malloc's other arenas and its large blocks, thread stacks),
 * and file-backed ones (the node binary, shared libraries, native addons).
 */
function mappings() {
	const text = readFileSync('/proc/self/smaps', 'utf8');
	const out = { heap: 0, anonymous: 0, files: 0, stacks: 0, anonymousMappings: 0 };
	let kind = 'anonymous';
	for (const line of text.split('\n')) {
		const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
		if (head) {
			const name = head[1];
			kind =
				name === '[heap]'
					? 'heap'
					: name.startsWith('[stack')
						? 'stacks'
						: name.startsWith('/')
							? 'files'
							: name === ''
								? 'anonymous'
								: 'files';
			if (kind === 'anonymous') out.anonymousMappings += 1;
			continue;
		}
		const rss = /^Rss:\s+(\d+) kB/.exec(line);
		if (rss) out[/** @type {'heap'} */ (kind)] += Number(rss[1]) * 1024;
	}
	return out;
}

function probe() {
	const heap = v8.getHeapStatistics();
	return {
		memoryUsage: process.memoryUsage(),
		heap: {
			used: heap.used_heap_size,
			total: heap.total_heap_size,
			physical: heap.total_physical_size,
			limit: heap.heap_size_limit,
			malloced: heap.malloced_memory,
			peakMalloced: heap.peak_malloced_memory,
			spaces: Object.fromEntries(
				v8
					.getHeapSpaceStatistics()
					.map((s) => [
						s.space_name,
						{ used: s.space_used_size, size: s.space_size, physical: s.physical_space_size }
					])
			)
		},
		status: status(),
		mappings: mappings()
	};
}

if (file) {
	process.on('SIGUSR2', () => {
		writeFileSync(`${file}.tmp`, JSON.stringify(probe()));
		renameSync(`${file}.tmp`, file);
		const ask = `${file}.snapshot`;
		if (existsSync(ask)) {
			const dir = readFileSync(ask, 'utf8').trim();
			const written = v8.writeHeapSnapshot(path.join(dir, `server-${process.pid}.heapsnapshot`));
			writeFileSync(`${ask}.done`, written);
		}
	});
}
