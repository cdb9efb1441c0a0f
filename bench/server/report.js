/**
 * The server benchmark's result as Markdown: what was measured on what, the page table, the
 * write table and memory, with the issue's targets beside the figures so a reader sees at a
 * glance what is missed and by how much.
 */
import { median, quantile } from './http.js';

/** Targets at national scale (the issue «National scale»). */
export const TARGETS = {
	htmlBytes: 300 * 1024,
	medianMs: 100,
	p95Ms: 250,
	postsPerSecond: 200,
	postP95Ms: 50,
	rssBytes: 300 * 1024 * 1024
};

/** @param {number} bytes */
export function formatBytes(bytes) {
	if (!Number.isFinite(bytes)) return '–';
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
	if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** @param {number} ms */
export function formatMs(ms) {
	if (!Number.isFinite(ms)) return '–';
	if (ms < 10) return `${ms.toFixed(1)} ms`;
	if (ms < 1000) return `${Math.round(ms)} ms`;
	return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** @param {number} n */
function formatRate(n) {
	if (!Number.isFinite(n)) return '–';
	return n < 10 ? n.toFixed(2) : n.toFixed(0);
}

/**
 * What bench/server/memory-probe.js writes (bytes).
 * @typedef {{
 *   memoryUsage: NodeJS.MemoryUsage,
 *   heap: { used: number, total: number, physical: number, limit: number, malloced: number, peakMalloced: number,
 *     spaces: Record<string, { used: number, size: number, physical: number }> },
 *   status: Record<string, number>,
 *   mappings: { heap: number, anonymous: number, files: number, stacks: number, anonymousMappings: number }
 * }} MemoryProbe
 */

/** @param {boolean} miss @param {string} text */
const mark = (miss, text) => (miss ? `**${text}**` : text);

/**
 * @param {{
 *   startedAt: Date, manifest: any, db: string, dbBytes: number, commit: string, appCommit: string, branch: string,
 *   dirty: boolean, node: string, cpus: import('node:os').CpuInfo[], loadBefore: string,
 *   loadAfter: string, settings: Record<string, number>,
 *   pages: { path: string, role: string, bytes: number, first: number, samples: number[], rps: number, status: number, notes: string[] }[],
 *   posts: { form: string, role: string, leaders: number, results: { ms: number, ok?: boolean, reason?: string }[], wallMs: number, ranDry: boolean }[],
 *   memory: { when: string, rss: number, peak: number }[],
 *   probes?: { when: string, probe: MemoryProbe | null }[],
 *   mallocArenaMax?: string | null,
 *   nodeOptions?: string
 * }} r
 */
export function renderReport(r) {
	const m = r.manifest;
	const s = r.settings;
	const lines = [];
	const at = r.startedAt.toISOString().replace('T', ' ').slice(0, 16);
	lines.push(`# Server benchmark: ${m.scale} scale, ${at} UTC`, '');
	lines.push(
		`- Code: \`${r.commit}\` on \`${r.branch}\`${r.dirty ? ' with uncommitted changes' : ''}; the app as of \`${r.appCommit}\`; the built app served by \`node ${r.nodeOptions ? `${r.nodeOptions} ` : ''}scripts/server.js\`${r.nodeOptions === undefined ? ' as `npm start` does' : ''}; Node ${r.node}.`,
		`- Machine: ${r.cpus.length} × ${r.cpus[0]?.model.trim() ?? 'CPU'}, shared; load average (1, 5, 15 min) ${r.loadBefore} before, ${r.loadAfter} after.`,
		`- Data: \`${r.db}\`, ${formatBytes(r.dbBytes)}, generated in ${m.seconds} s (seed ${m.seed}, reference date ${m.day ?? m.now.slice(0, 10)}): ` +
			[
				['project', 'projects'],
				['measure', 'measures'],
				['benefit', 'benefits'],
				['realisation', 'realisations'],
				['unit', 'units'],
				['wheel_signature', 'signatures'],
				['status_report', 'status reports'],
				['risk', 'risks'],
				['audit_log', 'audit rows'],
				['user', 'users']
			]
				.map(
					([table, label]) =>
						`${(m.counts[table] ?? 0).toLocaleString('en').replace(/,/g, ' ')} ${label}`
				)
				.join(', ') +
			'.',
		`- Method: times are measured in the client over loopback, from sending the request to the last byte of the body. ` +
			`Each page: one first request, then ${s.repeats} sequential repeats (median and p95 of those), then ${s.seconds} s on ${s.connections} connections at once (req/s). ` +
			`A page whose first request takes more than ${s.slowMs / 1000} s gets ${s.slowRepeats} repeats and no concurrency run; repeats stop after ${s.pageBudgetMs / 1000} s once there are 5; a request is abandoned after ${s.timeoutMs / 1000} s and the server restarted (it would stay busy). ` +
			`Writes: ${s.postSeconds} s of form POSTs on ${s.connections} connections, answered as JSON (\`x-sveltekit-action\`), each a new row.`,
		`- Targets (issue «National scale»): HTML ≤ 300 KB, median ≤ 100 ms, p95 ≤ 250 ms; writes ≥ 200/s with p95 ≤ 50 ms and 0 errors; RSS ≤ 300 MB. Misses are in **bold**.`,
		''
	);

	lines.push('## Pages', '');
	lines.push('| page | role | HTML | first | median | p95 | n | req/s (5 conn.) | × /konto |');
	lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	const konto = new Map(
		r.pages.filter((p) => p.path === '/konto').map((p) => [p.role, median(p.samples)])
	);
	const notes = [];
	for (const p of r.pages) {
		const med = median(p.samples);
		const p95 = quantile(p.samples, 0.95);
		const base = konto.get(p.role);
		const ratio =
			p.path === '/konto' || !base || !Number.isFinite(med)
				? '–'
				: `${(med / base).toFixed(med / base < 10 ? 1 : 0)}×`;
		const failed = p.status !== 200;
		const timedOut = p.status === 0;
		const html = timedOut
			? '**–**'
			: failed
				? `HTTP ${p.status}`
				: mark(p.bytes > TARGETS.htmlBytes, formatBytes(p.bytes));
		const first = timedOut ? `**> ${formatMs(s.timeoutMs)}**` : formatMs(p.first);
		lines.push(
			`| \`${p.path}\` | ${p.role} | ${html} | ${first} | ${mark(med > TARGETS.medianMs, formatMs(med))} | ${mark(p95 > TARGETS.p95Ms, formatMs(p95))} | ${p.samples.length} | ${formatRate(p.rps)} | ${ratio} |`
		);
		if (p.notes.length) notes.push(`- \`${p.path}\` (${p.role}): ${p.notes.join('; ')}.`);
	}
	lines.push('');
	if (notes.length) lines.push(...notes, '');

	lines.push('## Writes', '');
	lines.push('| form | role | requests | per second | median | p95 | max | errors |');
	lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
	const postNotes = [];
	for (const p of r.posts) {
		const ms = p.results.map((x) => x.ms);
		const errors = p.results.filter((x) => !x.ok);
		const rate = (p.results.length / p.wallMs) * 1000;
		const p95 = quantile(ms, 0.95);
		lines.push(
			`| ${p.form} | ${p.role} | ${p.results.length} | ${mark(rate < TARGETS.postsPerSecond, formatRate(rate))} | ${formatMs(median(ms))} | ${mark(p95 > TARGETS.postP95Ms, formatMs(p95))} | ${formatMs(Math.max(...ms))} | ${mark(errors.length > 0, String(errors.length))} |`
		);
		if (p.ranDry)
			postNotes.push(
				`- ${p.form}: ran out of open occurrences before ${s.postSeconds} s (${p.leaders} unit leaders signed in).`
			);
		const reasons = new Map();
		for (const e of errors) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
		for (const [reason, count] of reasons) postNotes.push(`- ${p.form}: ${count} × ${reason}`);
	}
	lines.push('');
	if (postNotes.length) lines.push(...postNotes, '');

	lines.push('## Server memory (`/proc/<pid>/status`)', '');
	if (s.restarts) {
		lines.push(
			`The server was restarted ${s.restarts} time(s) after abandoned requests; each killed process's memory is listed, and the later rows are of the last process.`,
			''
		);
	}
	lines.push('| when | VmRSS | VmHWM (peak) |');
	lines.push('| --- | ---: | ---: |');
	for (const x of r.memory) {
		lines.push(
			`| ${x.when} | ${mark(x.rss > TARGETS.rssBytes, formatBytes(x.rss))} | ${formatBytes(x.peak)} |`
		);
	}
	lines.push('');
	const probes = (r.probes ?? []).filter((p) => p.probe);
	if (probes.length) lines.push(...memoryParts(probes, r.mallocArenaMax ?? null));
	return lines.join('\n');
}

/**
 * The resident memory by what holds it, from the probe in the server (memory-probe.js): V8's
 * heap (resident pages of all its spaces), malloc's main heap (`[heap]`: SQLite's page cache,
 * statements and sorts, V8's own bookkeeping, Node's buffers), the rest of the anonymous
 * memory less V8's heap (malloc's other arenas and large blocks, thread stacks), and files.
 * @param {{ when: string, probe: MemoryProbe | null }[]} probes
 * @param {string | null} arenaMax
 */
function memoryParts(probes, arenaMax) {
	const lines = ['## What the memory is made of (`bench/server/memory-probe.js`)', ''];
	lines.push(
		`Taken in the server on SIGUSR2, just after the rows above; MALLOC_ARENA_MAX ${arenaMax ?? 'not set (glibc: 8 arenas per core)'}.`,
		''
	);
	lines.push(`| | ${probes.map((p) => p.when).join(' | ')} |`);
	lines.push(`| --- | ${probes.map(() => '---:').join(' | ')} |`);
	/** @param {string} label @param {(p: MemoryProbe) => number} value */
	const row = (label, value) =>
		lines.push(
			`| ${label} | ${probes.map((p) => formatBytes(value(/** @type {MemoryProbe} */ (p.probe)))).join(' | ')} |`
		);
	row('VmRSS', (p) => p.status.VmRSS);
	row('V8 heap used', (p) => p.heap.used);
	row('V8 heap committed (heapTotal)', (p) => p.heap.total);
	row('V8 heap resident', (p) => p.heap.physical);
	const space = (/** @type {MemoryProbe} */ p, /** @type {string} */ name) =>
		p.heap.spaces[name]?.physical ?? NaN;
	row('… of which new space (young objects)', (p) => space(p, 'new_space'));
	row('… of which old space', (p) => space(p, 'old_space'));
	row('… of which large objects', (p) => space(p, 'large_object_space'));
	row('… of which code', (p) => space(p, 'code_space'));
	row('external (Buffers, strings outside the heap)', (p) => p.memoryUsage.external);
	row('… of which ArrayBuffers', (p) => p.memoryUsage.arrayBuffers);
	row("malloc's main heap `[heap]`, resident", (p) => p.mappings.heap);
	row('other anonymous, resident, less the V8 heap', (p) => p.mappings.anonymous - p.heap.physical);
	row('files (node, libraries, better-sqlite3), resident', (p) => p.mappings.files);
	lines.push(
		`| threads | ${probes.map((p) => String(/** @type {MemoryProbe} */ (p.probe).status.Threads)).join(' | ')} |`
	);
	lines.push('');
	return lines;
}
