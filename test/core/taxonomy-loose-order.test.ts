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
