import { summarize } from '../../src/core/summary.js';
// A hand-built report for the renderer tests: names in several scripts, a formula-like name, a
// name with a pipe and a comma, and a region whose bed numbers are unknown (events-file style).
import type { CategoryChange, RegionDetails, ReportDetails, YearPoint } from '../../src/core/breakdown.js';
// Coverage indexes are made up (one null: no norm known).
import { coverageHeatmap } from '../../src/core/coverage-band.js';
import { coverageIndex, normCoverage } from '../../src/core/coverage.js';
import { rankCoverage } from '../../src/core/coverage-rank.js';
import type { Provenance } from '../../src/core/dataset.js';
import { resolveNorms } from '../../src/core/norms.js';
import type { RankedRegion, Report } from '../../src/core/report-schema.js';
import { resolveWeights } from '../../src/core/weights.js';
import { SAMPLE_PROVENANCE } from '../helpers/provenance.js';
import type { CoverageView, RenderContext } from '../../src/report/render-context.js';

const per100k = (value: number, population: number) => (value / population) * 100000;

// FI-17: beds 260 → 200 (−60), outreach +200 caseload × 0.1 = +20 bed-eq.; vacuum 40 of 483,000.
const pohjois: RankedRegion = {
  rank: 1,
  region: 'FI-17',
  name: 'Pohjois-Pohjanmaa',
  population: 483000,
  beds_from: 260,
  beds_to: 200,
  bed_change: -60,
  beds_closed: 60,
  community_from_be: 30,
  community_to_be: 50,
  community_change_be: 20,
  net_change_be: -40,
  vacuum_be: 40,
  vacuum_per_100k: 8.281573498964804,
  replacement_ratio: 20 / 60,
  capacity_per_100k_from: per100k(290, 480000),
  capacity_per_100k_to: per100k(250, 483000),
  rate_drop_per_100k: per100k(290, 480000) - per100k(250, 483000),
  coverage_index: 0.6234,
  flags: ['carried_forward'],
  categories_not_reported: [],
};

const formula: RankedRegion = {
  rank: 2,
  region: 'ZZ-1',
  name: '=HYPERLINK("x")',
  population: 50000,
  beds_from: 10,
  beds_to: 8,
  bed_change: -2,
  beds_closed: 2,
  community_from_be: 0,
  community_to_be: 0.5,
  community_change_be: 0.5,
  net_change_be: -1.5,
  vacuum_be: 1.5,
  vacuum_per_100k: 3,
  replacement_ratio: 0.25,
  capacity_per_100k_from: 20,
  capacity_per_100k_to: 17,
  rate_drop_per_100k: 3,
  coverage_index: 1,
  flags: [],
  categories_not_reported: [],
};

const more: RankedRegion = {
  rank: 3,
  region: 'NO-15',
  name: 'Møre og Romsdal',
  population: 265000,
  beds_from: 120,
  beds_to: 110,
  bed_change: -10,
  beds_closed: 10,
  community_from_be: 5,
  community_to_be: 12.5,
  community_change_be: 7.5,
  net_change_be: -2.5,
  vacuum_be: 2.5,
  vacuum_per_100k: per100k(2.5, 265000),
  replacement_ratio: 0.75,
  capacity_per_100k_from: per100k(125, 260000),
  capacity_per_100k_to: per100k(122.5, 265000),
  rate_drop_per_100k: per100k(125, 260000) - per100k(122.5, 265000),
  coverage_index: 0.845,
  flags: ['service_started_later'],
  categories_not_reported: [],
};

const cairo: RankedRegion = {
  rank: 4,
  region: 'EG-C',
  name: 'القاهرة',
  population: 10000000,
  beds_from: 500,
  beds_to: 520,
  bed_change: 20,
  beds_closed: 0,
  community_from_be: 100,
  community_to_be: 100,
  community_change_be: 0,
  net_change_be: 20,
  vacuum_be: 0,
  vacuum_per_100k: 0,
  replacement_ratio: null,
  capacity_per_100k_from: 6,
  capacity_per_100k_to: 6.2,
  rate_drop_per_100k: -0.20000000000000018,
  coverage_index: null,
  flags: [],
  categories_not_reported: [],
};

// Events-style: bed stock unknown, so beds and the rates are null.
const agder: RankedRegion = {
  rank: 5,
  region: 'NO-42',
  name: 'Agder | Sør, Vest',
  population: 300000,
  beds_from: null,
  beds_to: null,
  bed_change: -30,
  beds_closed: 30,
  community_from_be: 0,
  community_to_be: 35,
  community_change_be: 35,
  net_change_be: 5,
  vacuum_be: 0,
  vacuum_per_100k: 0,
  replacement_ratio: 35 / 30,
  capacity_per_100k_from: null,
  capacity_per_100k_to: null,
  rate_drop_per_100k: null,
  coverage_index: 0.5,
  flags: ['carried_forward', 'service_started_later'],
  categories_not_reported: [],
};

export function sampleReport(): Report {
  return {
    servicegap: '0.1.0',
    from: 2018,
    to: 2022,
    sort: 'vacuum_per_100k',
    regions: [pohjois, formula, more, cairo, agder].map((r) => ({ ...r, flags: [...r.flags], categories_not_reported: [...r.categories_not_reported] })),
    excluded: [{ region: 'SE-25', reason: 'population at 2022 unknown' }],
    warnings: [
      { file: 'services.csv', line: 7, message: 'dropped the unmapped service "a|b"' },
      { file: 'beds.csv', line: null, message: 'no rows for 2019' },
    ],
    provenance: SAMPLE_PROVENANCE,
  };
}

/**
 * The sample report with p5–p95 intervals (issue 16), set by hand: vacuum per 100k p5 = ½ and
 * p95 = 1½ × the point estimate; rank p5 = max(1, rank − 1), rank p95 = rank + 2.
 */
export function sampleIntervalReport(): Report {
  const report = sampleReport();
  return {
    ...report,
    interval: {
      percentiles: [5, 95],
      draws: 500,
      seed: 1,
      distribution: 'uniform',
      correlation: 'none',
      percentile_method: 'nearest-rank',
      generator: 'mulberry32',
      varied_weights: [{ category: 'outreach', unit: 'caseload', value: 0.1, low: 0.05, high: 0.2 }],
    },
    regions: report.regions.map((r) => ({
      ...r,
      vacuum_per_100k_p5: r.vacuum_per_100k * 0.5,
      vacuum_per_100k_p95: r.vacuum_per_100k * 1.5,
      rank_p5: Math.max(1, r.rank - 1),
      rank_p95: r.rank + 2,
    })),
  };
}

export const NOTICE = 'Illustrative data: community capacities are synthetic.';

export function sampleContext(overrides: Partial<RenderContext> = {}): RenderContext {
  const provenance: Provenance = { title: 'Sample', illustrative: true, notice: NOTICE };
  // The summary speaks for the whole sample ranking: 3 of 5 regions with a vacuum, 40 + 1.5 + 2.5 = 44.
  return { color: false, weights: resolveWeights(), summary: summarize(sampleReport()), provenance, ...overrides };
}

/**
 * Per-region details matching the sample report (what core/breakdown.ts would give): the
 * community change split by category, and three years of series, so the trend charts appear.
 */
export function sampleDetails(years: readonly number[] = [2018, 2020, 2022]): ReportDetails {
  const report = sampleReport();
  const regions = new Map<string, RegionDetails>();
  for (const r of report.regions) {
    // Split the community change in two categories (60 % supported living, 40 % crisis), plus a
    // weight-0 category with no change.
    const categories: CategoryChange[] = [
      { category: 'crisis', from_be: 0, to_be: r.community_change_be * 0.4, change_be: r.community_change_be * 0.4 },
      { category: 'peer_support', from_be: 0, to_be: 0, change_be: 0 },
      {
        category: 'supported_living',
        from_be: r.community_from_be,
        to_be: r.community_from_be + r.community_change_be * 0.6,
        change_be: r.community_change_be * 0.6,
      },
    ];
    const series: YearPoint[] = years.map((year, i) => {
      const t = years.length === 1 ? 1 : i / (years.length - 1);
      return {
        year,
        beds: r.beds_from === null || r.beds_to === null ? null : r.beds_from + (r.beds_to - r.beds_from) * t,
        beds_carried: i === 1,
        community_be: r.community_from_be + r.community_change_be * t,
        community_carried: false,
      };
    });
    regions.set(r.region, { region: r.region, categories, series });
  }
  return { years, regions, weightKeysInData: ['crisis/teams', 'peer_support/fte', 'supported_living/places'] };
}

/**
 * Coverage at 2022 against the default norms for the sample's regions, as the CLI computes it for
 * the HTML heatmap (its indexes follow from its cells, not the report's made-up ones). The grid is
 * in the coverage ranking's order (least covered first), not the report's, so the page must
 * reorder it. Per region, values of psychiatric_beds (low 28.1, high 41.7), supported_living
 * (10–20) and crisis_teams (exactly 100,000 / 150,000 = 2/3, SPEC §4):
 * - FI-17: 100 beds → 20.7 per 100k, under (74%); 60 places → 12.4, within; 4 teams → 0.83, above.
 * - ZZ-1: 14.05 beds → exactly 28.1, within (100%); 4.98 places → 9.96, under though it shows
 *   "100%"; 0.33 teams → 0.66, under (99%).
 * - NO-15: 120 beds → 45.3, above; 20 places → 7.5, under (75%); 1 team → 0.38, under (57%).
 * - EG-C: every norm unknown (index null).
 * - NO-42 (events beds file): beds unknown; 45 places → 15, within; 2 teams → 2/3 per 100k:
 *   exactly the norm, within (with a rounded 0.667 it would have been just under).
 * `omit` leaves regions out of the grid.
 */
export function sampleCoverageView(omit: readonly string[] = []): CoverageView {
  const norms = resolveNorms();
  const values: Record<string, readonly (number | null)[]> = {
    'FI-17': [100, 60, 4],
    'ZZ-1': [14.05, 4.98, 0.33],
    'NO-15': [120, 20, 1],
    'EG-C': [null, null, null],
    'NO-42': [null, 45, 2],
  };
  const regions = sampleReport()
    .regions.filter((r) => !omit.includes(r.region))
    .map((r) => {
      const perNorm = norms.map((n, i) => normCoverage(n, values[r.region]?.[i] ?? null, r.population));
      return { region: r.region, name: r.name, population: r.population, coverage_index: coverageIndex(perNorm), norms: perNorm };
    });
  return { heatmap: coverageHeatmap({ regions: rankCoverage(regions) }), norms };
}
