// The loose layer's pieces (src/core/loose-name.ts): words, plural endings, and the index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LooseNameIndex, looseWords, singularForms, wordsRelated } from '../../src/core/loose-name.js';

describe('looseWords', () => {
  it('folds diacritics, splits on punctuation, drops small words, marks abbreviations', () => {
    expect(looseWords("Centre d'accueil et de crise")).toEqual([
      { text: 'centre', fixed: false },
      { text: 'accueil', fixed: false },
      { text: 'crise', fixed: false },
    ]);
    expect(looseWords('DPS-poliklinikk').map((w) => [w.text, w.fixed])).toEqual([
      ['dps', true],
      ['poliklinikk', false],
    ]);
    expect(looseWords('Psykiatrisk öppenvård').map((w) => w.text)).toEqual(['psykiatrisk', 'oppenvard']);
    expect(looseWords('boti\u200Blbud').map((w) => w.text)).toEqual(['botilbud']);
  });

  it('gives nothing for a name too long to be one', () => {
    expect(looseWords('a '.repeat(200))).toEqual([]);
    expect(looseWords('x'.repeat(1_000_000))).toEqual([]);
  });
});

describe('plural endings', () => {
  it('singularForms lists what a word may be the plural of', () => {
    expect(singularForms('facilities')).toEqual(['facilitie', 'faciliti', 'facility']);
    expect(singularForms('poliklinikker')).toContain('poliklinikk');
    expect(singularForms('gps')).toEqual(['gp']);
    expect(singularForms('dps')).toEqual(['dp']); // the index keeps abbreviations from this (fixed)
    expect(singularForms('hôpitaux'.normalize('NFD').replace(/\p{M}/gu, ''))).toContain('hopital');
  });

  it('wordsRelated is the same relation as singularForms, both ways (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'e', 'i', 's', 'r', 't', 'n', 'x', 'u', 'y', 'l'), maxLength: 8 });
    fc.assert(
      fc.property(word, fc.constantFrom('', 's', 'es', 'er', 'ene', 't', 'n', 'ies', 'aux', 'erna'), word, (stem, ending, other) => {
        for (const [a, b] of [
          [stem + ending, stem],
          [stem, other],
        ] as const) {
          const expected = a === b || (a.length > b.length ? singularForms(a).includes(b) : singularForms(b).includes(a));
          expect(wordsRelated(a, b), `${a} ~ ${b}`).toBe(expected);
        }
      }),
      { seed: 3, numRuns: 2000 },
    );
  });
});

describe('LooseNameIndex', () => {
  it('finds names whose words pair up, or whose words run together do, in the order added', () => {
    const index = new LooseNameIndex<string>();
    for (const name of ['dagsenter', 'day hospital', 'GP', 'DPS']) index.add(looseWords(name), name);
    expect(index.find(looseWords('dag senter'))).toEqual(['dagsenter']);
    expect(index.find(looseWords('day hospitals'))).toEqual(['day hospital']);
    expect(index.find(looseWords('GPs'))).toEqual(['GP']);
    expect(index.find(looseWords('DP'))).toEqual([]);
    expect(index.find(looseWords('nothing like it'))).toEqual([]);
  });
});
