/**
 * The benefit page's governance part: the months that count with who attested and validated
 * them, the forecast, and the benefit's health (on track / at risk / behind) with the rule in
 * words (src/lib/domain/benefits/health.ts).
 */
import {
	countAllWaitingAttestation,
	listAllWaitingAttestation,
	listBenefitConfirmations,
	listForecasts,
	listWaitingFor,
	countWaitingFor
} from '../../db/queries/benefits-attestation';
import { keysetList } from '$lib/paging';
import type { BenefitAccess } from '../access';
import { confirmationRefusal, periodAnchor } from '$lib/domain/benefits/attestation';
import {
	benefitHealth,
	forecastAtEnd,
	type Deviation,
	type HealthJudgement
} from '$lib/domain/benefits/health';
import { healthLabel, periodLabel } from '$lib/labels-benefits';
import { m } from '$lib/paraglide/messages';
import type { SeriesRow } from '$lib/domain/benefits/gain-realisation';
import { formatValue } from '$lib/charts/realisation';

/** The months shown; older ones are in the realisation log. */
export const CONFIRMATION_ROWS = 24;

export function attestationView(
	{ user, benefit, canEdit }: BenefitAccess,
	series: readonly SeriesRow[],
	/** The benefit's tolerance, or the mission's margin when it has none (`toleranceOf`). */
	tolerancePercent: number
) {
	const unit = benefit.unit ?? 'antall';
	const isOwner = benefit.ownerId === user.id;
	const isValidator = benefit.validatorId === user.id && unit === 'kr';
	const rows = listBenefitConfirmations(benefit.id, CONFIRMATION_ROWS).map((r) => ({
		...r,
		// The button's words; what is stored with the attestation stays bokmål (actions/attestation.ts).
		statement: m.benefits_attest_statement({ period: periodLabel(r.period) }),
		validateStatement: m.benefits_validate_statement({ period: periodLabel(r.period) }),
		canAttest: isOwner && r.attestedAt === null,
		canValidate:
			isValidator &&
			r.validatedAt === null &&
			r.authorId !== user.id &&
			confirmationRefusal('validate', { attested: r.attestedAt !== null }) === null
	}));
	const forecasts = listForecasts(benefit.id);
	return {
		rows,
		forecasts,
		canForecast: canEdit || isOwner,
		validates: unit === 'kr' && benefit.validatorId !== null,
		health: health(benefit, tolerancePercent, series, forecasts)
	};
}

function health(
	benefit: BenefitAccess['benefit'],
	tolerancePercent: number,
	series: readonly SeriesRow[],
	forecasts: { period: string; value: number }[]
) {
	const unit = benefit.unit ?? 'antall';
	const last = series.findLast((r) => r.realised !== null);
	const end = series.at(-1);
	if (!last || last.realised === null || !end) return null;
	// A month without a forecast carries the plan's step (`forecastMonths`), never 0.
	const judged = benefitHealth({
		direction: benefit.direction,
		tolerancePercent,
		planned: last.planned,
		realised: last.realised,
		plannedAtEnd: end.planned,
		forecastAtEnd: forecastAtEnd(series, forecasts),
		format: (v) => formatValue(v, unit)
	});
	return healthInWords(judged, tolerancePercent, last.realised, last.planned, (v) =>
		formatValue(v, unit)
	);
}

/** «er 14 % under plan (1 400 000 kr)» in the reader's language. */
function phrase(d: Deviation, planned: string): string {
	if (d.side === 'på') return m.benefits_health_on_plan({ planned });
	const percent = d.percent === null ? '' : `${d.percent} % `;
	return d.side === 'over'
		? m.benefits_health_over({ percent, planned })
		: m.benefits_health_under({ percent, planned });
}

/** The judgement's label and sentence (domain/benefits/health.ts) in the reader's language. */
function healthInWords(
	h: HealthJudgement,
	tolerance: number,
	realised: number,
	planned: number,
	format: (v: number) => string
): HealthJudgement {
	const head = m.benefits_health_head({
		realised: format(realised),
		phrase: phrase(h.now, format(planned)),
		tolerance
	});
	const tail = h.end
		? m.benefits_health_tail({
				forecast: format(h.end.forecast),
				phrase: phrase(h.end, format(h.end.planned))
			})
		: null;
	const sentence =
		h.status === 'behind'
			? m.benefits_health_behind({ head })
			: h.status === 'at_risk'
				? m.benefits_health_at_risk({ head, tail: tail ?? '' })
				: tail
					? m.benefits_health_on_track_forecast({ head, tail })
					: m.benefits_health_on_track({ head });
	return { ...h, label: healthLabel(h.status), sentence };
}

/**
 * A link to one month's confirmation on the benefit page: the month's own anchor, so the
 * browser's focus start is that month and the next Tab reaches its button, not the newest
 * month's (the list is newest first). WCAG 2.1 2.4.3 Focus Order, 2.4.4 Link Purpose.
 */
export function attestHref(benefitId: number, period: string): string {
	return `/gevinster/${benefitId}#${periodAnchor(period)}`;
}

/** How many of each list «Mitt arbeid» and «Mine oppgaver» show a page; the count says how many wait. */
export const WAITING_PAGE = 10;

/**
 * Periods waiting for this person's attestation (as owner) or validation (as validator), each
 * list a page at a time (`attest-etter`, `valider-etter` …), so every one can be reached.
 */
export function waitingConfirmations(userId: number, params: URLSearchParams) {
	const list = (kind: 'attest' | 'validate') => {
		const page = keysetList(
			params,
			(position, limit) => listWaitingFor(kind, userId, position, limit),
			{
				prefix: kind === 'attest' ? 'attest-' : 'valider-',
				hash: kind === 'attest' ? 'venter-attest' : 'venter-valider',
				size: WAITING_PAGE,
				keyLength: 2,
				keyOf: (r) => [r.period, r.id]
			}
		);
		return {
			total: countWaitingFor(kind, userId),
			rows: page.rows.map((r) => ({
				id: r.id,
				period: r.period,
				title: r.title,
				href: attestHref(r.benefitId, r.period)
			})),
			pager: { previous: page.previous, next: page.next, first: page.first }
		};
	};
	return { attest: list('attest'), validate: list('validate') };
}

export const ALL_WAITING_PAGE = 25;

/** Every period waiting for its owner's attestation, for the steering group, a page at a time. */
export function allWaitingAttestation(params: URLSearchParams) {
	const page = keysetList(params, (position, limit) => listAllWaitingAttestation(position, limit), {
		prefix: '',
		hash: 'venter-h',
		size: ALL_WAITING_PAGE,
		keyLength: 2,
		keyOf: (r) => [r.period, r.id]
	});
	return {
		count: countAllWaitingAttestation(),
		rows: page.rows.map((r) => ({ ...r, href: attestHref(r.benefitId, r.period) })),
		pager: { previous: page.previous, next: page.next, first: page.first }
	};
}

/** For the steering page: how many periods wait for attestation. */
export function waitingAttestationCount(): number {
	return countAllWaitingAttestation();
}
