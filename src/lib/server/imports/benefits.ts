/**
 * Benefits and their estimate lines into projects' benefit maps. Each row is judged by the
 * benefit forms' own schemas (schemas/benefits.ts: benefitSchema, planSchema with the «Nullpunkt
 * og mål» form's target rule, estimateLineSchema) and by the rules of their pages: a benefit is
 * added by the project's programme leader (admins any), a line only to a quantitative benefit
 * whose plan is not frozen (benefits/access.ts, benefits/actions.ts addBenefit, addLine). What
 * the preview lets through is created by benefits-commit.ts.
 */
import { canEditOwned } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { listPortfolioNames } from '../db/queries/imports';
import { listBenefitNames, listEstimateLineNames } from '../db/queries/imports-benefits';
import { getMission } from '../db/queries/mission';
import { listUserNames } from '../db/queries/portfolio-people';
import {
	beneficiaryOf,
	BENEFIT_FIELDS,
	benefitSheetIndex,
	codeOf,
	isDisbenefitText,
	kindOf,
	sharePercentText
} from '$lib/domain/imports/benefits';
import { BENEFIT_SHEET_LABEL, type BenefitSheet } from '$lib/domain/imports/vocabulary';
import { isoDay, nameKey } from '$lib/domain/imports/portfolio';
import {
	BENEFIT_DIRECTION_LABEL,
	BENEFIT_LEVEL_LABEL,
	TAKEOUT_LABEL,
	UNIT_LABEL
} from '$lib/domain/benefits/vocabulary';
import { directionLabel, unitLabel } from '$lib/labels-benefits';
import { formatNumber, formatPercent } from '$lib/format';
import { targetProblem } from '$lib/domain/benefits/value-rules';
import { fieldErrors } from '$lib/schemas/form';
import {
	benefitSchema,
	estimateLineSchema,
	planSchema,
	type BenefitInput,
	type EstimateLineInput
} from '$lib/schemas/benefits';
import { isDownloadNote, type Ref } from './benefit-rows';
import { IMPORT_MESSAGES } from './messages';
import { m } from '$lib/paraglide/messages';
import { sheetLabel } from './field-text';
import type { StagedRow, StagedSheet } from './read';
import type { Preview, PreviewRow, StagedMapping } from './preview';
import { lookup, pushRow, readLevel, type RowContext, type RowOutcome } from './portfolio-rows';
import { sheetsInBokmaal, valueInBokmaal } from './file-words';

/** The preview's columns, in the reader's language. */
export const benefitColumns = () => [
	m.import_pcol_sheet(),
	m.import_pcol_title(),
	m.import_pcol_belongs_to(),
	m.import_pcol_kind(),
	m.import_pcol_unit(),
	m.import_pcol_responsible_person(),
	m.import_pcol_other()
];

type Plan = ReturnType<typeof planSchema.parse>;

export type BenefitCreate =
	| { level: 'benefits'; key: string; projectId: number; input: BenefitInput; plan: Plan | null }
	| { level: 'lines'; benefit: Ref; input: EstimateLineInput };

export function benefitPreview(
	sheets: readonly StagedSheet[],
	mapping: StagedMapping,
	user: SessionUser
): Preview<BenefitCreate> {
	const { projects } = listPortfolioNames();
	const benefits = listBenefitNames();
	const lines = listEstimateLineNames();
	const users = listUserNames();
	const usersByName = lookup(users, (u) => nameKey(u.name));
	const projectById = lookup(projects, (p) => p.id);
	const projectByTitle = lookup(projects, (p) => nameKey(p.title));
	const benefitById = lookup(benefits, (b) => b.id);
	const benefitsByTitle = lookup(benefits, (b) => nameKey(b.title));
	const benefitIn = lookup(benefits, (b) => `${b.projectId}\u001f${nameKey(b.title)}`);
	const lineById = lookup(lines, (l) => l.id);
	const lineIn = lookup(lines, (l) => `${l.benefitId}\u001f${nameKey(l.description)}`);
	/** The item of this id when its name is `name` (ids of another installation mean nothing). */
	const named = <T>(found: T | undefined, nameOf: (x: T) => string, name: string) =>
		found && nameKey(nameOf(found)) === nameKey(name) ? found : undefined;
	const rows: PreviewRow[] = [];
	const creates: BenefitCreate[] = [];
	/** Benefits this import creates, by title: their key and kind. */
	const newBenefits = new Map<string, { key: string; kind: string }>();
	// Benefits the file has on a row with errors, by title, with the row: a line that names one
	// is told to look there, not that it is missing.
	const failedBenefits = new Map<string, number>();
	const seen = new Set<string>();
	// Benefits belong to the mission's projects: without a mission the file says so once.
	const noMission = getMission() === undefined;

	const read = (level: BenefitSheet, run: (row: StagedRow, ctx: RowContext) => void) =>
		readLevel(
			sheets[benefitSheetIndex(sheetsInBokmaal(sheets), level)],
			level,
			mapping,
			{ fields: BENEFIT_FIELDS, skip: isDownloadNote },
			run
		);

	// The preview's cells in the reader's language: sheet names, kinds, units and numbers.
	const push = (ctx: RowContext, level: BenefitSheet, cells: string[], outcome?: RowOutcome) =>
		pushRow(rows, ctx, sheetLabel(BENEFIT_SHEET_LABEL[level]), cells, outcome, true);

	function judge<T>(
		ctx: RowContext,
		parsed:
			{ success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] },
		fieldOf: Record<string, string> = {}
	): T | null {
		if (parsed.success) return parsed.data;
		for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
			const key = path.split('.')[0]!;
			ctx.issue(fieldOf[key] ?? key, message);
		}
		return null;
	}

	function owner(ctx: RowContext): string {
		const text = ctx.cell('owner');
		if (text === '') return '';
		const found = usersByName.all(nameKey(text));
		if (found.length === 1) return String(found[0]!.id);
		ctx.issue(
			'owner',
			found.length === 0
				? m.import_issue_no_user({ name: text })
				: m.import_issue_users_alike({ name: text })
		);
		return '';
	}

	read('benefits', (_row, ctx) => {
		const title = ctx.cell('title');
		const projectTitle = ctx.cell('project');
		const projectId = Number(ctx.cell('projectId'));
		const idText = ctx.cell('externalId');
		const externalId = Number(idText);
		const project =
			named(projectById.first(projectId), (p) => p.title, projectTitle) ??
			projectByTitle.first(nameKey(projectTitle));
		if (!project) {
			ctx.issue('project', m.import_issue_project_missing({ title: projectTitle }));
		} else if (!canEditOwned(user, project.ownerId)) {
			ctx.issue('project', m.import_issue_benefits_own_projects());
		}
		// A word of the download in any language reads as its bokmål label (file-words.ts).
		const word = (key: string) => valueInBokmaal(ctx.cell(key));
		const recipient = beneficiaryOf(word('beneficiary'));
		const disbenefit = isDisbenefitText(word('disbenefit'));
		if (disbenefit === null)
			ctx.issue(
				'disbenefit',
				m.import_issue_disbenefit_word({ disbenefit: m.export_disbenefit() })
			);
		const input = judge(
			ctx,
			benefitSchema.safeParse({
				title,
				description: ctx.cell('description'),
				level: codeOf(BENEFIT_LEVEL_LABEL, word('level')) ?? ctx.cell('level'),
				kind: kindOf(word('kind')) ?? ctx.cell('kind'),
				unit: codeOf(UNIT_LABEL, word('unit')) ?? ctx.cell('unit'),
				disbenefit: disbenefit ? 'true' : '',
				beneficiary: recipient.code,
				beneficiaryOther: recipient.other,
				ownerId: owner(ctx),
				indicator: ctx.cell('indicator'),
				measurement: ctx.cell('measurement'),
				takeout: codeOf(TAKEOUT_LABEL, word('takeout')) ?? ctx.cell('takeout'),
				// The form's words in bokmål or in the reader's language, or the code; blank is higher.
				direction:
					codeOf(BENEFIT_DIRECTION_LABEL, word('direction')) ??
					codeOf(
						{ higher: directionLabel('higher'), lower: directionLabel('lower') },
						ctx.cell('direction')
					) ??
					ctx.cell('direction')
			}),
			{ ownerId: 'owner', beneficiaryOther: 'beneficiary' }
		);
		const planCells = ['baselineValue', 'baselineDate', 'targetValue', 'targetDate'];
		let plan: Plan | null = null;
		if (planCells.some((c) => ctx.cell(c) !== '')) {
			plan = judge(
				ctx,
				planSchema.safeParse({
					baselineValue: ctx.cell('baselineValue'),
					baselineDate: isoDay(ctx.cell('baselineDate')),
					baselineMethod: ctx.cell('baselineMethod'),
					targetValue: ctx.cell('targetValue'),
					targetDate: isoDay(ctx.cell('targetDate'))
				})
			);
			const problem =
				plan && input
					? targetProblem({
							direction: input.direction,
							unit: input.unit ?? null,
							baselineValue: plan.baseline.value,
							targetValue: plan.target.value
						})
					: null;
			if (problem) ctx.issue('targetValue', problem);
		}
		// An id that names a benefit under another title is a mistake to show, not a new benefit.
		const withId = idText === '' ? undefined : benefitById.first(externalId);
		if (withId && nameKey(withId.title) !== nameKey(title))
			ctx.issue(
				'externalId',
				IMPORT_MESSAGES.idNamesOther('Gevinst-ID', idText, withId.title, title)
			);
		const same =
			named(benefitById.first(externalId), (b) => b.title, title) ??
			(project && benefitIn.first(`${project.id}\u001f${nameKey(title)}`));
		const key = `${nameKey(projectTitle)}\u001f${nameKey(title)}`;
		const isNew = push(
			ctx,
			'benefits',
			[
				title,
				projectTitle ? m.import_cell_project({ title: projectTitle }) : '',
				input
					? input.kind === 'kvantitativ'
						? m.export_kind_quantitative()
						: m.export_kind_qualitative()
					: ctx.cell('kind'),
				input?.unit ? unitLabel(input.unit) : '',
				ctx.cell('owner'),
				plan
					? m.import_cell_plan({
							baseline: formatNumber(plan.baseline.value),
							baselineDate: plan.baseline.date,
							target: formatNumber(plan.target.value),
							targetDate: plan.target.date
						})
					: ''
			],
			{
				existing: same ? m.import_note_benefit_exists() : undefined,
				repeated: seen.has(key) ? m.import_note_benefit_repeated() : undefined
			}
		);
		if (ctx.issues.length > 0 && !failedBenefits.has(nameKey(title)))
			failedBenefits.set(nameKey(title), ctx.rowNumber);
		if (isNew && input && project) {
			seen.add(key);
			newBenefits.set(nameKey(title), { key, kind: input.kind });
			creates.push({ level: 'benefits', key, projectId: project.id, input, plan });
		}
	});

	const seenLines = new Set<string>();
	read('lines', (_row, ctx) => {
		const benefitTitle = ctx.cell('benefit');
		const benefitId = Number(ctx.cell('benefitId'));
		const byId = named(benefitById.first(benefitId), (b) => b.title, benefitTitle);
		const byTitle = benefitsByTitle.all(nameKey(benefitTitle));
		const parent = byId ?? (byTitle.length === 1 ? byTitle[0] : undefined);
		const inFile = parent ? undefined : newBenefits.get(nameKey(benefitTitle));
		let ref: Ref | null = null;
		if (parent) {
			ref = { id: parent.id };
			const owner = projectById.first(parent.projectId)?.ownerId ?? null;
			if (!canEditOwned(user, owner)) ctx.issue('benefit', m.import_issue_lines_own_projects());
			else if (parent.kind !== 'kvantitativ')
				ctx.issue('benefit', m.import_issue_lines_quantitative());
			else if (parent.planFrozen) ctx.issue('benefit', m.import_issue_plan_frozen());
		} else if (inFile) {
			ref = { key: inFile.key };
			if (inFile.kind !== 'kvantitativ') ctx.issue('benefit', m.import_issue_lines_quantitative());
		} else if (byTitle.length > 1) {
			ctx.issue('benefit', m.import_issue_benefits_alike({ title: benefitTitle }));
		} else if (benefitTitle !== '') {
			const row = failedBenefits.get(nameKey(benefitTitle));
			const sheet = sheetLabel('Gevinster');
			ctx.issue(
				'benefit',
				row === undefined
					? m.import_issue_benefit_missing_in({ title: benefitTitle, sheet })
					: m.import_issue_benefit_has_errors({ title: benefitTitle, sheet, row })
			);
		}
		const description = ctx.cell('description');
		const share = sharePercentText(ctx.cell('share'));
		const input = judge(
			ctx,
			estimateLineSchema.safeParse({
				description,
				amountPerCase: ctx.cell('amountPerCase'),
				cases: ctx.cell('cases'),
				sharePercent: share
			}),
			{ sharePercent: 'share' }
		);
		const idText = ctx.cell('externalId');
		const withId = idText === '' ? undefined : lineById.first(Number(idText));
		if (withId && nameKey(withId.description) !== nameKey(description))
			ctx.issue(
				'externalId',
				IMPORT_MESSAGES.idNamesOther(
					'Linje-ID',
					idText,
					withId.description,
					description,
					'description'
				)
			);
		const same = parent && lineIn.has(`${parent.id}\u001f${nameKey(description)}`);
		const key = `${nameKey(benefitTitle)}\u001f${nameKey(description)}`;
		const total = input
			? Math.round((input.amountPerCase * input.cases * input.sharePercent) / 100)
			: null;
		const isNew = push(
			ctx,
			'lines',
			[
				description,
				benefitTitle ? m.import_cell_benefit({ title: benefitTitle }) : '',
				'',
				'',
				'',
				input
					? `${formatNumber(input.amountPerCase)} × ${formatNumber(input.cases)} × ${formatPercent(input.sharePercent)} = ${formatNumber(total!)}`
					: ''
			],
			{
				existing: same ? m.import_note_line_exists() : undefined,
				repeated: seenLines.has(key) ? m.import_note_line_repeated() : undefined
			}
		);
		if (isNew && input && ref) {
			seenLines.add(key);
			creates.push({ level: 'lines', benefit: ref, input });
		}
	});

	return {
		columns: benefitColumns(),
		rows,
		creates,
		blocked: noMission ? m.import_no_mission_file() : null
	};
}
