import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseSearchQuery } from './query';

describe('parseSearchQuery', () => {
	it('turns each word into a quoted prefix, all of them required', () => {
		expect(parseSearchQuery('Rutine  fel')).toEqual({
			ok: true,
			words: ['rutine', 'fel'],
			match: '"rutine"* "fel"*'
		});
	});

	it('keeps æ, ø and å, folds their case, and joins a decomposed å', () => {
		expect(parseSearchQuery('ÅRSHJUL Økonomi ærlig')).toMatchObject({
			words: ['årshjul', 'økonomi', 'ærlig']
		});
		expect(parseSearchQuery('a\u030Arshjul')).toMatchObject({ words: ['årshjul'] });
	});

	it('reads FTS5 operators and punctuation as words or separators, never as syntax', () => {
		for (const input of ['"unclosed', 'ros AND', 'NEAR(a b)', 'title:plan', '^start', 'a OR -b*']) {
			const parsed = parseSearchQuery(input);
			expect(parsed.ok, input).toBe(true);
			if (parsed.ok) expect(parsed.match).toMatch(/^("[\p{L}\p{M}\p{N}]+"\*? ?)+$/u);
		}
		expect(parseSearchQuery('ROS-analyse')).toMatchObject({ words: ['ros', 'analyse'] });
	});

	it('refuses a search with no words, too many words, or too many characters', () => {
		expect(parseSearchQuery('*** --- "')).toEqual({ ok: false, reason: 'no_words' });
		expect(parseSearchQuery('a b c d e f g h i')).toEqual({ ok: false, reason: 'too_many_words' });
		expect(parseSearchQuery('x'.repeat(MAX_QUERY_LENGTH + 1))).toEqual({
			ok: false,
			reason: 'too_long'
		});
	});

	it('reads a single character as a whole word, not a prefix', () => {
		expect(parseSearchQuery('tiltak 5')).toMatchObject({ match: '"tiltak"* "5"' });
		expect(parseSearchQuery('å')).toMatchObject({ match: '"å"' });
	});

	it('counts a repeated word once', () => {
		expect(parseSearchQuery('plan Plan PLAN')).toMatchObject({ words: ['plan'] });
	});
});
