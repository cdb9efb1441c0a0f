/**
 * Generation time of the downloads and reports on a generated dataset (steering issue: ≤ 10 s
 * at national scale, with progress shown above 1 s), without the server: the time to read the
 * rows and write the file, which is what a download waits for (HTTP over loopback adds
 * milliseconds; bench/server measures the pages).
 *
 *   node --import tsx bench/exports.js --db /work/data/national.db [--repeats 3] [--out FILE]
 *
 * Works on a copy in a temporary directory, so the dataset is never written to. Prints a
 * Markdown table (first run, median of the repeats, file size, rows, RSS after) and writes it
 * to bench/results/exports-<scale>-<date>.md unless --no-write.
 */
import { statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyDataset } from './dataset-copy.js';

const { values: args } = parseArgs({
	options: {
		db: { type: 'string' },
		repeats: { type: 'string', default: '3' },
		out: { type: 'string' },
		'no-write': { type: 'boolean', default: false }
	}
});
const REPEATS = Number(args.repeats);
const startedAt = new Date();

const dataset = copyDataset(args.db, 'exports');

// Imported after DATABASE_URL is set: `db` opens it on first use.
const { db } = await import('../src/lib/server/db/index.ts');
const { benefitRegisterXlsx } = await import('../src/lib/server/benefits/views/register.ts');
const { gainPlanPdf } = await import('../src/lib/server/benefits/views/plan-report.ts');
const { portfolioXlsx, risksXlsx } = await import('../src/lib/server/portfolio/views/export.ts');
const { complianceXlsx } = await import('../src/lib/server/wheel/views/compliance-export.ts');
const { auditLogXlsx } = await import('../src/lib/server/org/views/audit-log-export.ts');
const { getProjectById } = await import('../src/lib/server/db/queries/projects.ts');
const { steeringReportPdf } = await import('../src/lib/server/steering/views/report.ts');

const sqlite = db.$client;
const meta = (() => {
	try {
		return JSON.parse(execFileSync('cat', [`${args.db}.json`], { encoding: 'utf8' }));
	} catch {
		return {};
	}
})();
const now = meta.now ? new Date(meta.now) : new Date();
const biggest = sqlite
	.prepare(
		`select p.id, p.title, count(*) as n from benefit b join project p on p.id = b.project_id
		where p.archived_at is null group by p.id order by n desc, p.id limit 1`
	)
	.get();
const track = sqlite.prepare('select id, code from track order by code limit 1').get();
const user = { id: 1, name: 'bench', roles: [{ role: 'admin', unitId: null }] };

/** @type {{ label: string; run: () => Promise<{ content: Uint8Array; rows?: number; benefits?: number }> }[]} */
const cases = [
	{
		label: 'Gevinstregister, hele misjonen (`/gevinster/last-ned`)',
		run: () => benefitRegisterXlsx(user, new URLSearchParams(), now)
	},
	{
		label: `Gevinstregister, spor ${track.code} (\`?spor=${track.id}\`)`,
		run: () => benefitRegisterXlsx(user, new URLSearchParams({ spor: String(track.id) }), now)
	},
	{
		label: 'Portefølje (`/portefolje/last-ned`)',
		run: () => portfolioXlsx(new URLSearchParams(), now)
	},
	{
		label: 'Risikoer (`/portefolje/risiko/last-ned`)',
		run: () => risksXlsx(new URLSearchParams(), now)
	},
	{
		label: 'Etterlevelse (`/arshjul/etterlevelse/last-ned`)',
		run: () => complianceXlsx(new URL('http://x/arshjul/etterlevelse'), now)
	},
	{
		label: 'Endringslogg (`/admin/logg/last-ned`)',
		run: () => auditLogXlsx(new URL('http://x/admin/logg'), now)
	},
	{
		label: 'Styringsrapport, inneværende tertial (`/styring/styringsrapport`)',
		run: () =>
			steeringReportPdf(
				user,
				{ from: `${now.toISOString().slice(0, 4)}-09-01`, to: now.toISOString().slice(0, 10) },
				now
			)
	},
	{
		label: `Gevinstrealiseringsplan, største prosjekt (${biggest.n} gevinster)`,
		run: () => gainPlanPdf(getProjectById(biggest.id), now)
	}
];

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtBytes = (b) =>
	b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.round(b / 1024)} KB`;
const rows = [];
for (const c of cases) {
	const times = [];
	let last;
	for (let i = 0; i <= REPEATS; i++) {
		const t0 = performance.now();
		last = await c.run();
		times.push(performance.now() - t0);
	}
	const rest = times.slice(1).sort((a, b) => a - b);
	const median = rest.length ? rest[Math.floor(rest.length / 2)] : times[0];
	const rss = process.memoryUsage().rss;
	const miss = Math.max(times[0], median) > 10_000;
	const line = `| ${c.label} | ${miss ? '**' : ''}${fmtMs(times[0])}${miss ? '**' : ''} | ${fmtMs(median)} | ${fmtBytes(last.content.byteLength)} | ${(last.rows ?? last.benefits ?? 0).toLocaleString('en-US')} | ${fmtBytes(rss)} |`;
	rows.push(line);
	console.log(line);
}

const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], {
	encoding: 'utf8'
}).trim();
const report = `# Downloads and reports: generation time, ${meta.scale ?? path.basename(args.db)} scale, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC

- Code: \`${head}\` on \`${branch}\`; Node ${process.version}; run with \`node --import tsx bench/exports.js --db ${args.db}\`.
- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, shared; load average ${os
	.loadavg()
	.map((l) => l.toFixed(2))
	.join(' ')} at the end.
- Data: \`${args.db}\`, ${fmtBytes(statSync(args.db).size)}${meta.counts ? `: ${meta.counts.benefit} benefits, ${meta.counts.realisation} realisations, ${meta.counts.estimate_line} estimate lines, ${meta.counts.project} projects, ${meta.counts.measure} measures, ${meta.counts.risk} risks, ${meta.counts.audit_log} audit rows` : ''}.
- Method: in-process, the function each endpoint calls (read the rows, build the workbook or PDF, write its bytes); one first run, then ${REPEATS} repeats (median). RSS is the process's after the case. Target (issue «Rules»): ≤ 10 s; a miss in **bold**. Every download link shows «Lager …» (aria-live) while it waits, so anything over a second has progress shown.
- Caps (stated in each file's «Om uttrekket»): register 10 000 benefits, 10 000 estimate lines, 10 000 realisations; portfolio 10 000 projects, 20 000 measures; risks 20 000; change log 20 000 rows. Workbooks are written with ExcelJS's streaming writer (rows committed as they are added).

| download | first | median | file | rows | RSS after |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`;
console.log(report);
if (!args['no-write']) {
	const out =
		args.out ??
		`bench/results/exports-${meta.scale ?? 'dataset'}-${startedAt.toISOString().slice(0, 10)}.md`;
	writeFileSync(out, report);
	console.log(`written to ${out}`);
}
db.$client.close();
dataset.remove();
