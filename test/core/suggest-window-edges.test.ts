// SuggestionIndex (src/core/suggest.ts) at the edges of its length window: up to MAX_CHECKED
// candidates of a length near the query, every one gets an edit distance and the answer is the
// exact one; with none sharing an informative piece with the query, the candidates nearest in
// length are the ones checked. Distances here are worked by hand (one letter for one letter is
// one edit; a letter added is one edit).
import { describe, expect, it } from 'vitest';
import { MAX_CHECKED, SuggestionIndex } from '../../src/core/suggest.js';

describe('SuggestionIndex length window', () => {
  it('exactly MAX_CHECKED candidates in the window: all are compared, and the exact nearest wins', () => {
    // Query "q" (limit 1) looks at lengths 0–2. "b" is one edit from "q" (substitution), and so is
    // every "q" + one character (an insertion); the tie goes to "b", first in code-unit order. The
    // "q…" candidates share the piece "\u0002q" with the query and "b" shares none, so a search
    // that only looked at candidates sharing pieces would answer "q0" instead.
    const candidates = ['b', ...Array.from({ length: MAX_CHECKED - 1 }, (_, k) => `q${String.fromCharCode(0x30 + k)}`)];
    expect(candidates).toHaveLength(64);
    expect(new SuggestionIndex(candidates).nearest('q')).toBe('b');
  });

  it('nothing in common with the query: the candidates nearest its length are compared', () => {
    // Query "q" (limit 1): 100 two-letter codes without a "q" (each two edits from it) and "z"
    // (one edit). No candidate shares a piece with "q", so the search takes the MAX_CHECKED
    // candidates nearest in length: "z" (length 1) is among them and is the answer.
    const letters = 'abcdefghij';
    const pairs = Array.from({ length: 100 }, (_, k) => `${letters[k % 10]}${letters[Math.floor(k / 10)]}`);
    expect(new SuggestionIndex(['z', ...pairs]).nearest('q')).toBe('z');
  });
});
