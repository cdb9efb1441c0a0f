/**
 * Benefits shared between tracks: a benefit's project may belong to several tracks (seed 001:
 * «Noen prosjekter vil naturlig kobles opp til flere mission-spor»), and the per-track sums
 * count it in each. The steering chart marks them, so the tracks' sums are not added up.
 */
import { sql } from 'drizzle-orm';
import { db } from '..';

export interface SharedInTrack {
	trackId: number;
	/** How many tracks the benefits are shared by, and how many such benefits the track has. */
	tracks: number;
	benefits: number;
}

/** Per track, its benefits whose project is in more than one track, grouped by that number. */
export function sharedBenefitsByTrack(): SharedInTrack[] {
	return db.all<SharedInTrack>(sql`
		with spread as (
			select project_id, count(*) as tracks from project_track
			group by project_id having count(*) > 1
		)
		select pt.track_id as trackId, s.tracks as tracks, count(b.id) as benefits
		from spread s
		join project_track pt on pt.project_id = s.project_id
		join project p on p.id = s.project_id and p.archived_at is null
		join benefit b on b.project_id = s.project_id
		group by pt.track_id, s.tracks
		order by pt.track_id, s.tracks
	`);
}
