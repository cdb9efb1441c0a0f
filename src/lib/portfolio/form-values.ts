/**
 * Rows as the flat form values the portfolio forms post, so a form can be filled from the
 * database (first load, or the newer values after a lost-update conflict).
 */
import type { FormValues } from '$lib/schemas/form';
import { type LensScores } from '$lib/domain/portfolio/rules';
import { LENSES } from '$lib/domain/portfolio/vocabulary';
import { justificationField, scoreField } from '$lib/schemas/portfolio';

const str = (v: string | number | null | undefined) =>
	v === null || v === undefined ? '' : String(v);

export function trackValues(t: {
	code: string;
	title: string;
	problemStatement: string;
	barriers: string | null;
	expectedEffectUser: string | null;
	expectedEffectService: string | null;
	expectedEffectSystem: string | null;
	ownerId: number | null;
	status: string;
	version: number;
}): FormValues {
	return {
		code: t.code,
		title: t.title,
		problemStatement: t.problemStatement,
		barriers: str(t.barriers),
		expectedEffectUser: str(t.expectedEffectUser),
		expectedEffectService: str(t.expectedEffectService),
		expectedEffectSystem: str(t.expectedEffectSystem),
		ownerId: str(t.ownerId),
		status: t.status,
		version: String(t.version)
	};
}

export function projectValues(p: {
	title: string;
	description: string | null;
	ownerId: number | null;
	startDate: string | null;
	endDate: string | null;
	trackIds: readonly number[];
	levels: readonly string[];
	version: number;
}): FormValues {
	return {
		title: p.title,
		description: str(p.description),
		ownerId: str(p.ownerId),
		startDate: str(p.startDate),
		endDate: str(p.endDate),
		trackIds: p.trackIds.map(String),
		levels: [...p.levels],
		version: String(p.version)
	};
}

export function measureValues(m: {
	projectId: number;
	title: string;
	description: string | null;
	ownerId: number | null;
	startDate: string | null;
	endDate: string | null;
	unitIds: readonly number[];
	version: number;
}): FormValues {
	return {
		projectId: String(m.projectId),
		title: m.title,
		description: str(m.description),
		ownerId: str(m.ownerId),
		startDate: str(m.startDate),
		endDate: str(m.endDate),
		unitIds: m.unitIds.map(String),
		version: String(m.version)
	};
}

export function riskValues(r: {
	id: number;
	title: string;
	description: string | null;
	likelihood: number;
	consequence: number;
	area: string;
	mitigation: string | null;
	ownerId: number | null;
	status: string;
	version: number;
}): FormValues {
	return {
		riskId: String(r.id),
		title: r.title,
		description: str(r.description),
		likelihood: String(r.likelihood),
		consequence: String(r.consequence),
		area: r.area,
		mitigation: str(r.mitigation),
		ownerId: str(r.ownerId),
		status: r.status,
		version: String(r.version)
	};
}

export function missionValues(m: {
	grandChallenge: string;
	statement: string;
	baselineYear: number;
	targetYear: number;
	version: number;
}) {
	return {
		grandChallenge: m.grandChallenge,
		statement: m.statement,
		baselineYear: String(m.baselineYear),
		targetYear: String(m.targetYear),
		version: String(m.version)
	};
}

export function goalValues(g: {
	id: number;
	level: string;
	title: string;
	indicator: string;
	version: number;
}): FormValues {
	return {
		goalId: String(g.id),
		level: g.level,
		title: g.title,
		indicator: g.indicator,
		version: String(g.version)
	};
}

/** The lens scores as the scoring form posts them; the set's version is the project's `scoresVersion`. */
export function scoreValues(scores: LensScores, version: number): FormValues {
	const values: FormValues = { version: String(version) };
	for (const lens of LENSES) {
		const entry = scores[lens];
		values[scoreField(lens)] = entry ? String(entry.score) : '';
		values[justificationField(lens)] = entry?.justification ?? '';
	}
	return values;
}

/** A single value of a form field (the first, if repeated). */
export function one(values: FormValues | undefined, key: string): string {
	const v = values?.[key];
	return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** All values of a repeated field (checkboxes). */
export function many(values: FormValues | undefined, key: string): string[] {
	const v = values?.[key];
	return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
