// servicegap trend: the vacuum over time. For every region and every year T′ from B to T, the
// metrics of SPEC §3 for B → T′, computed by the same function as a report (metrics.ts), over
// the same units (hierarchy.ts) with the same fill rule (series.ts). Pure; no IO.
import { type AnalyzeOptions, analysisOptions, checkAnalyzeOptions, choosePeriod, noticeFiles, type RankedReport, withNotices } from './analyze.js';
import type { Dataset } from './dataset.js';
import { levelSelection } from './hierarchy.js';
import { resolveNorms } from './norms.js';
import { eachPlausibilityNotice } from './plausibility.js';
import { compareRegions } from './rank.js';
import type { ExcludedRegion, RegionMetrics } from './report-schema.js';
import { analysisProvenance } from './run-provenance.js';
import type { TrendGap, TrendRegion, TrendReport } from './trend-schema.js';
import { regionYears } from './trend-region-years.js';
import { trendRegion, yearAt, type YearRows } from './trend-years.js';
import { VERSION } from '../version.js';
import { resolveWeights } from './weights.js';

/** Options of `trend`: the same as `analyze`'s. */
export type TrendOptions = AnalyzeOptions;

/**
 * Every unit's metrics in every year from B to T. A unit is ranked when report would rank it
 * (its metrics are known at T), by the sort metric in year T; a year in between whose metrics
 * are unknown is listed in its `excluded_years`.
 */
export function trend(input: Dataset, options: TrendOptions = {}): TrendReport {
  return withNotices(trendRanking(input, options));
}

/**
 * `trend` in two steps, as analyze.ts analyzeRanking: the trend with the dataset's warnings only,
 * and its plausibility notices made one at a time as they are iterated (the same each call): the
 * command line has them made as its JSON is written (lazy-warnings.ts withNoticesWhenRead).
 */
export function trendRanking(input: Dataset, options: TrendOptions = {}): RankedReport<TrendReport> {
  checkAnalyzeOptions(options);
  const { dataset, level } = levelSelection(input, options);
  const weights = options.weights ?? resolveWeights();
  const norms = options.norms ?? resolveNorms();
  const period = choosePeriod(dataset, options.from, options.to);
  const sort = options.sort ?? 'vacuum_per_100k';
  const fill = options.fill ?? 'carry';
  const metricsOptions = { fill, norms, missingCommunity: options.missingCommunity };
  const ranked: { final: RegionMetrics; region: Omit<TrendRegion, 'rank' | 'years' | 'excluded_years'>; rows: YearRows; gaps: TrendGap[] }[] = [];
  const excluded: ExcludedRegion[] = [];
  for (const info of dataset.regions.values()) {
    // Every year's metrics as rows of numbers, in one walk of the region's series
    // (trend-region-years.ts); ranked when its metrics at T are known, as report ranks it.
    const years = regionYears(dataset, info, period, { ...metricsOptions, weights });
    const last = years.rows.years.length - 1;
    if (years.rows.years[last] !== period.to) {
      excluded.push({ region: info.code, reason: years.gaps.at(-1)!.reason }); // the gap at T
      continue;
    }
    const { year: _year, ...atT } = yearAt(years.rows, last);
    const final: RegionMetrics = { region: info.code, name: info.name, ...atT };
    const summary = { first_vacuum_year: years.firstVacuumYear, peak_vacuum_per_100k: years.peakVacuumPer100k, peak_year: years.peakYear, open: final.vacuum_be > 0 };
    ranked.push({ final, region: { region: info.code, name: info.name, ...summary }, rows: years.rows, gaps: years.gaps });
  }
  ranked.sort((a, b) => compareRegions(a.final, b.final, sort));
  const report: TrendReport = {
    servicegap: options.version ?? VERSION,
    from: period.from,
    to: period.to,
    sort,
    fill,
    level: level ?? null,
    regions: ranked.map((r, index) => trendRegion(index + 1, r.region, r.rows, r.gaps)),
    excluded,
    warnings: [...dataset.warnings],
    provenance: analysisProvenance(input, options, weights, norms, analysisOptions(input, options, period, level)),
  };
  const regions = ranked.map((r) => r.final.region);
  const files = noticeFiles(dataset);
  return { report, notices: () => eachPlausibilityNotice(dataset, { regions, period, weights, fill, files }) };
}

/** Headline numbers of a whole trend (a --top slice shows fewer regions). */
export interface TrendSummary {
  readonly ranked: number;
  /** Regions in which a vacuum opened in some year. */
  readonly opened: number;
  /** Regions whose vacuum is still open at T. */
  readonly open: number;
}

/** The headline numbers of a trend: regions ranked, in how many a vacuum opened, and how many are still open at T. */
export function summarizeTrend(report: Pick<TrendReport, 'regions'>): TrendSummary {
  return {
    ranked: report.regions.length,
    opened: report.regions.filter((r) => r.first_vacuum_year !== null).length,
    open: report.regions.filter((r) => r.open).length,
  };
}
