// Where a region stands against a norm's range (core/coverage-band.ts): under below the low end,
// within from low to high (both ends included), above beyond high, unknown without a measure; and
// the regions × norms grid the heatmap draws, in ranking order, a norm a region lacks unknown.
import { describe, expect, it } from 'vitest';
import { coverageBand, coverageHeatmap } from '../../src/core/coverage-band.js';
import type { CoverageReport, NormCoverage } from '../../src/core/coverage-schema.js';

const nc = (norm: string, per_100k: number | null, coverage: number | null = per_100k === null ? null : per_100k / 10): NormCoverage => ({
  norm,
  value: per_100k,
  per_100k,
  norm_low: 10,
  norm_high: 20,
  coverage,
  gap: null,
});

describe('coverageBand: a range 10–20 per 100k', () => {
  it.each([
    [null, 'unknown'],
    [9.999, 'under'],
    [10, 'within'],
    [15, 'within'],
    [20, 'within'],
    [20.001, 'above'],
  ] as const)('%s per 100k is %s', (per100k, band) => {
    expect(coverageBand(nc('n', per100k))).toBe(band);
  });
});

describe('coverageHeatmap', () => {
  it('the norms as columns in the order first met, the regions as rows, a norm a region lacks unknown', () => {
    const regions = [
      { rank: 1, region: 'A', name: 'Alpha', population: 1, coverage_index: 0.5, norms: [nc('beds', 5), nc('teams', 25)] },
      { rank: 2, region: 'B', name: 'Beta', population: 1, coverage_index: null, norms: [nc('teams', null), nc('places', 12)] },
    ] as unknown as CoverageReport['regions'];
    expect(coverageHeatmap({ regions })).toEqual({
      norms: ['beds', 'teams', 'places'],
      rows: [
        {
          rank: 1,
          region: 'A',
          name: 'Alpha',
          coverage_index: 0.5,
          // 5 / 10 = 0.5 under; 25 / 10 = 2.5 above; no places norm for A
          cells: [
            { norm: 'beds', coverage: 0.5, band: 'under' },
            { norm: 'teams', coverage: 2.5, band: 'above' },
            { norm: 'places', coverage: null, band: 'unknown' },
          ],
        },
        {
          rank: 2,
          region: 'B',
          name: 'Beta',
          coverage_index: null,
          cells: [
            { norm: 'beds', coverage: null, band: 'unknown' },
            { norm: 'teams', coverage: null, band: 'unknown' },
            { norm: 'places', coverage: 1.2, band: 'within' },
          ],
        },
      ],
    });
  });
});
