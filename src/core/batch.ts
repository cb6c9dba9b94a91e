// Many named scenarios in one result (issue 6, `servicegap batch`): one long table of every
// scenario's ranked regions, and each scenario's rank changes against the first. Pure: running
// the scenarios (loading, threads) is src/io/batch.ts.
import type { BatchResult, BatchRow, BatchSummary } from './batch-schema.js';
import { DEFAULT_COMPARE_TOP, topChanges } from './compare.js';
import { OptionError } from './errors.js';
import type { Report } from './report-schema.js';

/** One scenario's name and report. */
export interface ScenarioReport {
  readonly name: string;
  readonly report: Report;
}

/**
 * Combine scenario reports (in scenario order, all sorted by the same metric) into the long table
 * and the summary of rank changes against the first scenario. `top`: N of "top N" (default 10).
 */
export function combineBatch(results: readonly ScenarioReport[], options: { readonly top?: number | undefined } = {}): BatchResult {
  const first = results[0];
  if (first === undefined) throw new OptionError('scenarios', 'scenarios: expected at least one scenario');
  const top = options.top ?? DEFAULT_COMPARE_TOP;
  const firstRank = new Map(first.report.regions.map((r) => [r.region, r.rank]));

  const rows: BatchRow[] = results.flatMap(({ name, report }) =>
    report.regions.map((region) => {
      const rankFirst = firstRank.get(region.region) ?? null;
      return {
        scenario: name,
        from: report.from,
        to: report.to,
        ...region,
        rank_first: rankFirst,
        rank_change: rankFirst === null ? null : region.rank - rankFirst,
      };
    }),
  );

  const summary: BatchSummary[] = results.map(({ name, report }) => {
    let moved = 0;
    let largest = 0;
    for (const r of report.regions) {
      const before = firstRank.get(r.region);
      if (before === undefined || before === r.rank) continue;
      moved++;
      largest = Math.max(largest, Math.abs(r.rank - before));
    }
    const { entered, left } = topChanges(first.report.regions, report.regions, top);
    return { scenario: name, regions_moved: moved, largest_rank_change: largest, entered_top: entered, left_top: left };
  });

  return {
    servicegap: first.report.servicegap,
    sort: first.report.sort,
    top,
    first: first.name,
    scenarios: results.map(({ name, report }) => ({
      name,
      from: report.from,
      to: report.to,
      ranked: report.regions.length,
      excluded: report.excluded,
      warnings: report.warnings,
    })),
    rows,
    summary,
    provenance: { scenarios: results.map(({ name, report }) => ({ scenario: name, ...report.provenance })) },
  };
}
