/**
 * Every endpoint of the JSON API, once: the OpenAPI description (./openapi.ts) and the
 * human-readable page (/api) are both drawn from this list, and a test calls each entry.
 */
import type { z } from 'zod';
import {
	benefitResponseSchema,
	benefitsQuerySchema,
	benefitsResponseSchema,
	complianceQuerySchema,
	complianceResponseSchema,
	measuresQuerySchema,
	measuresResponseSchema,
	occurrencesQuerySchema,
	occurrencesResponseSchema,
	portfolioResponseSchema,
	projectsQuerySchema,
	projectsResponseSchema,
	realisationBodySchema,
	signatureBodySchema,
	writeResponseSchema,
	realisationResponseSchema
} from '$lib/schemas/api';
import { ID_PATTERN } from '$lib/schemas/id';

export type PathParam = { name: string; description: string; pattern: string };

export interface ApiOperation {
	id: string;
	method: 'GET' | 'POST';
	/** Under /api/v1, with `{name}` for path parameters. */
	path: string;
	summary: string;
	description: string;
	/** The token scope needed: read for GET (a signed-in browser too), write for POST. */
	scope: 'read' | 'write';
	/** Who may, in the pages' words: the page guard the endpoint shares. */
	who: string;
	pathParams: PathParam[];
	query?: z.ZodObject;
	body?: z.ZodObject;
	response: z.ZodType;
	status: 200 | 201;
	/** The error statuses this endpoint can answer besides 401 and 429. */
	errors: number[];
	/** Takes an `Idempotency-Key` header (IDEMPOTENCY_KEY_TEXT). */
	idempotent?: true;
}

/**
 * What the `Idempotency-Key` header does (IETF draft-ietf-httpapi-idempotency-key-header;
 * src/lib/server/api-io.ts `answerOnce`), for the OpenAPI document.
 */
export const IDEMPOTENCY_KEY_TEXT =
	'Valgfri. En nøkkel klienten lager for denne skrivingen (gjerne en UUID, 1–255 tegn). Sendes samme forespørsel igjen med samme nøkkel, samme token og til samme adresse innen 24 timer, svares det første svaret (samme status og innhold, med `Idempotent-Replayed: true`), og ingenting skrives på nytt. Samme nøkkel med et annet innhold: 422 (`idempotency_key_reused`); mens den første ennå behandles: 409 (`idempotency_key_in_use`); en ugyldig nøkkel: 400. Bare et vellykket svar huskes: en avvist forespørsel har ikke skrevet noe og kan rettes og sendes igjen med samme nøkkel. Uten nøkkelen skrives hver forespørsel.';

const ID = ID_PATTERN.source;
const idParam = (name: string, description: string): PathParam => ({
	name,
	description,
	pattern: ID
});

export const API_OPERATIONS: ApiOperation[] = [
	{
		id: 'getPortfolio',
		method: 'GET',
		path: '/portefolje',
		summary: 'Misjonen, effektmålene og missionsporene',
		description:
			'Misjonen med effektmål, og hvert missionspor med status, antall prosjekter og tiltak, og prosjektene fordelt på fargen i siste statusrapport.',
		scope: 'read',
		who: 'Alle innloggede, som Oversikt.',
		pathParams: [],
		response: portfolioResponseSchema,
		status: 200,
		errors: [403]
	},
	{
		id: 'listProjects',
		method: 'GET',
		path: '/portefolje/prosjekter',
		summary: 'Prosjektene i et spor, en side om gangen',
		description: 'Prosjektene i sporet med status, eier, antall tiltak og siste statusrapport.',
		scope: 'read',
		who: 'Alle innloggede, som Oversikt.',
		pathParams: [],
		query: projectsQuerySchema,
		response: projectsResponseSchema,
		status: 200,
		errors: [400, 403, 404]
	},
	{
		id: 'listMeasures',
		method: 'GET',
		path: '/portefolje/prosjekter/{id}/tiltak',
		summary: 'Tiltakene i et prosjekt, en side om gangen',
		description: 'Tiltakene med status, eier, enheter og siste statusrapport.',
		scope: 'read',
		who: 'Alle innloggede, som prosjektsiden.',
		pathParams: [idParam('id', 'Prosjektets id.')],
		query: measuresQuerySchema,
		response: measuresResponseSchema,
		status: 200,
		errors: [400, 403, 404]
	},
	{
		id: 'listBenefits',
		method: 'GET',
		path: '/gevinster',
		summary: 'Gevinstene, med status mot plan',
		description:
			'Gevinstene i misjonen (eller et spor, et prosjekt, et nivå), 50 om gangen, med estimat og status: bak plan, i faresonen, i rute eller uten status.',
		scope: 'read',
		who: 'Alle innloggede, som Gevinster.',
		pathParams: [],
		query: benefitsQuerySchema,
		response: benefitsResponseSchema,
		status: 200,
		errors: [400, 403]
	},
	{
		id: 'getBenefit',
		method: 'GET',
		path: '/gevinster/{id}',
		summary: 'Én gevinst: plan, realisert og prognose',
		description:
			'Nullpunkt og mål, plan og realisert (akkumulert) per måned, prognosene og status med begrunnelse, og registreringene som gjelder (verdier eller vurderinger med ord) med id-ene en korrigering viser til. En kvalitativ gevinst har ingen måneder med plan; vurderingene står i `registrations`.',
		scope: 'read',
		who: 'Alle innloggede, som gevinstsiden.',
		pathParams: [idParam('id', 'Gevinstens id.')],
		response: benefitResponseSchema,
		status: 200,
		errors: [403, 404]
	},
	{
		id: 'logRealisation',
		method: 'POST',
		path: '/gevinster/{id}/realiseringer',
		summary: 'Registrer realisert verdi for en måned',
		description:
			'Samme som skjemaet «Registrer realisert gevinst» på gevinstsiden, med de samme reglene og den samme endringsloggen. En ny verdi for en måned som har en fra før, korrigerer med `supersedesId`: id-en til en registrering av samme gevinst og samme måned som ikke er korrigert fra før (409 om den er det). Svaret gir id-en og måneden til den nye registreringen.',
		scope: 'write',
		who: 'Gevinsteieren, prosjektets programleder og administratorer.',
		pathParams: [idParam('id', 'Gevinstens id.')],
		body: realisationBodySchema,
		response: realisationResponseSchema,
		status: 201,
		errors: [400, 403, 404, 409, 415, 422],
		idempotent: true
	},
	{
		id: 'getCompliance',
		method: 'GET',
		path: '/arshjul/etterlevelse',
		summary: 'Etterlevelse av årshjulene per enhet og måned',
		description:
			'Som siden Etterlevelse: per enhet og måned hvor mange forekomster som teller, hvor mange som er signert, og hvor mange i tide; og de forfalte, 50 om gangen.',
		scope: 'read',
		who: 'Styringsgruppen, kommunedirektøren og administratorer.',
		pathParams: [],
		query: complianceQuerySchema,
		response: complianceResponseSchema,
		status: 200,
		errors: [400, 403, 404]
	},
	{
		id: 'listOccurrences',
		method: 'GET',
		path: '/arshjul/forekomster',
		summary: 'Forekomster som skal signeres',
		description:
			'Som Mine oppgaver: de forfalte og denne månedens forekomster for enhetene du leder, 50 om gangen.',
		scope: 'read',
		who: 'Enhetsledere for sine enheter; administratorer for en valgt enhet.',
		pathParams: [],
		query: occurrencesQuerySchema,
		response: occurrencesResponseSchema,
		status: 200,
		errors: [400, 403]
	},
	{
		id: 'signOccurrence',
		method: 'POST',
		path: '/arshjul/forekomster/{oppgave}/{enhet}/{periode}/signatur',
		summary: 'Signer en forekomst',
		description:
			'Samme som «Signer» i Mine oppgaver, med den samme endringsloggen. En signert forekomst kan ikke signeres på nytt (409).',
		scope: 'write',
		who: 'Lederen for enheten, og administratorer.',
		pathParams: [
			idParam('oppgave', 'Oppgavens id.'),
			idParam('enhet', 'Enhetens id.'),
			{
				name: 'periode',
				description: 'Måneden forekomsten gjelder, ÅÅÅÅ-MM.',
				pattern: '^\\d{4}-(0[1-9]|1[0-2])$'
			}
		],
		body: signatureBodySchema,
		response: writeResponseSchema,
		status: 201,
		errors: [400, 403, 404, 409, 415, 422],
		idempotent: true
	}
];
