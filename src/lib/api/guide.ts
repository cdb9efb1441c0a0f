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

function curl(op: ApiOperation, origin: string): string {
	const path = op.path.replace(/\{[a-z]+\}/g, (m) => EXAMPLE_PATH[m] ?? '1');
	const lines = [`curl -H "Authorization: Bearer $MISJONSKART_TOKEN" \\`];
	const body = EXAMPLE_BODY[op.id];
	if (body) {
		lines.push('  -H "Content-Type: application/json" \\');
		lines.push(`  -d '${JSON.stringify(body)}' \\`);
	}
	lines.push(`  ${origin}/api/v1${path}`);
	return lines.join('\n');
}

function parameters(op: ApiOperation) {
	const fromShape = (shape: Record<string, unknown> | undefined, where: string) =>
		Object.entries(shape ?? {}).map(([name, s]) => {
			const schema = s as { description?: string; isOptional?: () => boolean };
			return {
				name,
				where,
				required: !(schema.isOptional?.() ?? false),
				description: schema.description ?? ''
			};
		});
	return [
		...op.pathParams.map((p) => ({
			name: p.name,
			where: 'adresse',
			required: true,
			description: p.description
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
			description: op.description,
			scope: op.scope,
			who: op.who,
			parameters: parameters(op),
			curl: curl(op, origin)
		}))
	};
}
