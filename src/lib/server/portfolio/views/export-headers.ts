/**
 * The portfolio spreadsheets' sheet names and column headers (export.ts) in the request's
 * language. The import reads them back in every language (imports/file-words.ts), so a file
 * downloaded in English imports as one downloaded in bokmål.
 */
import { m } from '$lib/paraglide/messages';

export const PORTFOLIO_SHEET_TEXT = {
	tracks: m.export_sheet_tracks,
	projects: m.export_sheet_projects,
	measures: m.export_sheet_measures,
	risks: m.export_sheet_risks
} as const;

export const PORTFOLIO_COLUMN_TEXT = {
	trackId: m.export_col_track_id,
	code: m.export_col_code,
	track: m.export_col_track,
	tracks: m.export_col_tracks,
	status: m.export_col_status,
	prioritised: m.export_col_prioritised,
	owner: m.export_col_owner,
	rank: m.export_col_rank,
	projectId: m.export_col_project_id,
	project: m.export_col_project,
	scoreSum: m.export_col_score_sum,
	mean: m.export_col_mean,
	measureId: m.export_col_measure_id,
	measure: m.export_col_measure,
	units: m.export_col_units,
	start: m.export_col_start,
	end: m.export_col_end,
	description: m.export_col_description,
	problemStatement: m.export_col_problem_statement,
	barriers: m.export_col_barriers,
	riskId: m.export_col_risk_id,
	risk: m.export_col_risk,
	subject: m.export_col_subject,
	likelihood: m.export_col_likelihood,
	consequence: m.export_col_consequence,
	riskScore: m.export_col_risk_score,
	severity: m.export_col_severity
} as const;
