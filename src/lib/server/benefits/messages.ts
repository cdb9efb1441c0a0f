/** The benefit map's and gain realisation's messages, keyed by the reason a write answers. */
import type { MessageBook } from '../result';
import {
	linkKindError,
	linkRefusal,
	type GraphEdge,
	type GraphNode,
	type LinkRefusal
} from '$lib/domain/benefit-graph';

export const BENEFIT_MESSAGES: MessageBook = {
	messages: {
		has_realisations:
			'Gevinsten har registrerte realiseringer og kan ikke slettes; historikken skal bevares.',
		plan_frozen:
			'Gevinsten har en godkjent gevinstplan og kan ikke slettes; planen og vedtakene skal bevares.',
		plan_frozen_unit:
			'Gevinsten har en godkjent gevinstplan, så type og enhet kan ikke endres; planen er målt i dem. Andre felt kan du endre som før.',
		plan_frozen_judgement:
			'Planen er godkjent og frosset, så retning, toleranse og ulempe kan ikke endres her; de avgjør om gevinsten er i rute mot den godkjente planen. Vil du endre dem, åpne «Be om endring av nullpunkt, mål eller plan» under «Versjoner av planen», velg dem under «Hvordan gevinsten vurderes» og skriv hvorfor; styringsgruppen avgjør den. Navn, beskrivelse, eier og de andre feltene kan du endre som før.',
		benefit_missing: 'Fant ikke gevinsten. Last siden på nytt.',
		project_missing: 'Fant ikke prosjektet.',
		supersedes_missing: 'Registreringen som skal korrigeres finnes ikke for denne gevinsten.',
		supersedes_other_month:
			'Registreringen som skal korrigeres gjelder en annen måned. En korrigering må gjelde samme måned som registreringen den erstatter.',
		supersedes_superseded:
			'Registreringen er allerede korrigert. Last siden på nytt og korriger den gjeldende registreringen.',
		not_quantitative: 'Bare kvantitative gevinster prissettes.',
		no_plan: 'Sett nullpunkt og mål først',
		outside_plan: 'Måneden må ligge mellom nullpunktet og måldatoen',
		estimate_too_large:
			'Summen av linjene blir for stor. Et estimat kan være høyst 10 000 000 timer, eller 1 000 000 000 000 i andre enheter (kroner, antall).',
		link_from: 'Velg hva koblingen går fra',
		link_to: 'Velg hva koblingen går til',
		// An attested month is locked (attestation-actions.ts).
		period_attested:
			'Perioden er attestert av gevinsteieren. En ny verdi må korrigere den attesterte registreringen.',
		validator_missing: 'Velg en validator fra listen',
		correction_reason_required: 'Perioden er attestert. Skriv en begrunnelse for korrigeringen.'
	},
	fields: { owner_missing: 'ownerId', unit_missing: 'unitId', validator_missing: 'validatorId' }
};

/** Why a link is refused, in the words of the map's rules. */
export function linkMessage(refusal: LinkRefusal): string {
	switch (refusal.code) {
		case 'missing':
			return 'Finner ikke elementet som skal kobles.';
		case 'self':
			return 'Et element kan ikke kobles til seg selv.';
		case 'kind':
			return linkKindError(refusal.from, refusal.to) ?? '';
		case 'duplicate':
			return 'Koblingen finnes allerede.';
		case 'cycle':
			return `Koblingen ville gitt en sirkel: «${refusal.toLabel}» fører allerede tilbake til «${refusal.fromLabel}».`;
	}
}

export type LinkCheck = { ok: true } | { ok: false; message: string };

/** `linkRefusal`, answered with the message a user reads. */
export function checkNewLink(
	nodes: readonly GraphNode[],
	edges: readonly GraphEdge[],
	from: string,
	to: string
): LinkCheck {
	const refusal = linkRefusal(nodes, edges, from, to);
	return refusal ? { ok: false, message: linkMessage(refusal) } : { ok: true };
}

export const BENEFIT_SUCCESS = {
	updated: 'Gevinsten er oppdatert.',
	lineAdded: 'Linjen er lagt til.',
	lineChanged: 'Linjen er endret.',
	lineRemoved: 'Linjen er fjernet.',
	planSaved: 'Nullpunkt og mål er lagret.',
	periodRemoved: 'Den planlagte verdien er fjernet.',
	realised: 'Realiseringen er registrert.',
	corrected: 'Korrigeringen er registrert. Den gamle registreringen står i historikken.',
	followUp: 'Årsak og korrigerende tiltak er registrert.',
	linkAdded: 'Koblingen er lagt til.',
	linkRemoved: 'Koblingen er fjernet.',
	changeRemoved: 'Endringen og koblingene til den er fjernet.',
	settingsSaved: 'Innstillingene er lagret.',
	periodPlanned: (period: string) => `Planlagt verdi for ${period} er lagret.`,
	changeAdded: (title: string) => `Endringen «${title}» er lagt til.`,
	changeSaved: (title: string) => `Endringen «${title}» er lagret.`,
	benefitAdded: (title: string) => `Gevinsten «${title}» er lagt til.`
} as const;

// ── Plan versions: freezing, change requests and their decision ─────────────────────────────

export const PLAN_VERSION_MESSAGES: MessageBook = {
	messages: {
		benefit_missing: 'Fant ikke gevinsten. Last siden på nytt.',
		no_plan: 'Sett nullpunkt og mål før planen fryses.',
		plan_frozen_already: 'Planen er allerede frosset. Endringer må nå godkjennes.',
		plan_frozen:
			'Planen er godkjent og frosset, så nullpunkt, mål og planlagte måneder endres bare ved en godkjent endring. Åpne «Be om endring av nullpunkt, mål eller plan» under «Versjoner av planen» og skriv en begrunnelse; styringsgruppen avgjør den.',
		plan_frozen_estimate:
			'Planen er godkjent og frosset, og estimatet hører til den godkjente planen. Vil du endre det, åpne «Be om endring av nullpunkt, mål eller plan» under «Versjoner av planen», rett linjene i feltet «Estimatlinjer» og skriv hvorfor; styringsgruppen avgjør den.',
		plan_not_frozen: 'Planen er ikke frosset ennå; endre nullpunkt og mål direkte.',
		request_waiting:
			'En endring venter allerede på godkjenning. Vent til den er avgjort før du ber om en ny.',
		not_waiting: 'Forespørselen er allerede avgjort. Last siden på nytt.',
		own_request: 'Du kan ikke godkjenne din egen endringsforespørsel; en annen må godkjenne den.',
		stale:
			'Planen er endret og godkjent på nytt siden denne forespørselen ble sendt. Avvis den, og be om en ny endring ut fra gjeldende plan.',
		outside_plan: 'Månedene i planen må ligge mellom nullpunktet og måldatoen',
		evidence_too_many: 'Legg ved én fil som bevis for nullpunktet.',
		evidence_too_large: 'Filen er for stor. Største tillatte størrelse er 10 MB.',
		evidence_empty: 'Filen er tom.',
		evidence_type: 'Filtypen støttes ikke. Bruk PDF, bilde eller et kontordokument.',
		estimate_too_large:
			'Summen av linjene blir for stor. Et estimat kan være høyst 10 000 000 timer, eller 1 000 000 000 000 i andre enheter (kroner, antall).'
	},
	fields: {
		outside_plan: 'plan',
		estimate_too_large: 'lines',
		evidence_too_many: 'evidence',
		evidence_too_large: 'evidence',
		evidence_empty: 'evidence',
		evidence_type: 'evidence'
	}
};

export const PLAN_VERSION_SUCCESS = {
	frozen: 'Planen er godkjent og frosset. Endringer må nå godkjennes av styringsgruppen.',
	requested: 'Endringen er sendt til godkjenning. Gjeldende plan står til den er avgjort.',
	approved: 'Endringen er godkjent og gjelder nå.',
	rejected: 'Endringen er avvist. Gjeldende plan står.'
};

// ── Attestation, validation and forecast ────────────────────────────────────────────────────

export const ATTESTATION_MESSAGES: MessageBook = {
	messages: {
		benefit_missing: BENEFIT_MESSAGES.messages.benefit_missing!,
		realisation_missing: 'Fant ikke registreringen for denne gevinsten. Last siden på nytt.',
		realisation_superseded:
			'Registreringen er korrigert av en nyere. Last siden på nytt og bekreft den som gjelder.',
		not_owner: 'Bare gevinsteieren kan attestere en periode.',
		not_validator: 'Bare gevinstens validator kan validere.',
		not_kroner: 'Bare gevinster i kroner valideres.',
		own_value: 'Du kan ikke validere en verdi du har registrert selv.',
		not_attested:
			'Gevinsteieren har ikke attestert verdien for denne måneden ennå, og validering kommer etter attestering. Be gevinsteieren attestere måneden under «Status og attestering» på gevinstsiden, og valider deretter.',
		already_confirmed: 'Perioden er allerede bekreftet.',
		period_mismatch:
			'Registreringen gjelder en annen måned enn den som skal bekreftes. Last siden på nytt.'
	}
};

export const ATTESTATION_SUCCESS = {
	attested: (period: string) => `Verdien for ${period} er attestert.`,
	validated: (period: string) => `Verdien for ${period} er validert.`,
	forecast: (period: string) => `Prognosen for ${period} er lagret.`
} as const;

// ── The start tied to a measure ─────────────────────────────────────────────────────────────

export const TIMING_MESSAGES: MessageBook = {
	fields: { measure_missing: 'startMeasureId' },
	messages: {
		benefit_missing: BENEFIT_MESSAGES.messages.benefit_missing!,
		measure_missing: 'Velg et av prosjektets tiltak fra listen'
	}
};

export const TIMING_SUCCESS = {
	tied: 'Gevinstens start er knyttet til tiltaket.',
	untied: 'Gevinstens start er ikke lenger knyttet til et tiltak.'
};

/** A realised value, or its attestation, for a month that has not begun (Oslo time). */
export const FUTURE_MONTH =
	'Måneden har ikke begynt ennå. Realisert verdi registreres og attesteres for denne måneden eller tidligere måneder; bruk prognosen for det du venter fremover.';

/**
 * A filter in the address that names nothing (a mistyped or old link): the page shows
 * everything for that part of the filter, and says so rather than ignoring it silently.
 */
export const FILTER_NOTICES = {
	spor: (raw: string) => `Fant ikke sporet «${raw}». Viser alle spor.`,
	prosjekt: (raw: string) => `Fant ikke prosjektet «${raw}». Viser alle prosjekter.`,
	niva: (raw: string) => `Fant ikke nivået «${raw}». Viser alle nivåer.`,
	mottaker: (raw: string) => `Fant ikke mottakeren «${raw}». Viser alle mottakere.`
};

/**
 * A decision on a request already decided (sent twice, or by two members at once): who
 * decided it, when and how, so nobody decides again or wonders whether their own went through.
 */
export function alreadyDecided(status: string, by: string | null, at: string | null): string {
	const how =
		status === 'rejected'
			? 'avvist'
			: status === 'approved' || status === 'replaced'
				? 'godkjent'
				: 'avgjort';
	const who = [by ? `av ${by}` : null, at].filter(Boolean).join(' ');
	return `Endringen er allerede ${how}${who ? ` ${who}` : ''}. Siden viser nå hvordan planen står.`;
}
