// Which known name the taxonomy's loose layer answers with when several of one category match
// (core/taxonomy.ts): the first in code-unit order of the normalised names, whatever the order of
// the config, so the notice "read X as Y" names the same Y on every run; a config alias before a
// built-in one.
import { describe, expect, it } from 'vitest';
import { buildTaxonomy } from '../../src/core/taxonomy.js';

describe('loose matches of one category', () => {
  it('answer with the first name in code-unit order, in either order of the config', () => {
    // "bydelstilbud" < "bydelstilbúd" (u U+0075 < ú U+00FA); "bydelstilbüd" folds to both loosely
    const ab = buildTaxonomy({ Bydelstilbud: 'day_services', bydelstilbúd: 'day_services' });
    const ba = buildTaxonomy({ bydelstilbúd: 'day_services', Bydelstilbud: 'day_services' });
    for (const t of [ab, ba]) {
      expect(t.match('bydelstilbüd')).toMatchObject({ entry: { name: 'Bydelstilbud', origin: 'config' }, loose: true });
      expect(t.ambiguous('bydelstilbüd')).toEqual([]);
    }
  });

  it('a name loosely like names of two categories: one name per category, in code-unit order', () => {
    const t = buildTaxonomy({ 'Sør hus': 'supported_living', 'Sor huset': 'crisis', 'sør huset': 'crisis' });
    // "sor huse" is loosely each of them; per category the first in code-unit order:
    // "sor huset" < "sør hus" < "sør huset" (o U+006F < ø U+00F8)
    expect(t.lookup('sor huse')).toBeUndefined();
    expect(t.ambiguous('sor huse').map((e) => `${e.name} ${e.category}`)).toEqual(['Sor huset crisis', 'Sør hus supported_living']);
  });
});

describe('a config alias and a built-in name both loosely like the input', () => {
  it('the config alias wins, even for another category, and nothing is ambiguous', () => {
    // "kriisipalvelut" is a built-in Finnish name for crisis services (aliases-fi.ts); the config
    // says "kriisipalvelüt" is a day service. "kriisipalvelût" is neither exactly, but folds to
    // both: the analyst's own alias decides, so it reads as a day service, not as ambiguous.
    const t = buildTaxonomy({ kriisipalvelüt: 'day_services' });
    expect(t.lookup('kriisipalvelut')).toBe('crisis');
    expect(t.match('kriisipalvelût')).toMatchObject({ entry: { name: 'kriisipalvelüt', origin: 'config', category: 'day_services' }, loose: true });
    expect(t.ambiguous('kriisipalvelût')).toEqual([]);
  });

  it('without a config alias the built-in names decide', () => {
    expect(buildTaxonomy().match('kriisipalvelût')).toMatchObject({ entry: { name: 'kriisipalvelut', origin: 'builtin', category: 'crisis' }, loose: true });
  });
});

describe('suggestions weigh shared words by their rarity', () => {
  it('a rare shared word outweighs a common one', () => {
    // "zorblat" is in one known name (the config's), "team" in dozens of built-in names. With n
    // known names and k of them having "team", the weights are ln(1 + n/2) for "zorblat" and
    // ln(1 + n/(1 + k)) for "team": the rare word carries more than half the query's weight, so
    // the name sharing it is the suggestion. (Weighting by commonness instead, n·(1 + k), would
    // make "team" the heavier word and suggest a team.)
    const t = buildTaxonomy({ 'Zorblat centre': 'day_services' });
    expect(t.suggest('zorblat team')?.name).toBe('Zorblat centre');
  });
});
