/**
 * Tracks, projects and measures into the portfolio. Each row is judged by the portfolio form's
 * own schema (schemas/portfolio.ts: trackSchema, newProjectSchema, newMeasureSchema) and by the
 * rules of its pages: a programme leader owns what they create and adds measures only to
 * projects they lead, an admin may name any owner (portfolio/access.ts, ownerAllowed and
 * assertMayAddMeasure). What the preview lets through is created by portfolio-commit.ts.
 */
import { isAdmin, canEditOwned } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { listPortfolioNames } from '../db/queries/imports';
import { getMission } from '../db/queries/mission';
import { listActiveUnitNames, listUserNames } from '../db/queries/portfolio-people';
import {
	isoDay,
	lifecycleOf,
	listItems,
	nameKey,
	portfolioSheetIndex
} from '$lib/domain/imports/portfolio';
import { PORTFOLIO_SHEET_LABEL, type PortfolioSheet } from '$lib/domain/imports/vocabulary';
import { fieldErrors } from '$lib/schemas/form';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '$lib/domain/portfolio/vocabulary';
import {
	newMeasureSchema,
	newProjectSchema,
	trackSchema,
	type NewMeasureInput,
	type NewProjectInput,
	type TrackInput
} from '$lib/schemas/portfolio';
import type { StagedRow, StagedSheet } from './read';
import type { Preview, PreviewRow, StagedMapping } from './preview';
import {
	dates,
	lookup,
	pushRow,
	readLevel,
	type RowContext,
	type RowOutcome
} from './portfolio-rows';
import { IMPORT_MESSAGES } from './messages';
import { m } from '$lib/paraglide/messages';
import { lifecycleLabel } from '$lib/labels';
import { columnLabel, sheetLabel } from './field-text';
import { sheetsInBokmaal, valueInBokmaal } from './file-words';

/** The preview's columns, in the reader's language. */
export const portfolioColumns = () => [
	m.import_pcol_level(),
	m.import_pcol_code(),
	m.import_pcol_title(),
	m.import_pcol_belongs_to(),
	m.import_pcol_status(),
	m.import_pcol_owner(),
	m.import_pcol_other()
];

/** A reference to a row that exists, or to one this import creates (by its key). */
export type Ref = { id: number } | { key: string };

export type PortfolioCreate =
	| { level: 'tracks'; key: string; input: TrackInput; status: LifecycleStatus }
	| {
			level: 'projects';
			key: string;
			input: NewProjectInput;
			tracks: Ref[];
			status: LifecycleStatus;
	  }
	| { level: 'measures'; input: NewMeasureInput; project: Ref; status: LifecycleStatus };

const newTrackSchema = trackSchema.omit({ status: true });

export function portfolioPreview(
	sheets: readonly StagedSheet[],
	mapping: StagedMapping,
	user: SessionUser
): Preview<PortfolioCreate> {
	const existing = listPortfolioNames();
	const users = listUserNames();
	const units = listActiveUnitNames();
	const nameOf = new Map(users.map((u) => [u.id, u.name]));
	const usersByName = lookup(users, (u) => nameKey(u.name));
	const trackById = lookup(existing.tracks, (t) => t.id);
	const trackByCode = lookup(existing.tracks, (t) => t.code);
	const projectById = lookup(existing.projects, (p) => p.id);
	const projectByTitle = lookup(existing.projects, (p) => nameKey(p.title));
	const measureById = lookup(existing.measures, (m) => m.id);
	const measureIn = lookup(existing.measures, (m) => `${m.projectId}\u001f${nameKey(m.title)}`);
	const rows: PreviewRow[] = [];
	const creates: PortfolioCreate[] = [];
	// What this import creates, by key, with the owner a measure may also be given.
	const newTracks = new Set<string>();
	const newProjects = new Map<string, number>();
	// Tracks and projects the file has on a row with errors, by the same key, with the row: a
	// row that names one is told to look there, not that it is missing.
	const failedTracks = new Map<string, number>();
	const failedProjects = new Map<string, number>();
	const noteFailed = (failed: Map<string, number>, key: string, ctx: RowContext) => {
		if (ctx.issues.length > 0 && !failed.has(key)) failed.set(key, ctx.rowNumber);
	};

	// Tracks and projects belong to the mission; without one nothing can be created, which the
	// preview says once for the file (`blocked`), not on each row.
	const noMission = getMission() === undefined;

	const read = (level: PortfolioSheet, run: (row: StagedRow, ctx: RowContext) => void) =>
		readLevel(sheets[portfolioSheetIndex(sheetsInBokmaal(sheets), level)], level, mapping, {}, run);

	/** The owner a cell names (blank: the importing user), and whether they may be given it. */
	function owner(ctx: RowContext, alsoAllowed: number | null = null): number {
		const text = ctx.cell('owner');
		let id = user.id;
		if (text !== '') {
			const found = usersByName.all(nameKey(text));
			if (found.length !== 1) {
				ctx.issue(
					'owner',
					found.length === 0
						? m.import_issue_no_user({ name: text })
						: m.import_issue_users_alike({ name: text })
				);
				return user.id;
			}
			id = found[0]!.id;
		}
		if (!isAdmin(user) && id !== user.id && id !== alsoAllowed) {
			ctx.issue('owner', m.import_issue_owner_admin({ owner: columnLabel('Eier') }));
		}
		return id;
	}

	function status(ctx: RowContext): LifecycleStatus {
		const parsed = lifecycleOf(valueInBokmaal(ctx.cell('status')));
		if (parsed) return parsed;
		ctx.issue(
			'status',
			m.import_issue_unknown_status({
				status: ctx.cell('status'),
				statuses: LIFECYCLE_STATUSES.map(lifecycleLabel).join(', ')
			})
		);
		return 'proposed';
	}

	function judge<T>(
		ctx: RowContext,
		parsed:
			{ success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] },
		fieldOf: Record<string, string>
	): T | null {
		if (parsed.success) return parsed.data;
		for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
			ctx.issue(fieldOf[path.split('.')[0]!] ?? 'title', message);
		}
		return null;
	}

	/**
	 * The item the row's id column names, when it names one here under another name: a changed
	 * title with the id kept is a mistake to show on the row, not a second item.
	 */
	function idNamesOther<T>(
		ctx: RowContext,
		label: string,
		items: { first(id: number): T | undefined },
		nameOf: (item: T) => string,
		inFile: string,
		what?: 'title' | 'code'
	) {
		const idText = ctx.cell('externalId');
		if (idText === '') return;
		const named = items.first(Number(idText));
		if (named && nameKey(nameOf(named)) !== nameKey(inFile))
			ctx.issue(
				'externalId',
				IMPORT_MESSAGES.idNamesOther(label, idText, nameOf(named), inFile, what)
			);
	}

	// The preview's cells in the reader's language: sheet and status words are labels.
	const push = (ctx: RowContext, level: PortfolioSheet, cells: string[], outcome?: RowOutcome) =>
		pushRow(rows, ctx, sheetLabel(PORTFOLIO_SHEET_LABEL[level]), cells, outcome);

	read('tracks', (_row, ctx) => {
		const ownerId = owner(ctx);
		const st = status(ctx);
		const code = ctx.cell('code').toUpperCase();
		const input = judge(
			ctx,
			newTrackSchema.safeParse({
				code,
				title: ctx.cell('title'),
				problemStatement: ctx.cell('problemStatement'),
				barriers: ctx.cell('barriers'),
				ownerId: String(ownerId)
			}),
			{
				code: 'code',
				title: 'title',
				problemStatement: 'problemStatement',
				barriers: 'barriers',
				ownerId: 'owner'
			}
		);
		idNamesOther(ctx, 'Spor-ID', trackById, (t) => t.code, code, 'code');
		const same = trackByCode.first(code);
		const key = `track:${nameKey(code)}`;
		const isNew = push(
			ctx,
			'tracks',
			[code, ctx.cell('title'), '', lifecycleLabel(st), nameOf.get(ownerId) ?? '', ''],
			{
				existing: same ? m.import_note_track_exists({ code }) : undefined,
				repeated: newTracks.has(key) ? m.import_note_track_repeated({ code }) : undefined
			}
		);
		noteFailed(failedTracks, key, ctx);
		if (isNew && input) {
			newTracks.add(key);
			creates.push({ level: 'tracks', key, input: { ...input, status: 'proposed' }, status: st });
		}
	});

	read('projects', (_row, ctx) => {
		const ownerId = owner(ctx);
		const st = status(ctx);
		const codes = listItems(ctx.cell('tracks')).map((c) => c.toUpperCase());
		const tracks: Ref[] = [];
		for (const code of codes) {
			const found = trackByCode.first(code);
			if (found) tracks.push({ id: found.id });
			else if (newTracks.has(`track:${nameKey(code)}`))
				tracks.push({ key: `track:${nameKey(code)}` });
			else {
				const row = failedTracks.get(`track:${nameKey(code)}`);
				const sheet = sheetLabel('Spor');
				ctx.issue(
					'tracks',
					row === undefined
						? m.import_issue_track_missing({ code, sheet })
						: m.import_issue_track_has_errors({ code, sheet, row })
				);
			}
		}
		const title = ctx.cell('title');
		const parsed = judge(
			ctx,
			newProjectSchema.safeParse({
				title,
				description: ctx.cell('description'),
				ownerId: String(ownerId),
				startDate: isoDay(ctx.cell('startDate')),
				endDate: isoDay(ctx.cell('endDate')),
				// Tracks this import creates have no id yet; the schema checks only that there is one.
				trackIds: codes.length > 0 ? ['1'] : []
			}),
			{
				title: 'title',
				description: 'description',
				ownerId: 'owner',
				startDate: 'startDate',
				endDate: 'endDate',
				trackIds: 'tracks'
			}
		);
		const key = `project:${nameKey(title)}`;
		idNamesOther(ctx, 'Prosjekt-ID', projectById, (p) => p.title, title);
		// Projects are told apart by title within the mission, as on the portfolio's pages.
		const same = projectByTitle.first(nameKey(title));
		const isNew = push(
			ctx,
			'projects',
			[
				'',
				title,
				codes.length ? m.import_cell_tracks({ codes: codes.join(', ') }) : '',
				lifecycleLabel(st),
				nameOf.get(ownerId) ?? '',
				dates(ctx)
			],
			{
				existing: same ? m.import_note_project_exists() : undefined,
				repeated: newProjects.has(key) ? m.import_note_project_repeated() : undefined
			}
		);
		noteFailed(failedProjects, key, ctx);
		if (isNew && parsed) {
			newProjects.set(key, ownerId);
			creates.push({
				level: 'projects',
				key,
				input: { ...parsed, trackIds: [] },
				tracks,
				status: st
			});
		}
	});

	const seenMeasures = new Set<string>();
	read('measures', (_row, ctx) => {
		const title = ctx.cell('title');
		const projectTitle = ctx.cell('project');
		const projectId = Number(ctx.cell('projectId'));
		// The id counts only where it names a project of that title: ids of another installation
		// mean nothing here.
		const withId = projectById.first(projectId);
		const byId = withId && nameKey(withId.title) === nameKey(projectTitle) ? withId : undefined;
		const byTitle = projectByTitle.first(nameKey(projectTitle));
		const parent = byId ?? byTitle;
		const parentKey = `project:${nameKey(projectTitle)}`;
		const newParent = parent ? undefined : newProjects.get(parentKey);
		let project: Ref | null = null;
		if (parent) {
			project = { id: parent.id };
			if (!canEditOwned(user, parent.ownerId))
				ctx.issue('project', m.import_issue_measures_own_projects());
		} else if (newParent !== undefined) project = { key: parentKey };
		else if (projectTitle !== '') {
			const row = failedProjects.get(parentKey);
			const sheet = sheetLabel('Prosjekter');
			ctx.issue(
				'project',
				row === undefined
					? m.import_issue_project_missing_in({ title: projectTitle, sheet })
					: m.import_issue_project_has_errors({ title: projectTitle, sheet, row })
			);
		}
		const ownerId = owner(ctx, parent?.ownerId ?? newParent ?? null);
		const st = status(ctx);
		const unitIds: number[] = [];
		const unitNames = listItems(ctx.cell('units'));
		for (const name of unitNames) {
			const found = units.find((u) => nameKey(u.name) === nameKey(name));
			if (found) unitIds.push(found.id);
			else ctx.issue('units', m.import_issue_no_unit({ name }));
		}
		const parsed = judge(
			ctx,
			newMeasureSchema.safeParse({
				projectId: project ? String(parent?.id ?? 1) : '',
				title,
				description: ctx.cell('description'),
				unitIds: unitIds.map(String),
				ownerId: String(ownerId),
				startDate: isoDay(ctx.cell('startDate')),
				endDate: isoDay(ctx.cell('endDate'))
			}),
			{
				projectId: 'project',
				title: 'title',
				description: 'description',
				unitIds: 'units',
				ownerId: 'owner',
				startDate: 'startDate',
				endDate: 'endDate'
			}
		);
		idNamesOther(ctx, 'Tiltak-ID', measureById, (m) => m.title, title);
		const key = `${nameKey(projectTitle)}\u001f${nameKey(title)}`;
		const same = parent && measureIn.has(`${parent.id}\u001f${nameKey(title)}`);
		const extra = [
			unitNames.length ? m.import_cell_units({ units: unitNames.join(', ') }) : '',
			dates(ctx)
		]
			.filter(Boolean)
			.join('; ');
		const isNew = push(
			ctx,
			'measures',
			[
				'',
				title,
				projectTitle ? m.import_cell_project({ title: projectTitle }) : '',
				lifecycleLabel(st),
				nameOf.get(ownerId) ?? '',
				extra
			],
			{
				existing: same ? m.import_note_measure_exists() : undefined,
				repeated: seenMeasures.has(key) ? m.import_note_measure_repeated() : undefined
			}
		);
		if (isNew && parsed && project) {
			seenMeasures.add(key);
			creates.push({ level: 'measures', input: parsed, project, status: st });
		}
	});

	return {
		columns: portfolioColumns(),
		rows,
		creates,
		blocked: noMission ? m.import_no_mission_file() : null
	};
}
