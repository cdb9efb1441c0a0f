import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { plural } from '$lib/plural';
import { withLocale } from '$lib/server/i18n';
import type { Locale } from '$lib/i18n';

// Counts read as a person would write them at 1 and at more (the trial saw «1 projects» and
// «1 inspections recorded» in English). Bokmål keeps its texts as they were.
const at = (locale: Locale, n: number) =>
	withLocale(locale, () => [
		plural(n, m.portfolio_balance_intro_one, m.portfolio_balance_intro_many, { total: n }),
		plural(n, m.portfolio_ranking_caption_one, m.portfolio_ranking_caption_many, {
			total: n,
			page: ''
		}),
		plural(n, m.control_tilsyn_counts_one, m.control_tilsyn_counts_many, { total: n, open: 0 }),
		plural(n, m.control_tilsyn_breaches_one, m.control_tilsyn_breaches_many, { count: n }),
		plural(n, m.control_finding_summary_one, m.control_finding_summary_many, {
			status: 'Open',
			deviations: n,
			open: `${n} open`
		}),
		plural(n, m.control_report_tilsyn_total_one, m.control_report_tilsyn_total_many, {
			count: n,
			closed: 0
		})
	]);

describe('counts in the reader’s language', () => {
	it('are singular at 1 in English', () => {
		expect(at('en', 1)).toEqual([
			'1 project in the selection. A project in several tracks is counted under each of them.',
			"Projects ranked by the steering group's scores (1 project)",
			'1 inspection recorded, 0 not closed.',
			'1 breach of law',
			'Status: Open. 1 deviation, 1 open.',
			'1 inspection in the period, 0 concluded.'
		]);
		expect(at('en', 2)).toEqual([
			'2 projects in the selection. A project in several tracks is counted under each of them.',
			"Projects ranked by the steering group's scores (2 projects)",
			'2 inspections recorded, 0 not closed.',
			'2 breaches of law',
			'Status: Open. 2 deviations, 2 open.',
			'2 inspections in the period, 0 concluded.'
		]);
	});

	it('keep bokmål as it was, and nynorsk reads well at 1', () => {
		expect(at('nb', 1)[2]).toBe('1 tilsyn registrert, 0 ikke avsluttet.');
		expect(at('nb', 1)[3]).toBe('1 lovbrudd');
		expect(at('nn', 1)[2]).toBe('1 tilsyn registrert, 0 ikkje avslutta.');
		expect(withLocale('nn', () => m.control_tilsyn_remarks_one({ count: 1 }))).toBe('1 merknad');
		expect(withLocale('en', () => m.wheel_chart_label_one({ count: 1 }))).toBe(
			'Annual wheel with 1 task'
		);
		expect(
			withLocale('en', () =>
				plural(1, m.admin_home_users_one, m.admin_home_users_many, { active: 1, total: 1 })
			)
		).toBe('1 active of 1 user.');
		expect(
			withLocale('en', () =>
				plural(1, m.control_matrix_deviation_periods_one, m.control_matrix_deviation_periods_many, {
					count: 1
				})
			)
		).toBe('(deviations in 1 period)');
	});
});
