/**
 * Who may do what with frozen reports (/rapporter, docs/architecture.md «Rapportarkivet»):
 *
 * - Read the list and download a frozen file: every signed-in user, as the pages a report is
 *   made from are open to every signed-in user; a Styringsrapport only the steering group and
 *   administrators (as /arshjul/etterlevelse, which it includes), others get 404.
 * - Freeze a Gevinstrealiseringsplan: the project's programme leader (its owner), the steering
 *   group, administrators. Freeze the benefits register (Regneark) or a Styringsrapport: the
 *   steering group and administrators.
 * - Approve (utkast → godkjent): a steering member or an administrator, and not the person who
 *   froze it — the one who issues a report does not also approve it (four eyes: the steering
 *   group approves what was put before it). Approval happens once (queries/reports.ts).
 * - The internal-control report (kommuneloven § 25-2) is the kommunedirektør's: it is frozen
 *   on /internkontroll/arsrapport and signed (approved) here by the kommunedirektør or an
 *   administrator, again not by the one who froze it; the steering group reads it.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import {
	canEditOwned,
	hasRole,
	isAdmin,
	readsAsSteering,
	requireRole,
	requireUser
} from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { getReport } from '../db/queries/reports';
import { getProjectById } from '../db/queries/projects';
import { readForm } from '../read-form';
import { idParam } from '$lib/schemas/id';
import { ARCHIVE_ACCESS } from './messages';
import type { ReportKind } from '$lib/domain/reports/vocabulary';

type AnyEvent = Pick<RequestEvent, 'locals' | 'url'>;

export function isSteering(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'steering');
}

/** The kinds this user may see in the list. */
export function visibleKinds(user: SessionUser): ReportKind[] {
	return readsAsSteering(user)
		? ['styringsrapport', 'gevinstrealiseringsplan', 'regneark', 'internkontroll']
		: ['gevinstrealiseringsplan', 'regneark'];
}

/** Signs (approves) a report of this kind: the internal-control report is the kommunedirektør's. */
export function canApproveKind(user: SessionUser, kind: ReportKind): boolean {
	if (kind === 'internkontroll') return isAdmin(user) || hasRole(user, 'municipal_director');
	return isSteering(user);
}

export function canSeeReport(user: SessionUser, kind: ReportKind): boolean {
	return visibleKinds(user).includes(kind);
}

/** May freeze reports of this kind (for a plan: of this project's owner). */
export function canFreeze(
	user: SessionUser,
	kind: ReportKind,
	projectOwnerId: number | null = null
): boolean {
	if (isSteering(user)) return true;
	return kind === 'gevinstrealiseringsplan' && canEditOwned(user, projectOwnerId);
}

/** The list: any signed-in user (sees the kinds `visibleKinds` gives). */
export function requireReportReader(event: AnyEvent) {
	const user = requireUser(event);
	return { user, kinds: visibleKinds(user) };
}

/** One frozen report's stored file: 404 when unknown or not the user's to see. */
export function requireReportFile(event: AnyEvent, id: number) {
	const user = requireUser(event);
	const report = getReport(id);
	if (!report || !canSeeReport(user, report.kind)) error(404, ARCHIVE_ACCESS.notFound);
	return { user, report };
}

/**
 * Freezing: reads the posted form to know what is frozen (kind, project), checks who may,
 * and hands the form on for the action to parse. A plan for an unknown project is 404.
 */
export async function requireReportFreezer(event: AnyEvent & Pick<RequestEvent, 'request'>) {
	const user = requireUser(event);
	const formData = await readForm(event);
	const kind = String(formData.get('kind') ?? '');
	if (kind === 'gevinstrealiseringsplan') {
		const projectId = idParam(String(formData.get('prosjekt') ?? ''));
		const project = projectId === null ? undefined : getProjectById(projectId);
		if (projectId !== null && !project) error(404, ARCHIVE_ACCESS.noProject);
		if (project && !canFreeze(user, kind, project.ownerId)) {
			error(403, ARCHIVE_ACCESS.planOwner);
		}
		if (!project && !canFreeze(user, 'regneark')) {
			error(403, ARCHIVE_ACCESS.ownPlans);
		}
		return { user, formData, project: project ?? null };
	}
	if (!isSteering(user)) {
		error(403, ARCHIVE_ACCESS.freezeSteering);
	}
	return { user, formData, project: null };
}

/** Approving: a steering member or an administrator who did not freeze it; 404 when unknown. */
export function requireReportApprover(event: AnyEvent, id: number | null) {
	const user = requireRole(event, 'steering', 'municipal_director');
	const report = id === null ? undefined : getReport(id);
	if (!report || !canSeeReport(user, report.kind)) error(404, ARCHIVE_ACCESS.notFound);
	if (!canApproveKind(user, report.kind)) {
		error(
			403,
			report.kind === 'internkontroll'
				? ARCHIVE_ACCESS.signDirector
				: ARCHIVE_ACCESS.approveSteering
		);
	}
	if (report.createdById === user.id) {
		error(403, ARCHIVE_ACCESS.notSelf);
	}
	return { user, report };
}

export type FreezerAccess = Awaited<ReturnType<typeof requireReportFreezer>>;
export type ApproverAccess = ReturnType<typeof requireReportApprover>;
