/**
 * Forms of a benefit's plan versions: freezing the plan, asking for a change once it is frozen,
 * and deciding a request. Evidence files are read from the form beside these fields.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { idField } from './id';
import {
	baselineSchema,
	directionField,
	emptyToUndefined,
	estimateLineSchema,
	targetBeforeBaseline,
	targetSchema,
	toleranceField
} from './benefits';
import { versionField } from './version';
import {
	parsePlanPath,
	splitEstimateLines,
	type PlanLine
} from '$lib/domain/benefits/plan-versions';

/** The typed estimate lines, each checked by the pricing form's own rules; the first error. */
function readLines(text: string): { ok: true; lines: PlanLine[] } | { ok: false; message: string } {
	const split = splitEstimateLines(text);
	if (!split.ok) {
		return {
			ok: false,
			message: m.benefits_v_line_format({ line: split.line })
		};
	}
	const lines: PlanLine[] = [];
	for (const { line, ...typed } of split.lines) {
		const parsed = estimateLineSchema.safeParse(typed);
		if (!parsed.success) {
			return {
				ok: false,
				message: m.benefits_v_line_error({ line, message: parsed.error.issues[0]!.message })
			};
		}
		lines.push(parsed.data);
	}
	return { ok: true, lines };
}

/**
 * How the benefit is judged, as the request form shows it. Left out (another client, an older
 * form) means «as it stands», never the benefit form's defaults: a request changes only what it
 * names. The dis-benefit mark is a choice, not a checkbox, so «no» is sent too.
 */
const judgement = {
	direction: z.preprocess(emptyToUndefined, directionField.optional()),
	tolerancePercent: z.preprocess(emptyToUndefined, toleranceField.optional()),
	disbenefit: z.preprocess(
		emptyToUndefined,
		z
			.enum(['ja', 'nei'], { error: () => m.benefits_v_benefit_or_disbenefit() })
			.optional()
			.transform((v) => (v === undefined ? undefined : v === 'ja'))
	)
};

const sourceField = z
	.string()
	.trim()
	.max(500, { error: () => m.benefits_v_max_500() })
	.optional()
	.default('');

/** A web link or nothing: `http(s)` only, so a stored link never runs script when followed. */
export const evidenceUrlField = z
	.string()
	.trim()
	.max(1000, { error: () => m.benefits_v_max_1000() })
	.optional()
	.default('')
	.refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v)), {
		error: () => m.benefits_v_url()
	});

export const freezeSchema = z.object({
	// The approved nullpunkt must say where it was measured (DFØ: gains are documented against
	// it); evidence beside it is optional.
	baselineSource: z
		.string({ error: () => m.benefits_v_source() })
		.trim()
		.min(1, { error: () => m.benefits_v_source_example() })
		.max(500, { error: () => m.benefits_v_max_500() }),
	evidenceUrl: evidenceUrlField,
	version: versionField
});

export const planRequestSchema = z
	.object({
		baselineValue: baselineSchema.shape.value,
		baselineDate: baselineSchema.shape.date,
		baselineMethod: baselineSchema.shape.method,
		baselineSource: sourceField,
		evidenceUrl: evidenceUrlField,
		targetValue: targetSchema.shape.value,
		targetDate: targetSchema.shape.date,
		plan: z
			.string()
			.max(20_000, { error: () => m.benefits_v_plan_long() })
			.optional()
			.default(''),
		// How the benefit is judged, shown as it stands: a value equal to today's is no change.
		direction: judgement.direction,
		tolerancePercent: judgement.tolerancePercent,
		disbenefit: judgement.disbenefit,
		// Empty keeps the estimate lines as they are.
		lines: z
			.string()
			.max(20_000, { error: () => m.benefits_v_lines_long() })
			.optional()
			.default(''),
		reason: z
			.string({ error: () => m.benefits_v_reason() })
			.trim()
			.min(1, { error: () => m.benefits_v_reason() })
			.max(2000, { error: () => m.benefits_v_max_2000() })
	})
	.superRefine((p, ctx) => {
		if (targetBeforeBaseline(p.baselineDate, p.targetDate)) {
			ctx.addIssue({
				code: 'custom',
				path: ['targetDate'],
				message: m.benefits_v_target_before()
			});
		}
		const path = parsePlanPath(p.plan);
		if (!path.ok) {
			ctx.addIssue({
				code: 'custom',
				path: ['plan'],
				message: m.benefits_v_plan_line({ line: path.line })
			});
		}
		const lines = readLines(p.lines);
		if (!lines.ok) ctx.addIssue({ code: 'custom', path: ['lines'], message: lines.message });
	})
	.transform((p) => {
		const path = parsePlanPath(p.plan);
		const lines = p.lines.trim() === '' ? null : readLines(p.lines);
		return {
			...p,
			plan: path.ok ? path.plan : [],
			lines: lines?.ok ? lines.lines : null
		};
	});

export const decisionSchema = z.object({
	requestId: idField(() => m.benefits_v_request()),
	decision: z.enum(['approve', 'reject'], { error: () => m.benefits_v_decision() }),
	note: z
		.string()
		.trim()
		.max(2000, { error: () => m.benefits_v_max_2000() })
		.optional()
		.default(''),
	version: versionField
});

export type FreezeInput = z.output<typeof freezeSchema>;
export type PlanRequestInput = z.output<typeof planRequestSchema>;
export type DecisionInput = z.output<typeof decisionSchema>;
