// A year series equals another when both hold the same figures for the same years: what `toEqual`
// compares for two DenseYearSeries (src/core/dense-year-series.ts), whose storage — slots cut
// from blocks shared with other series, at whatever place in them — differs between two loads of
// the same data. Compared by their (year, figure) pairs in year order, each figure as toEqual
// compares numbers. Known by its toStringTag, so a series built from the compiled dist/ modules
// counts too. Registered once per worker (vitest runs this file before each test file).
import { expect } from 'vitest';

const REGISTERED = Symbol.for('servicegap.test.seriesEquality');
const isSeries = (x: unknown): x is Map<number, number> => Object.prototype.toString.call(x) === '[object DenseYearSeries]';

const registry = globalThis as { [REGISTERED]?: true };
if (registry[REGISTERED] === undefined) {
  registry[REGISTERED] = true;
  expect.addEqualityTesters([
    function seriesEquality(a, b, customTesters) {
      if (!isSeries(a) || !isSeries(b)) return undefined;
      return this.equals([...a.entries()], [...b.entries()], customTesters);
    },
  ]);
}
