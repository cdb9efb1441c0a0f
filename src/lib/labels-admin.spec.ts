import { describe, expect, it } from 'vitest';
import { withLocale } from '../../tests/helpers/runtime-locale';
import { AUDIT_ACTION_LABEL, AUDIT_ENTITY_LABEL } from '$lib/domain/audit/vocabulary';
import { API_SCOPE_LABEL, API_SCOPES } from '$lib/domain/auth/vocabulary';
import { ROLE_LABEL, ROLES } from '$lib/domain/org/vocabulary';
import {
	apiScopeLabel,
	auditActionLabel,
	auditEntityLabel,
	auditSubjectLabel,
	chainLine,
	roleLabel
} from './labels-admin';

describe('the administration pages in the reader’s language', () => {
	it('say in bokmål exactly what the domain and the downloads say', () => {
		withLocale('nb', () => {
			for (const [code, label] of Object.entries(AUDIT_ENTITY_LABEL))
				expect(auditEntityLabel(code)).toBe(label);
			for (const [code, label] of Object.entries(AUDIT_ACTION_LABEL))
				expect(auditActionLabel(code)).toBe(label);
			for (const role of ROLES) expect(roleLabel(role)).toBe(ROLE_LABEL[role]);
			for (const scope of API_SCOPES) expect(apiScopeLabel(scope)).toBe(API_SCOPE_LABEL[scope]);
		});
	});

	it('name every kind and action of the change log in nynorsk and English, none as its code', () => {
		for (const locale of ['nn', 'en'] as const) {
			withLocale(locale, () => {
				for (const code of Object.keys(AUDIT_ENTITY_LABEL))
					expect(auditEntityLabel(code)).not.toBe(code);
				for (const code of Object.keys(AUDIT_ACTION_LABEL))
					expect(auditActionLabel(code)).not.toBe(code);
			});
		}
		expect(withLocale('en', () => auditEntityLabel('api_token'))).toBe('API token');
		expect(withLocale('nn', () => auditActionLabel('commit'))).toBe('Importert');
		// A code the log does not know yet is shown as it is, never hidden.
		expect(withLocale('en', () => auditActionLabel('mystery'))).toBe('mystery');
	});

	it('word a row, and a chain check in the reader’s language', () => {
		expect(withLocale('en', () => auditSubjectLabel('project', '12', 'Hjemmeoppfølging'))).toBe(
			'Project “Hjemmeoppfølging” (#12)'
		);
		expect(withLocale('nb', () => auditSubjectLabel('unit', '3', null))).toBe('Enhet #3');
		expect(withLocale('nb', () => chainLine({ ok: true, checked: 5 }))).toBe(
			'Endringsloggen er intakt (5 rader kontrollert).'
		);
		expect(
			withLocale('nn', () => chainLine({ ok: false, checked: 9, brokenId: 7, reason: 'hash' }))
		).toMatch(/^Endringsloggen er broten ved rad 7: innhaldet i rada/);
	});
});
