// "Did you mean" (src/core/suggest.ts): exact where the length window is small, bounded work and
// an answer within the limit where it is crowded. Distances are checked against a plain
// dynamic-programming Levenshtein written here, not the package the code uses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CHECKED, nearest, SuggestionIndex, suggestionLimit } from '../../src/core/suggest.js';

/** Levenshtein distance by the textbook table (UTF-16 code units, as the code compares). */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The specified answer: the nearest within the limit, ties to the candidate that sorts first. */
function bruteForce(value: string, candidates: readonly string[]): string | undefined {
  const target = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of [...new Set(candidates)].sort()) {
    const d = levenshtein(target, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= suggestionLimit(target.length) ? best : undefined;
}

describe('SuggestionIndex', () => {
  it('the limit is a third of the length, at least 2, but 1 up to three letters', () => {
    expect([1, 3, 4, 5, 8, 9, 12, 30].map(suggestionLimit)).toEqual([1, 1, 2, 2, 2, 3, 4, 10]);
  });

  it('finds the nearest code for a typo, and nothing when none is close', () => {
    const index = new SuggestionIndex(['NO-03', 'NO-18', 'NO-46', 'SE-01']);
    expect(index.nearest('NO-47')).toBe('NO-46');
    expect(index.nearest('no-18')).toBe('NO-18'); // case is ignored
    expect(index.nearest('Helse Sør-Øst RHF')).toBeUndefined();
  });

  it('breaks ties by code-unit order, whatever the order of the candidates', () => {
    // "AB" and "AD" are both one edit from "AC".
    expect(new SuggestionIndex(['AD', 'AB']).nearest('AC')).toBe('AB');
    expect(new SuggestionIndex(['AB', 'AD']).nearest('AC')).toBe('AB');
  });

  it('is exact when few candidates have a length near the query (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'ø', '-', '1'), minLength: 0, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), word, (candidates, value) => {
        expect(new SuggestionIndex(candidates).nearest(value)).toBe(bruteForce(value, candidates));
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('in a crowd of 20,000 codes, finds the code one or two edits away', () => {
    const codes = Array.from({ length: 20_000 }, (_, i) => `NO-${i}`);
    const index = new SuggestionIndex(codes);
    // "XQ-123" is two edits from "NO-123" and three or more from every other code.
    expect(index.nearest('XQ-123')).toBe('NO-123');
    // "NO-1234x" is one edit from "NO-1234" and from "NO-12345"…"NO-12349" (a substitution); the
    // first in code-unit order is "NO-1234".
    expect(index.nearest('NO-1234x')).toBe('NO-1234');
    expect(index.nearest('NO-19999')).toBe('NO-19999');
  });

  it('in a crowd, any hint it gives is within the limit (property)', () => {
    const codes = Array.from({ length: 3 * MAX_CHECKED }, (_, i) => `R${String(i).padStart(4, '0')}`);
    const index = new SuggestionIndex(codes);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('R', '0', '1', '2', '9', 'x'), minLength: 1, maxLength: 8 }), (value) => {
        const hint = index.nearest(value);
        if (hint !== undefined) expect(levenshtein(value.toLowerCase(), hint.toLowerCase())).toBeLessThanOrEqual(suggestionLimit(value.length));
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('in a crowd, a value one edit from a code always gets a hint one edit away (property, the other way)', () => {
    const codes = Array.from({ length: 3 * MAX_CHECKED }, (_, i) => `R${String(i).padStart(4, '0')}`);
    const index = new SuggestionIndex(codes);
    const edit = fc.record({
      code: fc.constantFrom(...codes),
      kind: fc.constantFrom('substitute', 'insert', 'delete'),
      at: fc.nat(5),
      char: fc.constantFrom('R', '0', '3', '9', 'x'),
    });
    fc.assert(
      fc.property(edit, ({ code, kind, at, char }) => {
        const value = kind === 'delete' ? code.slice(0, at) + code.slice(at + 1) : code.slice(0, at) + char + code.slice(kind === 'insert' ? at : at + 1);
        const hint = index.nearest(value);
        expect(hint, value).toBeDefined();
        expect(levenshtein(value.toLowerCase(), hint!.toLowerCase()), `${value} → ${hint}`).toBeLessThanOrEqual(1);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('answers a 1 MB value without comparing it to anything', () => {
    expect(new SuggestionIndex(['NO-03']).nearest('x'.repeat(1 << 20))).toBeUndefined();
  });

  it('nearest() is the same for a one-off question', () => {
    expect(nearest('botilbod', ['botilbud', 'bofellesskap'])).toBe('botilbud');
  });
});
