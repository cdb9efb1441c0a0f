import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { listOccurrences, wheelUsage } from '$lib/server/db/queries/wheel-occurrences';
import { complianceByMonth } from '$lib/domain/wheel-occurrences';
import type { ComplianceRow } from '$lib/charts/compliance';
import { osloDay } from '$lib/format';

function intParam(url: URL, name: string): number | null {
	const raw = url.searchParams.get(name);
	return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}

/** For the steering group: which units sign on time, and what is overdue where. */
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'steering');
	const now = event.locals.now;
	const thisYear = Number(osloDay(now).slice(0, 4));
	const usage = wheelUsage();
	const askedWheel = intParam(event.url, 'hjul');
	const wheelId = usage.wheels.some((w) => w.id === askedWheel) ? askedWheel : null;
	const askedYear = intParam(event.url, 'ar');
	const year = askedYear && askedYear >= 2000 && askedYear <= 2100 ? askedYear : thisYear;

	const occurrences = listOccurrences({ year, now, wheelId });
	const unitIds = [...new Set(occurrences.map((o) => o.unitId))];
	const collator = new Intl.Collator('nb');
	const units = unitIds
		.map((id) => ({ id, name: occurrences.find((o) => o.unitId === id)!.unitName }))
		.sort((a, b) => collator.compare(a.name, b.name));
	const rows: ComplianceRow[] = units.flatMap((unit) =>
		complianceByMonth(occurrences.filter((o) => o.unitId === unit.id)).map((m) => ({
			unitId: unit.id,
			unitName: unit.name,
			...m
		}))
	);
	const overdue = units
		.map((unit) => ({
			...unit,
			items: occurrences.filter((o) => o.unitId === unit.id && o.status === 'overdue')
		}))
		.filter((u) => u.items.length > 0);
	return {
		year,
		thisYear,
		wheelId,
		wheels: usage.wheels.map((w) => ({ id: w.id, name: w.name })),
		rows,
		overdue
	};
};
