// SPEC §2: normalisation of local service names, the built-in aliases and the user's aliases.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALIAS_SOURCES } from '../../src/core/alias-sources.js';
import { type AliasLanguage, BUILTIN_ALIASES } from '../../src/core/aliases.js';
import { CATEGORY_CODES, type Category } from '../../src/core/categories.js';
import { LooseNameIndex, looseWords } from '../../src/core/loose-name.js';
import { buildTaxonomy, normalizeServiceName, type Taxonomy } from '../../src/core/taxonomy.js';

describe('normalizeServiceName', () => {
  it('lower-cases, collapses whitespace and strips surrounding punctuation', () => {
    expect(normalizeServiceName('  ACT-Team. ')).toBe('act-team');
    expect(normalizeServiceName('Crisis\t  \n Team')).toBe('crisis team');
    expect(normalizeServiceName('"(DPS)"')).toBe('dps');
    expect(normalizeServiceName('...värested!?')).toBe('värested');
  });

  it('keeps punctuation inside the name', () => {
    expect(normalizeServiceName('DPS-poliklinikk')).toBe('dps-poliklinikk');
    expect(normalizeServiceName('self-help group')).toBe('self-help group');
  });

  it('applies NFKC: full-width letters, no-break spaces, composed and decomposed letters', () => {
    // U+FF21.. full-width Latin capitals → ASCII, then lower case
    expect(normalizeServiceName('ＡＣＴ－ｔｅａｍ')).toBe('act-team');
    // U+00A0 no-break space is compatibility-equivalent to a space
    expect(normalizeServiceName('day\u00A0centre')).toBe('day centre');
    // "æ" is one code point; "a" + U+0308 composes to "ä"
    expect(normalizeServiceName('pa\u0308iva\u0308sairaala')).toBe('päiväsairaala');
    // U+FB01 "ﬁ" ligature → "fi"
    expect(normalizeServiceName('\uFB01nnish')).toBe('finnish');
  });

  it('removes zero-width characters and the soft hyphen, which cannot be seen (issue 15)', () => {
    expect(normalizeServiceName('DPS\u200B-poliklinikk')).toBe('dps-poliklinikk');
    expect(normalizeServiceName('\uFEFFbotilbud\u00AD')).toBe('botilbud');
    expect(normalizeServiceName('dag\u200Dsenter')).toBe('dagsenter');
  });

  it('strips Arabic punctuation around an Arabic name', () => {
    // U+061F Arabic question mark and U+060C Arabic comma are \p{P}
    expect(normalizeServiceName('،دعم الأقران؟')).toBe('دعم الأقران');
  });
});

describe('built-in aliases', () => {
  let taxonomy: Taxonomy;
  beforeAll(() => {
    taxonomy = buildTaxonomy();
  });

  it.each<[string, Category]>([
    ['ACT-team', 'outreach'],
    ['FACT', 'outreach'],
    ['ambulant akutteam', 'crisis'],
    ['botilbud', 'supported_living'],
    ['værested', 'day_services'],
    ['Rask psykisk helsehjelp', 'primary_care'],
    ['asumispalvelut', 'supported_living'],
    ['kriisipalvelut', 'crisis'],
    ['vertaistuki', 'peer_support'],
    ['مراكز الصحة النفسية المجتمعية', 'cmhc'],
  ])('SPEC §2 alias %s → %s', (name, category) => {
    expect(taxonomy.lookup(name)).toBe(category);
  });

  it('matches aliases after normalisation', () => {
    expect(taxonomy.lookup('  ACT-Team. ')).toBe('outreach');
    expect(taxonomy.lookup('RASK  PSYKISK HELSEHJELP')).toBe('primary_care');
    expect(taxonomy.lookup('ＦＡＣＴ')).toBe('outreach');
    // decomposed "æ" does not exist; decomposed "ä" does: NFKC makes them match
    expect(taxonomy.lookup('pa\u0308iva\u0308sairaala')).toBe('day_services');
  });

  it('maps every category code to itself, in any case', () => {
    for (const code of CATEGORY_CODES) {
      expect(taxonomy.lookup(code)).toBe(code);
      expect(taxonomy.lookup(code.toUpperCase())).toBe(code);
    }
  });

  it('maps an unknown name to nothing', () => {
    expect(taxonomy.lookup('bowling club')).toBeUndefined();
    expect(taxonomy.lookup('')).toBeUndefined();
  });

  it('has at least 60 aliases', () => {
    expect(BUILTIN_ALIASES.length).toBeGreaterThanOrEqual(60);
  });

  it('covers en, nb, fi, sv and ar in every category', () => {
    const langs: AliasLanguage[] = ['en', 'nb', 'fi', 'sv', 'ar'];
    const missing: string[] = [];
    for (const category of CATEGORY_CODES) {
      for (const lang of langs) {
        if (!BUILTIN_ALIASES.some((a) => a.category === category && a.lang === lang)) missing.push(`${category}/${lang}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists no normalised name twice', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const alias of BUILTIN_ALIASES) {
      const key = normalizeServiceName(alias.name);
      if (seen.has(key)) twice.push(`${alias.name} = ${seen.get(key)} (${key})`);
      seen.set(key, alias.name);
    }
    expect(twice).toEqual([]);
  });

  it('an alias that spells a category code (e.g. "CMHC") maps to that same category', () => {
    for (const alias of BUILTIN_ALIASES) {
      const key = normalizeServiceName(alias.name);
      if ((CATEGORY_CODES as readonly string[]).includes(key)) expect(alias.category, alias.name).toBe(key);
    }
  });

  it('every alias name is already in display form: not empty, no surrounding space', () => {
    for (const alias of BUILTIN_ALIASES) {
      expect(alias.name.trim(), alias.name).toBe(alias.name);
      expect(normalizeServiceName(alias.name).length, alias.name).toBeGreaterThan(0);
      // the alias is found through the taxonomy under its own category
      expect(taxonomy.lookup(alias.name), alias.name).toBe(alias.category);
    }
  });
});

describe('user aliases', () => {
  it('add new names, normalised the same way', () => {
    const taxonomy = buildTaxonomy({ 'Bydelens lavterskeltilbud': 'day_services' });
    expect(taxonomy.lookup('bydelens  LAVTERSKELTILBUD.')).toBe('day_services');
    expect(taxonomy.entries.find((e) => e.name === 'Bydelens lavterskeltilbud')?.origin).toBe('config');
  });

  it('override a built-in alias', () => {
    expect(buildTaxonomy().lookup('FACT')).toBe('outreach');
    // written differently from the built-in "FACT": still the same normalised name
    expect(buildTaxonomy({ ' fact ': 'crisis' }).lookup('FACT')).toBe('crisis');
  });
});

describe('suggest', () => {
  let taxonomy: Taxonomy;
  beforeAll(() => {
    taxonomy = buildTaxonomy();
  });

  it('finds the nearest alias for a typo', () => {
    const hint = taxonomy.suggest('botilbod');
    expect(hint?.name).toBe('botilbud');
    expect(hint?.category).toBe('supported_living');
  });

  it('normalises before comparing', () => {
    expect(taxonomy.suggest('  KRIISIPALVELU. ')?.name).toBe('kriisipalvelut');
  });

  it('suggests nothing when no name is close', () => {
    expect(taxonomy.suggest('zzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
  });

  it('can suggest a user alias', () => {
    expect(buildTaxonomy({ 'Bydelens lavterskeltilbud': 'day_services' }).suggest('bydelens lavterskeltilbu')?.name).toBe(
      'Bydelens lavterskeltilbud',
    );
  });
});

// Issue 14 deliverable 3: the WHO Mental Health Atlas service types, the WHO community mental
// health services guidance, and at least 15 more names in each of en, nb, sv, fi, da, de, fr, es.
// Each table is written here from the sources (src/core/alias-sources.ts), not read from the code:
// a name moved to another category by mistake fails here.
describe('the names analysts use', () => {
  let taxonomy: Taxonomy;
  beforeAll(() => {
    taxonomy = buildTaxonomy();
  });
  const expectAll = (table: readonly [string, Category][]) => {
    const wrong = table.filter(([name, category]) => taxonomy.lookup(name) !== category).map(([name, c]) => `${name} → ${taxonomy.lookup(name)} (expected ${c})`);
    expect(wrong).toEqual([]);
  };

  it('the WHO Mental Health Atlas service types and GHO indicators, singular and plural', () => {
    expectAll([
      ['mental health outpatient facility', 'cmhc'],
      ['Mental health outpatient facilities', 'cmhc'], // GHO MH_10
      ['community-based mental health outpatient facility', 'cmhc'],
      ['mental health outpatient facility attached to a hospital', 'cmhc'],
      ['mental health day treatment facility', 'day_services'],
      ['Mental health day treatment facilities', 'day_services'], // GHO MH_11
      ['day treatment facility', 'day_services'],
      ['community residential facility', 'supported_living'],
      ['Community residential facilities', 'supported_living'], // GHO MH_14
      ['Beds in community residential facilities', 'supported_living'], // GHO MH_15
      ['Mental health units in general hospitals', 'general_hospital'], // GHO MH_18
      ['mental health unit in a general hospital', 'general_hospital'],
      ['Beds for mental health in general hospitals', 'general_hospital'], // GHO MH_13
      ['psychiatric inpatient unit in a general hospital', 'general_hospital'],
      ['psychiatric inpatient units in general hospitals', 'general_hospital'],
      ['mental health in primary health care', 'primary_care'],
    ]);
  });

  it('the service types of the WHO GHO indicators, as WHO titles them (fixtures/names/who-gho-indicators.csv)', () => {
    // "Title" column, e.g. "Mental health outpatient facilities (per 100 000 population)".
    const titles = new Map(
      readFileSync('fixtures/names/who-gho-indicators.csv', 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .map(([, code, title]) => [code!, title!.replace(/ \(per 100 000 population\)$/, '')]),
    );
    const expected: [string, Category | undefined][] = [
      ['MH_10', 'cmhc'],
      ['MH_11', 'day_services'],
      ['MH_13', 'general_hospital'],
      ['MH_14', 'supported_living'],
      ['MH_15', 'supported_living'],
      ['MH_18', 'general_hospital'],
      // mental hospitals are institutional beds (beds.csv), not a community service
      ['MH_16', undefined],
      ['MH_17', undefined],
    ];
    for (const [code, category] of expected) expect(taxonomy.lookup(titles.get(code)!), `${code} ${titles.get(code)}`).toBe(category);
  });

  it('the WHO community mental health services guidance (technical packages)', () => {
    expectAll([
      ['mental health crisis services', 'crisis'],
      ['community mental health centres', 'cmhc'],
      ['peer support mental health services', 'peer_support'],
      ['community outreach mental health services', 'outreach'],
      ['supported living services for mental health', 'supported_living'],
    ]);
    // "hospital-based mental health services" may be a mental hospital or a general hospital.
    expect(taxonomy.lookup('hospital-based mental health services')).toBeUndefined();
  });

  it('English (UK and US)', () => {
    expectAll([
      ['home treatment', 'crisis'],
      ['crisis resolution team/home treatment service', 'crisis'],
      ['crisis café', 'crisis'],
      ['crisis cafe', 'crisis'],
      ['safe haven', 'crisis'],
      ['Samaritans', 'crisis'],
      ['988 Suicide & Crisis Lifeline', 'crisis'],
      ['mobile crisis unit', 'crisis'],
      ['crisis stabilization unit', 'crisis'],
      ['crisis residential treatment', 'crisis'],
      ['early intervention team for psychosis', 'outreach'],
      ['early intervention service', 'outreach'],
      ['EIS', 'outreach'],
      ['psychiatric day hospital', 'day_services'],
      ['day care service', 'day_services'],
      ['partial hospitalization program', 'day_services'],
      ['partial hospitalization/day treatment facility', 'day_services'],
      ['day treatment program', 'day_services'],
      ['psychological wellbeing practitioner', 'primary_care'],
      ['primary care mental health service', 'primary_care'],
      ['primary care mental health worker', 'primary_care'],
      ['collaborative care', 'primary_care'],
      ['support group', 'self_help'],
      ['Hearing Voices group', 'self_help'],
      ['outpatient mental health facility', 'cmhc'],
      ['certified community behavioral health clinic', 'cmhc'],
      ['CCBHC', 'cmhc'],
      ['separate inpatient psychiatric unit of a general hospital', 'general_hospital'],
      ['residential treatment center for adults', 'supported_living'],
      ['permanent supportive housing', 'supported_living'],
      ['supportive housing', 'supported_living'],
      ['halfway house', 'supported_living'],
      ['certified peer specialist', 'peer_support'],
      ['peer recovery specialist', 'peer_support'],
      ['CMHT', 'cmhc'],
      ['home treatment team', 'crisis'],
    ]);
  });

  it('Norwegian', () => {
    expectAll([
      ['DPS poliklinikk', 'cmhc'], // a space instead of the hyphen
      ['DPS-poliklinikker', 'cmhc'],
      ['DPS døgnavdeling', 'cmhc'],
      ['distriktspsykiatriske sentre', 'cmhc'],
      ['voksenpsykiatrisk poliklinikk', 'cmhc'],
      ['BUP-poliklinikk', 'cmhc'],
      ['akutt ambulant team', 'crisis'],
      ['kommunal akutt døgnplass', 'crisis'],
      ['kommunale akutte døgnplasser', 'crisis'],
      ['kriseteam', 'crisis'],
      ['oppsøkende behandlingsteam', 'outreach'],
      ['ambulant team', 'outreach'],
      ['ambulante team', 'outreach'],
      ['likeperson', 'peer_support'],
      ['bokollektiv', 'supported_living'],
      ['samlokaliserte boliger', 'supported_living'],
      ['treffsted', 'day_services'],
      ['dagenhet', 'day_services'],
      ['dagbehandling', 'day_services'],
      ['aktivitetssenter', 'day_services'],
      ['aktivitetstilbud', 'day_services'],
      ['RPH', 'primary_care'],
      ['allmennlege', 'primary_care'],
    ]);
  });

  it('Swedish', () => {
    expectAll([
      ['psykiatrisk öppenvård', 'cmhc'],
      ['allmänpsykiatrisk öppenvård', 'cmhc'],
      ['öppenvårdspsykiatri', 'cmhc'],
      ['vuxenpsykiatrisk mottagning', 'cmhc'],
      ['BUP-mottagning', 'cmhc'],
      ['Psykiatriska akutmobilen', 'crisis'],
      ['Självmordslinjen', 'crisis'],
      ['kamratstödjare', 'peer_support'],
      ['bostad med särskild service', 'supported_living'],
      ['träningslägenhet', 'supported_living'],
      ['HVB-hem', 'supported_living'],
      ['daglig sysselsättning', 'day_services'],
      ['dagvård', 'day_services'],
      ['psykiatrisk dagvård', 'day_services'],
      ['dagsjukvård', 'day_services'],
      ['Fontänhus', 'day_services'],
      ['första linjen', 'primary_care'],
      ['ungdomsmottagning', 'primary_care'],
      ['internetbaserad KBT', 'primary_care'],
      ['stödgrupp', 'self_help'],
    ]);
  });

  it('Finnish', () => {
    expectAll([
      ['psykiatrinen avohoito', 'cmhc'],
      ['psykiatrian avohoito', 'cmhc'],
      ['mielenterveysasema', 'cmhc'],
      ['nuorisopsykiatrian poliklinikka', 'cmhc'],
      ['kriisiryhmä', 'crisis'],
      ['liikkuva työryhmä', 'outreach'],
      ['jalkautuva työryhmä', 'outreach'],
      ['vertaistukihenkilö', 'peer_support'],
      ['vertaisohjaaja', 'peer_support'],
      ['kokemustoimija', 'peer_support'],
      ['tukiasunto', 'supported_living'],
      ['palveluasuminen', 'supported_living'],
      ['yhteisöasuminen', 'supported_living'],
      ['päiväosasto', 'day_services'],
      ['psykiatrinen päiväosasto', 'day_services'],
      ['mielenterveyskuntoutujien päivätoiminta', 'day_services'],
      ['terveyskeskuksen mielenterveyspalvelut', 'primary_care'],
      ['mielenterveyshoitaja', 'primary_care'],
      ['asumispalvelu', 'supported_living'], // singular of asumispalvelut
    ]);
  });

  it('Danish', () => {
    expectAll([
      ['Livslinien', 'crisis'],
      ['distriktspsykiatri', 'cmhc'],
      ['distriktspsykiatrisk center', 'cmhc'],
      ['lokalpsykiatri', 'cmhc'],
      ['psykiatrisk ambulatorium', 'cmhc'],
      ['OPUS', 'outreach'],
      ['OP-team', 'outreach'],
      ['opsøgende psykoseteam', 'outreach'],
      ['opsøgende team', 'outreach'],
      ['udgående team', 'outreach'],
      ['peer-medarbejder', 'peer_support'],
      ['peerstøtte', 'peer_support'],
      ['bosted', 'supported_living'],
      ['socialpsykiatrisk botilbud', 'supported_living'],
      ['midlertidigt botilbud', 'supported_living'],
      ['længerevarende botilbud', 'supported_living'],
      ['bostøtte', 'supported_living'],
      ['opgangsfællesskab', 'supported_living'],
      ['bofællesskab', 'supported_living'],
      ['aktivitetscenter', 'day_services'],
      ['klubhus', 'day_services'],
      ['psykiatrisk dagafsnit', 'day_services'],
      ['væresteder', 'day_services'], // plural of værested
      ['praktiserende læge', 'primary_care'],
      ['egen læge', 'primary_care'],
      ['selvhjælpsgruppe', 'self_help'],
    ]);
  });

  it('German', () => {
    expectAll([
      ['stationsäquivalente Behandlung', 'crisis'],
      ['StäB', 'crisis'],
      ['Krisendienst', 'crisis'],
      ['Krisenpension', 'crisis'],
      ['TelefonSeelsorge', 'crisis'],
      ['Abteilungspsychiatrie', 'general_hospital'],
      ['psychiatrische Abteilung am Allgemeinkrankenhaus', 'general_hospital'],
      ['psychiatrische Institutsambulanz', 'cmhc'],
      ['Institutsambulanz', 'cmhc'],
      ['Institutsambulanzen', 'cmhc'],
      ['PIA', 'cmhc'],
      ['Sozialpsychiatrischer Dienst', 'outreach'],
      ['Genesungsbegleiter', 'peer_support'],
      ['EX-IN', 'peer_support'],
      ['betreutes Wohnen', 'supported_living'],
      ['ambulant betreutes Wohnen', 'supported_living'],
      ['therapeutische Wohngemeinschaft', 'supported_living'],
      ['besondere Wohnform', 'supported_living'],
      ['Tagesklinik', 'day_services'],
      ['psychiatrische Tagesklinik', 'day_services'],
      ['Tageskliniken', 'day_services'],
      ['Tagesstätte', 'day_services'],
      ['Kontakt- und Beratungsstelle', 'day_services'],
      ['Begegnungsstätte', 'day_services'],
      ['Hausarzt', 'primary_care'],
      ['hausärztliche Versorgung', 'primary_care'],
      ['Selbsthilfegruppe', 'self_help'],
      ['Selbsthilfegruppen', 'self_help'],
    ]);
  });

  it('French', () => {
    expectAll([
      ['centre de crise', 'crisis'],
      ["centre d'accueil et de crise", 'crisis'],
      ['SOS Amitié', 'crisis'],
      ['équipe mobile de crise', 'crisis'],
      ['centre médico-psychologique', 'cmhc'],
      ['CMP', 'cmhc'],
      ['centres médico-psychologiques', 'cmhc'],
      ['équipe mobile', 'outreach'],
      ['équipe mobile psychiatrie précarité', 'outreach'],
      ['EMPP', 'outreach'],
      ["groupe d'entraide mutuelle", 'peer_support'],
      ['GEM', 'peer_support'],
      ['médiateur de santé pair', 'peer_support'],
      ['pair-aidant', 'peer_support'],
      ['appartement thérapeutique', 'supported_living'],
      ['résidence accueil', 'supported_living'],
      ['pension de famille', 'supported_living'],
      ["Un chez-soi d'abord", 'supported_living'],
      ["famille d'accueil thérapeutique", 'supported_living'],
      ['hôpital de jour', 'day_services'],
      ['hôpitaux de jour', 'day_services'],
      ['centre de jour', 'day_services'],
      ["centre d'accueil thérapeutique à temps partiel", 'day_services'],
      ['CATTP', 'day_services'],
      ['médecin généraliste', 'primary_care'],
      ['médecin traitant', 'primary_care'],
      ['Mon soutien psy', 'primary_care'],
      ['groupe de parole', 'self_help'],
      ["groupe d'entraide", 'self_help'],
      ['psychiatrie en hôpital général', 'general_hospital'],
    ]);
  });

  it('Spanish', () => {
    expectAll([
      ['hospitalización domiciliaria', 'crisis'],
      ['centro de crisis', 'crisis'],
      ['Teléfono de la Esperanza', 'crisis'],
      ['unidad de hospitalización breve', 'general_hospital'],
      ['psiquiatría de hospital general', 'general_hospital'],
      ['centro de salud mental', 'cmhc'],
      ['centros de salud mental', 'cmhc'],
      ['CSM', 'cmhc'],
      ['unidad de salud mental comunitaria', 'cmhc'],
      ['centro comunitario de salud mental', 'cmhc'],
      ['COSAM', 'cmhc'],
      ['tratamiento asertivo comunitario', 'outreach'],
      ['equipo de tratamiento asertivo comunitario', 'outreach'],
      ['intervención temprana en psicosis', 'outreach'],
      ['apoyo entre pares', 'peer_support'],
      ['agente de apoyo mutuo', 'peer_support'],
      ['pisos supervisados', 'supported_living'],
      ['vivienda supervisada', 'supported_living'],
      ['vivienda con apoyo', 'supported_living'],
      ['mini residencia', 'supported_living'],
      ['hogar protegido', 'supported_living'],
      ['hogares protegidos', 'supported_living'],
      ['residencia protegida', 'supported_living'],
      ['hospital de día', 'day_services'],
      ['centro de día', 'day_services'],
      ['centro de rehabilitación psicosocial', 'day_services'],
      ['atención primaria', 'primary_care'],
      ['centro de salud', 'primary_care'],
      ['médico de familia', 'primary_care'],
      ['CESFAM', 'primary_care'],
      ['grupo de apoyo mutuo', 'self_help'],
      ['grupo de autoayuda', 'self_help'],
    ]);
  });

  it('has at least 15 more names in each of en, nb, sv, fi than the first list, and 15 in da, de, fr, es', () => {
    // The first list (session 1): en 66, nb 39, fi 45, sv 37, ar 35 — 222 in all.
    const first: Partial<Record<AliasLanguage, number>> = { en: 66, nb: 39, fi: 45, sv: 37, da: 0, de: 0, fr: 0, es: 0 };
    for (const [lang, before] of Object.entries(first)) {
      const now = BUILTIN_ALIASES.filter((a) => a.lang === lang).length;
      expect(now, lang).toBeGreaterThanOrEqual(before + 15);
    }
  });

  it('every alias carries its language, where it is used and a source that exists', () => {
    for (const alias of BUILTIN_ALIASES) {
      expect(alias.where.trim(), alias.name).not.toBe('');
      expect(Object.keys(ALIAS_SOURCES), alias.name).toContain(alias.source);
    }
  });
});

describe('the loose layer (plural or singular, hyphen or space, diacritics)', () => {
  let taxonomy: Taxonomy;
  beforeAll(() => {
    taxonomy = buildTaxonomy();
  });

  it.each<[string, string]>([
    ['DPS poliklinikk', 'DPS-poliklinikk'],
    ['dps   POLIKLINIKKER', 'DPS-poliklinikk'],
    ['psykiatrisk oppenvard', 'psykiatrisk öppenvård'], // diacritics dropped
    ['vaerested', 'værested'], // æ written ae
    ['dag senter', 'dagsenter'], // a space inside a compound
    ['ACT teams', 'ACT team'],
    ['GPs', 'GP'],
    ['asumispalvelu', 'asumispalvelut'],
    ['Selbsthilfegruppen', 'Selbsthilfegruppe'],
    ['hôpitaux de jour', 'hôpital de jour'],
    ['crisis houses', 'crisis house'],
  ])('%s → %s', (input, known) => {
    const match = taxonomy.match(input);
    expect(match?.entry.name).toBe(known);
    expect(match?.loose).toBe(true);
  });

  it('never changes an exact match: every known name maps exactly to its own category', () => {
    const wrong = taxonomy.entries.filter((e) => {
      const match = taxonomy.match(e.name);
      return match === undefined || match.loose || match.entry.category !== e.category;
    });
    expect(wrong.map((e) => e.name)).toEqual([]);
  });

  it('no two known names of different categories are loosely the same (all pairs)', () => {
    const index = new LooseNameIndex<(typeof taxonomy.entries)[number]>();
    for (const entry of taxonomy.entries) index.add(looseWords(entry.name), entry);
    const clashes: string[] = [];
    for (const entry of taxonomy.entries) {
      for (const other of index.find(looseWords(entry.name))) {
        if (other.category !== entry.category) clashes.push(`${entry.name} (${entry.category}) ~ ${other.name} (${other.category})`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('does not read an abbreviation as a plural: "DP" is not "DPS", "TIP" is not "TIPS"', () => {
    expect(taxonomy.lookup('DP')).toBeUndefined();
    expect(taxonomy.lookup('TIP')).toBeUndefined();
    // an abbreviation may take a plural ending
    expect(taxonomy.lookup('CMHTs')).toBe('cmhc');
  });

  it('does not pair words that merely share a stem: "FACE team" is not "FACT team"', () => {
    expect(taxonomy.lookup('FACE team')).toBeUndefined();
  });

  it('refuses a name that is loosely like names of two categories, and says which', () => {
    // Two near-identical user aliases of different categories: each matches exactly, but a third
    // spelling could be either, so it maps to neither.
    const mine = buildTaxonomy({ 'Nord hus': 'crisis', 'Nord huset': 'supported_living' });
    expect(mine.lookup('Nord hus')).toBe('crisis');
    expect(mine.lookup('Nord huset')).toBe('supported_living');
    expect(mine.lookup('Nord huse')).toBeUndefined();
    expect(mine.ambiguous('Nord huse').map((e) => `${e.name} ${e.category}`)).toEqual(['Nord hus crisis', 'Nord huset supported_living']);
    expect(mine.ambiguous('Nord hus')).toEqual([]);
  });

  it('answers the same whichever question comes first (its loose index is built on first use)', () => {
    const aliases = { 'Nord hus': 'crisis', 'Nord huset': 'supported_living' } as const;
    const looseFirst = buildTaxonomy(aliases);
    const ambiguousFirst = buildTaxonomy(aliases);
    const exactFirst = buildTaxonomy(aliases);
    expect(looseFirst.match('crisis houses')).toMatchObject({ entry: { name: 'crisis house' }, loose: true });
    expect(ambiguousFirst.ambiguous('Nord huse').map((e) => e.name)).toEqual(['Nord hus', 'Nord huset']);
    expect(exactFirst.lookup('Nord hus')).toBe('crisis');
    for (const taxonomy of [looseFirst, ambiguousFirst, exactFirst]) {
      expect(taxonomy.match('crisis houses')).toMatchObject({ entry: { name: 'crisis house', category: 'crisis' }, loose: true });
      expect(taxonomy.ambiguous('Nord huse').map((e) => e.name)).toEqual(['Nord hus', 'Nord huset']);
      expect(taxonomy.lookup('Nord huse')).toBeUndefined();
      expect(taxonomy.lookup('Nord hus')).toBe('crisis');
    }
  });

  it('lets a config alias win over a built-in one loosely too', () => {
    const mine = buildTaxonomy({ 'Akutteamet Nord': 'outreach' });
    expect(mine.match('akutteam nord')).toMatchObject({ entry: { name: 'Akutteamet Nord', origin: 'config' }, loose: true });
  });

  it('is deterministic: the same answers from two taxonomies, whatever the order of the user aliases', () => {
    const names = ['DPS poliklinikker', 'dag senter', 'Nord huse', 'crisis houses', 'home treatment', 'vaerested'];
    const a = buildTaxonomy({ 'Nord hus': 'crisis', 'Nord huset': 'supported_living' });
    const b = buildTaxonomy({ 'Nord huset': 'supported_living', 'Nord hus': 'crisis' });
    for (const name of names) {
      expect(b.lookup(name), name).toBe(a.lookup(name));
      expect(b.suggest(name)?.name, name).toBe(a.suggest(name)?.name);
    }
  });
});

describe('suggestions', () => {
  let taxonomy: Taxonomy;
  beforeAll(() => {
    taxonomy = buildTaxonomy();
  });

  it.each<[string, string, Category]>([
    // Issue 14: "home treatment" was suggested as day treatment; it is a crisis service.
    ['home-treatment service', 'crisis resolution team/home treatment service', 'crisis'],
    ['crisis home treatment', 'crisis resolution and home treatment team', 'crisis'],
    ['home treatment teams north', 'home treatment team', 'crisis'],
    ['psykiatriska akutmobilem', 'Psykiatriska akutmobilen', 'crisis'],
    ['day hospitall', 'day hospital', 'day_services'],
  ])('%s → %s (%s)', (input, name, category) => {
    expect(taxonomy.lookup(input)).toBeUndefined();
    expect(taxonomy.suggest(input)).toMatchObject({ name, category });
  });

  it('gives no suggestion for a very long name, at once', () => {
    expect(taxonomy.suggest('a'.repeat(1_000_000))).toBeUndefined();
    expect(taxonomy.lookup('b'.repeat(1_000_000))).toBeUndefined();
  });
});
