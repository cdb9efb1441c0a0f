/**
 * The gevinstrealiseringsplan's sections on the benefits themselves (plan-report.ts): who is
 * responsible for each, indicator, nullpunkt and target, prissatte and ikke-prissatte
 * virkninger, and budsjettmessig virkning with alternativ anvendelse.
 */
import type { listBenefitsByProjects } from '../../db/queries/benefits';
import type { PdfReport } from '../../reports/pdf';
import type { CellValue } from '../../reports/table';
import type { benefitResult } from '$lib/domain/benefits/figures';
import { formatNumber } from '$lib/format';
import {
	beneficiaryLabel,
	benefitLevelLabel,
	qualityLabel,
	takeoutLabel,
	unitLabel
} from '$lib/labels-benefits';
import { m as msg } from '$lib/paraglide/messages';

export const NR = () => msg.export_plan_not_recorded();

/** A benefit of the plan, its figures, the settings they were computed with, a user's name. */
export type PlanBenefit = ReturnType<typeof listBenefitsByProjects>[number];
export type PlanResults = Map<number, ReturnType<typeof benefitResult>>;
export type PlanSettings = { hourlyRateKroner: number | null; marginPercent: number };
export type NameOf = (id: number | null) => string | null;

/** The sections on the benefits, for a plan with at least one. */
export function benefitSections(
	pdf: PdfReport,
	benefits: PlanBenefit[],
	results: PlanResults,
	settings: PlanSettings,
	nameOf: NameOf
): void {
	pdf
		.heading(msg.export_plan_responsible())
		.paragraph(msg.export_plan_responsible_intro())
		.table({
			caption: msg.export_plan_responsible_caption(),
			columns: [
				{ header: msg.export_plan_col_benefit(), width: '*' },
				{ header: msg.export_plan_responsible(), width: 150 }
			],
			rows: benefits.map((b) => [b.title, nameOf(b.ownerId) ?? NR()])
		});

	pdf.heading(msg.export_plan_the_benefits()).table({
		caption: msg.export_plan_benefits_caption(),
		columns: [
			{ header: msg.export_plan_col_benefit(), width: '*' },
			{ header: msg.export_plan_level(), width: 55 },
			{ header: msg.export_plan_col_indicator(), width: 95 },
			{ header: msg.export_plan_col_baseline(), format: 'number', width: 60 },
			{ header: msg.export_plan_col_baseline_date(), format: 'date', width: 70 },
			{ header: msg.export_plan_col_target(), format: 'number', width: 60 },
			{ header: msg.export_plan_col_target_date(), format: 'date', width: 70 }
		],
		rows: benefits.map((b) => [
			b.title,
			benefitLevelLabel(b.level),
			[b.indicator || NR(), b.unit ? `(${unitLabel(b.unit).toLowerCase()})` : ''].join(' ').trim(),
			b.baselineValue,
			b.baselineDate,
			b.targetValue,
			b.targetDate
		])
	});
	const methods = benefits.filter((b) => b.baselineMethod || b.measurement);
	if (methods.length) {
		pdf.list(
			methods.map(
				(b) =>
					`${b.title}: ${[b.measurement && msg.export_plan_measured_by({ how: b.measurement }), b.baselineMethod && msg.export_plan_baseline_by({ how: b.baselineMethod })].filter(Boolean).join('; ')}`
			)
		);
	}

	const priced = benefits.filter(
		(b) => b.kind === 'kvantitativ' && (b.unit === 'kr' || b.unit === 'timer')
	);
	const unpriced = benefits.filter((b) => !priced.includes(b));
	const estimateOf = (id: number) => results.get(id)?.estimate ?? null;
	const pricedRows = priced.map((b): CellValue[] => [
		b.title,
		unitLabel(b.unit!),
		estimateOf(b.id)?.total ?? null,
		estimateOf(b.id)?.kroner ?? null
	]);
	pdf
		.heading(msg.export_plan_priced())
		.paragraph(
			settings.hourlyRateKroner
				? msg.export_plan_priced_rate({ rate: formatNumber(settings.hourlyRateKroner) })
				: msg.export_plan_priced_no_rate()
		)
		.table({
			caption: msg.export_plan_priced_caption(),
			columns: [
				{ header: msg.export_plan_col_benefit(), width: '*' },
				{ header: msg.export_plan_col_unit(), width: 60 },
				{ header: msg.export_plan_col_estimate(), format: 'number', width: 80 },
				{ header: msg.export_plan_col_estimate_kr(), format: 'kroner', width: 100 }
			],
			rows: pricedRows,
			totals: [
				msg.export_plan_sum(),
				null,
				null,
				pricedRows.reduce((a, r) => a + ((r[3] as number | null) ?? 0), 0)
			],
			empty: msg.export_plan_no_priced()
		})
		.table({
			caption: msg.export_plan_unpriced_caption(),
			columns: [
				{ header: msg.export_plan_col_benefit(), width: '*' },
				{ header: msg.export_plan_col_measured_as(), width: 80 },
				{ header: msg.export_plan_col_quality(), width: 150 },
				{ header: msg.export_plan_col_beneficiary(), width: 90 }
			],
			rows: unpriced.map((b) => [
				b.title,
				b.kind === 'kvalitativ' ? msg.export_plan_assessment() : b.unit ? unitLabel(b.unit) : NR(),
				b.qualityDimensions.map((q) => qualityLabel(q)).join(', ') || NR(),
				b.beneficiary === 'annet'
					? b.beneficiaryOther || msg.export_plan_other()
					: beneficiaryLabel(b.beneficiary)
			]),
			empty: msg.export_plan_no_unpriced()
		});

	pdf
		.heading(msg.export_plan_budget())
		.paragraph(msg.export_plan_budget_intro())
		.table({
			caption: msg.export_plan_takeout_caption(),
			columns: [
				{ header: msg.export_plan_col_benefit(), width: '*' },
				{ header: msg.export_plan_col_takeout(), width: 110 },
				{ header: msg.export_plan_col_budget(), format: 'kroner', width: 100 },
				{ header: msg.export_plan_col_alternative(), width: 120 }
			],
			rows: benefits.map((b) => {
				const kroner = estimateOf(b.id)?.kroner ?? null;
				return [
					b.title,
					takeoutLabel(b.takeout),
					b.takeout === 'budsjettkutt' ? (kroner ?? NR()) : '–',
					b.takeout === 'budsjettkutt'
						? '–'
						: msg.export_plan_use({ takeout: takeoutLabel(b.takeout), use: NR() })
				];
			}),
			totals: [
				msg.export_plan_budget_sum(),
				null,
				benefits
					.filter((b) => b.takeout === 'budsjettkutt')
					.reduce((a, b) => a + (estimateOf(b.id)?.kroner ?? 0), 0),
				null
			]
		});
}
