// A hand-built coverage report for the coverage renderer tests: a formula-like name, a name with a
// pipe and a comma, an Arabic name; a norm under its low end, one within, one above, unknown
// norms, a gap that rounds below 0.1, and a region with no known norm (null index, ranked last).
import type { CoverageReport, NormCoverage } from '../../src/core/coverage-schema.js';
import type { Provenance } from '../../src/core/dataset.js';
import { resolveNorms } from '../../src/core/norms.js';
import { SAMPLE_PROVENANCE } from '../helpers/provenance.js';
import type { CoverageRenderContext } from '../../src/report/coverage/context.js';

/** A norm's coverage as the core computes it, for `value` of a region of `population`. */
function nc(norm: string, low: number, high: number, value: number | null, population: number): NormCoverage {
  const per = value === null ? null : (value / population) * 100000;
  return {
    norm,
    value,
    per_100k: per,
    norm_low: low,
    norm_high: high,
    coverage: per === null ? null : per / low,
    gap: per === null ? null : (Math.max(0, low - per) * population) / 100000,
  };
}

export function sampleCoverage(): CoverageReport {
  return {
    servicegap: '0.1.0',
    to: 2022,
    regions: [
      {
        rank: 1,
        region: 'ZZ-1',
        name: '=HYPERLINK("x")',
        population: 50000,
        // psychiatric_beds 10 → 20 per 100k, 20 / 28.1 = 0.71174; supported_living 2 → 4, 0.4;
        // crisis_teams unknown: (0.71174 + 0.4) / 2 = 0.55587
        coverage_index: (20 / 28.1 + 0.4) / 2,
        norms: [nc('psychiatric_beds', 28.1, 41.7, 10, 50000), nc('supported_living', 10, 20, 2, 50000), nc('crisis_teams', 0.667, 0.667, null, 50000)],
      },
      {
        rank: 2,
        region: 'NO-42',
        name: 'Agder | Sør, Vest',
        population: 300000,
        // 150 → 50 per 100k (above); 45 → 15 (within); 2 teams → 0.66667 per 100k, just under 0.667
        coverage_index: (1 + 1 + 2 / 3 / 0.667) / 3,
        norms: [nc('psychiatric_beds', 28.1, 41.7, 150, 300000), nc('supported_living', 10, 20, 45, 300000), nc('crisis_teams', 0.667, 0.667, 2, 300000)],
      },
      {
        rank: 3,
        region: 'EG-C',
        name: 'القاهرة',
        population: 10000000,
        coverage_index: null,
        norms: [nc('psychiatric_beds', 28.1, 41.7, null, 1e7), nc('supported_living', 10, 20, null, 1e7), nc('crisis_teams', 0.667, 0.667, null, 1e7)],
      },
    ],
    excluded: [{ region: 'SE-25', reason: 'population' }],
    warnings: [{ file: 'services.csv', line: 7, message: 'dropped the unmapped service "a|b"' }],
    provenance: SAMPLE_PROVENANCE,
  };
}

export const COVERAGE_NOTICE = 'Illustrative data: community capacities are synthetic.';

export function sampleCoverageContext(overrides: Partial<CoverageRenderContext> = {}): CoverageRenderContext {
  const provenance: Provenance = { title: 'Sample', illustrative: true, notice: COVERAGE_NOTICE };
  return { color: false, provenance, norms: resolveNorms(), ...overrides };
}
