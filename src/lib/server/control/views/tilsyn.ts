/** The tilsyn register: the list a page at a time, one tilsyn with its findings, the forms. */
import { error } from '@sveltejs/kit';
import { canLeadUnit } from '../../auth/guards';
import type { SessionUser } from '../../auth/session';
import {
	countTilsyn,
	getTilsyn,
	listFindings,
	listTilsynDeviations,
	listTilsynPage,
	listTilsynUnits
} from '../../db/queries/tilsyn';
import { listUnits } from '../../db/queries/units';
import { keysetList } from '$lib/paging';
import { buildUnitTree, flattenUnitTree, unitOption } from '$lib/domain/org/units';
import { FINDING_KINDS, FINDING_STATUSES, TILSYN_STATUSES } from '$lib/domain/control/vocabulary';
import { findingKindLabel, findingStatusLabel, tilsynStatusLabel } from '$lib/labels-control';
import { m } from '$lib/paraglide/messages';
import { tilsynValues } from '$lib/control/form-values';
import { canFollowUpTilsyn } from '../access';

export const TILSYN_PAGE = 25;

/** The statuses to choose from, in the request's language. */
export const tilsynStatusOptions = () =>
	TILSYN_STATUSES.map((s) => ({ value: s, label: tilsynStatusLabel(s) }));

function unitOptions(keep: number[] = []) {
	const units = listUnits().filter((u) => !u.archivedAt || keep.includes(u.id));
	return flattenUnitTree(buildUnitTree(units)).map(unitOption);
}

export function tilsynListPage(url: URL, canEdit: boolean) {
	const page = keysetList(url.searchParams, (position, limit) => listTilsynPage(position, limit), {
		prefix: '',
		hash: 'tilsyn',
		size: TILSYN_PAGE,
		keyLength: 1,
		keyOf: (t) => [t.id]
	});
	return {
		counts: countTilsyn(),
		rows: page.rows,
		pager: { previous: page.previous, next: page.next, first: page.first },
		canEdit
	};
}

export function newTilsynPage() {
	return { unitOptions: unitOptions(), statusOptions: tilsynStatusOptions() };
}

export function tilsynPage(user: SessionUser, tilsynId: number, canEdit: boolean) {
	const tilsyn = getTilsyn(tilsynId);
	if (!tilsyn) error(404, m.control_tilsyn_not_found());
	const units = listTilsynUnits(tilsynId);
	// A leader of a covered unit follows findings up as deviations of that unit.
	const followUpUnits = units.filter((u) => canLeadUnit(user, u.id));
	return {
		tilsyn: { ...tilsyn, statusLabel: tilsynStatusLabel(tilsyn.status) },
		units,
		values: tilsynValues(tilsyn, tilsyn.unitIds),
		findings: listFindings(tilsynId).map((f) => ({
			...f,
			kindLabel: findingKindLabel(f.kind),
			statusLabel: findingStatusLabel(f.status)
		})),
		deviations: listTilsynDeviations(tilsynId),
		canEdit,
		canFollowUp: canFollowUpTilsyn(user, tilsyn.unitIds),
		canRecordDeviation: followUpUnits.length > 0,
		unitOptions: canEdit ? unitOptions(tilsyn.unitIds) : [],
		statusOptions: tilsynStatusOptions(),
		kindOptions: FINDING_KINDS.map((k) => ({ value: k, label: findingKindLabel(k) })),
		findingStatusOptions: FINDING_STATUSES.map((s) => ({
			value: s,
			label: findingStatusLabel(s)
		}))
	};
}
