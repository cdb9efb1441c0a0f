import { describe, expect, it } from 'vitest';
import { formatKroner } from '$lib/format';
import { auditSubject, describeChange, formatAuditValue, referencedIds } from './describe';

const names = {
	person: (id: number) => ({ 1: 'Ada Admin', 2: 'Per Programleder' })[id],
	unit: (id: number) => ({ 5: 'Sykehjemmet' })[id]
};

describe('a change-log row in words', () => {
	it('formats values as the pages do', () => {
		expect(formatAuditValue('project', 'status', 'in_progress', names)).toBe('Pågår');
		expect(formatAuditValue('deviation', 'status', 'open', names)).toBe('Åpent');
		expect(formatAuditValue('role_assignment', 'role', 'municipal_director', names)).toBe(
			'Kommunedirektør'
		);
		expect(formatAuditValue('deviation', 'severity', 'critical', names)).toBe('Kritisk');
		expect(formatAuditValue('risk', 'severity', 'high', names)).toBe('Høy');
		expect(formatAuditValue('project', 'ownerId', 2, names)).toBe('Per Programleder');
		expect(formatAuditValue('project', 'ownerId', 99, names)).toBe('bruker #99');
		expect(formatAuditValue('deviation', 'unitId', 5, names)).toBe('Sykehjemmet');
		expect(formatAuditValue('control_assessment', 'unitId', 0, names)).toBe('hele kommunen');
		expect(formatAuditValue('mission', 'hourlyRateKroner', 1200, names)).toBe(formatKroner(1200));
		expect(formatAuditValue('project', 'prioritised', true, names)).toBe('ja');
		expect(formatAuditValue('wheel_signature', 'late', 0, names)).toBe('nei');
		expect(formatAuditValue('deviation', 'deadline', '2026-03-01', names)).toBe('1. mars 2026');
		expect(formatAuditValue('wheel_signature', 'period', '2026-03', names)).toBe('mars 2026');
		// 23:30 UTC on 31 March is 1 April in Oslo (summer time).
		expect(formatAuditValue('report', 'approvedAt', Date.UTC(2026, 2, 31, 23, 30), names)).toMatch(
			/^01\.04\.2026/
		);
		expect(formatAuditValue('x', 'y', null, names)).toBe('–');
		expect(formatAuditValue('x', 'whatever_code', 'zap', names)).toBe('zap');
	});

	it('lists the fields that changed, what a creation set and what a removal had', () => {
		expect(
			describeChange(
				'unit',
				{ name: 'Gammel', parentId: 5, version: 1 },
				{ name: 'Ny', parentId: 5, version: 2 },
				names
			)
		).toEqual([{ field: 'name', label: 'Navn', before: 'Gammel', after: 'Ny' }]);
		expect(describeChange('risk', null, { title: 'Brann' }, names)).toEqual([
			{ field: 'title', label: 'Tittel', before: '', after: 'Brann' }
		]);
		// What a creation left empty is not listed; an edit that empties a field still is.
		expect(
			describeChange('risk', null, { title: 'Brann', description: null, tags: [] }, names)
		).toEqual([{ field: 'title', label: 'Tittel', before: '', after: 'Brann' }]);
		expect(describeChange('risk', { description: 'Røyk' }, { description: null }, names)).toEqual([
			{ field: 'description', label: 'Beskrivelse', before: 'Røyk', after: '–' }
		]);
		expect(
			describeChange(
				'benefit',
				null,
				{ direction: 'lower', qualityDimensions: ['samordnet'] },
				names
			)
		).toEqual([
			{ field: 'direction', label: 'Retning', before: '', after: 'Lavere er bedre' },
			{
				field: 'qualityDimensions',
				label: 'Kvalitetsdimensjoner',
				before: '',
				after: 'Samordnet og preget av kontinuitet'
			}
		]);
		expect(describeChange('user', { passwordHash: 'secret', name: 'Ada' }, null, names)).toEqual([
			{ field: 'name', label: 'Navn', before: 'Ada', after: '' }
		]);
	});

	it('names the subject and collects the ids to look up', () => {
		expect(auditSubject('project', '12', null, { title: 'Digital' })).toBe(
			'Prosjekt «Digital» (#12)'
		);
		expect(auditSubject('mystery', '3', null, null)).toBe('mystery #3');
		expect(
			referencedIds([
				{ entity: 'unit', before: { parentId: 5 }, after: { parentId: 6 } },
				{ entity: 'project', before: null, after: { ownerId: 2, roles: [{ unitId: 7 }] } }
			])
		).toEqual({ persons: [2], units: [5, 6, 7] });
	});
});
