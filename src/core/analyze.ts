// One analysis: choose the period, compute every region's metrics, rank them (SPEC §3), add the
// plausibility notices and the provenance (SPEC §8).
import type { MissingCommunity } from './config.js';
import { bedYears, type Dataset, inputFileName, serviceYears } from './dataset.js';
import { OptionError } from './errors.js';
import { type LevelChoice, LevelError, levelSelection } from './hierarchy.js';
import type { Warning } from './issues.js';
import { regionMetrics, type Period } from './metrics.js';
import { checkFill, checkLevel, checkMissingCommunity, checkNormTable, checkSort, checkWeightTable, checkYear } from './option-checks.js';
import { eachPlausibilityNotice, type NoticeFiles } from './plausibility.js';
import { rankRegions } from './rank.js';
import type { FillMode } from './series.js';
import type { ExcludedRegion, RegionMetrics, Report, SortMetric } from './report-schema.js';
import type { RunOptions } from './provenance-schema.js';
import { analysisProvenance, type RunSources } from './run-provenance.js';
import { VERSION } from '../version.js';
import { resolveWeights, type WeightTable } from './weights.js';
import { type NormTable, resolveNorms } from './norms.js';

/** Options of `analyze`: the period, the sort metric, the weights and norms, the fill rule and the level. */
export interface AnalyzeOptions extends LevelChoice {
  /** Baseline year B; default: the earliest year in the beds data (an events file: the earliest event year − 1). */
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
  /**
   * A region with no row at all in services.csv (SPEC §8): `exclude` (default: reason
   * `community`) or `zero` (ranked with community capacity 0, flag `no_community_data`).
   */
  readonly missingCommunity?: MissingCommunity | undefined;
  /** What provenance says besides the weights, norms and options above: the files read and the config file. */
  readonly sources?: RunSources | undefined;
}

/** A usage problem the caller can fix with options (exit 2), e.g. --from after --to. */
export class PeriodError extends OptionError {
  override readonly name = 'PeriodError';
}

/** Which default a year of the period took, for `explain` and the README. */
export type PeriodRule = 'option' | 'earliest beds year' | 'earliest event year − 1' | 'latest beds year' | 'earliest services year' | 'latest services year';

/** The period, and the rule that chose each of its years. */
export interface ChosenPeriod extends Period {
  readonly fromRule: PeriodRule;
  readonly toRule: PeriodRule;
}

/**
 * The period of an analysis: the given years, else the beds data's first and last year — for a
 * beds file of closure events the first event year − 1, so that every closure in the file counts
 * (closures count when B < year ≤ T, SPEC §3). When a dataset has no beds file, its service years
 * stand in, so a community-only file still runs.
 */
export function choosePeriod(dataset: Dataset, from?: number, to?: number): Period {
  const { from: B, to: T } = explainPeriod(dataset, from, to);
  return { from: B, to: T };
}

/** choosePeriod, with the rule that chose each year. */
export function explainPeriod(dataset: Dataset, from?: number, to?: number): ChosenPeriod {
  checkYear('from', from);
  checkYear('to', to);
  const years = defaultYears(dataset);
  const events = dataset.beds.shape === 'events';
  const first = years[0];
  const B = from ?? (first === undefined ? undefined : events ? first - 1 : first);
  const T = to ?? years[years.length - 1];
  if (B === undefined || T === undefined) {
    throw new PeriodError(from === undefined ? 'from' : 'to', 'the data has no years to default to: give --from and --to');
  }
  if (B > T) throw new PeriodError(undefined, `--from (${B}) is after --to (${T})`);
  const none = dataset.beds.shape === 'none';
  return {
    from: B,
    to: T,
    fromRule: from !== undefined ? 'option' : none ? 'earliest services year' : events ? 'earliest event year − 1' : 'earliest beds year',
    toRule: to !== undefined ? 'option' : none ? 'latest services year' : 'latest beds year',
  };
}

/** The years B and T default to: the beds data's, else (no beds file) the services'. */
function defaultYears(dataset: Dataset): number[] {
  return dataset.beds.shape === 'none' ? serviceYears(dataset) : bedYears(dataset.beds);
}

/** T alone (coverage, SPEC §7): the given year, else the last year choosePeriod would take. */
export function chooseTargetYear(dataset: Dataset, to?: number): number {
  checkYear('to', to);
  const T = to ?? defaultYears(dataset).at(-1);
  if (T === undefined) throw new PeriodError('to', 'the data has no years to default to: give --to');
  return T;
}

/**
 * Every option of analyze, trend and sensitivity checked as the CLI checks it (OptionError,
 * naming the option): years, sort, fill, level, missing community, and weight and norm tables
 * given directly.
 */
export function checkAnalyzeOptions(options: AnalyzeOptions): void {
  checkYear('from', options.from);
  checkYear('to', options.to);
  checkSort(options.sort);
  checkFill(options.fill);
  checkLevel(options.level);
  checkMissingCommunity(options.missingCommunity);
  checkWeightTable(options.weights);
  checkNormTable(options.norms);
}

/** How warnings name the input files: as the loader read them, else by their SPEC names. */
export function noticeFiles(dataset: Dataset): NoticeFiles {
  return { population: inputFileName(dataset, 'population'), beds: inputFileName(dataset, 'beds'), services: inputFileName(dataset, 'services') };
}

/** The report's options as provenance lists them: the values in force, defaults included. */
export function analysisOptions(input: Dataset, options: AnalyzeOptions, period: Period, level: number | undefined): RunOptions {
  return {
    from: period.from,
    to: period.to,
    sort: options.sort ?? 'vacuum_per_100k',
    fill: options.fill ?? 'carry',
    missingCommunity: options.missingCommunity ?? 'exclude',
    level: level ?? null,
    rollup: options.rollup ?? false,
    ...(input.scale === 'rates' ? { rates: true } : {}),
  };
}

/**
 * A report without its plausibility notices, and how to make them: `analyze` in two steps, so
 * that a caller can add the intervals first, and have the notices made only when they are read
 * (app/report.ts, lazy-warnings.ts withNoticesWhenRead; on 5,000 regions they are about a tenth
 * of a second of one thread and 15 MB, issue 18). `withNotices` puts them back where `analyze`
 * has them. A trend is made in the same two steps (trend.ts trendRanking: `RankedReport<TrendReport>`).
 */
export interface RankedReport<R extends { readonly warnings: readonly Warning[] } = Report> {
  /** The report, its warnings the dataset's only. */
  readonly report: R;
  /** The plausibility notices of the ranked regions (plausibility.ts), made one at a time as they are iterated; the same each call. */
  readonly notices: () => Iterable<Warning>;
}

/**
 * `ranked.report` with its plausibility notices after the dataset's warnings: what `analyze`
 * returns (and `trend`, from trendRanking). lazy-warnings.ts withNoticesWhenRead makes them later.
 */
export function withNotices<R extends { readonly warnings: readonly Warning[] }>(ranked: RankedReport<R>): R {
  const { report } = ranked;
  return { ...report, warnings: [...report.warnings, ...ranked.notices()] };
}

/**
 * Rank the units of `options.level` / `options.rollup` (default: the regions without children;
 * hierarchy.ts), each with its branch's figures summed, by their metrics for the period. Every
 * option is checked first (checkAnalyzeOptions: an OptionError names the one that cannot work).
 */
export function analyze(input: Dataset, options: AnalyzeOptions = {}): Report {
  return withNotices(analyzeRanking(input, options));
}

/** `analyze`, its plausibility notices left to be made (RankedReport). */
export function analyzeRanking(input: Dataset, options: AnalyzeOptions = {}): RankedReport {
  checkAnalyzeOptions(options);
  // Rates per 100,000 cannot be summed up a tree of regions (a county's rate is no sum of its towns').
  if (input.scale === 'rates' && (options.level !== undefined || options.rollup)) {
    throw new LevelError('--level and --rollup sum regions, which rates per 100,000 (--rates) cannot be: give counts with a population');
  }
  const { dataset, level } = levelSelection(input, options);
  const weights = options.weights ?? resolveWeights();
  const norms = options.norms ?? resolveNorms();
  const period = choosePeriod(dataset, options.from, options.to);
  const sort = options.sort ?? 'vacuum_per_100k';
  const ranked: RegionMetrics[] = [];
  const excluded: ExcludedRegion[] = [];
  for (const region of dataset.regions.values()) {
    const outcome = regionMetrics(dataset, region, period, weights, { norms, fill: options.fill, missingCommunity: options.missingCommunity });
    if (outcome.kind === 'ranked') ranked.push(outcome.metrics);
    else excluded.push({ region: outcome.region, reason: outcome.reason });
  }
  const report: Report = {
    servicegap: options.version ?? VERSION,
    from: period.from,
    to: period.to,
    sort,
    ...(input.scale === 'rates' ? { scale: 'rates' as const } : {}),
    regions: rankRegions(ranked, sort),
    excluded,
    warnings: [...dataset.warnings],
    provenance: analysisProvenance(input, options, weights, norms, analysisOptions(input, options, period, level)),
  };
  const notices = () =>
    eachPlausibilityNotice(dataset, {
      regions: ranked.map((r) => r.region),
      period,
      weights,
      fill: options.fill,
      files: noticeFiles(dataset),
    });
  return { report, notices };
}
