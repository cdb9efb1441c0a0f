import { describe, expect, it } from 'vitest';
import { parseForm } from './form';
import {
	occurrenceSignOffSchema,
	reopenSchema,
	scheduleSchema,
	signOffSchema,
	taskSchema,
	wheelAssignmentSchema,
	wheelSchema
} from './wheel';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

const taskEntries: [string, string][] = [
	['title', '  Ressursfordelingskartlegging '],
	['description', ''],
	['responsibleRole', 'Avdelingsleder'],
	['storedIn', 'Compilo'],
	['reference', '']
];

describe('scheduleSchema', () => {
	it('reads a monthly schedule with blank due day as the last day', () => {
		const parsed = parseForm(
			scheduleSchema,
			form([
				['scheduleKind', 'monthly'],
				['dueDay', '']
			])
		);
		expect(parsed).toMatchObject({ ok: true, data: { kind: 'monthly', dueDay: null } });
	});

	it('reads chosen months from repeated checkboxes, sorted and once each', () => {
		const parsed = parseForm(
			scheduleSchema,
			form([
				['scheduleKind', 'months'],
				['months', '9'],
				['months', '3'],
				['months', '9'],
				['dueDay', '15']
			])
		);
		expect(parsed).toMatchObject({
			ok: true,
			data: { kind: 'months', months: [3, 9], dueDay: 15 }
		});
	});

	it('accepts a single checked month', () => {
		const parsed = parseForm(
			scheduleSchema,
			form([
				['scheduleKind', 'months'],
				['months', '3']
			])
		);
		expect(parsed).toMatchObject({ ok: true, data: { months: [3], dueDay: null } });
	});

	it('reads a yearly schedule and ignores the fields of other kinds', () => {
		const parsed = parseForm(
			scheduleSchema,
			form([
				['scheduleKind', 'yearly'],
				['month', '4'],
				['months', '13'],
				['dueDay', '31']
			])
		);
		expect(parsed).toMatchObject({ ok: true, data: { kind: 'yearly', month: 4, dueDay: 31 } });
	});

	it.each([['0'], ['13'], ['april'], ['']])('rejects month %j for a yearly task', (month) => {
		const parsed = parseForm(
			scheduleSchema,
			form([
				['scheduleKind', 'yearly'],
				['month', month]
			])
		);
		expect(parsed).toMatchObject({
			ok: false,
			errors: { month: 'Velg en måned fra januar til desember' }
		});
	});

	it('asks for at least one month when none is checked', () => {
		const parsed = parseForm(scheduleSchema, form([['scheduleKind', 'months']]));
		expect(parsed).toMatchObject({ ok: false, errors: { months: 'Velg minst én måned' } });
	});

	it('rejects a month number outside 1–12 among the checked ones', () => {
		const parsed = parseForm(
			scheduleSchema,
			form([
				['scheduleKind', 'months'],
				['months', '3'],
				['months', '13']
			])
		);
		expect(parsed).toMatchObject({
			ok: false,
			errors: { months: 'Månedene må være fra januar til desember' }
		});
	});

	it.each([['0'], ['32'], ['1.5'], ['sist']])('rejects due day %j', (dueDay) => {
		const parsed = parseForm(
			scheduleSchema,
			form([
				['scheduleKind', 'monthly'],
				['dueDay', dueDay]
			])
		);
		expect(parsed).toMatchObject({
			ok: false,
			errors: { dueDay: expect.stringMatching(/^Forfallsdagen må være et helt tall/) }
		});
	});

	it('asks for the kind when it is missing or unknown', () => {
		for (const entries of [[], [['scheduleKind', 'weekly']]] as [string, string][][]) {
			expect(parseForm(scheduleSchema, form(entries))).toMatchObject({
				ok: false,
				errors: { scheduleKind: 'Velg hvor ofte oppgaven skal gjøres' }
			});
		}
	});
});

describe('taskSchema', () => {
	it('gives trimmed text, nulls for blanks and a nested schedule', () => {
		const parsed = parseForm(
			taskSchema,
			form([...taskEntries, ['scheduleKind', 'yearly'], ['month', '1'], ['dueDay', '']])
		);
		expect(parsed).toMatchObject({
			ok: true,
			data: {
				title: 'Ressursfordelingskartlegging',
				description: null,
				responsibleRole: 'Avdelingsleder',
				storedIn: 'Compilo',
				reference: null,
				schedule: { kind: 'yearly', month: 1, dueDay: null }
			}
		});
	});

	it('reports missing text fields and a missing schedule together', () => {
		const parsed = parseForm(taskSchema, form([['title', '   ']]));
		expect(parsed).toMatchObject({
			ok: false,
			errors: {
				title: 'Skriv en tittel på oppgaven',
				responsibleRole: 'Skriv hvem som har ansvar, for eksempel «Avdelingsleder»',
				storedIn: 'Skriv hvor dokumentasjonen lagres, for eksempel «Compilo»',
				scheduleKind: 'Velg hvor ofte oppgaven skal gjøres'
			}
		});
	});

	it('rejects a title over 200 characters', () => {
		const parsed = parseForm(
			taskSchema,
			form([
				...taskEntries.filter(([key]) => key !== 'title'),
				['title', 'æ'.repeat(201)],
				['scheduleKind', 'monthly']
			])
		);
		expect(parsed).toMatchObject({
			ok: false,
			errors: { title: 'Tittelen kan ha høyst 200 tegn' }
		});
	});
});

describe('wheelSchema and wheelAssignmentSchema', () => {
	it('reads a wheel with an owner unit', () => {
		const parsed = parseForm(
			wheelSchema,
			form([
				['name', 'Årshjul for ledere'],
				['ownerUnitId', '7']
			])
		);
		expect(parsed).toMatchObject({
			ok: true,
			data: { name: 'Årshjul for ledere', description: null, ownerUnitId: 7 }
		});
	});

	it('asks for a name and an owner unit', () => {
		const parsed = parseForm(wheelSchema, form([['ownerUnitId', 'x']]));
		expect(parsed).toMatchObject({
			ok: false,
			errors: {
				name: 'Skriv et navn på årshjulet',
				ownerUnitId: 'Velg enheten som eier årshjulet'
			}
		});
	});

	it('reads the include-child-units checkbox as a boolean', () => {
		expect(
			parseForm(
				wheelAssignmentSchema,
				form([
					['unitId', '3'],
					['includeChildUnits', 'on']
				])
			)
		).toMatchObject({ ok: true, data: { unitId: 3, includeChildUnits: true } });
		expect(parseForm(wheelAssignmentSchema, form([['unitId', '3']]))).toMatchObject({
			ok: true,
			data: { includeChildUnits: false }
		});
	});
});

describe('signOffSchema', () => {
	it('needs where the record is stored; comment and link are optional', () => {
		expect(parseForm(signOffSchema, form([['storedIn', 'Teams']]))).toMatchObject({
			ok: true,
			data: { storedIn: 'Teams', comment: null, link: null }
		});
		expect(parseForm(signOffSchema, form([['comment', 'Ok']]))).toMatchObject({
			ok: false,
			errors: { storedIn: 'Skriv hvor dokumentasjonen er lagret' }
		});
	});

	it('accepts https links and refuses other schemes', () => {
		const withLink = (link: string) =>
			parseForm(
				signOffSchema,
				form([
					['storedIn', 'Compilo'],
					['link', link]
				])
			);
		expect(withLink('https://compilo.example/dok/42')).toMatchObject({
			ok: true,
			data: { link: 'https://compilo.example/dok/42' }
		});
		for (const bad of ['javascript:alert(1)', 'compilo', 'ftp://x.example/a']) {
			expect(withLink(bad)).toMatchObject({
				ok: false,
				errors: { link: 'Lenken må være en nettadresse som begynner med https:// eller http://' }
			});
		}
	});

	it('needs task, unit and period when signing in a list', () => {
		expect(
			parseForm(
				occurrenceSignOffSchema,
				form([
					['storedIn', 'VFR'],
					['taskId', '12'],
					['unitId', '3'],
					['period', '2026-01']
				])
			)
		).toMatchObject({ ok: true, data: { taskId: 12, unitId: 3, period: '2026-01' } });
		expect(
			parseForm(
				occurrenceSignOffSchema,
				form([
					['storedIn', 'VFR'],
					['period', '2026-13']
				])
			)
		).toMatchObject({
			ok: false,
			errors: {
				taskId: 'Mangler hvilken oppgave som signeres',
				unitId: 'Mangler hvilken enhet som signerer',
				period: 'Mangler hvilken måned som signeres'
			}
		});
	});
});

describe('reopenSchema', () => {
	it('requires a reason', () => {
		expect(parseForm(reopenSchema, form([['reason', ' ']]))).toMatchObject({
			ok: false,
			errors: { reason: 'Skriv hvorfor signaturen gjenåpnes' }
		});
		expect(parseForm(reopenSchema, form([['reason', 'Feil enhet']]))).toMatchObject({
			ok: true,
			data: { reason: 'Feil enhet' }
		});
	});
});
