/**
 * The benefits register as a spreadsheet (steering issue «Spreadsheets»): one row per benefit,
 * the estimate lines and the realisations on their own sheets, for the same scope as the page
 * it is downloaded from (`spor`, `prosjekt`, `niva`). Read a chunk at a time from SQL and
 * stopped at a stated cap per sheet, so a download at national scale holds at most the cap in
 * memory; the «Om uttrekket» sheet says when a sheet was cut. Column headers are fixed, one
 * header row each, so a sheet can be read back in (an import is planned; the headers are its
 * contract).
 */
import type { SessionUser } from '$lib/server/auth/session';
import { readCheckedFilter } from '$lib/server/benefits/scope';
import { planStatusOf } from '$lib/domain/benefits/health';
import {
	listRegisterChunk,
	listRegisterLinesChunk,
	listRegisterRealisationsChunk
} from '$lib/server/db/queries/benefit-register';
import { gainSums, type GainScope } from '$lib/server/db/queries/gain-views';
import { netSumRow, NO_SUMS } from '$lib/domain/benefits/net';
import {
	netNotes,
	REGISTER_HEADER_TEXT,
	REGISTER_HEADERS,
	REGISTER_SHEET_TEXT
} from './register-headers';

export { REGISTER_HEADERS };
import { getMission } from '$lib/server/db/queries/mission';
import { getProjectById } from '$lib/server/db/queries/projects';
import { listTracks } from '$lib/server/db/queries/tracks';
import { XlsxWorkbook, type SheetSpec } from '$lib/server/exports/xlsx';
import { datedFileName, organisationName } from '$lib/server/exports/download';
import type { CellValue } from '$lib/server/reports/table';
import { BENEFIT_UNITS, type Assessment, type BenefitUnit } from '$lib/domain/benefits/vocabulary';
import {
	assessmentLabel,
	beneficiaryLabel,
	benefitLevelLabel,
	directionLabel,
	planStatusLabel,
	takeoutLabel,
	unitLabel
} from '$lib/labels-benefits';
import { formatNumber } from '$lib/format';
import { m } from '$lib/paraglide/messages';

/**
 * At most this many rows per sheet. ExcelJS builds the workbook in memory, at about 10 µs a
 * cell on the shared benchmark machine (bench/results/exports-national-*.md), so these caps keep
 * a download under the 10 s target and a few hundred MB; a track or a project fits whole at
 * national scale except for its realisations. TODO: ExcelJS's streaming WorkbookWriter would
 * lift the caps (rows written as they are read) once exports/xlsx.ts can write through it.
 */
export const REGISTER_LIMITS = { benefits: 10_000, lines: 10_000, realisations: 10_000 };
const CHUNK = 2_000;

/** Reads chunks by id until the cap; answers the rows and whether more were left out. */
function readCapped<T extends { id: number }>(
	chunk: (after: number, limit: number) => T[],
	cap: number
): { rows: T[]; cut: boolean } {
	const rows: T[] = [];
	let after = 0;
	for (;;) {
		const want = Math.min(CHUNK, cap + 1 - rows.length);
		const got = chunk(after, want);
		rows.push(...got);
		if (got.length < want) return { rows, cut: false };
		if (rows.length > cap) return { rows: rows.slice(0, cap), cut: true };
		after = got[got.length - 1]!.id;
	}
}

/** A code's label in the request's language (labels-benefits.ts); blank stays blank. */
const label = (labelOf: (code: string) => string, key: string | null) =>
	key === null ? null : labelOf(key);
const unitOf = (code: string) =>
	(BENEFIT_UNITS as readonly string[]).includes(code) ? unitLabel(code as BenefitUnit) : code;

/** The columns in the request's language, each with the format given by its bokmål name. */
function headers<H extends keyof typeof REGISTER_HEADER_TEXT>(
	names: readonly H[],
	formats: Partial<Record<H, SheetSpec['columns'][number]['format']>>
): SheetSpec['columns'] {
	return names.map((name) => ({
		header: REGISTER_HEADER_TEXT[name](),
		format: formats[name] ?? 'text'
	}));
}

export interface RegisterFile {
	content: Uint8Array;
	fileName: string;
	rows: number;
}

/** The register for the scope in `params`, as an xlsx workbook. */
export async function benefitRegisterXlsx(
	_user: SessionUser,
	params: URLSearchParams,
	now: Date
): Promise<RegisterFile> {
	// A filter naming nothing (an old link) widens the selection, as on the page, and says so.
	const { filter, notices } = readCheckedFilter(new URL(`http://x/?${params}`));
	const mission = getMission();
	const notes: string[] = [...notices];
	const track = listTracks().find((t) => t.id === filter.trackId);
	const project = filter.projectId ? getProjectById(filter.projectId) : undefined;
	if (track) notes.push(m.export_track_note({ code: track.code, title: track.title }));
	if (project) notes.push(m.export_project_note({ title: project.title }));
	if (filter.level) notes.push(m.export_level_note({ level: benefitLevelLabel(filter.level) }));
	if (!notes.length) notes.push(m.export_whole_mission());

	const empty = m.export_no_benefits();
	let benefits: RegisterFile['rows'] = 0;
	const xlsx = new XlsxWorkbook({
		title: m.export_register_title(),
		organisation: organisationName(),
		createdAt: now,
		notes
	});
	if (mission) {
		const scope: GainScope = { missionId: mission.id, ...filter };
		const margin = mission.behindPlanMarginPercent;
		const b = readCapped(
			(after, limit) => listRegisterChunk(scope, margin, after, limit),
			REGISTER_LIMITS.benefits
		);
		const l = readCapped(
			(after, limit) => listRegisterLinesChunk(scope, after, limit),
			REGISTER_LIMITS.lines
		);
		const r = readCapped(
			(after, limit) => listRegisterRealisationsChunk(scope, after, limit),
			REGISTER_LIMITS.realisations
		);
		benefits = b.rows.length;
		const byUnit = (
			x: { unit: string | null; estimate: number | null; disbenefit: 0 | 1 },
			want: 'kr' | 'timer' | 'other',
			dis = false
		) =>
			x.estimate === null || (x.disbenefit === 1) !== dis
				? null
				: (x.unit === 'kr' ? 'kr' : x.unit === 'timer' ? 'timer' : 'other') === want
					? x.estimate
					: null;
		const net = (x: Parameters<typeof byUnit>[0], want: 'kr' | 'timer') => {
			const gain = byUnit(x, want);
			const dis = byUnit(x, want, true);
			return gain ?? (dis === null ? null : -dis);
		};
		const sum = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
		const benefitRows: CellValue[][] = b.rows.map((x) => [
			x.id,
			x.title,
			x.projectId,
			x.projectTitle,
			x.trackCodes,
			benefitLevelLabel(x.level),
			x.kind === 'kvantitativ' ? m.export_kind_quantitative() : m.export_kind_qualitative(),
			label(unitOf, x.unit),
			x.ownerName,
			x.indicator || null,
			x.measurement || null,
			label(takeoutLabel, x.takeout),
			label(beneficiaryLabel, x.beneficiary),
			x.baselineValue,
			x.baselineDate,
			x.targetValue,
			x.targetDate,
			byUnit(x, 'kr'),
			byUnit(x, 'timer'),
			byUnit(x, 'other') ?? byUnit(x, 'other', true),
			x.statusPeriod,
			x.statusPlanned,
			x.statusRealised,
			planStatusLabel(planStatusOf(x)),
			x.disbenefit ? m.export_disbenefit() : null,
			byUnit(x, 'kr', true),
			byUnit(x, 'timer', true),
			net(x, 'kr'),
			net(x, 'timer'),
			x.planFrozenAt === null ? null : new Date(x.planFrozenAt),
			x.planVersion,
			x.originalTarget,
			x.description || null,
			directionLabel(x.direction),
			x.baselineMethod || null
		]);
		const kr = REGISTER_HEADERS.benefits.indexOf('Estimat (kr)');
		const disKr = REGISTER_HEADERS.benefits.indexOf('Ulempe estimat (kr)');
		const netKr = REGISTER_HEADERS.benefits.indexOf('Netto estimat (kr)');
		const summed = new Set([kr, kr + 1, disKr, disKr + 1, netKr, netKr + 1]);
		xlsx.sheet({
			name: REGISTER_SHEET_TEXT.benefits(),
			caption: REGISTER_SHEET_TEXT.benefits(),
			columns: headers(REGISTER_HEADERS.benefits, {
				'Gevinst-ID': 'integer',
				'Prosjekt-ID': 'integer',
				Nullpunkt: 'integer',
				'Nullpunkt dato': 'date',
				Målverdi: 'integer',
				Måldato: 'date',
				'Estimat (kr)': 'kroner',
				'Estimat (timer)': 'integer',
				'Estimat (annen enhet)': 'integer',
				'Siste måned': 'month',
				Planlagt: 'integer',
				Realisert: 'integer',
				'Ulempe estimat (kr)': 'kroner',
				'Ulempe estimat (timer)': 'integer',
				'Netto estimat (kr)': 'kroner',
				'Netto estimat (timer)': 'integer',
				'Plan godkjent': 'date',
				Planversjon: 'integer',
				'Opprinnelig mål': 'integer'
			}),
			rows: benefitRows,
			totals: REGISTER_HEADERS.benefits.map((_, i) =>
				i === 0
					? m.export_sum()
					: summed.has(i)
						? sum(benefitRows.map((row) => row[i] as number | null))
						: null
			),
			empty
		});
		const lineRows: CellValue[][] = l.rows.map((x) => {
			const total = Math.round((x.amountPerCase * x.cases * x.shareHundredths) / 10_000);
			return [
				x.id,
				x.benefitId,
				x.benefitTitle,
				label(unitOf, x.unit),
				x.description,
				x.amountPerCase,
				x.cases,
				x.shareHundredths / 10_000,
				total
			];
		});
		xlsx.sheet({
			name: REGISTER_SHEET_TEXT.lines(),
			caption: REGISTER_SHEET_TEXT.lines(),
			columns: headers(REGISTER_HEADERS.lines, {
				'Linje-ID': 'integer',
				'Gevinst-ID': 'integer',
				'Beløp per tilfelle': 'integer',
				'Antall tilfeller': 'integer',
				Andel: 'percent',
				'Sum linje': 'integer'
			}),
			rows: lineRows,
			empty: m.export_no_lines()
		});
		xlsx.sheet({
			name: REGISTER_SHEET_TEXT.realisations(),
			caption: REGISTER_SHEET_TEXT.realisations(),
			columns: headers(REGISTER_HEADERS.realisations, {
				'Rad-ID': 'integer',
				'Gevinst-ID': 'integer',
				Måned: 'month',
				Verdi: 'integer',
				'Erstatter rad': 'integer',
				Registrert: 'date',
				Attestert: 'date',
				Validert: 'date'
			}),
			rows: r.rows.map((x) => [
				x.id,
				x.benefitId,
				x.benefitTitle,
				label(unitOf, x.unit),
				x.period,
				x.value,
				x.assessment === null ? null : assessmentLabel(x.assessment as Assessment),
				x.comment || null,
				x.supersedesId,
				x.authorName,
				new Date(x.createdAt),
				x.effective ? m.export_yes() : m.export_superseded(),
				x.correctionReason || null,
				x.attestedBy,
				x.attestedAt === null ? null : new Date(x.attestedAt),
				x.validatedBy,
				x.validatedAt === null ? null : new Date(x.validatedAt)
			]),
			empty: m.export_no_realisations()
		});
		const cut = (what: string, n: number, isCut: boolean) =>
			isCut
				? m.export_register_cut_some({ what, count: formatNumber(n) })
				: m.export_register_cut_all({ what, count: formatNumber(n) });
		notes.push(
			cut(REGISTER_SHEET_TEXT.benefits(), b.rows.length, b.cut),
			cut(REGISTER_SHEET_TEXT.lines(), l.rows.length, l.cut),
			cut(REGISTER_SHEET_TEXT.realisations(), r.rows.length, r.cut),
			m.export_register_limits({
				benefits: formatNumber(REGISTER_LIMITS.benefits),
				lines: formatNumber(REGISTER_LIMITS.lines),
				realisations: formatNumber(REGISTER_LIMITS.realisations)
			}),
			m.export_register_realisations_note(),
			...netNotes(netSumRow(gainSums(scope).mission ?? NO_SUMS, 'sum', 'Utvalget', null))
		);
	} else {
		xlsx.sheet({
			name: REGISTER_SHEET_TEXT.benefits(),
			caption: REGISTER_SHEET_TEXT.benefits(),
			columns: headers(REGISTER_HEADERS.benefits, {}),
			rows: [],
			empty: m.export_no_mission()
		});
	}
	const content = await xlsx.render();
	return {
		content,
		fileName: datedFileName(m.export_file_register(), now, 'xlsx'),
		rows: benefits
	};
}
