/**
 * The annual internal-control report (kommuneloven § 25-2; DOMAIN.md «Internal control in the
 * law»): the kommunedirektør reports once a year to the kommunestyre on internal control and
 * on the results of statlig tilsyn. KS advises reporting for the municipality as a whole and
 * per service area (tjenesteområde: a top-level unit), and to consider the tertial reports
 * (januar–april, mai–august, september–desember) too. Pure: no clock, no I/O.
 */
import type { Tertial } from './vocabulary';

/** Years a report can be asked for: the same bounds the compliance page accepts. */
export const REPORT_YEAR_MIN = 2000;
export const REPORT_YEAR_MAX = 2100;

export interface ReportPeriod {
	year: number;
	tertial: Tertial;
	/** ISO days, inclusive. */
	from: string;
	to: string;
	/** The months the period covers, 1–12. */
	months: number[];
}

/** The period of a year, or of one of its tertials. */
export function reportPeriod(year: number, tertial: Tertial): ReportPeriod {
	const first = tertial === 0 ? 1 : (tertial - 1) * 4 + 1;
	const last = tertial === 0 ? 12 : first + 3;
	const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		year,
		tertial,
		from: `${year}-${pad(first)}-01`,
		to: `${year}-${pad(last)}-${pad(lastDay)}`,
		months: Array.from({ length: last - first + 1 }, (_, i) => first + i)
	};
}

export const BAD_YEAR = `Ugyldig år. Skriv et årstall mellom ${REPORT_YEAR_MIN} og ${REPORT_YEAR_MAX}, for eksempel ?ar=2026.`;
export const BAD_TERTIAL =
	'Ugyldig tertial. Bruk 1, 2 eller 3, eller la det stå tomt for hele året.';

/**
 * The period from the address (`ar`, `tertial`): the year `fallbackYear` when `ar` is absent.
 * A value that is there but wrong is an error with the reason in Norwegian (a 400).
 */
export function parseReportPeriod(
	ar: string | null,
	tertial: string | null,
	fallbackYear: number
): { ok: true; period: ReportPeriod } | { ok: false; reason: 'year' | 'tertial'; message: string } {
	let year = fallbackYear;
	if (ar !== null && ar !== '') {
		if (!/^\d{4}$/.test(ar)) return { ok: false, reason: 'year', message: BAD_YEAR };
		year = Number(ar);
		if (year < REPORT_YEAR_MIN || year > REPORT_YEAR_MAX)
			return { ok: false, reason: 'year', message: BAD_YEAR };
	}
	let t: Tertial = 0;
	if (tertial !== null && tertial !== '' && tertial !== '0') {
		if (!/^[123]$/.test(tertial)) return { ok: false, reason: 'tertial', message: BAD_TERTIAL };
		t = Number(tertial) as Tertial;
	}
	return { ok: true, period: reportPeriod(year, t) };
}

/** The longest text one of the assessment fields (ASSESSMENT_FIELDS) takes. */
export const ASSESSMENT_MAX_LENGTH = 10_000;

/**
 * What a frozen internal-control report is about, kept in report.scope so the year picker can
 * link to it: «internkontroll:2026:0:0» (year, tertial, service area; 0 for all).
 */
export function reportScope(year: number, tertial: Tertial, unitId: number | null): string {
	return `internkontroll:${year}:${tertial}:${unitId ?? 0}`;
}

export function parseReportScope(
	scope: string | null
): { year: number; tertial: Tertial; unitId: number | null } | null {
	const m = /^internkontroll:(\d{4}):([0-3]):(\d{1,10})$/.exec(scope ?? '');
	if (!m) return null;
	const unit = Number(m[3]);
	return { year: Number(m[1]), tertial: Number(m[2]) as Tertial, unitId: unit === 0 ? null : unit };
}

/** Share signed on time of those that count; null when none counted. */
export function onTimeShare(c: { total: number; onTime: number }): number | null {
	return c.total > 0 ? c.onTime / c.total : null;
}
