import { describe, expect, it } from 'vitest';
import { parseForm } from './form';
import { planRequestSchema } from './benefit-plan';
import {
	baselineSchema,
	benefitSchema,
	causeSchema,
	changeSchema,
	estimateLineSchema,
	gainSettingsSchema,
	linkSchema,
	planSchema,
	plannedPeriodSchema,
	realisationSchemaFor,
	targetSchemaAfter
} from './benefits';

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
	}
	return data;
}

const validBenefit = {
	title: 'Mindre tidsbruk ved koordinering',
	level: 'bruker',
	kind: 'kvantitativ',
	unit: 'kr',
	beneficiary: 'familie',
	indicator: 'Timer brukt på koordinering per familie og år',
	takeout: 'frigjort_tid'
};

describe('benefitSchema', () => {
	it('accepts a quantitative benefit with quality dimensions', () => {
		const result = parseForm(
			benefitSchema,
			form({ ...validBenefit, qualityDimensions: ['samordnet', 'virkningsfulle'], ownerId: '7' })
		);
		expect(result).toMatchObject({
			ok: true,
			data: {
				title: 'Mindre tidsbruk ved koordinering',
				unit: 'kr',
				qualityDimensions: ['samordnet', 'virkningsfulle'],
				ownerId: 7,
				description: ''
			}
		});
	});

	it('accepts a qualitative benefit without unit, owner or dimensions', () => {
		const result = parseForm(
			benefitSchema,
			form({ ...validBenefit, kind: 'kvalitativ', unit: '', indicator: '' })
		);
		expect(result).toMatchObject({
			ok: true,
			data: { unit: undefined, ownerId: null, qualityDimensions: [] }
		});
	});

	it('answers each bad field in Norwegian', () => {
		const result = parseForm(
			benefitSchema,
			form({ title: ' ', level: 'planet', kind: 'x', beneficiary: '', takeout: '' })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			title: 'Gi gevinsten et navn',
			level: 'Velg nivå: bruker, tjeneste eller system',
			kind: 'Velg om gevinsten er kvantitativ eller kvalitativ',
			beneficiary: 'Velg hvem som får gevinsten',
			takeout: 'Velg hvordan gevinsten tas ut'
		});
	});

	it('needs unit and indicator for a quantitative benefit, free text for «annet»', () => {
		const result = parseForm(
			benefitSchema,
			form({ ...validBenefit, unit: '', indicator: '', beneficiary: 'annet' })
		);
		expect(result).toMatchObject({
			ok: false,
			errors: {
				unit: 'En kvantitativ gevinst trenger en enhet',
				indicator: 'Beskriv indikatoren gevinsten måles med',
				beneficiaryOther: 'Skriv hvem som får gevinsten'
			}
		});
	});

	it('refuses unknown quality dimensions and malformed owner ids', () => {
		const result = parseForm(
			benefitSchema,
			form({ ...validBenefit, qualityDimensions: ['samordnet', 'billig'], ownerId: 'abc' })
		);
		expect(result).toMatchObject({
			ok: false,
			errors: {
				'qualityDimensions.1': 'Ukjent kvalitetsdimensjon',
				ownerId: 'Velg en gevinsteier fra listen'
			}
		});
	});
});

describe('changeSchema and linkSchema', () => {
	it('needs a title for a change', () => {
		expect(parseForm(changeSchema, form({ title: '' }))).toMatchObject({
			ok: false,
			errors: { title: 'Skriv hva som endres' }
		});
	});

	it('accepts an allowed link and converts ids', () => {
		expect(
			parseForm(
				linkSchema,
				form({ fromKind: 'change', fromId: '3', toKind: 'benefit', toId: '12' })
			)
		).toMatchObject({ ok: true, data: { fromId: 3, toId: 12 } });
	});

	it('refuses a link kind the map does not allow, and a self-link', () => {
		expect(
			parseForm(linkSchema, form({ fromKind: 'measure', fromId: '1', toKind: 'goal', toId: '2' }))
		).toMatchObject({
			ok: false,
			errors: { toId: expect.stringMatching(/^Tiltak kan ikke kobles til effektmål/) }
		});
		expect(
			parseForm(linkSchema, form({ fromKind: 'change', fromId: '4', toKind: 'change', toId: '4' }))
		).toMatchObject({ ok: false, errors: { toId: 'Et element kan ikke kobles til seg selv' } });
		expect(
			parseForm(linkSchema, form({ fromKind: 'x', fromId: '0', toKind: 'goal', toId: '' }))
		).toMatchObject({
			ok: false,
			errors: {
				fromKind: 'Ukjent elementtype',
				fromId: 'Velg hva koblingen går fra',
				toId: 'Velg hva koblingen går til'
			}
		});
	});
});

describe('estimateLineSchema', () => {
	it('reads amounts typed with spaces and shares with a comma', () => {
		expect(
			parseForm(
				estimateLineSchema,
				form({
					description: 'Ekstra tidsbruk ved koordinering',
					amountPerCase: '1 500 000',
					cases: '1',
					sharePercent: '12,5'
				})
			)
		).toMatchObject({ ok: true, data: { amountPerCase: 1_500_000, cases: 1, sharePercent: 12.5 } });
	});

	it('refuses øre, negative cases and shares above 100 %', () => {
		const result = parseForm(
			estimateLineSchema,
			form({ description: '', amountPerCase: '73 530,50', cases: '-1', sharePercent: '101' })
		);
		expect(result).toMatchObject({
			ok: false,
			errors: {
				description: 'Beskriv hva linjen gjelder',
				amountPerCase: 'Skriv beløp per tilfelle som et helt tall',
				cases: 'Antall må være mellom 0 og 1 000 000 000',
				sharePercent: 'Andelen må være mellom 0 og 100 %'
			}
		});
		expect(
			parseForm(
				estimateLineSchema,
				form({ description: 'x', amountPerCase: '1', cases: '1', sharePercent: '12,345' })
			)
		).toMatchObject({
			ok: false,
			errors: { sharePercent: 'Skriv andelen i prosent, høyst to desimaler' }
		});
	});
});

describe('baseline, target and plan', () => {
	it('accepts a baseline and refuses impossible dates', () => {
		expect(
			parseForm(baselineSchema, form({ value: '0', date: '2026-01-15', method: 'Registerdata' }))
		).toMatchObject({ ok: true, data: { value: 0, date: '2026-01-15' } });
		expect(
			parseForm(baselineSchema, form({ value: '1', date: '2026-02-30', method: '' }))
		).toMatchObject({
			ok: false,
			errors: {
				date: 'Skriv en gyldig dato for nullpunktet',
				method: 'Beskriv hvordan nullpunktet er målt'
			}
		});
	});

	it('refuses a target before the baseline', () => {
		const schema = targetSchemaAfter('2026-01-15');
		expect(parseForm(schema, form({ value: '1655000', date: '2027-12-31' }))).toMatchObject({
			ok: true,
			data: { value: 1_655_000 }
		});
		expect(parseForm(schema, form({ value: '1', date: '2025-12-31' }))).toMatchObject({
			ok: false,
			errors: { date: 'Måldatoen kan ikke være før nullpunktet' }
		});
	});

	it('checks months given per period', () => {
		expect(parseForm(plannedPeriodSchema, form({ period: '2026-13', value: '5' }))).toMatchObject({
			ok: false,
			errors: { period: 'Skriv måneden som ÅÅÅÅ-MM, for eksempel 2026-10' }
		});
	});

	it('checks the mission settings for hourly rate and margin', () => {
		expect(
			parseForm(gainSettingsSchema, form({ hourlyRate: '650', behindMarginPercent: '20' }))
		).toMatchObject({
			ok: true,
			data: { hourlyRate: 650, behindMarginPercent: 20 }
		});
		expect(
			parseForm(gainSettingsSchema, form({ hourlyRate: '0', behindMarginPercent: '120' }))
		).toMatchObject({
			ok: false,
			errors: {
				hourlyRate: 'Timesatsen må være mellom 1 og 100 000 kr',
				behindMarginPercent: 'Marginen må være mellom 0 og 100 %'
			}
		});
	});
});

describe('realisations and causes', () => {
	it('logs a quantitative realisation and a correction', () => {
		const schema = realisationSchemaFor('kvantitativ', '2026-01-15');
		expect(
			parseForm(
				schema,
				form({
					period: '2026-01',
					value: '12 000',
					evidence: 'https://example.no/rapport',
					supersedesId: '4'
				})
			)
		).toMatchObject({ ok: true, data: { value: 12_000, supersedesId: 4, comment: '' } });
	});

	it('refuses a period before the baseline and a broken link', () => {
		const schema = realisationSchemaFor('kvantitativ', '2026-02-01');
		expect(parseForm(schema, form({ period: '2026-01', value: '1' }))).toMatchObject({
			ok: false,
			errors: { period: 'Perioden kan ikke være før nullpunktet' }
		});
		expect(
			parseForm(schema, form({ period: '2026-03', value: '1', evidence: 'https://' }))
		).toMatchObject({
			ok: false,
			errors: { evidence: 'Lenken er ikke gyldig' }
		});
	});

	it('logs a qualitative assessment with a narrative', () => {
		const schema = realisationSchemaFor('kvalitativ', null);
		expect(
			parseForm(
				schema,
				form({ period: '2026-05', assessment: 'gul', narrative: 'Noe bedre koordinering' })
			)
		).toMatchObject({ ok: true, data: { assessment: 'gul' } });
		expect(
			parseForm(schema, form({ period: '2026-05', assessment: '6', narrative: '' }))
		).toMatchObject({
			ok: false,
			errors: {
				assessment: 'Velg en vurdering: 1–5 eller rød/gul/grønn',
				narrative: 'Beskriv vurderingen med noen ord'
			}
		});
	});

	it('needs both a cause and a corrective measure', () => {
		expect(
			parseForm(
				causeSchema,
				form({ period: '2026-04', cause: 'Forsinket IT-løsning', correctiveMeasure: '' })
			)
		).toMatchObject({
			ok: false,
			errors: { correctiveMeasure: 'Beskriv korrigerende tiltak' }
		});
	});
});

describe('planSchema', () => {
	const plan = {
		baselineValue: '0',
		baselineDate: '2026-01-01',
		baselineMethod: 'Brukerhistorie',
		targetValue: '1 655 000',
		targetDate: '2027-12-31'
	};

	it('turns the flat form into baseline and target', () => {
		expect(parseForm(planSchema, form(plan))).toMatchObject({
			ok: true,
			data: {
				baseline: { value: 0, date: '2026-01-01', method: 'Brukerhistorie' },
				target: { value: 1_655_000, date: '2027-12-31' }
			}
		});
	});

	it('refuses a target before the baseline, an invalid day and a decimal value', () => {
		expect(parseForm(planSchema, form({ ...plan, targetDate: '2025-12-31' }))).toMatchObject({
			ok: false,
			errors: { targetDate: 'Måldatoen kan ikke være før nullpunktet' }
		});
		expect(
			parseForm(planSchema, form({ ...plan, baselineDate: '2026-02-30', targetValue: '12,5' }))
		).toMatchObject({
			ok: false,
			errors: {
				baselineDate: 'Skriv en gyldig dato for nullpunktet',
				targetValue: 'Skriv verdien som et helt tall'
			}
		});
	});

	it('a bad nullpunkt date is the only error: a good target date is not also refused', () => {
		const request = { ...plan, baselineSource: 'Fagsystemet', reason: 'Ny rutine' };
		for (const baselineDate of ['30.02.2026', '9999-99-99', 'i fjor']) {
			for (const [schema, body] of [
				[planSchema, plan],
				[planRequestSchema, request]
			] as const) {
				const r = parseForm(schema, form({ ...body, baselineDate }));
				expect(r.ok ? {} : r.errors).toEqual({
					baselineDate: 'Skriv en gyldig dato for nullpunktet'
				});
			}
		}
	});
});
