import { describe, expect, it } from 'vitest';
import { anySuccess, failureFor, successFor } from './form-state';

const failed = {
	action: 'sign',
	values: { taskId: '4', unitId: '2', period: '2026-03' },
	errors: { _form: 'Ikke signert' }
};
const saved = { action: 'assessment', field: 'risk', success: 'Lagret' };

describe('failureFor', () => {
	it('gives the failure to the form whose action it names, and to no other', () => {
		expect(failureFor(failed, 'sign')).toEqual({ values: failed.values, errors: failed.errors });
		expect(failureFor(failed, 'reopen')).toBeNull();
		expect(failureFor(saved, 'assessment')).toBeNull();
		expect(failureFor(null, 'sign')).toBeNull();
	});

	it('in a list, gives it to the row whose values were posted', () => {
		const row = { taskId: '4', unitId: '2', period: '2026-03' };
		expect(failureFor(failed, 'sign', row)?.errors._form).toBe('Ikke signert');
		expect(failureFor(failed, 'sign', { ...row, unitId: '3' })).toBeNull();
		expect(failureFor(failed, 'sign', { id: '4' })).toBeNull();
	});
});

describe('successFor', () => {
	it('gives the message to the action that answered, in the row it names', () => {
		expect(successFor(saved, 'assessment')).toBe('Lagret');
		expect(successFor(saved, 'assessment', { field: 'risk' })).toBe('Lagret');
		expect(successFor(saved, 'assessment', { field: 'economy' })).toBeUndefined();
		expect(successFor(saved, 'freeze')).toBeUndefined();
		expect(successFor(failed, 'sign')).toBeUndefined();
	});
});

describe('anySuccess', () => {
	it('gives the message whichever action answered, and nothing for a failure', () => {
		expect(anySuccess(saved)).toBe('Lagret');
		expect(anySuccess({ success: 'Lagret' })).toBe('Lagret');
		expect(anySuccess(failed)).toBeUndefined();
		expect(anySuccess(undefined)).toBeUndefined();
	});
});
