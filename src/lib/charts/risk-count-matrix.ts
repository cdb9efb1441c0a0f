/**
 * Data → spec for the portfolio's 5×5 risk matrix, drawn from counts per cell rather than from
 * the risks themselves: at the scale of a whole portfolio a cell holds hundreds of risks, so
 * each cell shows how many and links to the list of them. Same axes, bands and colours as the
 * matrix of one project or measure (risk-matrix.ts).
 */
import { riskScore, severityFor } from '$lib/domain/portfolio/risk';
import { SEVERITY_STYLES, type AxisTick, type SeverityStyle } from './risk-matrix';
import { SCALE, type ScaleValue, type Severity } from '$lib/domain/portfolio/vocabulary';
import { consequenceLabel, likelihoodLabel, riskCount, severityLabel } from '$lib/labels-portfolio';

export interface CountCell extends SeverityStyle {
	key: string;
	likelihood: ScaleValue;
	consequence: ScaleValue;
	score: number;
	severity: Severity;
	/** Visible text cue, e.g. «Høy 20». */
	label: string;
	count: number;
	/** The link text, e.g. «12 risikoer». */
	countLabel: string;
	href: string;
	selected: boolean;
}

export interface CountMatrixSpec {
	/** Likelihood 5 first; each row consequence 1 → 5. */
	rows: CountCell[][];
	xAxis: AxisTick[];
	yAxis: AxisTick[];
	total: number;
	bySeverity: Record<Severity, number>;
}

export function riskCountMatrixSpec(
	counts: readonly { likelihood: number; consequence: number; n: number }[],
	href: (likelihood: ScaleValue, consequence: ScaleValue) => string,
	selected: { likelihood: number | null; consequence: number | null } = {
		likelihood: null,
		consequence: null
	}
): CountMatrixSpec {
	const countOf = new Map(counts.map((c) => [`${c.likelihood}:${c.consequence}`, c.n]));
	const bySeverity: Record<Severity, number> = { low: 0, medium: 0, high: 0 };
	let total = 0;
	const rows = [...SCALE].reverse().map((y) =>
		SCALE.map((x): CountCell => {
			const score = riskScore(y, x);
			const severity = severityFor(score);
			const count = countOf.get(`${y}:${x}`) ?? 0;
			bySeverity[severity] += count;
			total += count;
			return {
				key: `${y}:${x}`,
				likelihood: y,
				consequence: x,
				score,
				severity,
				...SEVERITY_STYLES[severity],
				label: `${severityLabel(severity)} ${score}`,
				count,
				countLabel: riskCount(count),
				href: href(y, x),
				selected: selected.likelihood === y && selected.consequence === x
			};
		})
	);
	const tick = (label: (value: ScaleValue) => string, value: ScaleValue): AxisTick => ({
		value,
		label: label(value)
	});
	return {
		rows,
		xAxis: SCALE.map((v) => tick(consequenceLabel, v)),
		yAxis: [...SCALE].reverse().map((v) => tick(likelihoodLabel, v)),
		total,
		bySeverity
	};
}
