import { describe, expect, it } from 'vitest';
import { withLocale } from '../i18n';
import { messageFor } from '../result';
import { ORG_MESSAGES, ORG_SUCCESS } from './messages';

describe('the organisation’s answers', () => {
	it('are read in the request’s language, bokmål as before', () => {
		expect(withLocale('nb', () => messageFor(ORG_MESSAGES, 'exists'))).toBe(
			'Brukeren har allerede denne rollen.'
		);
		expect(withLocale('en', () => messageFor(ORG_MESSAGES, 'cycle'))).toBe(
			'A unit cannot be moved under itself or one of its sub-units.'
		);
		expect(withLocale('nn', () => ORG_SUCCESS.unitCreated('Helse'))).toBe(
			'Eininga «Helse» er oppretta.'
		);
		expect(withLocale('nb', () => ORG_SUCCESS.unitRenamed('Helse'))).toBe(
			'Enheten heter nå «Helse».'
		);
	});
});
