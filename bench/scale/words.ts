/**
 * Norwegian words for the scale data, drawn from the seed documents' own vocabulary (seed 001
 * «Missionspor», «Gevinstarbeid»; seed 004 «Årshjul», «ROS-analyse»), so generated pages read
 * like the real thing and text search has something realistic to find.
 */

export const FIRST_NAMES = [
	'Astrid',
	'Bjørn',
	'Camilla',
	'Dag',
	'Eva',
	'Frode',
	'Guro',
	'Håkon',
	'Ingrid',
	'Jon',
	'Kari',
	'Lars',
	'Marte',
	'Nils',
	'Oda',
	'Per',
	'Randi',
	'Sindre',
	'Tone',
	'Ulrik',
	'Vigdis',
	'Øystein',
	'Åse',
	'Hanne',
	'Magnus',
	'Silje',
	'Torbjørn',
	'Linn',
	'Amir',
	'Fatima'
];

export const LAST_NAMES = [
	'Hansen',
	'Johansen',
	'Olsen',
	'Larsen',
	'Andersen',
	'Pedersen',
	'Nilsen',
	'Kristiansen',
	'Jensen',
	'Karlsen',
	'Berg',
	'Haugen',
	'Hagen',
	'Eriksen',
	'Bakken',
	'Lie',
	'Dahl',
	'Lund',
	'Moen',
	'Strand',
	'Solberg',
	'Aasen',
	'Ødegård',
	'Fjeld',
	'Nordby',
	'Sørli'
];

export const PLACES = [
	'Molde',
	'Kristiansund',
	'Bodø',
	'Tromsø',
	'Alta',
	'Hamar',
	'Gjøvik',
	'Lillehammer',
	'Drammen',
	'Kongsberg',
	'Skien',
	'Porsgrunn',
	'Arendal',
	'Kristiansand',
	'Mandal',
	'Stavanger',
	'Sandnes',
	'Haugesund',
	'Bergen',
	'Førde',
	'Ålesund',
	'Trondheim',
	'Steinkjer',
	'Namsos',
	'Mo i Rana',
	'Narvik',
	'Harstad',
	'Vadsø',
	'Kirkenes',
	'Fredrikstad',
	'Sarpsborg',
	'Halden',
	'Moss',
	'Asker',
	'Bærum',
	'Lillestrøm',
	'Jessheim',
	'Elverum',
	'Kongsvinger',
	'Oslo'
];

export const SECTORS = [
	'Helse og mestring',
	'Oppvekst og læring',
	'Velferd',
	'Kultur og samfunn',
	'Teknisk drift og eiendom',
	'Organisasjon og økonomi',
	'Samfunnsutvikling',
	'Innbyggertjenester'
];

export const SERVICES = [
	'Bo og habilitering',
	'Hjemmetjenester',
	'Sykehjem',
	'Rus og psykisk helse',
	'Barnevern',
	'PP-tjenesten',
	'Barnehager',
	'Skoler',
	'Helsestasjon og skolehelsetjeneste',
	'NAV kommunal',
	'Flyktningetjenesten',
	'Legetjenester',
	'Fysio- og ergoterapi',
	'Bibliotek',
	'Kulturskole',
	'Vei og park',
	'Vann og avløp',
	'Eiendomsforvaltning',
	'Økonomi',
	'HR',
	'IKT',
	'Plan og bygg',
	'Næring',
	'Servicetorg',
	'Arkiv'
];

export const DEPARTMENTS = [
	'Avdeling Nord',
	'Avdeling Sør',
	'Avdeling Øst',
	'Avdeling Vest',
	'Avdeling Fjord',
	'Avdeling Sentrum',
	'Bofellesskap Lia',
	'Bofellesskap Haugen',
	'Sone Solsiden',
	'Sone Elvebakken',
	'Team Tidlig innsats',
	'Team Overganger',
	'Enhet Strandveien',
	'Enhet Fjellvegen',
	'Enhet Bakkeby'
];

/** Seed 001 «Missionspor» first, then themes of the same kind for a national programme. */
export const TRACK_TITLES = [
	'Brukermedvirkning og individuelt tilpasset tjenesteutforming',
	'Samhandling mellom tjenestene og helhet',
	'Ledelse',
	'Økonomi',
	'Universelle arenaer',
	'Sentralforvaltningen',
	'Digitalisering og deling av data',
	'Kompetanse og rekruttering',
	'Tidlig innsats',
	'Familie og nettverk',
	'Overganger mellom tjenester',
	'Bolig og nærmiljø',
	'Arbeid og utdanning',
	'Psykisk helse hos barn og unge',
	'Forebygging',
	'Innovasjon og tjenestedesign',
	'Frivillighet og sivilsamfunn',
	'Juridiske rammer',
	'Kunnskap og forskning',
	'Finansieringsmodeller'
];

export const BARRIERS = [
	'Tjenestene er organisert i siloer med egne mål og budsjetter.',
	'Regelverket hindrer deling av opplysninger mellom sektorene.',
	'Familiene må selv koordinere tjenestene rundt barnet.',
	'Finansieringen belønner aktivitet i egen sektor, ikke helhet.',
	'Manglende felles forståelse av brukerens behov.'
];

export const PROJECT_SUBJECTS = [
	'Felles søknadsportal',
	'Koordinator for familier med sammensatte behov',
	'Metode for brukermedvirkning',
	'Utforske statsforvalterens rolle',
	'Digital oppfølging i hjemmet',
	'Felles kartlegging av brukerbehov',
	'Helhetlig barnehagetilbud',
	'Samlokaliserte tjenester for unge',
	'Omstilling i bo og habilitering',
	'Tverrfaglig team for skolefravær',
	'Én plan for barnet',
	'Felles journal på tvers',
	'Los for ungdom i overgang til arbeid',
	'Familiens hus',
	'Barnas stemme i saken',
	'Felles budsjett for forebygging',
	'Ledelse på tvers av sektorer',
	'Kompetanseløft i barnevernet',
	'Universell utforming av møteplasser',
	'Tidlig oppdagelse av psykiske plager',
	'Felles datagrunnlag for tjenestene',
	'Ny modell for individuell plan',
	'Ressurskartlegging for familier',
	'Stafettlogg',
	'Helsestasjon for ungdom'
];

export const MEASURE_SUBJECTS = [
	'Kartlegging av brukerbehov',
	'Opplæring av ansatte i samtalemetodikk',
	'Pilot med fast kontaktperson',
	'Felles rutine for overføring av informasjon',
	'Samhandlingsarena for stat og kommune',
	'Utprøving av nye arbeidsformer',
	'Brukerpanel med foreldre',
	'Innføring av digital søknad',
	'Felles møteplass for ungdom',
	'Tverrfaglig inntaksteam',
	'Samtykkeløsning for deling av opplysninger',
	'Ny turnus med faste team',
	'Veileder for individuell plan',
	'Erfaringskonsulent i teamet',
	'Felles kompetanseplan',
	'Ukentlig tverrfaglig møte',
	'Oppfølgingsverktøy i fagsystemet'
];

export const CHANGE_TITLES = [
	'Økt bevissthet om brukerbehov og familiens problemer',
	'Felles forståelse for utfordringer og mulighetsrom',
	'Læring og erfaring med nye måter å jobbe på',
	'Statlige tilskudd er koordinert og bedre tilpasset kommunens behov',
	'Mer effektiv samhandling mellom offentlige virksomheter',
	'Færre statlige veiledere og mer koordinerte styringssignaler',
	'Koordinert og individuelt tilpasset tjenestetilbud for familien',
	'Én søknad for flere ytelser',
	'Kortere ventetid på første samtale',
	'Ansatte deler informasjon tidligere',
	'Familien har én kontaktperson',
	'Tjenestene planlegger sammen med familien'
];

export const BENEFIT_TITLES: Record<
	'kr' | 'timer' | 'antall' | 'prosent' | 'kvalitativ',
	string[]
> = {
	kr: [
		'Mer effektiv bruk av statlige midler',
		'Reduserte kostnader til institusjonsplasser',
		'Spart inntektstap for familien',
		'Lavere utgifter til kjøp av tjenester',
		'Færre kostbare akuttplasseringer'
	],
	timer: [
		'Mindre tid brukt på søknader og dokumentasjon',
		'Frigjort tid til direkte brukerarbeid',
		'Færre timer brukt på koordinering',
		'Mindre tid brukt på dobbeltregistrering'
	],
	antall: [
		'Færre henvendelser til flere tjenester',
		'Flere barn fanget opp tidlig',
		'Færre avbrudd i skolegangen',
		'Færre innleggelser'
	],
	prosent: [
		'Høyere andel brukere som opplever helhet',
		'Høyere andel saker med individuell plan',
		'Lavere sykefravær blant ansatte'
	],
	kvalitativ: [
		'Bedre samarbeid med og samordning av kommunene',
		'Familiene opplever tjenestene som sammenhengende',
		'Tryggere overganger mellom tjenestene',
		'Ansatte opplever mer meningsfullt arbeid',
		'Bedre kvalitet i beslutningsgrunnlaget'
	]
};

export const ESTIMATE_LINES = [
	'Tapt arbeidsinntekt ved sykemelding',
	'Ekstra tidsbruk ved skolestart',
	'Ekstra tidsbruk ved koordinering og oppfølging',
	'Spart tid per søknad',
	'Parallelle statlige tilskudd som samordnes',
	'Timer spart per kommune per år',
	'Unngåtte døgn i institusjon',
	'Færre saker til klagebehandling'
];

export const RISK_TITLES = [
	'Ansatte har ikke tid til opplæring',
	'Svekket faglig forsvarlighet i overgangen',
	'Brukere opplever brudd på rettigheter',
	'Økt arbeidsbelastning for ansatte',
	'Organisatoriske og økonomiske følger',
	'Manglende deltakelse fra samarbeidspartnere',
	'Personopplysninger deles uten hjemmel',
	'Leverandøren leverer ikke i tide',
	'Uklare roller mellom stat og kommune',
	'Gevinstene lar seg ikke måle'
];

export const MITIGATIONS = [
	'Tiltak knyttet til kompetanse, opplæring og tid',
	'Avklare hjemmel med jurist før oppstart',
	'Fast ukentlig oppfølging i prosjektgruppen',
	'Trinnvis innføring med evaluering etter hver fase',
	'Avtale om ressurser med linjeleder'
];

export const REPORT_NARRATIVES = {
	green: [
		'Framdrift etter plan. Ingen nye risikoer.',
		'Tiltakene er i gang i alle enheter; gode tilbakemeldinger fra familiene.',
		'Milepælen er nådd, og neste fase er planlagt.'
	],
	amber: [
		'Noe forsinket på grunn av sykefravær i prosjektgruppen.',
		'Samarbeidspartnerne har ikke avsatt ressurser ennå; tas opp i styringsgruppen.',
		'Leveransen fra leverandøren er forskjøvet en måned.'
	],
	red: [
		'Stoppet i påvente av juridisk avklaring om deling av opplysninger.',
		'Budsjettet er overskredet; ny plan legges fram for styringsgruppen.'
	]
} as const;

export const ASSESSMENT_NARRATIVES = [
	'Første felles møte holdt; kommunene er positive, men lite er endret.',
	'Felles plan for tilsyn og veiledning er laget.',
	'Familiene melder færre parallelle henvendelser.',
	'Ansatte opplever bedre samhandling, men rutinene er ikke på plass overalt.',
	'Tydelig forbedring etter innføringen av fast kontaktperson.'
];

export const FOLLOW_UP_CAUSES = [
	'Tiltaket startet senere enn planlagt.',
	'Tilskuddsordningene var allerede fordelt da arbeidet startet.',
	'Færre brukere enn forventet i pilotperioden.'
];

export const CORRECTIVE_MEASURES = [
	'Felles tildelingsmøte før neste tildeling.',
	'Utvider piloten til to nye enheter.',
	'Ny opplæringsrunde for ansatte i januar.'
];

/** Seed 004, «Årshjul enhet bo og habilitering», and the usual monthly internal control. */
export const YEARLY_TASKS = [
	'Heng opp informasjon om sommerpuljer',
	'Utarbeide årets plan for internundervisning',
	'Fyll inn overført ferie og avspasering',
	'Opprette skjema: behov for sommervikarer',
	'Ressursfordelingskartlegging',
	'Lyse ut etter sommervikarer',
	'Påske-/mai-/pinseturnus planlegges',
	'Egenvurdering av legemiddelhåndteringsrutinene',
	'Ansatte registrerer ferieønsker',
	'Kalle inn til medarbeidersamtaler',
	'Kalle inn til seniorsamtaler',
	'Påse at årskontroll hos fastlege blir bestilt',
	'Kartlegging av arbeidsmiljøet',
	'Planlegg HMS-dag',
	'Hovedferien plasseres',
	'ROS-analyse vold og trusler',
	'Start arbeidet med sommerturnus',
	'Send inn arbeidsavtaler for sommervikarer',
	'Gjennomfør HMS-dag',
	'Planlegg sommeravslutning',
	'Brannøvelse',
	'Gjennomgang av beredskapsplanen',
	'Oppdatere kompetanseplan',
	'Budsjettinnspill for neste år',
	'Juleturnus planlegges',
	'Revisjon av prosedyrer i kvalitetssystemet',
	'Vernerunde',
	'Årsrapport for internkontroll',
	'Gjennomgang av tilgangsstyring i fagsystemet',
	'Evaluering av årets internundervisning'
];

export const TWICE_A_YEAR_TASKS = [
	'Halvårsevaluering av tjenestetilbudet – Fagrapport',
	'Gjennomgang av brukernes individuelle planer',
	'Kontroll av medisinrom og kjøleskap',
	'Oppdatere kompetanseplan for avdelingen',
	'Gjennomgang av avviksstatistikk med verneombud',
	'Revisjon av tiltaksplaner'
];

export const MONTHLY_TASKS = [
	'Gjennomgang av avvik og forbedringstiltak',
	'Kontroll av legemiddelregnskap (A- og B-preparater)',
	'Personalmøte med referat',
	'Kontroll av brukernes kontantkasser',
	'Internundervisning gjennomført etter plan',
	'Kontroll av tvangsvedtak og protokoller',
	'Gjennomgang av sykefravær',
	'Oppfølging av brukerundersøkelser',
	'Kontroll av timelister',
	'Gjennomgang av ventelister'
];

export const RESPONSIBLE_ROLES = [
	'Avdelingsleder',
	'Fagutviklingssykepleier',
	'Primærkontakt',
	'Vernepleier',
	'Ansatte',
	'Verneombud',
	'Enhetsleder'
];

export const STORED_IN = [
	'Compilo',
	'Teams',
	'VFR',
	'Fagsystem',
	'Kompetanseportalen',
	'Webcruiter'
];

export const SIGN_COMMENTS = [
	'Gjennomgått på personalmøtet.',
	'Utført, se referat.',
	'Utført med verneombud.',
	'Forsinket på grunn av sykdom.'
];

export const REOPEN_REASONS = [
	'Analysen manglet vurdering av nattevakt; gjøres om.',
	'Feil enhet ble kontrollert; kontrollen gjøres på nytt.',
	'Referatet var ikke lagret i Compilo.'
];
