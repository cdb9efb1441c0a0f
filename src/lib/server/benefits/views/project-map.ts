/**
 * What one project's benefit map page needs: its measures, changes, benefits, links and the
 * mission's effect goals, read for that project alone (not the whole portfolio), so the page
 * costs the same in a portfolio of ten projects or of thousands.
 */
import { getMission, listEffectGoals } from '$lib/server/db/queries/mission';
import { listMeasuresByProject } from '$lib/server/db/queries/measures';
import {
	listBenefitsByProjects,
	listChangesByProjects,
	listLinksByProjects
} from '$lib/server/db/queries/benefits';

export function projectMapScope(projectId: number) {
	const mission = getMission();
	if (!mission) return null;
	return {
		goals: listEffectGoals(mission.id),
		// In creation order, not by title: renaming a measure must not reshuffle the map's layout.
		measures: listMeasuresByProject(projectId).sort((a, b) => a.id - b.id),
		changes: listChangesByProjects([projectId]),
		benefits: listBenefitsByProjects([projectId]),
		links: listLinksByProjects([projectId])
	};
}
