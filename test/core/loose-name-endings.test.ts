// The plural and definite endings the loose layer strips (core/loose-name.ts ENDINGS), one real
// word per ending in the languages the built-in names come from, and the shortest stem each may
// leave: two letters for English "s" ("GPs" → "GP"), three for every other ending, so that short
// words are not read as plurals of shorter ones.
//
// loose-name.ts is loaded inside each test after vi.resetModules(): the endings are a module-level
// table, and Stryker counts a module's constants as covered only by the test during which the
// module is evaluated.
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/core/loose-name.js');
}

describe('plural and definite endings', () => {
  it.each([
    ['teams', 'team'], // en -s
    ['gps', 'gp'], // en -s, the two-letter stem of an abbreviation
    ['boxes', 'box'], // en -es
    ['bureaux', 'bureau'], // fr -x
    ['poliklinikker', 'poliklinikk'], // nb/da -er
    ['mottagningar', 'mottagning'], // sv -ar
    ['skolor', 'skol'], // sv -or
    ['linjer', 'linje'], // nb -r
    ['bostederne', 'bosted'], // da -erne
    ['teamene', 'team'], // nb -ene
    ['tjenestene', 'tjeneste'], // nb -ne
    ['stationen', 'station'], // de/sv -en
    ['teamet', 'team'], // nb -et
    ['enheterna', 'enhet'], // sv -erna
    ['mottagningarna', 'mottagning'], // sv -arna
    ['skolorna', 'skol'], // sv -orna
    ['dienste', 'dienst'], // de -e
    ['einrichtungen', 'einrichtunge'], // de -n
    ['kriisipalvelut', 'kriisipalvelu'], // fi -t
  ])('"%s" may be the plural of "%s", and the two words are related', async (plural, singular) => {
    const { singularForms, wordsRelated } = await fresh();
    expect(singularForms(plural)).toContain(singular);
    expect(wordsRelated(plural, singular)).toBe(true);
    expect(wordsRelated(singular, plural)).toBe(true);
  });

  it.each([
    // [word, stem it must not give]: one letter short of each ending's shortest stem
    ['as', 'a'], // -s needs two letters
    ['ves', 'v'], // -es needs three
    ['eux', 'eu'], // -x
    ['ber', 'b'], // -er (and "be" for -r)
    ['bar', 'b'], // -ar
    ['tor', 't'], // -or
    ['aer', 'ae'], // -r
    ['aberne', 'ab'], // -erne
    ['abene', 'ab'], // -ene
    ['abne', 'ab'], // -ne
    ['aben', 'ab'], // -en
    ['abet', 'ab'], // -et
    ['aberna', 'ab'], // -erna
    ['abarna', 'ab'], // -arna
    ['aborna', 'ab'], // -orna
    ['abe', 'ab'], // -e
    ['abn', 'ab'], // -n
    ['abt', 'ab'], // -t
  ])('"%s" is too short to be the plural of "%s"', async (word, stem) => {
    const { singularForms, wordsRelated } = await fresh();
    expect(singularForms(word)).not.toContain(stem);
    expect(wordsRelated(word, stem)).toBe(false);
  });

  it('a word gets exactly the forms its endings give, none without one', async () => {
    const { singularForms } = await fresh();
    expect(singularForms('akutt')).toEqual(['akut']); // -t (fi) strips any final t
    expect(singularForms('crisis')).toEqual(['crisi']); // -s; not -es
    expect(singularForms('krisa')).toEqual([]); // no ending is -a
  });
});
