/**
 * Seed 004's selection funnel for «Omstilling i bo og habilitering», as real measures with
 * their history («Rapport fra innsiktsfasen»: «Fremkom 86 forslag til tiltak fra
 * arbeidsgruppene. Prosjektgruppen prioriterte 15 anbefalte tiltak for gjennomføring.
 * Styringsgruppen vedtok 6 tiltak for testing/implementering i tjenesten»). The six adopted are
 * the seed's list «Tiltak 1–6»; of the nine other recommendations, two are named in the seed's
 * AP 1 (Stangemodellen, velferdsteknologi) and seven are the seed's other AP 1 themes. The
 * seed does not list the remaining 71 proposals, so they carry their number only.
 */
import type { LifecycleStatus } from '$lib/domain/portfolio/vocabulary';

export const FUNNEL_TOTAL = 86;

const allBo = ['Avdeling Nord', 'Avdeling Sør', 'Avdeling Fjord'];

/** The six the steering group adopted (seed 004 «Tiltak» 1–6), with where they stand now. */
export const ADOPTED: [title: string, units: string[], status: LifecycleStatus][] = [
	['Ta i bruk felles modell for vedtaksvurdering og tildeling', allBo, 'in_progress'],
	[
		'Planlegge, lede og organisere tjenestene etter prinsippene: profesjonalisert veiledning, profesjonalisert kartlegging, ressursfordeling, tydeligere ledelse',
		allBo,
		'in_progress'
	],
	[
		'Felles retningslinjer, modell og prosedyre for håndtering av økning/nedgang i tjenester ut over normert kapasitet',
		['Avdeling Nord', 'Avdeling Sør'],
		'adopted'
	],
	['Endret organisering og drift av støttekontakttilbud', ['Avdeling Fjord'], 'adopted'],
	['Gjennomføre regelmessige brukerundersøkelser i tjenesten', allBo, 'in_progress'],
	['Bedre kunnskap og dialog om tjenestetilbudet', ['Avdeling Nord'], 'adopted']
];

/**
 * Recommended by the project group, not adopted: one rejected, one still awaiting the
 * steering group, and seven sent back to the list of proposals to be weighed again (seed 004,
 * 2026: «Vurdere gjennomføring av andre aktuelle tiltak»).
 */
export const RECOMMENDED: [title: string, outcome: 'rejected' | 'recommended' | 'returned'][] = [
	['Lavterskel likemannsarbeid etter Stangemodellen', 'rejected'],
	['Bruk av helse-, velferds- og mestringsteknologi', 'recommended'],
	['Beskrive tjenesteforløp med innhold', 'returned'],
	['Kartlegge og videreutvikle avlastningstilbudet', 'returned'],
	['Gjennomgå ordningen med brukerstyrt personlig assistanse', 'returned'],
	['Egen organisering av tjenestene til barn og unge', 'returned'],
	['Kunnskap om tjenesten og omdømmebygging', 'returned'],
	['Bedre veiledning til pårørende', 'returned'],
	['Faglig samarbeid om bo og habilitering mellom kommunene', 'returned']
];

export const RETURN_REASON =
	'Vurderes på nytt når de seks vedtatte tiltakene er i drift (erfaringskonferansen «Omstilling i bo og habilitering»: «Vurdere gjennomføring av andre aktuelle tiltak»).';
export const REJECT_REASON = 'Ikke vedtatt for testing nå';

/** The 71 proposals that stayed proposals, numbered after the fifteen recommended. */
export const PROPOSED_ONLY: string[] = Array.from(
	{ length: FUNNEL_TOTAL - ADOPTED.length - RECOMMENDED.length },
	(_, i) => `Forslag ${i + ADOPTED.length + RECOMMENDED.length + 1} fra arbeidsgruppene`
);
