/**
 * The JSON API's schemas (docs/api.md): what each endpoint takes and answers. The OpenAPI
 * description (`$lib/api/openapi.ts`) is generated from these with `z.toJSONSchema`, and the
 * write bodies reuse the very fields of the forms they stand in for, so an API client meets the
 * same rules and the same Norwegian messages as a person filling in the form; the form's own
 * schema then checks the whole body again in the shared action.
 */
import { z } from 'zod';
import {
	ASSESSMENTS,
	BENEFIT_DIRECTIONS,
	BENEFIT_HEALTH,
	BENEFIT_KINDS,
	BENEFIT_LEVELS,
	BENEFIT_UNITS
} from '$lib/domain/benefits/vocabulary';
import { LIFECYCLE_STATUSES, RAG_STATUSES } from '$lib/domain/portfolio/vocabulary';
import { OCCURRENCE_STATUSES } from '$lib/domain/wheel/vocabulary';
import {
	MAX_KRONER,
	qualitativeRealisationSchema,
	quantitativeRealisationSchema
} from './benefits';
import { signOffSchema } from './wheel';
import { ID_PATTERN } from './id';
import { m } from '$lib/paraglide/messages';

/** An object that refuses fields it does not know, in Norwegian. */
function body<T extends z.ZodRawShape>(shape: T) {
	return z.strictObject(shape, {
		error: (issue) =>
			issue.code === 'unrecognized_keys'
				? m.api_error_unknown_fields({ fields: issue.keys.join(', ') })
				: m.api_error_not_object()
	});
}

const quantitative = quantitativeRealisationSchema.shape;
const qualitative = qualitativeRealisationSchema.shape;

/**
 * A form's number field that also takes a JSON number: the number becomes the text a form
 * would post, and the form's own field checks it («12 000» and 12000 alike).
 */
function numberOrText<T extends z.ZodType<unknown, string | undefined>>(
	field: T,
	message: () => string,
	bounds: { min: number; max: number; range: () => string }
) {
	// Bounds of its own: zod's defaults (the safe-integer range) answer in English.
	const number = z
		.number({ error: message })
		.min(bounds.min, { error: bounds.range })
		.max(bounds.max, { error: bounds.range })
		.int({ error: message });
	return z
		.union([number, z.string()], { error: message })
		.transform((v): string | undefined => String(v))
		.pipe(field);
}

const VALUE_BOUNDS = {
	min: -MAX_KRONER,
	max: MAX_KRONER,
	range: () => m.api_error_value_range()
};
const ID_MESSAGE = () => m.api_error_supersedes();
/** Ten digits at most, as `ID_PATTERN`. */
const ID_BOUNDS = { min: 1, max: 9_999_999_999, range: ID_MESSAGE };

/** POST /gevinster/{id}/realiseringer: the benefit page's «Registrer realisert gevinst». */
export const realisationBodySchema = body({
	period: quantitative.period.meta({
		description:
			'Måneden verdien gjelder, ÅÅÅÅ-MM. Ikke før nullpunktet, ikke en måned som ikke har begynt.',
		examples: ['2026-10']
	}),
	value: numberOrText(quantitative.value, () => m.api_error_value_whole(), VALUE_BOUNDS)
		.optional()
		.meta({ description: 'Kvantitativ gevinst: verdien målt for måneden, i gevinstens enhet.' }),
	assessment: qualitative.assessment
		.optional()
		.meta({ description: 'Kvalitativ gevinst: vurdering 1–5 eller rod/gul/gronn.' }),
	narrative: qualitative.narrative
		.optional()
		.meta({ description: 'Kvalitativ gevinst: vurderingen med ord.' }),
	comment: quantitative.comment,
	evidence: quantitative.evidence.meta({ description: 'Lenke til eller navn på dokumentasjon.' }),
	supersedesId: numberOrText(quantitative.supersedesId, ID_MESSAGE, ID_BOUNDS)
		.optional()
		.meta({ description: 'Id-en til registreringen denne korrigerer.' }),
	correctionReason: quantitative.correctionReason.meta({
		description: 'Begrunnelse, påkrevd når den korrigerte registreringen er attestert.'
	})
});

/** POST /arshjul/forekomster/{oppgave}/{enhet}/{periode}/signatur: «Signer». */
export const signatureBodySchema = body({
	storedIn: signOffSchema.shape.storedIn.meta({
		description: 'Hvor dokumentasjonen er lagret (Lagres), f.eks. Compilo.'
	}),
	comment: signOffSchema.shape.comment,
	link: signOffSchema.shape.link.meta({ description: 'Lenke til dokumentasjonen (https://…).' })
});

// ── Query parameters ────────────────────────────────────────────────────────────────────────

const idText = z.string().regex(ID_PATTERN);
const cursor = z.string().max(400);

export const projectsQuerySchema = z.object({
	spor: z
		.string()
		.regex(/^(0|[1-9][0-9]{0,9})$/)
		.meta({ description: 'Sporets id; 0 for prosjekter uten spor.' }),
	side: idText
		.optional()
		.meta({ description: 'Sidenummer, fra 1. En side etter den siste gir 404.' })
});

export const measuresQuerySchema = z.object({
	side: idText
		.optional()
		.meta({ description: 'Sidenummer, fra 1. En side etter den siste gir 404.' })
});

export const benefitsQuerySchema = z.object({
	spor: idText.optional().meta({ description: 'Bare gevinster i prosjekter i dette sporet.' }),
	prosjekt: idText.optional().meta({ description: 'Bare gevinster i dette prosjektet.' }),
	niva: z.enum(BENEFIT_LEVELS).optional().meta({ description: 'Bare gevinster på dette nivået.' }),
	etter: cursor.optional().meta({ description: '`next` fra forrige side.' })
});

export const complianceQuerySchema = z.object({
	ar: z
		.string()
		.regex(/^\d{4}$/)
		.optional()
		.meta({ description: 'Året, 2000–2100; standard i år.' }),
	hjul: idText
		.optional()
		.meta({ description: 'Bare dette årshjulet; et ukjent eller arkivert gir 404.' }),
	enhet: idText
		.optional()
		.meta({ description: 'Vis enhetene under denne enheten; en ukjent gir 404.' }),
	etter: cursor.optional().meta({ description: '`next` fra forrige side av forfalte.' })
});

export const occurrencesQuerySchema = z.object({
	enhet: idText.optional().meta({
		description: 'Bare denne enheten (du må lede den); standard alle enheter du leder.'
	}),
	forfalt: cursor.optional().meta({ description: '`overdue.next` fra forrige side.' }),
	denne: cursor.optional().meta({ description: '`due.next` fra forrige side.' })
});

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

const person = z.string().nullable();
const report = z
	.object({ rag: z.enum(RAG_STATUSES), period: z.string(), narrative: z.string() })
	.nullable();
const page = z.object({
	page: z.int(),
	pages: z.int(),
	total: z.int()
});

export const portfolioResponseSchema = z.object({
	mission: z
		.object({
			grandChallenge: z.string(),
			statement: z.string(),
			baselineYear: z.int().nullable(),
			targetYear: z.int().nullable()
		})
		.nullable(),
	goals: z.array(z.object({ id: z.int(), number: z.int(), level: z.string(), title: z.string() })),
	totals: z.object({
		tracks: z.int(),
		projects: z.int(),
		measures: z.int(),
		unassignedProjects: z.int(),
		unassignedMeasures: z.int()
	}),
	tracks: z.array(
		z.object({
			id: z.int(),
			code: z.string(),
			title: z.string(),
			status: z.enum(LIFECYCLE_STATUSES),
			owner: person,
			projectCount: z.int(),
			measureCount: z.int(),
			projectsByReport: z.object({ green: z.int(), amber: z.int(), red: z.int() })
		})
	)
});

export const projectsResponseSchema = z.object({
	trackId: z.int(),
	items: z.array(
		z.object({
			id: z.int(),
			title: z.string(),
			status: z.enum(LIFECYCLE_STATUSES),
			owner: person,
			measureCount: z.int(),
			report
		})
	),
	paging: page
});

export const measuresResponseSchema = z.object({
	projectId: z.int(),
	items: z.array(
		z.object({
			id: z.int(),
			title: z.string(),
			status: z.enum(LIFECYCLE_STATUSES),
			owner: person,
			units: z.string().nullable(),
			report
		})
	),
	paging: page
});

const planStatus = z.enum(['behind', 'at_risk', 'on_plan', 'none']);

export const benefitsResponseSchema = z.object({
	items: z.array(
		z.object({
			id: z.int(),
			title: z.string(),
			projectId: z.int(),
			project: z.string(),
			level: z.enum(BENEFIT_LEVELS),
			kind: z.enum(BENEFIT_KINDS),
			unit: z.enum(BENEFIT_UNITS).nullable(),
			disbenefit: z.boolean(),
			estimate: z.number().nullable(),
			status: planStatus,
			statusPeriod: z.string().nullable(),
			planned: z.number().nullable(),
			realised: z.number().nullable()
		})
	),
	next: z.string().nullable().meta({ description: 'Send som `etter` for neste side.' })
});

const confirmation = z.object({ by: z.string(), at: z.string().nullable() }).nullable();

const milestone = z.object({ value: z.number(), date: z.string() }).nullable();

export const benefitResponseSchema = z.object({
	id: z.int(),
	title: z.string(),
	description: z.string(),
	project: z.object({ id: z.int(), title: z.string() }),
	level: z.enum(BENEFIT_LEVELS),
	kind: z.enum(BENEFIT_KINDS),
	unit: z.enum(BENEFIT_UNITS).nullable(),
	disbenefit: z.boolean(),
	owner: z.object({ id: z.int(), name: z.string() }).nullable(),
	indicator: z.string(),
	direction: z.enum(BENEFIT_DIRECTIONS),
	tolerancePercent: z.number(),
	plan: z.object({
		baseline: milestone,
		target: milestone,
		estimate: z.number().nullable()
	}),
	months: z
		.array(z.object({ period: z.string(), planned: z.number(), realised: z.number().nullable() }))
		.meta({ description: 'Plan og realisert, akkumulert fra nullpunktet, måned for måned.' }),
	forecasts: z.array(z.object({ period: z.string(), value: z.number() })),
	status: z
		.object({ health: z.enum(BENEFIT_HEALTH), label: z.string(), sentence: z.string() })
		.nullable(),
	registrations: z
		.array(
			z.object({
				id: z
					.int()
					.meta({ description: 'Send som `supersedesId` for å korrigere registreringen.' }),
				period: z.string(),
				value: z.number().nullable().meta({ description: 'Kvantitativ gevinst: verdien.' }),
				assessment: z
					.enum(ASSESSMENTS)
					.nullable()
					.meta({ description: 'Kvalitativ gevinst: vurdering 1–5 eller rod/gul/gronn.' }),
				narrative: z.string(),
				comment: z.string(),
				supersedesId: z.int().nullable().meta({ description: 'Registreringen denne korrigerte.' }),
				author: z.string().nullable(),
				createdAt: z.string(),
				attested: confirmation.meta({ description: 'Attestert av gevinsteieren.' }),
				validated: confirmation.meta({ description: 'Bekreftet av validatoren.' })
			})
		)
		.meta({
			description:
				'Registreringene som gjelder (ikke korrigert), måned for måned: verdier og vurderinger.'
		}),
	canLog: z.boolean().meta({ description: 'Om du kan registrere realiserte verdier.' })
});

export const complianceResponseSchema = z.object({
	year: z.int(),
	filter: z
		.object({ year: z.int(), wheelId: z.int().nullable(), unitId: z.int().nullable() })
		.meta({ description: 'Filteret som ble brukt: året, årshjulet og enheten (null: alle).' }),
	today: z.string(),
	rows: z.array(
		z.object({
			unitId: z.int(),
			name: z.string(),
			kind: z.enum(['unit', 'own']),
			depth: z.int(),
			months: z
				.array(z.object({ total: z.int(), signed: z.int(), onTime: z.int() }))
				.meta({ description: 'Januar til desember.' })
		})
	),
	overdueCount: z.int(),
	overdue: z.array(
		z.object({
			taskId: z.int(),
			unitId: z.int(),
			period: z.string(),
			dueDate: z.string(),
			title: z.string(),
			unit: z.string(),
			wheel: z.string()
		})
	),
	next: z.string().nullable()
});

const occurrence = z.object({
	taskId: z.int(),
	unitId: z.int(),
	period: z.string(),
	title: z.string(),
	unit: z.string(),
	wheel: z.string(),
	responsibleRole: z.string(),
	storedIn: z.string(),
	dueDate: z.string(),
	status: z.enum(OCCURRENCE_STATUSES as [string, ...string[]])
});

export const occurrencesResponseSchema = z.object({
	today: z.string(),
	counts: z.object({ overdue: z.int(), due: z.int() }),
	overdue: z.object({ items: z.array(occurrence), next: z.string().nullable() }),
	due: z.object({ items: z.array(occurrence), next: z.string().nullable() })
});

export const writeResponseSchema = z.object({ message: z.string() });

export const realisationResponseSchema = z.object({
	message: z.string(),
	id: z.int().meta({ description: 'Id-en til den nye registreringen.' }),
	period: z.string()
});

export const errorResponseSchema = z.object({
	error: z.object({
		code: z.string(),
		message: z.string(),
		fields: z
			.record(z.string(), z.string())
			.optional()
			.meta({ description: 'Melding per felt som ikke er gyldig.' })
	})
});

export type PortfolioResponse = z.input<typeof portfolioResponseSchema>;
export type ProjectsResponse = z.input<typeof projectsResponseSchema>;
export type MeasuresResponse = z.input<typeof measuresResponseSchema>;
export type BenefitsResponse = z.input<typeof benefitsResponseSchema>;
export type BenefitResponse = z.input<typeof benefitResponseSchema>;
export type ComplianceResponse = z.input<typeof complianceResponseSchema>;
export type OccurrencesResponse = z.input<typeof occurrencesResponseSchema>;
