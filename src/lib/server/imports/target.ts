/**
 * What an import goes into, and the kind's own parts: its fields, its preview and its writes.
 * The route's guard decides who may import (the same guard as the area's own form); the route
 * then names the target here.
 */
import { m } from '$lib/paraglide/messages';
import type { SessionUser } from '../auth/session';
import type { WheelRow } from '../db/queries/wheel';
import { createWheelTask } from '../db/queries/wheel';
import type { ColumnMapping, ImportField, RememberedMapping } from '$lib/domain/imports/mapping';
import { WHEEL_TASK_FIELDS, wheelTaskMapping } from '$lib/domain/imports/wheel-tasks';
import {
	BENEFIT_SHEET_LABEL,
	PORTFOLIO_SHEET_LABEL,
	type BenefitSheet,
	type ImportKind,
	type PortfolioSheet
} from '$lib/domain/imports/vocabulary';
import type { TaskInput } from '$lib/schemas/wheel';
import type { StagedSheet } from './read';
import type { Preview, StagedMapping } from './preview';
import { wheelTaskPreview } from './wheel-tasks';
import {
	PORTFOLIO_FIELDS,
	portfolioMapping,
	portfolioSheetIndex
} from '$lib/domain/imports/portfolio';
import { portfolioPreview, type PortfolioCreate } from './portfolio';
import { createPortfolioItems } from './portfolio-commit';
import {
	BENEFIT_FIELDS,
	benefitMapping,
	benefitSheetIndex,
	REALISATION_FIELDS
} from '$lib/domain/imports/benefits';
import { benefitPreview, type BenefitCreate } from './benefits';
import { realisationPreview, type RealisationCreate } from './benefit-realisations';
import { createBenefits, logRealisations } from './benefits-commit';
import { headersInBokmaal, rememberedInBokmaal, sheetsInBokmaal } from './file-words';

export interface ImportTarget {
	user: SessionUser;
	kind: ImportKind;
	/** Stored with the staged file: a file staged for one wheel is not committed into another. */
	key: string;
	/** The page the import lives on; the preview is `?fil=<token>` on it. */
	path: string;
}

export interface ImportKindSpec<Input = unknown> {
	fields: readonly ImportField[];
	/** Fields that may take a value for empty cells, chosen on the mapping step. */
	defaults: readonly string[];
	/** [one, many]: «oppgave», «oppgaver». */
	noun: [string, string];
	/** The sheets' names by `field.sheet`, for kinds that read several. */
	sheetLabels?: Readonly<Record<string, string>>;
	/** The file's sheet a field is read from (`field.sheet`; undefined for one-sheet kinds). */
	sheetOf(sheets: readonly StagedSheet[], field: ImportField): StagedSheet | null;
	mapping(sheets: readonly StagedSheet[], remembered?: RememberedMapping): ColumnMapping;
	preview(sheets: readonly StagedSheet[], mapping: StagedMapping): Preview<Input>;
	/**
	 * Creates the previewed rows, inside the commit's transaction, through the area's own
	 * writes; `abort` rolls back all of them. Answers how many were created.
	 */
	commit(creates: readonly Input[], now: Date, abort: (reason: string) => never): number;
}

/** A wheel template's tasks (/arshjul/maler/[id]/import): one sheet, the first. */
export function wheelTasksTarget(
	ctx: { user: SessionUser; wheel: WheelRow },
	path: string
): ImportTarget & { spec: ImportKindSpec<TaskInput> } {
	const wheelId = ctx.wheel.id;
	return {
		user: ctx.user,
		kind: 'wheel_tasks',
		key: `wheel:${wheelId}`,
		path,
		spec: {
			fields: WHEEL_TASK_FIELDS,
			defaults: ['responsibleRole', 'storedIn'],
			get noun(): [string, string] {
				return [m.import_noun_task_one(), m.import_noun_task_many()];
			},
			sheetOf: (sheets) => sheets[0] ?? null,
			mapping: (sheets, remembered) =>
				wheelTaskMapping(
					headersInBokmaal(sheets[0]?.headers ?? []),
					rememberedInBokmaal(remembered)
				),
			preview: (sheets, mapping) =>
				sheets[0]
					? wheelTaskPreview(sheets[0], mapping, wheelId)
					: { columns: [], rows: [], creates: [] },
			commit: (creates, now, abort) =>
				creates.map((input) => {
					const result = createWheelTask(wheelId, input, ctx.user.id, now);
					return result.ok ? result.value : abort(result.reason);
				}).length
		}
	};
}

/**
 * Tracks, projects and measures (/portefolje/import), a sheet each as the portfolio download
 * writes them; the route's guard is the one of the forms that create them.
 */
export function portfolioTarget(
	user: SessionUser,
	path: string
): ImportTarget & { spec: ImportKindSpec<PortfolioCreate> } {
	return {
		user,
		kind: 'portfolio',
		key: 'portfolio',
		path,
		spec: {
			fields: PORTFOLIO_FIELDS,
			defaults: ['tracks.problemStatement'],
			get noun(): [string, string] {
				return [m.import_noun_item_one(), m.import_noun_item_many()];
			},
			sheetLabels: PORTFOLIO_SHEET_LABEL,
			sheetOf: (sheets, field) => {
				const index = portfolioSheetIndex(sheetsInBokmaal(sheets), field.sheet as PortfolioSheet);
				return index >= 0 ? sheets[index]! : null;
			},
			mapping: (sheets, remembered) =>
				portfolioMapping(sheetsInBokmaal(sheets), rememberedInBokmaal(remembered)),
			preview: (sheets, mapping) => portfolioPreview(sheets, mapping, user),
			commit: (creates, now, abort) => createPortfolioItems(creates, user.id, now, abort)
		}
	};
}

const sheetFor = (sheets: readonly StagedSheet[], field: ImportField) => {
	const index = benefitSheetIndex(sheetsInBokmaal(sheets), field.sheet as BenefitSheet);
	return index >= 0 ? sheets[index]! : null;
};

/**
 * Benefits and their estimate lines (/gevinster/import): the sheets «Gevinster» and
 * «Estimatlinjer» as the register download writes them. Who may add a benefit to which project
 * is judged per row, as the map's form judges it.
 */
export function benefitsTarget(
	user: SessionUser,
	path: string
): ImportTarget & { spec: ImportKindSpec<BenefitCreate> } {
	return {
		user,
		kind: 'benefits',
		key: 'benefits',
		path,
		spec: {
			fields: BENEFIT_FIELDS,
			defaults: ['benefits.baselineMethod', 'benefits.beneficiary', 'benefits.takeout'],
			get noun(): [string, string] {
				return [m.import_noun_row_one(), m.import_noun_row_many()];
			},
			sheetLabels: BENEFIT_SHEET_LABEL,
			sheetOf: sheetFor,
			mapping: (sheets, remembered) =>
				benefitMapping(BENEFIT_FIELDS, sheetsInBokmaal(sheets), rememberedInBokmaal(remembered)),
			preview: (sheets, mapping) => benefitPreview(sheets, mapping, user),
			commit: (creates, now, abort) => createBenefits(creates, user.id, now, abort)
		}
	};
}

/**
 * Realised values of benefits (/gevinster/import/realiseringer): the sheet «Realiseringer» of
 * the register download, or a CSV file of benefit, month and value. `now` decides which months
 * have begun, as on the benefit page's form.
 */
export function realisationsTarget(
	user: SessionUser,
	path: string,
	now: Date
): ImportTarget & { spec: ImportKindSpec<RealisationCreate> } {
	return {
		user,
		kind: 'benefit_realisations',
		key: 'benefit_realisations',
		path,
		spec: {
			fields: REALISATION_FIELDS,
			defaults: [],
			get noun(): [string, string] {
				return [m.import_noun_realisation_one(), m.import_noun_realisation_many()];
			},
			sheetLabels: BENEFIT_SHEET_LABEL,
			sheetOf: sheetFor,
			mapping: (sheets, remembered) =>
				benefitMapping(
					REALISATION_FIELDS,
					sheetsInBokmaal(sheets),
					rememberedInBokmaal(remembered)
				),
			preview: (sheets, mapping) => realisationPreview(sheets, mapping, user, now),
			commit: (creates, now, abort) => logRealisations(creates, user.id, now, abort)
		}
	};
}

export type Target = ImportTarget & { spec: ImportKindSpec };
