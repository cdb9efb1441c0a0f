/**
 * Who may do what with benefit maps: programme leaders edit the maps of projects they own
 * (admins all); a benefit's owner, the project's owner and admins log realisations and
 * behind-plan follow-ups; administrators set the gain settings; every signed-in user reads.
 * README, «Hva du finner hvor» and «Roller».
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import {
	canEditOwned,
	hasRole,
	isAdmin,
	requireAdmin,
	requireRole,
	requireUser
} from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { getProjectById, getProjectRow } from '../db/queries/projects';
import { getMission } from '../db/queries/mission';
import type { Project } from '../db/schema';
import { getBenefit, type BenefitRow } from '../db/queries/benefits';
import { ownsAnyBenefit } from '../db/queries/imports-benefits';
import { BENEFIT_ACCESS } from './messages';

type AnyEvent = Pick<RequestEvent, 'locals' | 'url'>;

export function canLogFor(
	user: SessionUser,
	benefit: Pick<BenefitRow, 'ownerId'>,
	project: Pick<Project, 'ownerId'>
): boolean {
	return (
		isAdmin(user) ||
		(benefit.ownerId !== null && benefit.ownerId === user.id) ||
		canEditOwned(user, project.ownerId)
	);
}

/** Any signed-in user, and the project (404 when unknown). */
export function requireProjectReader(event: AnyEvent, projectId: number) {
	const user = requireUser(event);
	const project = getProjectById(projectId);
	if (!project) error(404, BENEFIT_ACCESS.noProject);
	return { user, project, canEdit: canEditOwned(user, project.ownerId) };
}

export function requireMapEditor(event: AnyEvent, projectId: number) {
	const access = requireProjectReader(event, projectId);
	if (!access.canEdit) error(403, BENEFIT_ACCESS.mapEditor);
	return access;
}

export function requireBenefitReader(event: AnyEvent, benefitId: number) {
	const user = requireUser(event);
	const benefit = getBenefit(benefitId);
	if (!benefit) error(404, BENEFIT_ACCESS.noBenefit);
	const project = getProjectRow(benefit.projectId);
	if (!project) error(404, BENEFIT_ACCESS.noProject);
	return {
		user,
		benefit,
		project,
		canEdit: canEditOwned(user, project.ownerId),
		canLog: canLogFor(user, benefit, project)
	};
}

/** Edits the benefit itself (fields, pricing, plan): the map's editors. */
export function requireBenefitEditor(event: AnyEvent, benefitId: number) {
	const access = requireBenefitReader(event, benefitId);
	if (!access.canEdit) error(403, BENEFIT_ACCESS.benefitEditor);
	return access;
}

/** Logs realisations and follow-ups: the benefit owner, the project's leader, admins. */
export function requireBenefitLogger(event: AnyEvent, benefitId: number) {
	const access = requireBenefitReader(event, benefitId);
	if (!access.canLog) {
		error(403, BENEFIT_ACCESS.recorder);
	}
	return access;
}

export type BenefitAccess = ReturnType<typeof requireBenefitReader>;

/**
 * Imports benefits and their estimate lines (/gevinster/import): programme leaders, who add
 * benefits to the maps of their projects, and admins. Each row is then held to its project, as
 * the map's form is (imports/benefits.ts).
 */
export function mayImportBenefits(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'programme_leader');
}

export function requireBenefitImporter(event: AnyEvent): SessionUser {
	return requireRole(event, 'programme_leader');
}

/**
 * Imports realised values (/gevinster/import/realiseringer): whoever may log some benefit's
 * values — a benefit's owner, a programme leader, an admin. Each row is then held to its
 * benefit, as the benefit page's form is (canLogFor).
 */
export function mayImportRealisations(user: SessionUser): boolean {
	return mayImportBenefits(user) || ownsAnyBenefit(user.id);
}

export function requireRealisationImporter(event: AnyEvent): SessionUser {
	const user = requireUser(event);
	if (!mayImportRealisations(user)) {
		error(403, BENEFIT_ACCESS.importer);
	}
	return user;
}
export type MapAccess = ReturnType<typeof requireProjectReader>;

/** The gain settings are the mission's: an administrator, once a mission exists (else 404). */
export function requireSettingsEditor(event: AnyEvent) {
	const admin = requireAdmin(event);
	const mission = getMission();
	if (!mission) error(404, BENEFIT_ACCESS.noMission);
	return { admin, mission };
}

export type SettingsAccess = ReturnType<typeof requireSettingsEditor>;

// ── Plan versions ───────────────────────────────────────────────────────────────────────────

/** Decides plan change requests: the steering group, and administrators. */
export function canDecidePlan(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'steering');
}

/** Approves or rejects a benefit's plan change (the four-eyes rule is the write's). */
export function requirePlanDecider(event: AnyEvent, benefitId: number) {
	const access = requireBenefitReader(event, benefitId);
	if (!canDecidePlan(access.user)) {
		error(403, BENEFIT_ACCESS.planApprover);
	}
	return access;
}

/**
 * Attests a period's measured value: the benefit's owner and nobody else, not even an
 * administrator — the owner answers for the value (DOMAIN.md «Benefit governance»).
 */
export function requireBenefitOwner(event: AnyEvent, benefitId: number) {
	const access = requireBenefitReader(event, benefitId);
	if (access.benefit.ownerId !== access.user.id) {
		error(403, BENEFIT_ACCESS.attester);
	}
	return access;
}

/** The list of waiting plan changes (/gevinster/godkjenning): those who decide them. */
export function requirePlanDeciderList(event: AnyEvent) {
	return requireRole(event, 'steering');
}

/** Validates a kroner gain: the benefit's validator (often økonomi) and nobody else. */
export function requireBenefitValidator(event: AnyEvent, benefitId: number) {
	const access = requireBenefitReader(event, benefitId);
	if (access.benefit.validatorId !== access.user.id) {
		error(403, BENEFIT_ACCESS.validator);
	}
	return access;
}

/** Keeps the forecast: the owner, or the programme leader who edits the benefit. */
export function requireBenefitForecaster(event: AnyEvent, benefitId: number) {
	const access = requireBenefitReader(event, benefitId);
	if (!access.canEdit && access.benefit.ownerId !== access.user.id) {
		error(403, BENEFIT_ACCESS.forecaster);
	}
	return access;
}
