/**
 * The portfolio's risk picture in SQL (Risikomatrise for porteføljen): the 5×5 matrix as counts
 * per cell (GROUP BY), and the risks as a list a page at a time with keyset paging. Which risks
 * count is the rule of `listRisks` (queries/risks.ts): risks on live work only, not on an
 * archived project or measure, nor on a measure whose project is archived. Closed risks are
 * left out unless asked for, as in the matrix on a project's page (charts/risk-matrix.ts).
 */
import type { SortKey } from '$lib/paging';
import { type RiskSort, type RiskStatus } from '$lib/domain/portfolio/vocabulary';
import { preparedStatements } from './prepared';

export interface RiskFilterParams {
	/** 1 to include closed risks. */
	closed: 0 | 1;
	likelihood: number | null;
	consequence: number | null;
	trackId: number | null;
	area: string | null;
}

/**
 * Sort keys per order, ascending in SQL (higher scores first by negating them), so one row-value
 * comparison serves the keyset: `(k1, k2, k3) > (@k1, @k2, @k3)`. Ties end on the id (repeated
 * where an order needs fewer than three keys).
 */
const KEYS: Record<RiskSort, [string, string, string]> = {
	score: ['-(r.likelihood * r.consequence)', '-r.likelihood', 'r.id'],
	title: ['r.title collate nocase', 'r.id', 'r.id'],
	newest: ['-r.id', '-r.id', '-r.id']
};

const LIVE = (withCell: boolean) => `
	from risk r
	left join project p on p.id = r.project_id
	left join measure m on m.id = r.measure_id
	left join project mp on mp.id = m.project_id
	where (r.project_id is null or p.archived_at is null)
		and (r.measure_id is null or (m.archived_at is null and mp.archived_at is null))
		and (@closed = 1 or r.status <> 'closed')
		and (@trackId is null or coalesce(r.project_id, m.project_id) in (
			select project_id from project_track where track_id = @trackId))
		and (@area is null or r.area = @area)${
			withCell
				? `
		and (@likelihood is null or r.likelihood = @likelihood)
		and (@consequence is null or r.consequence = @consequence)`
				: ''
		}`;

const pageSql = (sort: RiskSort, direction: 'after' | 'before' | 'first') => {
	const [k1, k2, k3] = KEYS[sort];
	const where =
		direction === 'after'
			? `and (${k1}, ${k2}, ${k3}) > (@k1, @k2, @k3)`
			: direction === 'before'
				? `and (${k1}, ${k2}, ${k3}) < (@k1, @k2, @k3)`
				: '';
	const order = direction === 'before' ? 'desc' : 'asc';
	return `select r.id, r.title, r.likelihood, r.consequence, r.status, r.project_id as projectId,
			r.measure_id as measureId, coalesce(p.title, m.title) as subjectTitle,
			mp.title as measureProjectTitle,
			${k1} as k1, ${k2} as k2, ${k3} as k3
		${LIVE(true)} ${where}
		order by ${k1} ${order}, ${k2} ${order}, ${k3} ${order}
		limit @limit`;
};

const COUNT_SQL = `select r.likelihood, r.consequence, count(*) as n,
		count(case when r.status = 'closed' then 1 end) as closed
	${LIVE(false)}
	group by r.likelihood, r.consequence`;

const statement = preparedStatements();

export interface RiskCellCount {
	likelihood: number;
	consequence: number;
	n: number;
	closed: number;
}

/** Risks per cell of the matrix for the filter (the cell filter itself left out). */
export function countRisksByCell(params: RiskFilterParams): RiskCellCount[] {
	const { closed, trackId, area } = params;
	return statement('count', () => COUNT_SQL).all({ closed, trackId, area }) as RiskCellCount[];
}

export interface RiskListRow {
	id: number;
	title: string;
	likelihood: number;
	consequence: number;
	status: RiskStatus;
	projectId: number | null;
	measureId: number | null;
	subjectTitle: string;
	/** The project a measure's risk belongs to: a measure's title alone is ambiguous. */
	measureProjectTitle: string | null;
	key: SortKey;
}

/**
 * One page of risks in `sort` order after (or before) a key, with one row more than `size` in
 * the direction of travel; rows come back in ascending order either way.
 */
export function listRisksPage(
	params: RiskFilterParams,
	sort: RiskSort,
	position: { after?: SortKey; before?: SortKey },
	size: number
): RiskListRow[] {
	const direction = position.after ? 'after' : position.before ? 'before' : 'first';
	const key = position.after ?? position.before;
	const rows = statement(`page:${sort}:${direction}`, () => pageSql(sort, direction)).all({
		...params,
		limit: size + 1,
		...(key ? { k1: key[0], k2: key[1], k3: key[2] } : {})
	}) as (Omit<RiskListRow, 'key'> & { k1: string | number; k2: number; k3: number })[];
	const mapped = rows.map(({ k1, k2, k3, ...row }) => ({ ...row, key: [k1, k2, k3] }));
	return direction === 'before' ? mapped.reverse() : mapped;
}
