// LooseNameIndex (src/core/loose-name.ts) with several names behind one key: names of the same word
// count, and names whose words run together alike, are all found, in the order added.
import { describe, expect, it } from 'vitest';
import { LooseNameIndex, looseWords, wordsRelated } from '../../src/core/loose-name.js';

describe('LooseNameIndex with several names per key', () => {
  it('finds a name paired word by word among others of the same word count', () => {
    const index = new LooseNameIndex<string>();
    // Two-word names, the one asked for added first. "ambulante team" pairs with "ambulant team"
    // word by word ("ambulante" is "ambulant" + the plural/definite "e"), but not run together:
    // "ambulanteteam" is no plural of "ambulantteam".
    for (const name of ['ambulant team', 'dag senter', 'mobile team']) index.add(looseWords(name), name);
    expect(index.find(looseWords('ambulante team'))).toEqual(['ambulant team']);
    expect(index.find(looseWords('mobile teams'))).toEqual(['mobile team']);
  });

  it('finds every name whose words run together the same, in the order added', () => {
    const index = new LooseNameIndex<string>();
    for (const name of ['day centre', 'crisis team', 'daycentre', 'Day-Centre']) index.add(looseWords(name), name);
    expect(index.find(looseWords('daycentre'))).toEqual(['day centre', 'daycentre', 'Day-Centre']);
    // The plural run together reaches all three by their singular "daycentre".
    expect(index.find(looseWords('day centres'))).toEqual(['day centre', 'daycentre', 'Day-Centre']);
  });

  it('finds every name whose plural the query is, run together', () => {
    const index = new LooseNameIndex<string>();
    for (const name of ['day centres', 'crisis team', 'daycentres']) index.add(looseWords(name), name);
    // "daycentre" is a singular form of "daycentres": both names are found.
    expect(index.find(looseWords('day centre'))).toEqual(['day centres', 'daycentres']);
  });
});

describe('wordsRelated', () => {
  it('relates a word to its plural only, never two unrelated words of any length', () => {
    expect(wordsRelated('team', 'teams')).toBe(true);
    expect(wordsRelated('teams', 'team')).toBe(true);
    expect(wordsRelated('facility', 'facilities')).toBe(true);
    expect(wordsRelated('hopital', 'hopitaux')).toBe(true);
    // Same endings, another first letter: "beams" is not the plural of "team".
    expect(wordsRelated('team', 'beams')).toBe(false);
    expect(wordsRelated('tacility', 'facilities')).toBe(false);
    // A word is not the plural of a longer word, nor of itself with a letter dropped inside.
    expect(wordsRelated('teams', 'teamster')).toBe(false);
    expect(wordsRelated('ties', 'ty')).toBe(false); // "ies" → "y" only in words of five letters or more
    expect(wordsRelated('', 's')).toBe(false);
  });
});
