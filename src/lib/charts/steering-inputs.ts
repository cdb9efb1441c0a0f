/**
 * The steering figures → the bar charts' inputs (steering.ts), shared by the page (/styring)
 * and the Styringsrapport (PDF), so both draw the same bars from the same numbers.
 */
import { complianceBarsSpec, gainBarsSpec, type BarChartSpec } from './steering';

interface TrackFigures {
	id: number;
	code: string;
	title: string;
	gains: { href: string; kroner: { planned: number; realised: number; percent: number | null } };
	/** Benefits shared with other tracks (counted in each track's sums). */
	shared?: readonly { tracks: number; benefits: number }[];
	compliance: {
		href: string;
		percent: number | null;
		overdue: number;
		units: number;
	} | null;
}

export const trackLabel = (t: { code: string; title: string }) => `${t.code} ${t.title}`;

/** Realised against planned kroner per track. */
export function trackGainBars(tracks: readonly TrackFigures[]): BarChartSpec {
	return gainBarsSpec(
		tracks.map((t) => ({
			key: String(t.id),
			label: trackLabel(t),
			href: t.gains.href,
			...t.gains.kroner,
			shared: t.shared
		}))
	);
}

/** Share signed on time per track, for the tracks whose compliance the user may read. */
export function trackComplianceBars(tracks: readonly TrackFigures[]): BarChartSpec {
	return complianceBarsSpec(
		tracks.flatMap((t) =>
			t.compliance ? [{ key: String(t.id), label: trackLabel(t), ...t.compliance }] : []
		)
	);
}
