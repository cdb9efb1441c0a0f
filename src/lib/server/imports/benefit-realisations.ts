/**
 * Realised values of benefits that exist, a row per benefit and month. Each row is judged as the
 * benefit page's «Registrer realisert verdi» form judges it (benefits/actions.ts, realise): the
 * form's schema for the benefit's kind (no month before the nullpunkt), no month that has not
 * begun (Oslo time), and the correction rules of the write (db/queries/benefits-gains.ts,
 * logRealisation): «Erstatter rad» must be the month's current row of that benefit, and a month
 * the owner attested takes a new value only as a correction with a reason. What the preview
 * lets through is written by benefits-commit.ts through that same write.
 */
import type { SessionUser } from '../auth/session';
import { listPortfolioNames } from '../db/queries/imports';
import { listBenefitNames, listRealisationKeys } from '../db/queries/imports-benefits';
import {
	assessmentOf,
	benefitSheetIndex,
	isoMonth,
	REALISATION_FIELDS
} from '$lib/domain/imports/benefits';
import { nameKey } from '$lib/domain/imports/portfolio';
import type { Assessment } from '$lib/domain/benefits/vocabulary';
import { formatNumber, osloDay } from '$lib/format';
import { fieldErrors } from '$lib/schemas/form';
import {
	realisationSchemaFor,
	type QualitativeRealisationInput,
	type QuantitativeRealisationInput
} from '$lib/schemas/benefits';
import { canLogRealisation, isDownloadNote } from './benefit-rows';
import type { StagedSheet } from './read';
import type { Preview, PreviewRow, StagedMapping } from './preview';
import { lookup, rowContext } from './portfolio-rows';
import { sheetsInBokmaal, valueInBokmaal } from './file-words';
import { m } from '$lib/paraglide/messages';
import { assessmentLabel } from '$lib/labels-benefits';
import { columnLabel } from './field-text';

/** The preview's columns, in the reader's language. */
export const realisationColumns = () => [
	m.import_pcol_benefit(),
	m.import_pcol_month(),
	m.import_pcol_value(),
	m.import_pcol_comment(),
	m.import_pcol_corrects()
];

export interface RealisationCreate {
	benefitId: number;
	input: QuantitativeRealisationInput | QualitativeRealisationInput;
}

export function realisationPreview(
	sheets: readonly StagedSheet[],
	mapping: StagedMapping,
	user: SessionUser,
	now: Date
): Preview<RealisationCreate> {
	const projectOwner = new Map(listPortfolioNames().projects.map((p) => [p.id, p.ownerId]));
	const benefits = listBenefitNames();
	const benefitById = lookup(benefits, (b) => b.id);
	const benefitsByTitle = lookup(benefits, (b) => nameKey(b.title));
	/** A benefit's rows, read when the file first names it. */
	const keysOf = new Map<number, ReturnType<typeof listRealisationKeys>>();
	const existingOf = (benefitId: number) => {
		let keys = keysOf.get(benefitId);
		if (!keys) keysOf.set(benefitId, (keys = listRealisationKeys(benefitId)));
		return keys;
	};
	const thisMonth = osloDay(now).slice(0, 7);
	const rows: PreviewRow[] = [];
	const creates: RealisationCreate[] = [];
	/** Benefit and month → the file's row that gives it, and what it gives. */
	const inFile = new Map<string, { rowNumber: number; what: string }>();
	const index = benefitSheetIndex(sheetsInBokmaal(sheets), 'realisations');
	const sheet = index >= 0 ? sheets[index]! : null;

	for (const row of sheet?.rows ?? []) {
		if (isDownloadNote(row)) continue;
		const ctx = rowContext(
			sheet!,
			row,
			'realisations',
			mapping.columns,
			mapping.defaults,
			REALISATION_FIELDS
		);
		const title = ctx.cell('benefit');
		const id = Number(ctx.cell('benefitId'));
		const byTitle = benefitsByTitle.all(nameKey(title));
		const withId = benefitById.first(id);
		const byId = withId && nameKey(withId.title) === nameKey(title) ? withId : undefined;
		const benefit = byId ?? (byTitle.length === 1 ? byTitle[0] : undefined);
		if (!benefit) {
			ctx.issue(
				'benefit',
				byTitle.length > 1
					? m.import_issue_benefits_alike({ title })
					: m.import_issue_benefit_missing({ title })
			);
		} else if (!canLogRealisation(user, benefit, projectOwner.get(benefit.projectId) ?? null)) {
			ctx.issue('benefit', m.import_issue_realisation_who());
		}
		const period = isoMonth(ctx.cell('period'));
		const assessment = assessmentOf(valueInBokmaal(ctx.cell('assessment')));
		if (assessment === null)
			ctx.issue(
				'assessment',
				m.import_issue_assessment({
					red: assessmentLabel('rod'),
					amber: assessmentLabel('gul'),
					green: assessmentLabel('gronn')
				})
			);
		const supersedesText = ctx.cell('supersedes');
		const parsed = realisationSchemaFor(
			benefit?.kind ?? 'kvantitativ',
			benefit?.baselineDate ?? null
		).safeParse({
			period,
			value: ctx.cell('value'),
			assessment: assessment ?? '',
			narrative: ctx.cell('narrative'),
			comment: ctx.cell('comment'),
			evidence: '',
			supersedesId: supersedesText,
			correctionReason: ctx.cell('correctionReason')
		});
		let input: RealisationCreate['input'] | null = null;
		if (parsed.success) input = parsed.data;
		else {
			const fieldOf: Record<string, string> = { supersedesId: 'supersedes' };
			for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
				const key = path.split('.')[0]!;
				ctx.issue(fieldOf[key] ?? key, message);
			}
		}
		if (input && input.period > thisMonth) ctx.issue('period', m.import_issue_future_month());

		// Shown in the reader's language; compared by what is stored (the number, the code).
		const stored =
			input && 'value' in input
				? String(input.value)
				: input && 'assessment' in input
					? String(input.assessment)
					: ctx.cell('value') || ctx.cell('assessment');
		const shown =
			input && 'value' in input
				? formatNumber(input.value)
				: input && 'assessment' in input
					? assessmentLabel(input.assessment as Assessment)
					: stored;
		const what = `${stored}\u001f${input?.comment ?? ''}`;
		const existing = benefit ? existingOf(benefit.id) : [];
		const ofMonth = existing.filter((r) => r.period === period);
		const current = ofMonth.filter((r) => r.current);
		const externalId = Number(ctx.cell('externalId'));
		const same =
			ofMonth.find((r) => r.id === externalId) ??
			(input?.supersedesId == null
				? current.find((r) =>
						input && 'value' in input
							? r.value === input.value
							: input && 'assessment' in input && r.assessment === input.assessment
					)
				: undefined);
		if (!same && input && benefit) {
			// The write's correction rules, told on the row rather than at the commit.
			const replaced = input.supersedesId ?? current.find((r) => r.attested)?.id ?? null;
			const old = replaced === null ? undefined : existing.find((r) => r.id === replaced);
			if (input.supersedesId !== null && (!old || old.benefitId !== benefit.id))
				ctx.issue('supersedes', m.import_issue_supersedes_missing());
			else if (old && old.period !== input.period)
				ctx.issue('supersedes', m.import_issue_supersedes_month());
			else if (old && !old.current) ctx.issue('supersedes', m.import_issue_supersedes_superseded());
			else if (old?.attested && !input.correctionReason)
				ctx.issue(
					'correctionReason',
					m.import_issue_reason_required({ column: columnLabel('Begrunnelse for korrigering') })
				);
		}
		const key = `${benefit?.id ?? nameKey(title)}\u001f${period}`;
		const earlier = inFile.get(key);
		if (!same && earlier && earlier.what !== what) {
			ctx.issue('period', m.import_issue_month_twice({ period, row: earlier.rowNumber }));
		}
		const existingNote = same ? m.import_note_value_exists() : null;
		if (existingNote) ctx.issues.length = 0;
		const status: PreviewRow['status'] =
			ctx.issues.length > 0 ? 'error' : existingNote ? 'existing' : earlier ? 'repeated' : 'new';
		rows.push({
			sheet: sheet!.name,
			rowNumber: row.rowNumber,
			status,
			issues: ctx.issues,
			cells: [
				title,
				period,
				shown,
				input?.comment ?? ctx.cell('comment'),
				input?.supersedesId ? m.import_cell_row({ id: input.supersedesId }) : ''
			],
			note: existingNote ?? (status === 'repeated' ? m.import_note_value_repeated() : null)
		});
		if (!earlier) inFile.set(key, { rowNumber: row.rowNumber, what });
		if (status === 'new' && input && benefit) creates.push({ benefitId: benefit.id, input });
	}
	return { columns: realisationColumns(), rows, creates };
}
