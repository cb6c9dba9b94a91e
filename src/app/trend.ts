// `trend`: the vacuum year by year from B to T (core/trend.ts).
import type { Warning } from '../core/issues.js';
import { withNoticesWhenRead } from '../core/lazy-warnings.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import { summarizeTrend, trendRanking } from '../core/trend.js';
import type { TrendReport } from '../core/trend-schema.js';
import type { Output } from '../report/output.js';
import { TREND_OUTPUT_FORMATS, type TrendOutputFormat } from '../report/trend/context.js';
import { type DataOptions, loadData } from './data.js';
import { colorFor, isParquetPath, pickFormat, workbookTime } from './format.js';
import {
  AnalysisOptionChecks,
  checkOptions,
  checkProvenanceTarget,
  missingCommunityOf,
  type OutputOptions,
  type PeriodOptions,
  type RankingOptions,
  type ReadingThreadsOptions,
  type TrustOptions,
} from './options.js';

/** Options of `runTrend`: data, period, ranking (by the metric at T) and the output. */
export interface TrendRunOptions extends DataOptions, PeriodOptions, RankingOptions, TrustOptions, OutputOptions<TrendOutputFormat>, ReadingThreadsOptions {
  /** Show only the first N ranked regions. */
  readonly top?: number | undefined;
}

/** What `runTrend` returns. */
export interface TrendRun {
  /** Every ranked region's vacuum year by year. */
  readonly trend: TrendReport;
  /** The output to render (the first `top` regions). */
  readonly output: Output;
  /** Warnings about the data. */
  readonly warnings: readonly Warning[];
  /** The output's provenance (SPEC §8). */
  readonly provenance: RunProvenance;
}

/** Load the data and follow each region's vacuum from B to T. */
export async function runTrend(options: TrendRunOptions = {}): Promise<TrendRun> {
  checkOptions(AnalysisOptionChecks, options);
  const format = pickFormat(TREND_OUTPUT_FORMATS, options.format, options.out, 'trend');
  checkProvenanceTarget(options);
  const loaded = await loadData(options, options.threads);
  const { dataset, weights, norms } = loaded;
  // The plausibility notices made when read, or as the JSON is written (core/lazy-warnings.ts).
  const ranked = trendRanking(dataset, {
    weights,
    norms,
    missingCommunity: missingCommunityOf(options.missingCommunity, loaded),
    sources: loaded.sources,
    from: options.from,
    to: options.to,
    sort: options.sort,
    fill: options.fill,
    level: options.level,
    rollup: options.rollup,
  });
  const result = withNoticesWhenRead(ranked);
  const shown = options.top === undefined ? result : { ...result, regions: result.regions.slice(0, options.top) };
  const context = {
    color: colorFor(format, options.out, options.color),
    provenance: dataset.provenance,
    summary: summarizeTrend(result),
    workbookTime: workbookTime(format, options.env),
    // --format long to a .parquet file is written as Parquet (issue 16).
    longAsParquet: format === 'long' && isParquetPath(options.out),
  };
  return {
    trend: result,
    output: { kind: 'trend', format, data: shown, context },
    // A getter: the notices are made when read (core/lazy-warnings.ts), not for the run.
    get warnings() {
      return result.warnings;
    },
    provenance: result.provenance,
  };
}
