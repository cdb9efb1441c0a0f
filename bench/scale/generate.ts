/**
 * National-scale data for Misjonskart, for the server benchmark and for trying the pages at
 * the size of a whole country's programme (1 mission, 20 tracks, 2 000 projects, 20 000
 * measures, 50 000 benefits, 1 000 000 realisations, 300 units on 3 wheels of 40 tasks with a
 * year of sign-offs, 200 000 audit rows). `municipal` is a tenth of that.
 *
 *   npm run scale -- --scale national --out data/scale/national.db [--now 2026-12-01]
 *                    [--seed 1] [--password …]
 *
 * The database is created through the app's own migration path (openDatabase), then filled
 * with prepared INSERTs in one transaction, bypassing the audited verbs: a million audited
 * transactions would measure the disk, not the data. The same seed and `--now` give the same
 * rows (only the password hash's salt differs). Writes `<out>.json` beside the database: the
 * counts, the password, and what the benchmark signs in with and posts to.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/lib/server/db/index';
import { rebuildGainRollups } from '../../src/lib/server/db/queries/gain-rollups';
import { hashPassword } from '../../src/lib/server/auth/password';
import { osloDayStartMs } from '../../src/lib/domain/shared/oslo-day';
import { osloDay } from '../../src/lib/format';
import { ROLES, type Role } from '../../src/lib/domain/org/vocabulary';
import { makeContext } from './context';
import { seedOrganisation } from './org';
import { seedPortfolio } from './portfolio';
import { seedBenefits } from './benefits';
import { seedWheels, type OccurrenceKey } from './wheels';
import { seedAudit } from './audit';

export const SCALES = { national: 1, municipal: 0.1 } as const;
export type ScaleName = keyof typeof SCALES;

export interface ScaleOptions {
	out: string;
	/** Size relative to national; `SCALES[name]` for the named sizes. */
	factor: number;
	scale: string;
	seed: number;
	now: Date;
	password: string;
	log?: (line: string) => void;
}

export interface Manifest {
	scale: string;
	factor: number;
	seed: number;
	now: string;
	/** The Oslo calendar day of `now`. */
	day: string;
	month: string;
	password: string;
	seconds: number;
	bytes: number;
	counts: Record<string, number>;
	users: Record<Role, string[]>;
	/** What the server benchmark uses: one user per role, pages to open, forms to post. */
	bench: {
		/** One user per role to sign in as; the generated data has no kommunedirektør. */
		users: Record<Exclude<Role, 'municipal_director'>, string>;
		unitId: number;
		projectId: number;
		benefitId: number;
		signOff: { email: string; keys: OccurrenceKey[] }[];
		realisation: { email: string; benefitIds: number[]; period: string };
	};
}

export function manifestPath(db: string): string {
	return `${db}.json`;
}

/** `YYYY-MM-DD` is the start of that Oslo day; anything else is read as an ISO instant. */
export function parseNow(value: string): Date {
	const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(osloDayStartMs(value)) : new Date(value);
	if (Number.isNaN(at.getTime())) throw new Error(`--now: not a date: ${value}`);
	return at;
}

export async function generateScaleData(options: ScaleOptions): Promise<Manifest> {
	const log = options.log ?? (() => {});
	const started = performance.now();
	const out = path.resolve(options.out);
	const tmp = `${out}.tmp-${process.pid}`;
	for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });

	const db = openDatabase(tmp);
	const sqlite = db.$client;
	// Bulk-load settings for a file nobody else has open yet: a crash leaves only the temp file.
	// (better-sqlite3 runs SQLite in defensive mode, which refuses journal_mode=OFF.)
	if (sqlite.pragma('journal_mode = MEMORY', { simple: true }) !== 'memory') {
		throw new Error('Could not leave WAL mode for the bulk load');
	}
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('foreign_keys = OFF');
	sqlite.pragma('cache_size = -131072');
	sqlite.pragma('temp_store = MEMORY');
	const ctx = makeContext(sqlite, options.factor, options.seed, options.now);
	const passwordHash = await hashPassword(options.password);

	let lap = performance.now();
	const step = (name: string) => {
		const t = performance.now();
		log(`  ${name.padEnd(28)} ${((t - lap) / 1000).toFixed(1).padStart(6)} s`);
		lap = t;
	};
	const built = sqlite.transaction(() => {
		const org = seedOrganisation(ctx, passwordHash);
		step('enheter og brukere');
		const portfolio = seedPortfolio(ctx, org);
		step('portefølje');
		const benefits = seedBenefits(ctx, org, portfolio);
		step('gevinster og realiseringer');
		const wheels = seedWheels(ctx, org);
		step('årshjul og signaturer');
		seedAudit(ctx, org.byRole.admin[0]!.id);
		step('endringslogg');
		// The rows above bypass the app's writes, which keep the gain roll-ups in step.
		rebuildGainRollups(sqlite);
		step('gevinstsummer');
		return { org, portfolio, benefits, wheels };
	})();
	const { org, portfolio, benefits, wheels } = built;

	const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number }[];
	if (broken.length) {
		const sample = broken.slice(0, 5).map((b) => `${b.table}#${b.rowid}`);
		throw new Error(
			`Generated rows break ${broken.length} foreign keys, e.g. ${sample.join(', ')}`
		);
	}
	step('fremmednøkler kontrollert');
	const counts: Record<string, number> = {};
	const tables = sqlite
		.prepare(
			`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`
		)
		.all() as { name: string }[];
	for (const { name } of tables) {
		counts[name] = (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
	}
	sqlite.pragma('journal_mode = DELETE');
	sqlite.close();
	// A -wal file left by an older database at `out` would be replayed into the new one.
	for (const f of [`${out}-wal`, `${out}-shm`]) rmSync(f, { force: true });
	renameSync(tmp, out);

	const leader = org.byRole.programme_leader[0]!;
	const own = portfolio.projects.filter(
		(p) => p.ownerId === leader.id && ['adopted', 'in_progress', 'completed'].includes(p.status)
	);
	const size = (p: (typeof own)[number]) => p.measures;
	const project = own.reduce(
		(a, b) => (size(b) > size(a) ? b : a),
		own[0] ?? portfolio.projects[0]!
	);
	let benefitId = 0;
	for (let id = 1; id < benefits.projectOf.length; id++) {
		if (benefits.projectOf[id] !== project.id) continue;
		if (!benefitId || benefits.realisationCount[id]! > benefits.realisationCount[benefitId]!) {
			benefitId = id;
		}
	}
	const pageUnit = wheels.busiestUnits[0]!;
	const signOff = wheels.busiestUnits
		.filter((u) => u !== pageUnit && wheels.open.has(u))
		.map((u) => ({ email: org.leaderOf.get(u)!.email, keys: wheels.open.get(u)! }));
	const users = Object.fromEntries(
		ROLES.map((r) => [r, org.byRole[r].map((u) => u.email)])
	) as Record<Role, string[]>;
	const manifest: Manifest = {
		scale: options.scale,
		factor: options.factor,
		seed: options.seed,
		now: options.now.toISOString(),
		day: osloDay(options.now),
		month: ctx.month,
		password: options.password,
		seconds: Math.round((performance.now() - started) / 100) / 10,
		bytes: statSync(out).size,
		counts,
		users,
		bench: {
			users: {
				admin: users.admin[0]!,
				steering: users.steering[0]!,
				programme_leader: leader.email,
				unit_leader: org.leaderOf.get(pageUnit)!.email,
				viewer: users.viewer[0]!
			},
			unitId: pageUnit,
			projectId: project.id,
			benefitId,
			signOff,
			realisation: {
				email: leader.email,
				benefitIds: benefits.loggableByOwner.get(leader.id) ?? [],
				period: ctx.month
			}
		}
	};
	writeFileSync(manifestPath(out), JSON.stringify(manifest, null, '\t') + '\n');
	return manifest;
}

const USAGE = `Lager et generert datasett (README, «Ytelsesmåling»).

  npm run scale -- [--scale national|municipal] [--out FIL] [--now ÅÅÅÅ-MM-DD] [--seed N]
                   [--password P] [--factor F]

  --scale     national (standard): 2 000 prosjekter, 50 000 gevinster, 1 000 000 realiseringer,
              300 enheter, 200 000 rader i endringsloggen; municipal: en tidel
  --out       databasefilen (standard data/scale/<skala>.db); <fil>.json skrives ved siden av
  --now       referansedatoen (standard i dag); ingenting skrives etter den
  --seed      frø (standard 1): samme frø og dato gir de samme radene
  --password  alle brukernes passord (standard tilfeldig, står i <fil>.json)
  --factor    en annen skala enn de to, som andel av national`;

async function main() {
	const { values } = parseArgs({
		options: {
			scale: { type: 'string', default: 'national' },
			factor: { type: 'string' },
			out: { type: 'string' },
			now: { type: 'string' },
			seed: { type: 'string', default: '1' },
			password: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const scale = values.scale!;
	if (!(scale in SCALES) && !values.factor) {
		throw new Error(`--scale must be ${Object.keys(SCALES).join(' or ')} (or give --factor)`);
	}
	const factor = values.factor ? Number(values.factor) : SCALES[scale as ScaleName];
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
	process.chdir(root);
	const out = values.out ?? `data/scale/${scale}.db`;
	if (existsSync(out) && !existsSync(manifestPath(out))) {
		throw new Error(`${out} finnes og er ikke laget av skalagenerator; velg en annen fil.`);
	}
	// The reference instant is read once, here; everything generated is relative to it.
	const now = values.now ? parseNow(values.now) : new Date();
	const password = values.password ?? randomBytes(12).toString('base64url');
	if (password.length < 12)
		throw new Error('--password: at least 12 characters (as the app requires)');
	console.log(
		`Lager ${scale}-data (faktor ${factor}, frø ${values.seed}, nå ${now.toISOString()}) i ${out} …`
	);
	const m = await generateScaleData({
		out,
		factor,
		scale,
		seed: Number(values.seed),
		now,
		password,
		log: (line) => console.log(line)
	});
	const mb = (m.bytes / 1024 / 1024).toFixed(0);
	console.log(`\nFerdig på ${m.seconds} s: ${out} (${mb} MB), beskrivelse i ${manifestPath(out)}`);
	const shown = [
		'mission',
		'track',
		'project',
		'measure',
		'benefit',
		'realisation',
		'unit',
		'wheel_task',
		'wheel_signature',
		'audit_log'
	];
	console.log(shown.map((t) => `${t} ${m.counts[t]}`).join(', '));
	console.log(`\nBrukere (alle har passordet ${m.password}), én per rolle:`);
	for (const [role, email] of Object.entries(m.bench.users))
		console.log(`  ${role.padEnd(17)} ${email}`);
	console.log(`Alle brukerne står i ${manifestPath(out)}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((e) => {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	});
}
