/**
 * Forms of a benefit's plan versions: freezing the plan, asking for a change once it is frozen,
 * and deciding a request. Evidence files are read from the form beside these fields.
 */
import { z } from 'zod';
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
			message: `Linje ${split.line}: skriv beskrivelse; beløp per tilfelle; antall; andel i prosent`
		};
	}
	const lines: PlanLine[] = [];
	for (const { line, ...typed } of split.lines) {
		const parsed = estimateLineSchema.safeParse(typed);
		if (!parsed.success) {
			return { ok: false, message: `Linje ${line}: ${parsed.error.issues[0]!.message}` };
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
			.enum(['ja', 'nei'], { error: 'Velg gevinst eller ulempe' })
			.optional()
			.transform((v) => (v === undefined ? undefined : v === 'ja'))
	)
};

const sourceField = z.string().trim().max(500, 'Bruk høyst 500 tegn').optional().default('');

/** A web link or nothing: `http(s)` only, so a stored link never runs script when followed. */
export const evidenceUrlField = z
	.string()
	.trim()
	.max(1000, 'Bruk høyst 1000 tegn')
	.optional()
	.default('')
	.refine(
		(v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v)),
		'Skriv en lenke som begynner med http:// eller https://'
	);

export const freezeSchema = z.object({
	// The approved nullpunkt must say where it was measured (DFØ: gains are documented against
	// it); evidence beside it is optional.
	baselineSource: z
		.string({ error: 'Skriv hvor nullpunktet er hentet fra' })
		.trim()
		.min(1, 'Skriv hvor nullpunktet er hentet fra, f.eks. fagsystem, rapport eller telling')
		.max(500, 'Bruk høyst 500 tegn'),
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
		plan: z.string().max(20_000, 'Planen er for lang').optional().default(''),
		// How the benefit is judged, shown as it stands: a value equal to today's is no change.
		direction: judgement.direction,
		tolerancePercent: judgement.tolerancePercent,
		disbenefit: judgement.disbenefit,
		// Empty keeps the estimate lines as they are.
		lines: z.string().max(20_000, 'Linjene er for lange').optional().default(''),
		reason: z
			.string({ error: 'Skriv en begrunnelse for endringen' })
			.trim()
			.min(1, 'Skriv en begrunnelse for endringen')
			.max(2000, 'Bruk høyst 2000 tegn')
	})
	.superRefine((p, ctx) => {
		if (targetBeforeBaseline(p.baselineDate, p.targetDate)) {
			ctx.addIssue({
				code: 'custom',
				path: ['targetDate'],
				message: 'Måldatoen kan ikke være før nullpunktet'
			});
		}
		const path = parsePlanPath(p.plan);
		if (!path.ok) {
			ctx.addIssue({
				code: 'custom',
				path: ['plan'],
				message: `Linje ${path.line}: skriv måned og verdi slik: 2027-01: 250000 (hver måned én gang)`
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
	requestId: idField('Ugyldig forespørsel'),
	decision: z.enum(['approve', 'reject'], { error: 'Velg godkjenn eller avvis' }),
	note: z.string().trim().max(2000, 'Bruk høyst 2000 tegn').optional().default(''),
	version: versionField
});

export type FreezeInput = z.output<typeof freezeSchema>;
export type PlanRequestInput = z.output<typeof planRequestSchema>;
export type DecisionInput = z.output<typeof decisionSchema>;
