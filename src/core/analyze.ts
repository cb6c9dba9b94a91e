// One analysis: choose the period, compute every region's metrics, rank them (SPEC §3).
import { bedYears, type Dataset, serviceYears } from './dataset.js';
import { type LevelChoice, LevelError, selectLevel } from './hierarchy.js';
import { regionMetrics, type Period } from './metrics.js';
import { rankRegions } from './rank.js';
import type { FillMode } from './series.js';
import type { ExcludedRegion, RegionMetrics, Report, SortMetric } from './report-schema.js';
import { VERSION } from '../version.js';
import { resolveWeights, type WeightTable } from './weights.js';
import { type NormTable, resolveNorms } from './norms.js';

/** Options of `analyze`: the period, the sort metric, the weights and norms, the fill rule and the level. */
export interface AnalyzeOptions extends LevelChoice {
  /** Baseline year B; default: the earliest year in the beds data. */
  readonly from?: number | undefined;
  /** Target year T; default: the latest year in the beds data. */
  readonly to?: number | undefined;
  readonly sort?: SortMetric | undefined;
  /** Weights in force; default: SPEC §4 defaults. */
  readonly weights?: WeightTable | undefined;
  /** Norms in force, for `coverage_index` (SPEC §7); default: SPEC §4 defaults. */
  readonly norms?: NormTable | undefined;
  /** Written into the report's `servicegap` field; default: this package's version. */
  readonly version?: string | undefined;
  /** How a missing year of a series is filled (--fill); default: SPEC §3's carry. */
  readonly fill?: FillMode | undefined;
}

/** A usage problem the caller can fix with options (exit 2), e.g. --from after --to. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
}

/**
 * The period of an analysis: the given years, else the beds data's first and last year (when a
 * dataset has no beds file, its service years stand in, so a community-only file still runs).
 */
export function choosePeriod(dataset: Dataset, from?: number, to?: number): Period {
  const years = defaultYears(dataset);
  const B = from ?? years[0];
  const T = to ?? years[years.length - 1];
  if (B === undefined || T === undefined) {
    throw new PeriodError('the data has no years to default to: give --from and --to');
  }
  if (B > T) throw new PeriodError(`--from (${B}) is after --to (${T})`);
  return { from: B, to: T };
}

/** The years B and T default to: the beds data's, else (no beds file) the services'. */
function defaultYears(dataset: Dataset): number[] {
  return dataset.beds.shape === 'none' ? serviceYears(dataset) : bedYears(dataset.beds);
}

/** T alone (coverage, SPEC §7): the given year, else the last year choosePeriod would take. */
export function chooseTargetYear(dataset: Dataset, to?: number): number {
  const T = to ?? defaultYears(dataset).at(-1);
  if (T === undefined) throw new PeriodError('the data has no years to default to: give --to');
  return T;
}

/**
 * Rank the units of `options.level` / `options.rollup` (default: the regions without children;
 * hierarchy.ts), each with its branch's figures summed, by their metrics for the period.
 */
export function analyze(input: Dataset, options: AnalyzeOptions = {}): Report {
  // Rates per 100,000 cannot be summed up a tree of regions (a county's rate is no sum of its towns').
  if (input.scale === 'rates' && (options.level !== undefined || options.rollup)) {
    throw new LevelError('--level and --rollup sum regions, which rates per 100,000 (--rates) cannot be: give counts with a population');
  }
  const dataset = selectLevel(input, options);
  const weights = options.weights ?? resolveWeights();
  const norms = options.norms ?? resolveNorms();
  const period = choosePeriod(dataset, options.from, options.to);
  const sort = options.sort ?? 'vacuum_per_100k';
  const ranked: RegionMetrics[] = [];
  const excluded: ExcludedRegion[] = [];
  for (const region of dataset.regions.values()) {
    const outcome = regionMetrics(dataset, region, period, weights, { norms, fill: options.fill });
    if (outcome.kind === 'ranked') ranked.push(outcome.metrics);
    else excluded.push({ region: outcome.region, reason: outcome.reason });
  }
  return {
    servicegap: options.version ?? VERSION,
    from: period.from,
    to: period.to,
    sort,
    ...(input.scale === 'rates' ? { scale: 'rates' as const } : {}),
    regions: rankRegions(ranked, sort),
    excluded,
    warnings: [...dataset.warnings],
  };
}
