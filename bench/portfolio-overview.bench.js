// JavaScript, not TypeScript: bench/ is outside the tsconfig the linter's project service
// reads, and vitest runs the TypeScript modules it imports either way.
/**
 * The overview's whole server work per load (README, «/ Oversikt»): the prepared list queries
 * against a real SQLite file, then the tree. Run: npx vitest bench --run bench/portfolio-overview.bench.js
 * Data: 12 tracks, 200 projects (30 % in two tracks), 2 000 measures with a unit each, and
 * 12 monthly reports per project, written through the same query verbs the pages use.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, bench, describe } from 'vitest';

let snapshot;
let buildPortfolioTree;

beforeAll(async () => {
	// The setup file already points DATABASE_URL at a fresh file; set it anyway for direct runs.
	process.env.DATABASE_URL ||= path.join(mkdtempSync(path.join(tmpdir(), 'mk-bench-')), 'b.db');
	const { db } = await import('../src/lib/server/db');
	db.$client.pragma('synchronous = OFF'); // seeding speed only; the reads are what is timed
	const { createUser } = await import('../src/lib/server/db/queries/users');
	const { createUnit } = await import('../src/lib/server/db/queries/units');
	const { saveMission } = await import('../src/lib/server/db/queries/mission');
	const { createTrack } = await import('../src/lib/server/db/queries/tracks');
	const { createProject } = await import('../src/lib/server/db/queries/projects');
	const { createMeasure } = await import('../src/lib/server/db/queries/measures');
	const { saveStatusReport } = await import('../src/lib/server/db/queries/lifecycle');
	({ portfolioSnapshot: snapshot } = await import('../src/lib/server/portfolio/snapshot'));
	({ buildPortfolioTree } = await import('../src/lib/domain/portfolio/tree'));

	const ok = (r) => {
		if (!r.ok) throw new Error(r.reason);
		return r.value;
	};
	const owner = ok(
		createUser(
			{
				name: 'Eier',
				email: 'eier@bench.no',
				passwordHash: 'x',
				mustChangePassword: false,
				roles: []
			},
			null,
			now
		)
	);
	const units = Array.from({ length: 20 }, (_, i) =>
		ok(createUnit({ name: `Enhet ${i}`, parentId: null }, null, now))
	);
	const missionId = ok(
		saveMission(
			{ grandChallenge: 'G', statement: 'M', baselineYear: 2021, targetYear: 2027 },
			null,
			now
		)
	);
	const tracks = Array.from({ length: 12 }, (_, i) =>
		ok(
			createTrack(
				missionId,
				{
					code: String(i + 1),
					title: `Spor ${i + 1}`,
					problemStatement: 'P',
					barriers: null,
					expectedEffectUser: null,
					expectedEffectService: null,
					expectedEffectSystem: null,
					ownerId: owner,
					status: 'in_progress'
				},
				null,
				now
			)
		)
	);
	for (let p = 0; p < 200; p++) {
		const trackIds = p % 10 < 3 ? [tracks[p % 12], tracks[(p + 5) % 12]] : [tracks[p % 12]];
		const projectId = ok(
			createProject(
				missionId,
				{
					title: `Prosjekt ${p}`,
					description: null,
					ownerId: owner,
					startDate: null,
					endDate: null,
					trackIds,
					levels: ['user']
				},
				null,
				now
			)
		);
		for (let m = 0; m < 10; m++) {
			ok(
				createMeasure(
					{
						projectId,
						title: `Tiltak ${p}.${m}`,
						description: null,
						ownerId: owner,
						unitIds: [units[(p + m) % 20]],
						startDate: null,
						endDate: null
					},
					null,
					now
				)
			);
		}
		for (let month = 1; month <= 12; month++) {
			ok(
				saveStatusReport(
					'project',
					projectId,
					{ period: `2026-${String(month).padStart(2, '0')}`, rag: 'green', narrative: 'Status' },
					owner,
					now
				)
			);
		}
	}
}, 120_000);

describe('overview load', () => {
	bench(
		'read 200 projects / 2 000 measures / 2 400 reports and build the tree',
		() => {
			const s = snapshot();
			buildPortfolioTree(s.input);
		},
		{ time: 3000 }
	);
});
