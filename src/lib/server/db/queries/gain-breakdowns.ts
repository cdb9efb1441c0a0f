/**
 * Sums by who gains (`benefit.beneficiary`, the sectors of seed 001's page TJENESTE) and by
 * quality dimension (seed 002/003), in SQL over each benefit's stored figure (benefit_figure,
 * kept by gain-rollups.ts), with the same arithmetic as the roll-ups: estimate, and planned and
 * realised gain to date relative to the baseline, in kr and hours; dis-benefits apart so the
 * page nets them (domain/benefits/net.ts). A benefit with several quality dimensions counts in
 * each of them; one with none under `ingen`.
 */
import { SUMS, type GainSumRow } from './gain-views';
import { BENEFITS_FROM, BENEFITS_IN_SCOPE } from './gain-lists';
import { preparedStatements } from './prepared';

const statement = preparedStatements();

export interface BreakdownFilter {
	projectId: number | null;
	trackId: number | null;
	level: string | null;
	beneficiary: string | null;
}

/** Each benefit in the scope as a row of the shape `SUMS` reads (gain_total's columns). */
const CONTRIBUTION = `
	select id, beneficiary, quality_dimensions,
		case when dis then 'ulempe_' else '' end || u as unit, 1 as benefits,
		case when u = 'other' then 0 else coalesce(estimate, 0) end as estimate,
		case when u = 'other' or status_period is null then 0 else status_planned - bv end as planned,
		case when u = 'other' or status_period is null then 0 else status_realised - bv end as realised
	from (
		select b.id, b.beneficiary, b.quality_dimensions, b.disbenefit as dis,
			b.baseline_value as bv, f.estimate, f.status_period, f.status_planned, f.status_realised,
			case when b.kind = 'kvantitativ' and b.unit in ('kr', 'timer') then b.unit
				else 'other' end as u
		${BENEFITS_FROM}
		${BENEFITS_IN_SCOPE} and (@beneficiary is null or b.beneficiary = @beneficiary))`;

const BREAKDOWN_SQL = `
	with c as materialized (${CONTRIBUTION})
	select 'beneficiary' as dim, beneficiary as key, ${SUMS} from c group by beneficiary
	union all
	select 'quality', coalesce(q.value, 'ingen'), ${SUMS}
	from c left join json_each(c.quality_dimensions) q group by coalesce(q.value, 'ingen')`;

export interface Breakdown {
	beneficiary: GainSumRow[];
	quality: GainSumRow[];
}

/** Sums per beneficiary and per quality dimension for the filter; groups without rows left out. */
export function gainBreakdown(filter: BreakdownFilter): Breakdown {
	const rows = statement('breakdown', () => BREAKDOWN_SQL).all(filter) as (GainSumRow & {
		dim: 'beneficiary' | 'quality';
	})[];
	return {
		beneficiary: rows.filter((r) => r.dim === 'beneficiary'),
		quality: rows.filter((r) => r.dim === 'quality')
	};
}
