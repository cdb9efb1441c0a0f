import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { plural } from '$lib/plural';
import { withLocale } from '$lib/server/i18n';
import type { Locale } from '$lib/i18n';
import { chainLine } from '$lib/labels-admin';

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

describe('the last counts that read «1 … s» in English', () => {
	const en = <T>(f: () => T) => withLocale('en', f);
	const countedAt = (n: number) => [
		m.control_report_routines_total({
			wheels: plural(
				n,
				m.control_report_routines_wheels_one,
				m.control_report_routines_wheels_many,
				{ count: n }
			),
			tasks: plural(n, m.control_report_routines_tasks_one, m.control_report_routines_tasks_many, {
				count: n
			}),
			units: plural(n, m.control_report_routines_units_one, m.control_report_routines_units_many, {
				count: n
			})
		}),
		plural(n, m.control_report_controls_cut_one, m.control_report_controls_cut_many, { count: n }),
		m.control_matrix_repeated_item({
			wheel: 'W',
			deviations: plural(
				n,
				m.control_matrix_repeated_deviations_one,
				m.control_matrix_repeated_deviations_many,
				{ count: n }
			),
			periods: plural(
				n,
				m.control_matrix_repeated_periods_one,
				m.control_matrix_repeated_periods_many,
				{ count: n }
			)
		}),
		plural(n, m.portfolio_search_show_all_one, m.portfolio_search_show_all_many, {
			count: n,
			kind: 'projects'
		}),
		plural(n, m.import_preview_summary_one, m.import_preview_summary_many, {
			rows: 'R',
			created: 'C',
			skipped: 0,
			errors: n
		}),
		chainLine({ ok: true, checked: n })
	];

	it('are singular at 1 and plural at 2', () => {
		expect(en(() => countedAt(1))).toEqual([
			'1 annual wheel with 1 task in the period, used by 1 unit.',
			'The table shows the first unit only.',
			'(W): 1 deviation in 1 period',
			'Show the 1 result among projects',
			'R: C, 0 skipped (already there or listed twice), 1 with an error.',
			'The change log is intact (1 row checked).'
		]);
		expect(en(() => countedAt(2))).toEqual([
			'2 annual wheels with 2 tasks in the period, used by 2 units.',
			'The table shows the first 2 units.',
			'(W): 2 deviations in 2 periods',
			'Show all 2 results among projects',
			'R: C, 0 skipped (already there or listed twice), 2 with errors.',
			'The change log is intact (2 rows checked).'
		]);
		expect(
			en(() =>
				plural(1, m.control_matrix_intro_one, m.control_matrix_intro_many, {
					uncontrolled: 0,
					total: 1
				})
			)
		).toContain('0 of 1 risk is open without a control.');
		expect(
			en(() =>
				plural(1, m.benefits_link_search_intro_one, m.benefits_link_search_intro_many, {
					elements: 1
				})
			)
		).toMatch(/^The project has 1 measure, change or benefit\./);
	});

	it('keep bokmål and nynorsk plural at more than one', () => {
		expect(withLocale('nb', () => countedAt(3))[0]).toBe(
			'3 årshjul med 3 oppgaver i perioden, brukt av 3 enheter.'
		);
		expect(withLocale('nn', () => countedAt(3))[0]).toBe(
			'3 årshjul med 3 oppgåver i perioden, brukte av 3 einingar.'
		);
		expect(withLocale('nb', () => countedAt(1))[0]).toBe(
			'1 årshjul med 1 oppgave i perioden, brukt av 1 enhet.'
		);
		expect(withLocale('nn', () => countedAt(2))[5]).toBe(
			'Endringsloggen er intakt (2 rader kontrollerte).'
		);
		expect(withLocale('nb', () => countedAt(2))[2]).toBe('(W): 2 avvik i 2 perioder');
	});
});
