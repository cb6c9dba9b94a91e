// `coverage`: each region's capacity at T against the planning norms (SPEC §4, §7).
import { analyzeCoverage } from '../core/analyze-coverage.js';
import type { CoverageReport } from '../core/coverage-schema.js';
import type { Warning } from '../core/issues.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import { COVERAGE_OUTPUT_FORMATS, type CoverageOutputFormat } from '../report/coverage/context.js';
import type { Output } from '../report/output.js';
import { type DataOptions, loadData } from './data.js';
import { colorFor, isParquetPath, pickFormat, workbookTime } from './format.js';
import {
  AnalysisOptionChecks,
  checkOptions,
  checkProvenanceTarget,
  MapOptionChecks,
  type MapOptions,
  missingCommunityOf,
  type OutputOptions,
  type ReadingThreadsOptions,
  type TrustOptions,
} from './options.js';

/** Options of `runCoverage`: data, the target year, the level ranked, the output and (for 'html') the map's boundaries. */
export interface CoverageRunOptions extends DataOptions, TrustOptions, OutputOptions<CoverageOutputFormat>, MapOptions, ReadingThreadsOptions {
  /** Target year T; default: the latest year in the beds data. */
  readonly to?: number | undefined;
  /** Rank the regions at this level of regions.csv's tree (1 = regions without a parent). */
  readonly level?: number | undefined;
  /** Rank one level above the deepest regions. */
  readonly rollup?: boolean | undefined;
}

/** What `runCoverage` returns. */
export interface CoverageRun {
  /** Every region's coverage of each norm, least covered first. */
  readonly coverage: CoverageReport;
  /** The output to render. */
  readonly output: Output;
  /** Warnings about the data. */
  readonly warnings: readonly Warning[];
  /** The output's provenance (SPEC §8). */
  readonly provenance: RunProvenance;
  /** Notes for standard error about the HTML page's map: regions without a shape, shapes without a region, or why none was drawn. */
  readonly notes: readonly string[];
}

const CoverageOptionChecks = AnalysisOptionChecks.pick({ to: true, level: true, rollup: true, threads: true, missingCommunity: true, provenance: true }).extend(MapOptionChecks.shape);

/** Load the data and compare each region with the planning norms at T. */
export async function runCoverage(options: CoverageRunOptions = {}): Promise<CoverageRun> {
  checkOptions(CoverageOptionChecks, options);
  const format = pickFormat(COVERAGE_OUTPUT_FORMATS, options.format, options.out, 'coverage report');
  checkProvenanceTarget(options);
  const loaded = await loadData(options, options.threads);
  const { dataset, norms, weights } = loaded;
  const coverage = analyzeCoverage(dataset, {
    norms,
    weights,
    to: options.to,
    level: options.level,
    rollup: options.rollup,
    missingCommunity: missingCommunityOf(options.missingCommunity, loaded),
    sources: loaded.sources,
  });
  const codes = [...coverage.regions.map((r) => r.region), ...coverage.excluded.map((e) => e.region)];
  const map = format === 'html' ? await (await import('./map.js')).runMap(options, loaded, codes) : { notes: [] };
  const context = {
    color: colorFor(format, options.out, options.color),
    provenance: dataset.provenance,
    norms,
    map: map.shapes,
    workbookTime: workbookTime(format, options.env),
    // --format long to a .parquet file is written as Parquet (issue 16).
    longAsParquet: format === 'long' && isParquetPath(options.out),
  };
  return {
    coverage,
    output: { kind: 'coverage', format, data: coverage, context },
    warnings: coverage.warnings,
    provenance: coverage.provenance,
    notes: map.notes,
  };
}
