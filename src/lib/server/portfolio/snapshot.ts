/**
 * Everything the overview and the portfolio page show, read once per load through the
 * prepared list queries.
 */
import { getMission } from '../db/queries/mission';
import { listTracks } from '../db/queries/tracks';
import { listProjects } from '../db/queries/projects';
import { listMeasures } from '../db/queries/measures';
import { listAllStatusReports } from '../db/queries/lifecycle';
import { listActiveUnitNames, listUserNames } from '../db/queries/portfolio-people';
import type { TreeInput } from '$lib/domain/portfolio/tree';

export function portfolioSnapshot() {
	const mission = getMission();
	const tracks = listTracks();
	const projects = listProjects();
	const measures = listMeasures();
	const users = listUserNames();
	const units = listActiveUnitNames();
	const input: TreeInput = {
		mission: mission
			? { id: mission.id, statement: mission.statement, grandChallenge: mission.grandChallenge }
			: null,
		tracks,
		projects,
		measures,
		reports: listAllStatusReports(),
		users,
		units
	};
	// Owners offered in the filter: people who own something shown.
	const ownerIds = new Set(
		[...tracks, ...projects, ...measures].map((r) => r.ownerId).filter((id) => id !== null)
	);
	return {
		mission,
		input,
		tracks,
		projects,
		measures,
		owners: users.filter((u) => ownerIds.has(u.id)),
		units
	};
}
