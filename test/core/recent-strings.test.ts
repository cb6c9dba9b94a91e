// RecentStrings (src/core/recent-strings.ts): a cache that may forget, never misremember.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentStrings } from '../../src/core/recent-strings.js';

describe('RecentStrings', () => {
  it('answers a string by content, not by identity', () => {
    const cache = new RecentStrings<number>();
    cache.set('crisis resolution team', 7);
    // A new copy of the same text, as each row read from a file is.
    const copy = ['crisis', 'resolution', 'team'].join(' ');
    expect(cache.get(copy)).toBe(7);
    expect(cache.get('crisis resolution teams')).toBeUndefined();
  });

  it('gives either nothing or the last value set for that string, for any sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer())), (ops) => {
        const cache = new RecentStrings<number>();
        const truth = new Map<string, number>();
        for (const [key, value] of ops) {
          const got = cache.get(key);
          if (got !== undefined) expect(got).toBe(truth.get(key));
          cache.set(key, value);
          truth.set(key, value);
          expect(cache.get(key)).toBe(value);
        }
      }),
      { seed: 7 },
    );
  });

  it('forgets everything on clear()', () => {
    const cache = new RecentStrings<string>();
    cache.set('', 'empty');
    cache.set('NO-15', 'Møre og Romsdal');
    cache.clear();
    expect(cache.get('')).toBeUndefined();
    expect(cache.get('NO-15')).toBeUndefined();
  });
});
