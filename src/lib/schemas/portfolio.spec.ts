import { describe, expect, it } from 'vitest';
import { parseForm } from './form';
import {
	effectGoalSchema,
	measureSchema,
	missionSchema,
	newProjectSchema,
	projectSchema,
	riskSchema,
	scoringSchema,
	statusChangeSchema,
	statusChangeSchemaFrom,
	statusReportSchema,
	trackSchema
} from './portfolio';

/** What an empty required field says, in bokmål (the tests run in the base language). */
const REQUIRED = 'Må fylles ut';

function form(entries: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(entries)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
	}
	return data;
}

function without(entries: Record<string, string | string[]>, key: string) {
	return Object.fromEntries(Object.entries(entries).filter(([k]) => k !== key));
}

const project = {
	title: 'Metode for brukermedvirkning',
	description: '',
	ownerId: '3',
	startDate: '2026-01-01',
	endDate: '2026-12-31',
	trackIds: ['1', '2'],
	version: '4'
};

describe('mission', () => {
	const mission = {
		grandChallenge: 'Offentlige tjenester oppleves sammenhengende',
		statement: 'Innen 2027 …',
		baselineYear: '2021',
		targetYear: '2027'
	};

	it('parses years to numbers', () => {
		const parsed = parseForm(missionSchema, form(mission));
		expect(parsed.ok && parsed.data).toMatchObject({ baselineYear: 2021, targetYear: 2027 });
	});

	it('says «Må fylles ut» for a blank year, not a coercion message', () => {
		const parsed = parseForm(missionSchema, form({ ...mission, baselineYear: ' ' }));
		expect(!parsed.ok && parsed.errors.baselineYear).toBe(REQUIRED);
	});

	it('refuses a target year before the baseline year', () => {
		const parsed = parseForm(missionSchema, form({ ...mission, targetYear: '2020' }));
		expect(!parsed.ok && parsed.errors).toEqual({
			targetYear: 'Målåret kan ikke være før nullpunktsåret'
		});
	});

	it('refuses a non-numeric year', () => {
		const parsed = parseForm(missionSchema, form({ ...mission, targetYear: 'snart' }));
		expect(!parsed.ok && parsed.errors.targetYear).toBe('Må være et tall');
	});
});

describe('effect goal', () => {
	it('needs a known level', () => {
		const parsed = parseForm(
			effectGoalSchema,
			form({ level: 'kommune', title: 'x', indicator: 'y' })
		);
		expect(!parsed.ok && parsed.errors).toEqual({ level: 'Velg et nivå' });
	});
});

describe('track', () => {
	const track = {
		code: '1a',
		title: 'Brukermedvirkning',
		problemStatement: 'Manglende brukermedvirkning',
		barriers: '',
		expectedEffectUser: 'Familier blir hørt',
		ownerId: '2',
		status: 'adopted'
	};

	it('upper-cases the code and turns blank text into null', () => {
		const parsed = parseForm(trackSchema, form(track));
		expect(parsed.ok && parsed.data).toMatchObject({
			code: '1A',
			barriers: null,
			expectedEffectUser: 'Familier blir hørt',
			expectedEffectSystem: null,
			ownerId: 2
		});
	});

	it.each(['A1', '123', '1AB', '1-A', ''])('refuses the code %j', (code) => {
		const parsed = parseForm(trackSchema, form({ ...track, code }));
		expect(!parsed.ok && parsed.errors.code).toBeTruthy();
	});

	it('says «Må fylles ut» for a blank code and a missing owner', () => {
		const parsed = parseForm(trackSchema, form({ ...without(track, 'ownerId'), code: '' }));
		expect(!parsed.ok && parsed.errors).toEqual({ code: REQUIRED, ownerId: 'Velg en eier' });
	});
});

describe('project', () => {
	it('parses ids, dates and the version', () => {
		const parsed = parseForm(projectSchema, form(project));
		expect(parsed.ok && parsed.data).toEqual({
			title: 'Metode for brukermedvirkning',
			description: null,
			ownerId: 3,
			startDate: '2026-01-01',
			endDate: '2026-12-31',
			trackIds: [1, 2],
			levels: [],
			version: 4
		});
	});

	it('refuses an end date before the start date', () => {
		const parsed = parseForm(projectSchema, form({ ...project, endDate: '2025-12-31' }));
		expect(!parsed.ok && parsed.errors).toEqual({
			endDate: 'Sluttdato kan ikke være før startdato'
		});
	});

	it('allows open dates and refuses impossible ones', () => {
		const open = parseForm(projectSchema, form({ ...project, startDate: '', endDate: '' }));
		expect(open.ok && [open.data.startDate, open.data.endDate]).toEqual([null, null]);
		const bad = parseForm(projectSchema, form({ ...project, startDate: '2026-02-30' }));
		expect(!bad.ok && bad.errors.startDate).toBe('Bruk formatet ÅÅÅÅ-MM-DD');
	});

	it('needs at least one track, and valid ids', () => {
		const none = parseForm(projectSchema, form(without(project, 'trackIds')));
		expect(!none.ok && none.errors.trackIds).toBe('Velg minst ett missionspor');
		const bad = parseForm(projectSchema, form({ ...project, trackIds: ['1', 'x'] }));
		expect(!bad.ok && bad.errors.trackIds).toBe('Ugyldig valg');
	});

	it('takes one track as a single value and removes duplicates', () => {
		const one = parseForm(newProjectSchema, form({ ...project, trackIds: ['5', '5'] }));
		expect(one.ok && one.data.trackIds).toEqual([5]);
	});

	it('needs the version when editing, but not when creating', () => {
		const rest = without(project, 'version');
		const edit = parseForm(projectSchema, form(rest));
		expect(!edit.ok && edit.errors.version).toBe('Mangler versjon');
		expect(parseForm(newProjectSchema, form(rest)).ok).toBe(true);
	});

	it('accepts levels from checkboxes and refuses unknown ones', () => {
		const ok = parseForm(newProjectSchema, form({ ...project, levels: ['user', 'system'] }));
		expect(ok.ok && ok.data.levels).toEqual(['user', 'system']);
		const bad = parseForm(newProjectSchema, form({ ...project, levels: 'kommune' }));
		expect(!bad.ok && Object.keys(bad.errors)).toEqual(['levels.0']);
	});
});

describe('measure', () => {
	it('takes several units, or none', () => {
		const base = { projectId: '9', title: 'Brukerpanel', ownerId: '2', version: '0' };
		const many = parseForm(measureSchema, form({ ...base, unitIds: ['20', '21'] }));
		expect(many.ok && many.data.unitIds).toEqual([20, 21]);
		const none = parseForm(measureSchema, form(base));
		expect(none.ok && none.data.unitIds).toEqual([]);
	});

	it('refuses a missing project and dates out of order', () => {
		const parsed = parseForm(
			measureSchema,
			form({
				title: 'x',
				ownerId: '2',
				version: '0',
				startDate: '2026-05-02',
				endDate: '2026-05-01'
			})
		);
		expect(!parsed.ok && parsed.errors).toEqual({
			projectId: 'Velg et prosjekt',
			endDate: 'Sluttdato kan ikke være før startdato'
		});
	});
});

describe('status change', () => {
	it('needs a reason to reject, not to recommend', () => {
		const reject = parseForm(statusChangeSchema, form({ to: 'rejected', reason: ' ' }));
		expect(!reject.ok && reject.errors.reason).toMatch(/begrunnelse/);
		expect(parseForm(statusChangeSchema, form({ to: 'recommended' })).ok).toBe(true);
		expect(parseForm(statusChangeSchema, form({ to: 'rejected', reason: 'For dyrt' })).ok).toBe(
			true
		);
	});

	it('checks the transition from the current status', () => {
		const skip = parseForm(statusChangeSchemaFrom('proposed'), form({ to: 'adopted' }));
		expect(!skip.ok && skip.errors.to).toBe('Kan ikke gå fra «Forslag» til «Vedtatt»');
		expect(parseForm(statusChangeSchemaFrom('recommended'), form({ to: 'adopted' })).ok).toBe(true);
		const unknown = parseForm(statusChangeSchemaFrom('proposed'), form({ to: 'ferdig' }));
		expect(!unknown.ok && unknown.errors.to).toBe('Velg en status');
	});
});

describe('status report', () => {
	it('needs a period YYYY-MM, a RAG value and a narrative', () => {
		const ok = parseForm(
			statusReportSchema,
			form({ period: '2026-03', rag: 'amber', narrative: 'Forsinket' })
		);
		expect(ok.ok).toBe(true);
		const bad = parseForm(
			statusReportSchema,
			form({ period: '2026-13', rag: 'blue', narrative: '' })
		);
		expect(!bad.ok && bad.errors).toEqual({
			period: 'Bruk formatet ÅÅÅÅ-MM',
			rag: 'Velg grønn, gul eller rød',
			narrative: REQUIRED
		});
	});
});

describe('scoring', () => {
	it('keeps only scored lenses, each with its justification', () => {
		const parsed = parseForm(
			scoringSchema,
			form({
				score_user: '5',
				justification_user: 'Stor effekt for familiene',
				score_benefit: '',
				justification_benefit: ''
			})
		);
		expect(parsed.ok && parsed.data).toEqual({
			user: { score: 5, justification: 'Stor effekt for familiene' }
		});
	});

	it('refuses a scored lens without a justification of at least 3 characters', () => {
		const parsed = parseForm(
			scoringSchema,
			form({ score_system: '3', justification_system: 'ok' })
		);
		expect(!parsed.ok && parsed.errors).toEqual({
			justification_system: 'Begrunn vurderingen (minst 3 tegn)'
		});
	});

	it('refuses a score outside 1–5 and a justification with no score', () => {
		const parsed = parseForm(
			scoringSchema,
			form({
				score_portfolio: '6',
				justification_portfolio: 'Balanse',
				justification_service: 'Hmm'
			})
		);
		expect(!parsed.ok && parsed.errors).toEqual({
			score_portfolio: 'Velg en verdi fra 1 til 5',
			score_service: 'Velg en verdi for begrunnelsen, eller fjern den'
		});
	});
});

describe('risk', () => {
	const risk = {
		title: 'Tid og prioritering',
		description: 'Ikke avsatt tid til opplæring og implementering',
		likelihood: '4',
		consequence: '3',
		area: 'service_quality',
		mitigation: 'Tilstrekkelig tid til opplæring',
		ownerId: '2',
		status: 'open'
	};

	it('parses a risk from seed 004', () => {
		const parsed = parseForm(riskSchema, form(risk));
		expect(parsed.ok && parsed.data).toMatchObject({ likelihood: 4, consequence: 3, ownerId: 2 });
	});

	it('gives a Norwegian message per field', () => {
		const parsed = parseForm(
			riskSchema,
			form({ ...risk, title: '', likelihood: '', consequence: '9', area: 'vær', status: '' })
		);
		expect(!parsed.ok && parsed.errors).toEqual({
			title: REQUIRED,
			likelihood: 'Velg sannsynlighet',
			consequence: 'Velg en verdi fra 1 til 5',
			area: 'Velg et konsekvensområde',
			status: 'Velg en status'
		});
	});
});
