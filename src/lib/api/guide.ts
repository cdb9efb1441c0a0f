/**
 * The API's human-readable description (/api): the same list of endpoints as the OpenAPI
 * document, each with its parameters, who may call it and a curl example.
 */
import { API_RATE, MAX_TOKEN_DAYS } from '$lib/domain/api-token';
import { API_OPERATIONS, type ApiOperation } from './operations';

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
	const fromShape = (shape: Record<string, unknown> | undefined, where: string) =>
		Object.entries(shape ?? {}).map(([name, s]) => {
			const schema = s as { description?: string; isOptional?: () => boolean };
			return {
				name,
				where,
				required: !(schema.isOptional?.() ?? false),
				description: textParts(schema.description ?? '')
			};
		});
	return [
		...op.pathParams.map((p) => ({
			name: p.name,
			where: 'adresse',
			required: true,
			description: textParts(p.description)
		})),
		...fromShape(op.query?.shape, 'spørring'),
		...fromShape(op.body?.shape, 'JSON')
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
			summary: op.summary,
			description: textParts(op.description),
			scope: op.scope,
			who: op.who,
			parameters: parameters(op),
			curl: curl(op, origin)
		}))
	};
}
