// JavaScript, not TypeScript: bench/ is outside the tsconfig the linter's project service
// reads, and vitest runs the TypeScript modules it imports either way.
/**
 * The compliance page computes every unit's occurrences for a year from the task schedules and
 * merges the signatures. Here: 100 units × 30 tasks (26 yearly, 4 monthly, like the
 * seed 004 wheel), about 70 occurrences and 60 signatures per unit.
 * Run: npx vitest bench --run bench/wheel-occurrences.bench.js
 */
import { bench, describe } from 'vitest';
import { complianceByMonth, unitOccurrences } from '../src/lib/domain/wheel/occurrences';

const NOW = new Date('2026-11-25T12:00:00Z');
const UNITS = 100;

const tasks = Array.from({ length: 30 }, (_, i) => ({
	id: i + 1,
	wheelId: 1,
	title: `Oppgave ${i + 1}`,
	responsibleRole: 'Avdelingsleder',
	storedIn: 'Compilo',
	scheduleKind: i < 4 ? 'monthly' : 'yearly',
	months: i < 4 ? '1,2,3,4,5,6,7,8,9,10,11,12' : String((i % 12) + 1),
	dueDay: i % 3 === 0 ? 15 : null,
	activeFrom: '2026-01',
	archivedAt: null
}));

/** @type {import('../src/lib/domain/wheel/occurrences').SignatureLike[]} */
const signatures = [];
for (let unitId = 1; unitId <= UNITS; unitId++) {
	for (const o of unitOccurrences(unitId, tasks, [], 2026, NOW)) {
		if ((o.taskId * 7 + unitId) % 10 < 8 && o.dueDate < '2026-11-25') {
			signatures.push({
				id: signatures.length + 1,
				taskId: o.taskId,
				unitId,
				period: o.period,
				dueDate: o.dueDate,
				taskTitle: o.title,
				responsibleRole: o.responsibleRole,
				signedAt: new Date(`${o.dueDate}T08:00:00Z`),
				signedById: 1,
				late: false,
				comment: null,
				storedIn: o.storedIn,
				link: null
			});
		}
	}
}

describe('annual wheel occurrences, 100 units × 30 tasks', () => {
	bench('unitOccurrences + complianceByMonth for every unit', () => {
		for (let unitId = 1; unitId <= UNITS; unitId++) {
			complianceByMonth(unitOccurrences(unitId, tasks, signatures, 2026, NOW));
		}
	});
});
