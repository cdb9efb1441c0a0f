/**
 * Who may do what with internal control (kommuneloven § 25-1; DOMAIN.md «Internal control in
 * the law»): deviations, tilsyn, the risk-and-control matrix and the annual report. Routes call
 * these first thing in each load and action (sveltejs/kit#6315: a layout's check does not
 * protect a page's actions).
 */
export {};

// ─── The annual internal-control report (kommuneloven § 25-2) ───────────────────────────────
//
// The report is the kommunedirektør's to the kommunestyre. Who may:
// - read it (page, PDF, xlsx): administrators, the kommunedirektør and the steering group — those
//   who read /arshjul/etterlevelse, whose figures it sums. Unit leaders do not: the report is
//   the whole municipality's account, and a unit leader follows their own units on
//   «Mine oppgaver» and the unit's wheel; anyone else gets 403.
// - write the assessments and freeze the report: administrators and the kommunedirektør.
// - sign (approve) a frozen report: the same, in the archive (archive/access.ts), not the one
//   who froze it.
import { error, type RequestEvent } from '@sveltejs/kit';
import { hasRole, isAdmin, readsAsSteering, requireUser } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';

/** Reads the internal-control report. */
export function canReadControlReport(user: SessionUser): boolean {
	return readsAsSteering(user);
}

/** Writes the assessments and freezes the internal-control report. */
export function canWriteControlReport(user: SessionUser): boolean {
	return isAdmin(user) || hasRole(user, 'municipal_director');
}

export function requireControlReportReader(event: ControlReportEvent): SessionUser {
	const user = requireUser(event);
	if (!canReadControlReport(user)) {
		error(
			403,
			'Internkontrollrapporten er for kommunedirektøren, styringsgruppen og administratorer.'
		);
	}
	return user;
}

export function requireControlReportWriter(event: ControlReportEvent): SessionUser {
	const user = requireUser(event);
	if (!canWriteControlReport(user)) {
		error(403, 'Bare kommunedirektøren og administratorer kan skrive i og fryse rapporten.');
	}
	return user;
}

type ControlReportEvent = Pick<RequestEvent, 'locals' | 'url'>;
