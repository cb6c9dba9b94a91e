// The headline numbers of a trend (core/trend.ts summarizeTrend): regions ranked, in how many a
// vacuum opened in some year, and in how many it is still open at T.
import { describe, expect, it } from 'vitest';
import { summarizeTrend } from '../../src/core/trend.js';
import type { TrendRegion } from '../../src/core/trend-schema.js';

// Only the two fields the summary reads; the rest of a region does not enter it.
const region = (first_vacuum_year: number | null, open: boolean) => ({ first_vacuum_year, open }) as unknown as TrendRegion;

describe('summarizeTrend', () => {
  it('counts regions whose vacuum opened (closed again or not) apart from those still open', () => {
    // opened in 2003 and closed again; never opened; opened in 2004 and still open at T
    const summary = summarizeTrend({ regions: [region(2003, false), region(null, false), region(2004, true)] });
    expect(summary).toEqual({ ranked: 3, opened: 2, open: 1 });
  });

  it('an empty trend: nothing ranked, opened or open', () => {
    expect(summarizeTrend({ regions: [] })).toEqual({ ranked: 0, opened: 0, open: 0 });
  });
});
