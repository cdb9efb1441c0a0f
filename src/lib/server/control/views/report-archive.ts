/**
 * The internal-control report's year picker: the years from the first with data to this one,
 * the service areas, and the reports already frozen in the archive (/rapporter), so earlier
 * years stay available and frozen ones link to the file as it was issued.
 */
import { osloDay } from '$lib/format';
import { REPORT_YEAR_MIN, parseReportScope } from '$lib/domain/control/report';
import { REPORT_STATUS_LABEL } from '$lib/domain/reports/vocabulary';
import { firstReportYear, listFrozenControlReports } from '$lib/server/db/queries/control-report';
import { serviceAreas } from './report';

/** The year picker: years from the first with data to this one, and the frozen reports. */
export function controlReportArchive(now: Date) {
	const thisYear = Number(osloDay(now).slice(0, 4));
	const first = Math.max(REPORT_YEAR_MIN, Math.min(firstReportYear() ?? thisYear, thisYear));
	const years = Array.from({ length: thisYear - first + 1 }, (_, i) => thisYear - i);
	const frozen = listFrozenControlReports(50).map((r) => ({
		id: r.id,
		title: r.title,
		...(parseReportScope(r.scope) ?? { year: null, tertial: null, unitId: null }),
		status: r.status,
		statusLabel: REPORT_STATUS_LABEL[r.status],
		createdAt: r.createdAt.getTime()
	}));
	return { years, frozen, serviceAreas: serviceAreas().map((u) => ({ id: u.id, name: u.name })) };
}
