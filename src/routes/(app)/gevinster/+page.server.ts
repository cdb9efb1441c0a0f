import type { PageServerLoad } from './$types';
import { isAdmin, requireUser } from '$lib/server/auth/guards';
import { loadScope, readFilter, scopeSums } from '$lib/server/benefits/scope';
import { canLogFor } from '$lib/server/benefits/access';
import { combinedKronerSeries } from '$lib/domain/benefit-figures';
import { BENEFIT_LEVEL_LABEL } from '$lib/domain/benefit-levels';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const filter = readFilter(event.url);
	const scope = loadScope(filter);
	if (!scope) return { scope: null, filter, isAdmin: isAdmin(user) };
	const projectTitle = new Map(scope.allProjects.map((p) => [p.id, p.title]));
	const projectById = new Map(scope.allProjects.map((p) => [p.id, p]));
	const latestFollowUp = new Map(scope.followUps.map((f) => [f.benefitId, f]));
	const behind = scope.computed
		.filter((c) => c.result.status?.behind)
		.map(({ benefit, result }) => {
			const followUp = latestFollowUp.get(benefit.id);
			return {
				id: benefit.id,
				title: benefit.title,
				project: projectTitle.get(benefit.projectId) ?? '',
				// The owner (or the project's leader) is the one asked for a cause.
				mine: canLogFor(user, benefit, projectById.get(benefit.projectId) ?? { ownerId: null }),
				unit: benefit.unit ?? 'antall',
				period: result.status!.period,
				planned: result.status!.planned,
				realised: result.status!.realised,
				followUp:
					followUp && followUp.period === result.status!.period
						? { cause: followUp.cause, correctiveMeasure: followUp.correctiveMeasure }
						: null
			};
		});
	const track = scope.tracks.find((t) => t.id === filter.trackId);
	const subject = [
		filter.projectId ? `prosjekt ${projectTitle.get(filter.projectId) ?? ''}` : null,
		track ? `spor ${track.code}` : null,
		filter.level ? BENEFIT_LEVEL_LABEL[filter.level].toLowerCase() : null
	]
		.filter(Boolean)
		.join(', ');
	return {
		filter,
		isAdmin: isAdmin(user),
		scope: {
			subject: subject || 'hele misjonen',
			hourlyRate: scope.settings.hourlyRateKroner,
			margin: scope.settings.marginPercent,
			tracks: scope.tracks.map((t) => ({ id: t.id, code: t.code, title: t.title })),
			projects: scope.allProjects.map((p) => ({ id: p.id, title: p.title })),
			shownProjects: scope.projects.map((p) => ({ id: p.id, title: p.title })),
			sums: scopeSums(scope),
			series: combinedKronerSeries(
				scope.computed.map((c) => ({ facts: c.facts, result: c.result })),
				scope.settings.hourlyRateKroner
			),
			behind,
			benefits: scope.computed.map(({ benefit, result }) => ({
				id: benefit.id,
				title: benefit.title,
				project: projectTitle.get(benefit.projectId) ?? '',
				level: benefit.level,
				kind: benefit.kind,
				unit: benefit.unit,
				estimate: result.estimate?.total ?? null,
				estimateKroner: result.estimate?.kroner ?? null,
				status: result.status
					? result.status.behind
						? ('behind' as const)
						: ('on_plan' as const)
					: ('none' as const)
			}))
		}
	};
};
