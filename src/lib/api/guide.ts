/**
 * The API's human-readable description (/api): the same list of endpoints as the OpenAPI
 * document, each with its parameters, who may call it and a curl example. The OpenAPI
 * document is in bokmål (operations.ts); the page says the same in the reader's language,
 * read when the page is made (messages/portfolio/*.json, `portfolio_api_op_*`).
 */
import { API_RATE, MAX_TOKEN_DAYS } from '$lib/domain/auth/api-token';
import { m } from '$lib/paraglide/messages';
import { API_OPERATIONS, type ApiOperation } from './operations';

type Text = () => string;

const OP_TEXT: Record<string, { summary: Text; description: Text; who: Text }> = {
	getPortfolio: {
		summary: m.portfolio_api_op_get_portfolio_summary,
		description: m.portfolio_api_op_get_portfolio_description,
		who: m.portfolio_api_op_get_portfolio_who
	},
	listProjects: {
		summary: m.portfolio_api_op_list_projects_summary,
		description: m.portfolio_api_op_list_projects_description,
		who: m.portfolio_api_op_list_projects_who
	},
	listMeasures: {
		summary: m.portfolio_api_op_list_measures_summary,
		description: m.portfolio_api_op_list_measures_description,
		who: m.portfolio_api_op_list_measures_who
	},
	listBenefits: {
		summary: m.portfolio_api_op_list_benefits_summary,
		description: m.portfolio_api_op_list_benefits_description,
		who: m.portfolio_api_op_list_benefits_who
	},
	getBenefit: {
		summary: m.portfolio_api_op_get_benefit_summary,
		description: m.portfolio_api_op_get_benefit_description,
		who: m.portfolio_api_op_get_benefit_who
	},
	logRealisation: {
		summary: m.portfolio_api_op_log_realisation_summary,
		description: m.portfolio_api_op_log_realisation_description,
		who: m.portfolio_api_op_log_realisation_who
	},
	getCompliance: {
		summary: m.portfolio_api_op_get_compliance_summary,
		description: m.portfolio_api_op_get_compliance_description,
		who: m.portfolio_api_op_get_compliance_who
	},
	listOccurrences: {
		summary: m.portfolio_api_op_list_occurrences_summary,
		description: m.portfolio_api_op_list_occurrences_description,
		who: m.portfolio_api_op_list_occurrences_who
	},
	signOccurrence: {
		summary: m.portfolio_api_op_sign_occurrence_summary,
		description: m.portfolio_api_op_sign_occurrence_description,
		who: m.portfolio_api_op_sign_occurrence_who
	}
};

const PARAM_TEXT: Record<string, Text> = {
	'listProjects.spor': m.portfolio_api_param_list_projects_spor,
	'listProjects.side': m.portfolio_api_param_list_projects_side,
	'listMeasures.side': m.portfolio_api_param_list_measures_side,
	'listMeasures.id': m.portfolio_api_param_list_measures_id,
	'listBenefits.spor': m.portfolio_api_param_list_benefits_spor,
	'listBenefits.prosjekt': m.portfolio_api_param_list_benefits_prosjekt,
	'listBenefits.niva': m.portfolio_api_param_list_benefits_niva,
	'listBenefits.etter': m.portfolio_api_param_list_benefits_etter,
	'getBenefit.id': m.portfolio_api_param_get_benefit_id,
	'logRealisation.id': m.portfolio_api_param_log_realisation_id,
	'logRealisation.period': m.portfolio_api_param_log_realisation_period,
	'logRealisation.value': m.portfolio_api_param_log_realisation_value,
	'logRealisation.assessment': m.portfolio_api_param_log_realisation_assessment,
	'logRealisation.narrative': m.portfolio_api_param_log_realisation_narrative,
	'logRealisation.evidence': m.portfolio_api_param_log_realisation_evidence,
	'logRealisation.supersedesId': m.portfolio_api_param_log_realisation_supersedes_id,
	'logRealisation.correctionReason': m.portfolio_api_param_log_realisation_correction_reason,
	'getCompliance.ar': m.portfolio_api_param_get_compliance_ar,
	'getCompliance.hjul': m.portfolio_api_param_get_compliance_hjul,
	'getCompliance.enhet': m.portfolio_api_param_get_compliance_enhet,
	'getCompliance.etter': m.portfolio_api_param_get_compliance_etter,
	'listOccurrences.enhet': m.portfolio_api_param_list_occurrences_enhet,
	'listOccurrences.forfalt': m.portfolio_api_param_list_occurrences_forfalt,
	'listOccurrences.denne': m.portfolio_api_param_list_occurrences_denne,
	'signOccurrence.oppgave': m.portfolio_api_param_sign_occurrence_oppgave,
	'signOccurrence.enhet': m.portfolio_api_param_sign_occurrence_enhet,
	'signOccurrence.periode': m.portfolio_api_param_sign_occurrence_periode,
	'signOccurrence.storedIn': m.portfolio_api_param_sign_occurrence_stored_in,
	'signOccurrence.link': m.portfolio_api_param_sign_occurrence_link
};

const EXAMPLE_PATH: Record<string, string> = {
	'{id}': '12',
	'{oppgave}': '3',
	'{enhet}': '7',
	'{periode}': '2026-11'
};

const EXAMPLE_BODY: Record<string, object> = {
	logRealisation: { period: '2026-11', value: 125000, comment: 'Fra økonomisystemet' },
	signOccurrence: { storedIn: 'Compilo', comment: 'Gjennomgått i ledermøtet' }
};

/** Example values for required query parameters (`spor` has no default). */
const EXAMPLE_QUERY: Record<string, string> = { spor: '2' };

function curl(op: ApiOperation, origin: string): string {
	const required = Object.entries(op.query?.shape ?? {})
		.filter(([, s]) => !(s as { isOptional?: () => boolean }).isOptional?.())
		.map(([name]) => `${name}=${EXAMPLE_QUERY[name] ?? '1'}`);
	const path =
		op.path.replace(/\{[a-z]+\}/g, (m) => EXAMPLE_PATH[m] ?? '1') +
		(required.length ? `?${required.join('&')}` : '');
	const lines = [`curl -H "Authorization: Bearer $MISJONSKART_TOKEN" \\`];
	const body = EXAMPLE_BODY[op.id];
	if (body) {
		lines.push('  -H "Content-Type: application/json" \\');
		lines.push(`  -d '${JSON.stringify(body)}' \\`);
	}
	// Quoted: `?` and `&` mean something to the shell.
	lines.push(`  "${origin}/api/v1${path}"`);
	return lines.join('\n');
}

export interface TextPart {
	text: string;
	/** Between backticks in the description: a name to show as code. */
	code: boolean;
}

/** A description with `names` in backticks, as parts the page shows as text and `<code>`. */
export function textParts(text: string): TextPart[] {
	return text
		.split('`')
		.map((part, i) => ({ text: part, code: i % 2 === 1 }))
		.filter((p) => p.text !== '');
}

function parameters(op: ApiOperation) {
	/** A parameter's description in the reader's language; the document's own where it has none. */
	const said = (name: string, own: string) => textParts(PARAM_TEXT[`${op.id}.${name}`]?.() ?? own);
	const fromShape = (shape: Record<string, unknown> | undefined, where: string) =>
		Object.entries(shape ?? {}).map(([name, s]) => {
			const schema = s as { description?: string; isOptional?: () => boolean };
			return {
				name,
				where,
				required: !(schema.isOptional?.() ?? false),
				description: said(name, schema.description ?? '')
			};
		});
	return [
		...op.pathParams.map((p) => ({
			name: p.name,
			where: 'adresse',
			required: true,
			description: said(p.name, p.description)
		})),
		...fromShape(op.query?.shape, 'spørring'),
		...fromShape(op.body?.shape, 'JSON'),
		...(op.idempotent
			? [
					{
						name: 'Idempotency-Key',
						where: 'header',
						required: false,
						description: textParts(m.portfolio_api_param_idempotency_key())
					}
				]
			: [])
	];
}

export function apiGuide(origin: string) {
	return {
		origin,
		rate: API_RATE.limit,
		maxDays: MAX_TOKEN_DAYS,
		operations: API_OPERATIONS.map((op) => ({
			id: op.id,
			method: op.method,
			path: `/api/v1${op.path}`,
			summary: OP_TEXT[op.id]?.summary() ?? op.summary,
			description: textParts(OP_TEXT[op.id]?.description() ?? op.description),
			scope: op.scope,
			who: OP_TEXT[op.id]?.who() ?? op.who,
			parameters: parameters(op),
			curl: curl(op, origin)
		}))
	};
}
