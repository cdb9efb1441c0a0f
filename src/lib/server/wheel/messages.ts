/** The årshjul's messages, keyed by the reason a write answers. */
import type { MessageBook } from '../result';
import { formatDateTime } from '$lib/format';
import { monthName, type Month } from '$lib/domain/schedule';
import {
	EVIDENCE_MAX_BYTES,
	EVIDENCE_MAX_FILES,
	EVIDENCE_TYPES,
	formatByteSize
} from '$lib/domain/control/evidence';

export const WHEEL_MESSAGES: MessageBook = {
	messages: {
		already_assigned: 'Enheten har allerede dette årshjulet.',
		unit_missing: 'Enheten finnes ikke eller er arkivert.',
		task_archived: 'Oppgaven er arkivert og kan ikke endres.',
		not_signed: 'Oppgaven er ikke signert, eller allerede gjenåpnet.',
		occurrence_missing: 'Fant ikke oppgaven for denne enheten og måneden. Last siden på nytt.',
		not_my_unit: 'Du kan bare velge en enhet du leder.',
		owner_unit_missing: 'Enheten finnes ikke.',
		not_assignable: 'Du kan ikke tildele årshjulet denne enheten.'
	}
};

/** The API's answers to a compliance filter naming what is not there (docs/api.md). */
export const COMPLIANCE_FILTER_MESSAGES = {
	wheel: 'Fant ikke årshjulet.',
	unit: 'Fant ikke enheten.',
	year: 'Året må være mellom 2000 og 2100.'
} as const;

const TYPES = EVIDENCE_TYPES.map((t) => t.ext.toUpperCase()).join(', ');
const AGAIN = 'Oppgaven er ikke signert. Velg filene på nytt og prøv igjen.';

/** A refused evidence file: what was wrong with which file, and that nothing was signed. */
export function evidenceMessage(reason: string, fileName?: string): string {
	const name = fileName ? `«${fileName.slice(0, 120)}»` : 'Filen';
	switch (reason) {
		case 'evidence_too_many':
			return `Du kan legge ved høyst ${EVIDENCE_MAX_FILES} filer per signatur. ${AGAIN}`;
		case 'evidence_empty':
			return `${name} er tom. ${AGAIN}`;
		case 'evidence_too_large':
			return `${name} er større enn ${formatByteSize(EVIDENCE_MAX_BYTES)}. ${AGAIN}`;
		default:
			return `${name} er ikke en filtype vi tar imot. Innholdet avgjør typen, ikke filnavnet: bruk ${TYPES}. ${AGAIN}`;
	}
}

/** A second sign-off of the same occurrence: who signed it, and when. */
export function alreadySignedMessage(signature?: { name?: string; signedAt: Date }): string {
	return signature
		? `Oppgaven er allerede signert av ${signature.name ?? 'en annen'} ${formatDateTime(signature.signedAt)}. Signaturen er ikke registrert på nytt.`
		: 'Oppgaven er allerede signert.';
}

/** A sign-off before its month: from when it may be signed. */
export function notBegunMessage(period: string): string {
	const [year, month] = period.split('-').map(Number);
	const name = `${monthName(month as Month)} ${year}`;
	return `Oppgaven for ${name} kan ikke signeres før måneden har begynt. Du kan signere fra 1. ${name}.`;
}

export const WHEEL_SUCCESS = {
	signed: 'Oppgaven er signert.',
	reopened: 'Signaturen er gjenåpnet. Oppgaven kan signeres på nytt.',
	wheelSaved: 'Årshjulet er lagret.',
	assigned: 'Årshjulet er tildelt enheten.',
	unassigned: 'Tildelingen er fjernet. Signaturer er beholdt.',
	feedRevoked: 'Kalenderabonnementet er slettet. Adressen virker ikke lenger.',
	wheelCreated: (name: string) => `Årshjulet «${name}» er opprettet.`,
	taskAdded: (title: string) => `Oppgaven «${title}» er lagt til.`,
	taskSaved: (title: string) => `Oppgaven «${title}» er lagret. Signerte forekomster er uendret.`,
	taskArchived: (title: string) => `Oppgaven «${title}» er arkivert.`
} as const;
