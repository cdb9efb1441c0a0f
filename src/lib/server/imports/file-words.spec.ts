import { describe, expect, it } from 'vitest';
import { locales } from '$lib/i18n';
import {
	CONSEQUENCE_AREA_LABEL,
	LENS_INFO,
	LENSES,
	LIFECYCLE_LABEL,
	LIFECYCLE_STATUSES,
	RISK_STATUS_LABEL,
	SEVERITY_LABEL,
	type ConsequenceArea,
	type RiskStatus,
	type Severity
} from '$lib/domain/portfolio/vocabulary';
import { areaLabel, lensLabel, riskStatusLabel, severityLabel } from '$lib/labels-portfolio';
import {
	ASSESSMENT_LABEL,
	ASSESSMENTS,
	BENEFICIARIES,
	BENEFICIARY_LABEL,
	BENEFIT_LEVEL_LABEL,
	BENEFIT_LEVELS,
	BENEFIT_UNITS,
	TAKEOUT_LABEL,
	TAKEOUT_METHODS,
	UNIT_LABEL
} from '$lib/domain/benefits/vocabulary';
import { lifecycleLabel } from '$lib/labels';
import {
	assessmentLabel,
	beneficiaryLabel,
	benefitLevelLabel,
	takeoutLabel,
	unitLabel
} from '$lib/labels-benefits';
import { withLocale } from '../i18n';
import { REGISTER_HEADER_TEXT } from '../benefits/views/register-headers';
import {
	HEADER_WORDS,
	isEmptyNote,
	isSumWord,
	SHEET_WORDS,
	sheetsInBokmaal,
	VALUE_WORDS,
	valueInBokmaal,
	valueKey,
	wordTable
} from './file-words';

describe('the downloads’ words read back in every language', () => {
	it.each([
		['sheet names', SHEET_WORDS, undefined],
		['headers', HEADER_WORDS, undefined],
		['cell words', VALUE_WORDS, valueKey]
	] as const)('no two %s share a text in any language', (_, words, key) => {
		expect(wordTable(words, key).clashes).toEqual([]);
	});

	it('writes bokmål exactly as before: each header is its own bokmål name', () => {
		const changed = Object.entries(REGISTER_HEADER_TEXT).filter(
			([name, text]) => withLocale('nb', text) !== name
		);
		expect(changed).toEqual([]);
	});

	it('writes the vocabularies’ bokmål labels as the domain has them (the files before)', () => {
		const nb = <T>(f: () => T) => withLocale('nb', f);
		for (const s of LIFECYCLE_STATUSES)
			expect(nb(() => lifecycleLabel(s))).toBe(LIFECYCLE_LABEL[s]);
		for (const l of BENEFIT_LEVELS)
			expect(nb(() => benefitLevelLabel(l))).toBe(BENEFIT_LEVEL_LABEL[l]);
		for (const u of BENEFIT_UNITS) expect(nb(() => unitLabel(u))).toBe(UNIT_LABEL[u]);
		for (const t of TAKEOUT_METHODS) expect(nb(() => takeoutLabel(t))).toBe(TAKEOUT_LABEL[t]);
		for (const b of BENEFICIARIES) expect(nb(() => beneficiaryLabel(b))).toBe(BENEFICIARY_LABEL[b]);
		for (const a of ASSESSMENTS) expect(nb(() => assessmentLabel(a))).toBe(ASSESSMENT_LABEL[a]);
		for (const l of LENSES) expect(nb(() => lensLabel(l))).toBe(LENS_INFO[l].label);
		for (const [k, v] of Object.entries(SEVERITY_LABEL))
			expect(nb(() => severityLabel(k as Severity))).toBe(v);
		for (const [k, v] of Object.entries(RISK_STATUS_LABEL))
			expect(nb(() => riskStatusLabel(k as RiskStatus))).toBe(v);
		for (const [k, v] of Object.entries(CONSEQUENCE_AREA_LABEL))
			expect(nb(() => areaLabel(k as ConsequenceArea))).toBe(v);
	});

	it('reads an English or nynorsk sheet as the bokmål one, leaving other text alone', () => {
		const sheets = sheetsInBokmaal([
			{
				name: 'Projects',
				headers: ['Project ID', 'Project', 'Owner', 'Tracks', 'Notes'],
				rows: []
			},
			{ name: 'Gevinstar', headers: ['Gevinstansvarleg', 'Eining', 'Mottakar'], rows: [] }
		]);
		expect(sheets.map((s) => [s.name, s.headers])).toEqual([
			['Prosjekter', ['Prosjekt-ID', 'Prosjekt', 'Eier', 'Spor', 'Notes']],
			['Gevinster', ['Gevinstansvarlig', 'Enhet', 'Mottaker']]
		]);
	});

	it('reads a status or level in any language, and keeps what is no word of ours', () => {
		expect(valueInBokmaal('In progress')).toBe('Pågår');
		expect(valueInBokmaal(withLocale('nn', () => lifecycleLabel('adopted')))).toBe('Vedtatt');
		expect(valueInBokmaal('quantitative')).toBe('Kvantitativ');
		expect(valueInBokmaal('Vedtatt')).toBe('Vedtatt');
		expect(valueInBokmaal('Adopted?')).toBe('Adopted?');
		expect(valueInBokmaal('Mitt eget ord')).toBe('Mitt eget ord');
	});

	it('knows the sum row and the empty sheet’s line in each language', () => {
		for (const locale of locales) {
			expect(isSumWord(withLocale(locale, () => (locale === 'en' ? 'Total' : 'Sum')))).toBe(true);
		}
		expect(isSumWord('Summen')).toBe(false);
		expect(isEmptyNote('No benefits in the selection.')).toBe(true);
		expect(isEmptyNote('Ingen gevinstar i utvalet.')).toBe(true);
		expect(isEmptyNote('Ingen planer')).toBe(false);
	});
});
