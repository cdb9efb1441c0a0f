/**
 * The words of an attestation and a validation, stored as shown (DOMAIN.md «Benefit
 * governance»): the owner confirms the measured value for a month named in Norwegian.
 */
import { monthName, type Month } from '../wheel/schedule';
import type { ConfirmationKind } from './vocabulary';

/** «oktober 2026» for `2026-10`. */
export function periodWords(period: string): string {
	const [year, month] = period.split('-').map(Number);
	return `${monthName(month as Month)} ${year}`;
}

/** The id of a month's row on the benefit page, `attest-2026-10`: links name the month. */
export function periodAnchor(period: string): string {
	return `attest-${period}`;
}

/** The statement as the owner or validator reads it beside the button. */
export function confirmationStatement(kind: ConfirmationKind, period: string): string {
	return kind === 'attest'
		? `Jeg bekrefter at dette er målt verdi for ${periodWords(period)}`
		: `Jeg bekrefter at kronebeløpet for ${periodWords(period)} er kontrollert mot regnskapet`;
}

/**
 * Why a confirmation may not be given yet, or null. The validator checks kroner against the
 * accounts for a value its owner has attested as measured for that month: validating first
 * would confirm a figure the one answerable for the benefit has not stood behind (DOMAIN.md
 * «Benefit governance»: the owner attests, a validator confirms).
 */
export function confirmationRefusal(
	kind: ConfirmationKind,
	row: { attested: boolean }
): 'not_attested' | null {
	return kind === 'validate' && !row.attested ? 'not_attested' : null;
}
