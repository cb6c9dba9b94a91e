// SPEC §2: normalisation of local service names, the built-in aliases and the user's aliases.
import { describe, expect, it } from 'vitest';
import { type AliasLanguage, BUILTIN_ALIASES } from '../../src/core/aliases.js';
import { CATEGORY_CODES, type Category } from '../../src/core/categories.js';
import { buildTaxonomy, normalizeServiceName } from '../../src/core/taxonomy.js';

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

  it('strips Arabic punctuation around an Arabic name', () => {
    // U+061F Arabic question mark and U+060C Arabic comma are \p{P}
    expect(normalizeServiceName('،دعم الأقران؟')).toBe('دعم الأقران');
  });
});

describe('built-in aliases', () => {
  const taxonomy = buildTaxonomy();

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
  const taxonomy = buildTaxonomy();

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
