// Where the built-in names come from: every service, unit and column alias names one of these.
// A source is a publication or a national catalogue that uses the term for the service as it
// exists there; `by-us` marks a descriptive name we wrote where no single official term exists.

/** A source of built-in alias names. */
export interface AliasSource {
  readonly title: string;
  /** Publisher, year and where to find it. */
  readonly reference: string;
}

/** The sources of the built-in service, unit and column names, by id (each alias names one). */
export const ALIAS_SOURCES = {
  'who-atlas': {
    title: 'WHO Mental Health Atlas 2017 and 2020: questionnaire, glossary and GHO indicators MH_10–MH_18',
    reference:
      'World Health Organization, Mental health atlas 2017 (ISBN 978-92-4-151401-9), Mental health atlas 2020 (ISBN 978-92-4-003670-3); GHO theme "Mental health service availability", indicator titles (a copy in fixtures/names/who-gho-indicators.csv)',
  },
  'who-guidance': {
    title: 'WHO Guidance on community mental health services and its technical packages',
    reference:
      'World Health Organization 2021, Guidance and technical packages on community mental health services: promoting person-centred and rights-based approaches (ISBN 978-92-4-002570-7; packages ISBN 978-92-4-002572-1 ff.)',
  },
  'who-emro': {
    title: 'WHO Arabic-language material on community mental health services',
    reference: 'WHO Regional Office for the Eastern Mediterranean; Arabic editions of Mental Health Atlas service types',
  },
  nhs: {
    title: 'NHS England service names',
    reference:
      'NHS England: Mental Health Services Data Set "service or team type" list; Crisis Resolution and Home Treatment; Community Mental Health Framework (2019); NHS Talking Therapies (IAPT) manual; early intervention in psychosis standard',
  },
  'act-literature': {
    title: 'ACT and FACT literature; Clubhouse International',
    reference:
      'Teague et al. 1998, Dartmouth Assertive Community Treatment Scale (DACTS); van Veldhuizen 2007, FACT: a Dutch version of ACT; Clubhouse International Standards for Clubhouse Programs',
  },
  samhsa: {
    title: 'SAMHSA National Mental Health Services Survey (N-MHSS) facility types and services; 988 Suicide & Crisis Lifeline',
    reference:
      'Substance Abuse and Mental Health Services Administration, N-MHSS codebooks 2012–2019 (facility types 1–11, services offered); 988lifeline.org',
  },
  'us-services': {
    title: 'US community mental health service names',
    reference:
      'SAMHSA: Permanent Supportive Housing evidence-based practices kit (2010); Crisis Services: Meeting Needs, Saving Lives (2020, mobile crisis, crisis stabilization, crisis residential); CCBHC criteria (2023); AIMS Center, collaborative care',
  },
  'no-helsedir': {
    title: 'Norwegian health and care services: Helsedirektoratet, SSB and SAMDATA',
    reference:
      'Helsedirektoratet: distriktspsykiatriske sentre, ACT- og FACT-team, ambulante akutteam, Rask psykisk helsehjelp, kommunale akutte døgnplasser (KAD), veileder "Sammen om mestring" (2014); SSB table 13942 (dagbehandlinger, polikliniske konsultasjoner); SAMDATA spesialisthelsetjenesten; TIPS; Fontenehus Norge; Selvhjelp Norge; Husbanken (samlokaliserte boliger)',
  },
  'se-socialstyrelsen': {
    title: 'Swedish health and social services: Socialstyrelsen, 1177 Vårdguiden, regions',
    reference:
      'Socialstyrelsen (boendestöd, bostad med särskild service, stödboende, gruppbostad, daglig sysselsättning, träfflokal, HVB); 1177.se (psykiatrisk öppenvård, vuxenpsykiatrisk mottagning, BUP, ungdomsmottagning, första linjen, internetbaserad KBT); Region Stockholm (Psykiatriska akutmobilen); NSPH (brukarspecialist); Fontänhus Sverige; Mind (Självmordslinjen)',
  },
  'fi-thl': {
    title: 'Finnish health and social services: THL, Sotkanet, wellbeing services counties',
    reference:
      'THL and Sotkanet (mielenterveyskuntoutujien asumispalvelut, yleissairaalapsykiatria, psykiatrinen avohoito); Terapiat etulinjaan; hospital districts and wellbeing services counties (psykiatrian poliklinikka, akuuttityöryhmä, liikkuva työryhmä, päiväosasto, kotisairaala); MIELI ry (kriisikeskus, kriisipuhelin, kokemustoimija); Suomen Klubitalot; Finland-Swedish service names (mentalvårdsbyrå, serviceboende)',
  },
  'dk-sundhed': {
    title: 'Danish health and social services: Sundhedsstyrelsen, regions, Tilbudsportalen',
    reference:
      'Sundhedsstyrelsen (distriktspsykiatri, OPUS, opsøgende psykoseteams); Region Hovedstadens Psykiatri (lokalpsykiatri, udgående team); Socialstyrelsen Tilbudsportalen (botilbud §107/§108, bostøtte §85, opgangsfællesskab, værested, bofællesskab); Livslinien; Fountain House Danmark',
  },
  'de-versorgung': {
    title: 'German mental health services: SGB V, BTHG and the DGPPN guideline',
    reference:
      'SGB V §118 (psychiatrische Institutsambulanz), §115d (stationsäquivalente Behandlung); BTHG (besondere Wohnform); DGPPN S3-Leitlinie Psychosoziale Therapien bei schweren psychischen Erkrankungen (2019: Home Treatment, Tagesklinik, betreutes Wohnen, Genesungsbegleiter); EX-IN Deutschland; Berliner Krisendienst; Krisenpension Berlin; TelefonSeelsorge; NAKOS (Selbsthilfegruppen)',
  },
  'fr-secteur': {
    title: 'French and Belgian mental health services: sector psychiatry and social-medical services',
    reference:
      'Ministère de la Santé, psychiatrie de secteur (CMP, CATTP, hôpital de jour, centre d\'accueil et de crise); CNSA, cahier des charges des GEM (2019); DIHAL (résidence accueil, pension de famille, Un chez-soi d\'abord); EMPP (circulaire 2005); Belgium, réforme Psy107 (équipes mobiles de crise); SOS Amitié; Assurance Maladie, Mon soutien psy; médiateurs de santé pairs (CCOMS)',
  },
  'es-red': {
    title: 'Spanish and Chilean mental health networks',
    reference:
      'Ministerio de Sanidad, Estrategia de Salud Mental del SNS 2022–2026; Comunidad de Madrid, Red de atención social a personas con enfermedad mental (CRPS, centros de día, mini residencias, pisos supervisados); Servicio Andaluz de Salud (USMC); MINSAL Chile, Modelo de gestión de la red temática de salud mental (COSAM, hogares y residencias protegidas, CESFAM); Teléfono de la Esperanza',
  },
  'by-us': {
    title: 'Descriptive names written by servicegap',
    reference: 'Where a country has no single official term (or for an Arabic rendering of an English service name), a plain description written by us, marked so',
  },
} as const satisfies Record<string, AliasSource>;

/** The id of an alias source. */
export type AliasSourceId = keyof typeof ALIAS_SOURCES;
