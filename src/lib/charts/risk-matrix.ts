/**
 * Data → spec for the 5×5 risk matrix (ROS). Consequence runs along x (1 left → 5 right),
 * likelihood along y (1 at the bottom → 5 at the top), so the worst cell is top right. The
 * component only lays the spec out; every number and label is decided here.
 */
import { compareRisks, groupByCell, riskScore, severityFor } from '$lib/domain/portfolio/risk';
import {
	SCALE,
	type RiskStatus,
	type ScaleValue,
	type Severity
} from '$lib/domain/portfolio/vocabulary';
import {
	consequenceLabel,
	likelihoodLabel,
	riskCount,
	riskStatusLabel,
	severityLabel as severityText
} from '$lib/labels-portfolio';
import { m } from '$lib/paraglide/messages';

export interface MatrixRisk {
	id: number;
	title: string;
	/** Resolved by the page. */
	href: string;
	likelihood: ScaleValue;
	consequence: ScaleValue;
	status?: RiskStatus;
}

export type CellPattern = 'none' | 'dots' | 'hatch';

export interface SeverityStyle {
	/** Cell background; text on it is `MATRIX_TEXT` or `MATRIX_LINK`. */
	fill: string;
	/** Stripe colour, for the pattern band (≥ 3:1 against the fill, WCAG 1.4.11). */
	accent: string;
	/** A second cue besides colour (WCAG 1.4.1): plain, dotted or hatched band. */
	pattern: CellPattern;
}

// Light fills so that body text and links keep ≥ 4.5:1 (checked in the spec test).
export const SEVERITY_STYLES: Record<Severity, SeverityStyle> = {
	low: { fill: '#dcefdc', accent: '#2f6b35', pattern: 'none' },
	medium: { fill: '#fbecb8', accent: '#7a5a00', pattern: 'dots' },
	high: { fill: '#f7cdc7', accent: '#9b1c1c', pattern: 'hatch' }
};

/** Same values as `--c-text` and `--c-primary` in app.css. */
export const MATRIX_TEXT = '#1b1f24';
export const MATRIX_LINK = '#1f4e79';

export interface MatrixCell extends SeverityStyle {
	key: string;
	/** Consequence, 1–5, left to right. */
	x: ScaleValue;
	/** Likelihood, 1–5, bottom to top. */
	y: ScaleValue;
	/** CSS grid / table position: column = x, row counted from the top = 6 − y. */
	column: number;
	row: number;
	score: number;
	severity: Severity;
	severityLabel: string;
	/** Visible text cue, e.g. «Høy 20». */
	label: string;
	/** Screen-reader description of the cell, e.g. «Sannsynlighet 4, konsekvens 5: høy (20), 2 risikoer». */
	description: string;
	risks: { id: number; title: string; href: string }[];
}

export interface AxisTick {
	value: ScaleValue;
	label: string;
}

export interface RiskTableRow {
	id: number;
	title: string;
	href: string;
	likelihood: AxisTick;
	consequence: AxisTick;
	score: number;
	severity: Severity;
	severityLabel: string;
	statusLabel: string | null;
}

export interface RiskMatrixSpec {
	/** Top row (likelihood 5) first; each row left (consequence 1) to right. */
	rows: MatrixCell[][];
	/** Consequence ticks, left to right. */
	xAxis: AxisTick[];
	/** Likelihood ticks, top to bottom, in row order. */
	yAxis: AxisTick[];
	/** The same risks as a list, highest score first: the table alternative. */
	table: RiskTableRow[];
	total: number;
	bySeverity: Record<Severity, number>;
	/** Risks left out because they are closed. */
	hiddenClosed: number;
}

/**
 * Closed risks are left out unless asked for: the matrix shows the current risk picture.
 */
export function riskMatrixSpec(
	risks: readonly MatrixRisk[],
	{ includeClosed = false }: { includeClosed?: boolean } = {}
): RiskMatrixSpec {
	const shown = includeClosed ? [...risks] : risks.filter((r) => r.status !== 'closed');
	const cells = groupByCell(shown);
	const bySeverity: Record<Severity, number> = { low: 0, medium: 0, high: 0 };

	const rows = [...SCALE].reverse().map((y) =>
		SCALE.map((x): MatrixCell => {
			const score = riskScore(y, x);
			const severity = severityFor(score);
			const inCell = cells.get(`${y}:${x}`) ?? [];
			bySeverity[severity] += inCell.length;
			const severityLabel = severityText(severity);
			return {
				key: `${y}:${x}`,
				x,
				y,
				column: x,
				row: 6 - y,
				score,
				severity,
				severityLabel,
				...SEVERITY_STYLES[severity],
				label: `${severityLabel} ${score}`,
				description: m.portfolio_matrix_cell({
					likelihood: y,
					consequence: x,
					severity: severityLabel.toLowerCase(),
					score,
					risks: riskCount(inCell.length)
				}),
				risks: inCell.map(({ id, title, href }) => ({ id, title, href }))
			};
		})
	);

	const tick = (label: (value: ScaleValue) => string, value: ScaleValue): AxisTick => ({
		value,
		label: label(value)
	});

	const table = [...shown].sort(compareRisks).map((r): RiskTableRow => {
		const score = riskScore(r.likelihood, r.consequence);
		const severity = severityFor(score);
		return {
			id: r.id,
			title: r.title,
			href: r.href,
			likelihood: tick(likelihoodLabel, r.likelihood),
			consequence: tick(consequenceLabel, r.consequence),
			score,
			severity,
			severityLabel: severityText(severity),
			statusLabel: r.status ? riskStatusLabel(r.status) : null
		};
	});

	return {
		rows,
		xAxis: SCALE.map((v) => tick(consequenceLabel, v)),
		yAxis: [...SCALE].reverse().map((v) => tick(likelihoodLabel, v)),
		table,
		total: shown.length,
		bySeverity,
		hiddenClosed: risks.length - shown.length
	};
}
