/**
 * Forms of a benefit's plan versions: freezing the plan, asking for a change once it is frozen,
 * and deciding a request. Evidence files are read from the form beside these fields.
 */
import { z } from 'zod';
import { idField } from './id';
import { baselineSchema, targetBeforeBaseline, targetSchema } from './benefits';
import { versionField } from './version';
import { parsePlanPath } from '$lib/domain/benefits/plan-versions';

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
	})
	.transform((p) => {
		const path = parsePlanPath(p.plan);
		return { ...p, plan: path.ok ? path.plan : [] };
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
