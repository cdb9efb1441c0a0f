/**
 * Example portfolio: the ASB mission of seed 001 (grand challenge, mission, effektmål 1–3,
 * tracks 1A–5 with 1A, 1B and 5 prioritised) and seed 004's project «Omstilling i bo og
 * habilitering» with its six adopted measures and ROS risks. Titles listed in
 * notes/demo-contract.md are relied on by the benefits seeder: keep them exact.
 */
import { hashPassword } from '$lib/server/auth/password';
import { generateToken } from '$lib/server/auth/tokens';
import { createUser } from '$lib/server/db/queries/users';
import { createEffectGoal, saveMission } from '$lib/server/db/queries/mission';
import { createTrack, setTrackPrioritised } from '$lib/server/db/queries/tracks';
import { createProject, saveProjectScores } from '$lib/server/db/queries/projects';
import { createMeasure } from '$lib/server/db/queries/measures';
import { changeStatus, saveStatusReport } from '$lib/server/db/queries/lifecycle';
import { createRisk } from '$lib/server/db/queries/risks';
import type { LensScores, LifecycleStatus, Level, RagStatus } from '$lib/domain/portfolio';
import type { DemoOrganisation } from './organisation';

function created(result: { ok: true; value: number } | { ok: false; reason: string }): number {
	if (!result.ok) throw new Error(`Eksempeldata (portefølje): ${result.reason}`);
	return result.value;
}

function done(result: { ok: true } | { ok: false; reason: string }): void {
	if (!result.ok) throw new Error(`Eksempeldata (portefølje): ${result.reason}`);
}

const PATH: LifecycleStatus[] = ['recommended', 'adopted', 'in_progress', 'completed'];

/** Walks the funnel step by step so the status history reads like real use. */
function advance(
	subject: 'track' | 'project' | 'measure',
	id: number,
	to: LifecycleStatus,
	actorId: number
) {
	if (to === 'proposed') return;
	if (to === 'rejected') {
		done(changeStatus(subject, id, 'recommended', null, actorId));
		done(changeStatus(subject, id, 'rejected', 'Ikke vedtatt for testing nå', actorId));
		return;
	}
	for (const step of PATH) {
		done(changeStatus(subject, id, step, null, actorId));
		if (step === to) return;
	}
}

const TRACKS: {
	code: string;
	title: string;
	problemStatement: string;
	barriers: string;
	prioritised: boolean;
}[] = [
	{
		code: '1A',
		title: 'Brukermedvirkning',
		problemStatement: 'Manglende brukermedvirkning og individuelt tilpasset tjenesteutforming.',
		barriers:
			'Brukerne involveres for sent og for lite i utformingen av tjenestene.\nTjenestene tilpasses organisasjonen mer enn familiens behov.',
		prioritised: true
	},
	{
		code: '1B',
		title: 'Samhandling',
		problemStatement: 'Manglende samhandling mellom tjenestene og manglende helhet.',
		barriers:
			'Informasjon er spredt over ulike kanaler og sektorer.\nKasteballproblematikk: familien må selv koordinere tjenestene.',
		prioritised: true
	},
	{
		code: '2',
		title: 'Ledelse og organisering',
		problemStatement:
			'Ledelse, organisering, insentiver og kompetanseutvikling tilrettelegger ikke tilstrekkelig.',
		barriers: 'Insentivene belønner sektorvis måloppnåelse, ikke helhetlige tjenester.',
		prioritised: false
	},
	{
		code: '3',
		title: 'Økonomi',
		problemStatement: 'Det økonomiske handlingsrommet er for lite fleksibelt.',
		barriers: 'Stramme rammer gjør at forebyggende arbeid prioriteres bort.',
		prioritised: false
	},
	{
		code: '4',
		title: 'Universelle arenaer',
		problemStatement: 'Universelle arenaer som barnehage og skole fungerer ikke optimalt for alle.',
		barriers:
			'Barnehage og skole mangler kapasitet og kompetanse til å fange opp sammensatte behov.',
		prioritised: false
	},
	{
		code: '5',
		title: 'Sentralforvaltningen',
		problemStatement:
			'Sentralforvaltningen skaper utfordringer som forplanter seg nedover i systemet: mandat, sektorinndeling, samordning av virkemidler, svak tilbakemeldingsløyfe fra borger og tjenester, lite samhandling på toppnivå, ingen som har ansvar for mellomrommene.',
		barriers:
			'Sektorinndeling og virkemidler som ikke er samordnet.\nIngen har ansvar for mellomrommene.',
		prioritised: true
	}
];

export type DemoPortfolio = {
	missionId: number;
	tracks: Record<string, number>;
	projects: Record<string, number>;
	measures: Record<string, number>;
};

export async function seedPortfolio(org: DemoOrganisation): Promise<DemoPortfolio> {
	const pia = org.byRole('programme_leader');
	const steering = org.byRole('steering');
	const admin = org.byRole('admin');

	// A second programme leader owns the municipal project of seed 004, so the demo shows that
	// a programme leader edits only what they own.
	const password = generateToken().slice(0, 16);
	const petterId = created(
		createUser(
			{
				name: 'Petter Prosjektleder',
				email: 'prosjekt@misjonskart.no',
				passwordHash: await hashPassword(password),
				mustChangePassword: false,
				roles: [{ role: 'programme_leader', unitId: null }]
			},
			null
		)
	);
	org.users.push({
		id: petterId,
		role: 'programme_leader',
		name: 'Petter Prosjektleder',
		email: 'prosjekt@misjonskart.no',
		password
	});

	const missionId = created(
		saveMission(
			{
				grandChallenge: 'Offentlige tjenester oppleves sammenhengende og helhetlige av brukerne',
				statement:
					'Innen 2027 skal alle barn og unge med sammensatte behov og deres familier oppleve at de mottar et helhetlig tjenestetilbud som gir nødvendig hjelp til å fungere i hjem, skole, fritid og arbeid.',
				baselineYear: 2021,
				targetYear: 2027
			},
			admin.id
		)
	);
	const goals: [Level, string, string][] = [
		[
			'user',
			'Barn og unge og deres familier skal få mer helhetlige og koordinerte og tilpassede tjenester',
			'Andel familier i målgruppen som opplever tjenestene som helhetlige (brukerundersøkelse, sammenlignet med 2021)'
		],
		[
			'service',
			'Aktørene som skal bistå målgruppen skal lettere kunne tilby helhetlige og koordinerte tjenester uavhengig av sektor, eller omsorgsnivå',
			'Andel saker med felles plan og koordinator på tvers av sektorer'
		],
		[
			'system',
			'Aktørene har fått nye egnede tilnærminger/metoder for organisering og styring av hvordan løse utfordringer og utvikle tjenester på tvers av virksomheter/ sektorer',
			'Antall virkemidler og styringsdialoger som er samordnet mellom stat og kommune'
		]
	];
	for (const [level, title, indicator] of goals) {
		created(createEffectGoal(missionId, { level, title, indicator }, admin.id));
	}

	const tracks: Record<string, number> = {};
	for (const t of TRACKS) {
		const { prioritised, ...fields } = t;
		const id = created(
			createTrack(
				missionId,
				{
					...fields,
					expectedEffectUser: null,
					expectedEffectService: null,
					expectedEffectSystem: null,
					ownerId: prioritised ? pia.id : admin.id,
					status: prioritised ? 'in_progress' : 'proposed'
				},
				admin.id
			)
		);
		tracks[t.code] = id;
	}
	// Prioritisation is the steering group's decision (seed 001 «Missionspor og prioritering»).
	for (const t of TRACKS)
		if (t.prioritised) setTrackPrioritised(tracks[t.code]!, true, steering.id);

	const projects: Record<string, number> = {};
	const project = (
		title: string,
		codes: string[],
		ownerId: number,
		levels: Level[],
		status: LifecycleStatus,
		extra: { description?: string; startDate?: string; endDate?: string } = {}
	) => {
		const id = created(
			createProject(
				missionId,
				{
					title,
					description: extra.description ?? null,
					ownerId,
					startDate: extra.startDate ?? null,
					endDate: extra.endDate ?? null,
					trackIds: codes.map((c) => tracks[c]!),
					levels
				},
				ownerId
			)
		);
		advance('project', id, status, steering.id);
		projects[title] = id;
		return id;
	};

	project('Metode for brukermedvirkning', ['1A'], pia.id, ['user', 'service'], 'in_progress', {
		description:
			'Felles metode for å involvere barn, unge og familier i utformingen av tjenestene.',
		startDate: '2026-01-15',
		endDate: '2027-06-30'
	});
	project('Felles søknadsportal', ['1B', '5'], pia.id, ['user', 'system'], 'adopted', {
		description:
			'Én inngang for søknader om hjelpestønad, pleiepenger og kommunale tjenester, så familien slipper å fylle ut det samme mange ganger.',
		startDate: '2026-09-01',
		endDate: '2027-12-31'
	});
	const stat = project(
		'Utforske statsforvalterens rolle',
		['5'],
		pia.id,
		['system'],
		'in_progress',
		{
			description:
				'Hvordan statsforvalteren kan samordne statlige virkemidler og tilskudd bedre tilpasset kommunens behov.',
			startDate: '2026-03-01',
			endDate: '2027-03-31'
		}
	);
	project('Tidlig innsatsteam', ['1B', '2'], petterId, ['service'], 'proposed', {
		description: 'En funksjon i kommunen som sikrer tidlig innsats mens familien venter.'
	});
	const bo = project(
		'Omstilling i bo og habilitering',
		['2'],
		petterId,
		['service', 'system'],
		'in_progress',
		{
			description:
				'Molde og Kristiansund: 86 forslag til tiltak fra arbeidsgruppene, 15 anbefalt av prosjektgruppen, 6 vedtatt av styringsgruppen for testing og implementering (seed 004).',
			startDate: '2025-01-01',
			endDate: '2026-12-31'
		}
	);

	const measures: Record<string, number> = {};
	const measure = (
		projectId: number,
		title: string,
		ownerId: number,
		unitNames: string[],
		status: LifecycleStatus
	) => {
		const id = created(
			createMeasure(
				{
					projectId,
					title,
					description: null,
					ownerId,
					unitIds: unitNames.map((n) => org.units[n]!),
					startDate: null,
					endDate: null
				},
				ownerId
			)
		);
		advance('measure', id, status, steering.id);
		measures[title] = id;
		return id;
	};

	measure(
		stat,
		'Tiltak 1: Felles kartlegging av brukerbehov med statsforvalteren',
		pia.id,
		[],
		'in_progress'
	);
	measure(stat, 'Tiltak 2: Samhandlingsarena for stat og kommune', pia.id, [], 'adopted');
	measure(
		stat,
		'Tiltak 3: Utprøving av nye arbeidsformer på tvers av forvaltningsnivå',
		pia.id,
		[],
		'recommended'
	);
	measure(
		projects['Metode for brukermedvirkning']!,
		'Brukerpanel for familier',
		pia.id,
		['Barnevern', 'PP-tjenesten'],
		'in_progress'
	);

	const allBo = ['Avdeling Nord', 'Avdeling Sør', 'Avdeling Fjord'];
	const boMeasures: [string, string[], LifecycleStatus][] = [
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
	for (const [title, units, status] of boMeasures) measure(bo, title, petterId, units, status);
	// Some of the 15 recommended that the steering group did not adopt (seed 004).
	measure(bo, 'Lavterskel likemannsarbeid etter Stangemodellen', petterId, [], 'rejected');
	measure(bo, 'Bruk av helse-, velferds- og mestringsteknologi', petterId, [], 'recommended');

	// ROS-analyse 24.4.25 for Tiltak 1 (seed 004).
	const modell = measures['Ta i bruk felles modell for vedtaksvurdering og tildeling']!;
	const risks: [
		string,
		string,
		1 | 2 | 3 | 4 | 5,
		1 | 2 | 3 | 4 | 5,
		'service_quality' | 'hse' | 'delivery' | 'user_rights',
		string
	][] = [
		[
			'Forankring av tjenestebeskrivelsene og vedtak',
			'Lite kjennskap og bruk i praksis. Manglende aktiv bruk svekker individuelle vurderinger og øker tilfeldigheten i tjenesteleveransen.',
			4,
			4,
			'service_quality',
			'Systematisk opplæring for ledere og ansatte; den røde tråden fra tjenestebeskrivelser til daglig journalføring.'
		],
		[
			'Tid og prioritering',
			'Ikke avsatt tid til opplæring og implementering; ansatte får økt arbeidsbelastning og usikkerhet.',
			4,
			3,
			'hse',
			'Prioritere tid til opplæring; kartlegge opplæringsbehov knyttet til fagsystemer som Helseplattformen.'
		],
		[
			'Lederforankring',
			'Ujevn oppfølging og støtte fra ledere.',
			3,
			4,
			'delivery',
			'Ledere sikrer tid til refleksjon og forankring for å fremme eierskap til nye arbeidsmetoder.'
		],
		[
			'Roller og ansvar',
			'Uklare forventninger og ansvarslinjer fører til misforståelser og ineffektiv ressursbruk.',
			3,
			3,
			'user_rights',
			'Beskrive ansvar og roller for ansatte.'
		]
	];
	for (const [title, description, likelihood, consequence, area, mitigation] of risks) {
		created(
			createRisk(
				{ measureId: modell },
				{
					title,
					description,
					likelihood,
					consequence,
					area,
					mitigation,
					ownerId: petterId,
					status: 'open'
				},
				petterId
			)
		);
	}
	created(
		createRisk(
			{ projectId: projects['Felles søknadsportal']! },
			{
				title: 'Ulike fagsystemer i stat og kommune',
				description: 'Søknadene går til fagsystemer som ikke deler data.',
				likelihood: 4,
				consequence: 3,
				area: 'delivery',
				mitigation: 'Starte med én søknadstype og et felles datasett.',
				ownerId: pia.id,
				status: 'mitigating'
			},
			pia.id
		)
	);

	const reports: [number, 'project' | 'measure', string, RagStatus, string][] = [
		[
			bo,
			'project',
			'2026-10',
			'amber',
			'Tiltak 1 er i gang i alle avdelinger; opplæringen ligger etter plan.'
		],
		[bo, 'project', '2026-11', 'green', 'Opplæringsprogrammet er gjennomført i Nord og Sør.'],
		[
			stat,
			'project',
			'2026-11',
			'green',
			'Felles kartlegging med statsforvalteren er gjennomført.'
		],
		[
			projects['Metode for brukermedvirkning']!,
			'project',
			'2026-11',
			'red',
			'Brukerpanelet mangler deltakere fra målgruppen; rekruttering pågår.'
		],
		[
			modell,
			'measure',
			'2026-11',
			'amber',
			'Tjenestebeskrivelsene brukes, men ikke likt i alle avdelinger.'
		]
	];
	for (const [id, subject, period, rag, narrative] of reports) {
		const author = id === bo || (subject === 'measure' && id === modell) ? petterId : pia.id;
		created(saveStatusReport(subject, id, { period, rag, narrative }, author));
	}

	const scores: [string, LensScores][] = [
		[
			'Felles søknadsportal',
			{
				user: { score: 5, justification: 'Familien slipper å fylle ut det samme mange ganger.' },
				service: {
					score: 4,
					justification: 'Færre henvendelser om status og manglende dokumentasjon.'
				},
				system: { score: 4, justification: 'Krever samarbeid på tvers av forvaltningsnivå.' },
				benefit: { score: 4, justification: 'Stort volum: 19 000 søknader om pleiepenger i året.' },
				portfolio: { score: 3, justification: 'Bygger på arbeid i spor 1B og 5.' }
			}
		],
		[
			'Utforske statsforvalterens rolle',
			{
				user: { score: 2, justification: 'Indirekte nytte for familiene.' },
				service: { score: 3, justification: 'Bedre tilpassede tilskudd til kommunen.' },
				system: { score: 5, justification: 'Adresserer hovedbarrieren i spor 5.' },
				benefit: { score: 3, justification: 'Usikkert gevinstpotensial, men lav kostnad.' },
				portfolio: { score: 5, justification: 'Eneste prosjekt på systemnivå med staten.' }
			}
		],
		[
			'Metode for brukermedvirkning',
			{
				user: { score: 5, justification: 'Direkte involvering av familiene.' },
				service: { score: 3, justification: 'Endrer arbeidsform i tjenestene.' },
				benefit: { score: 2, justification: 'Gevinsten er vanskelig å prissette.' }
			}
		]
	];
	for (const [title, s] of scores) done(saveProjectScores(projects[title]!, s, steering.id));

	return { missionId, tracks, projects, measures };
}
