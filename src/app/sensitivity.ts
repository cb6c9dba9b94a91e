// Sensitivity of the ranking to the weights (`report --sensitivity N`): the point-estimate
// report, the draws (in this thread, or spread over worker threads in contiguous chunks) and the
// percentiles, the same for any number of threads.
import type { Dataset, Provenance } from '../core/dataset.js';
import type { Warning } from '../core/issues.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import { planSensitivity, runDraws, type SensitivityOptions, summarizeDraws } from '../core/sensitivity.js';
import type { SensitivityReport } from '../core/sensitivity-schema.js';
import { drawsInWorkers, sensitivityThreads } from '../parallel/sensitivity.js';
import type { Output } from '../report/output.js';
import { RESEARCH_FORMATS, type ResearchFormat } from '../report/research-format-names.js';
import { type DataOptions, loadData } from './data.js';
import { colorFor, pickFormat } from './format.js';
import {
  checkOptions,
  checkProvenanceTarget,
  missingCommunityOf,
  type OutputOptions,
  type PeriodOptions,
  type RankingOptions,
  SensitivityOptionChecks,
  type TrustOptions,
} from './options.js';

/** Options of `runSensitivity`: data, period, ranking, the draws and the output. */
export interface SensitivityRunOptions extends DataOptions, PeriodOptions, RankingOptions, TrustOptions, OutputOptions<ResearchFormat> {
  /** Number of draws (1 – 1,000,000); default 1,000. */
  readonly draws?: number | undefined;
  /** Seed of the draws (0 – 2³² − 1); default 1. The same seed gives the same report. */
  readonly seed?: number | undefined;
  /** Worker threads for reading large files and for the draws: a number, or 'auto' (default for the draws: one per core for large runs). */
  readonly threads?: number | 'auto' | undefined;
  /** Show only the first N ranked regions. */
  readonly top?: number | undefined;
}

/** What `runSensitivity` returns. */
export interface SensitivityRun {
  /** Every ranked region's percentiles of vacuum and rank. */
  readonly sensitivity: SensitivityReport;
  /** The output to render (the first `top` regions). */
  readonly output: Output;
  /** Warnings about the data (the point-estimate report's). */
  readonly warnings: readonly Warning[];
  /** The output's provenance (SPEC §8), with the draws and seed among its options. */
  readonly provenance: RunProvenance;
}

/**
 * The draws of a loaded dataset (in `threads` worker threads when worth it), with the
 * point-estimate report. The result is identical for every thread count.
 */
export async function drawSensitivity(
  dataset: Dataset,
  options: SensitivityOptions & { readonly threads?: number | 'auto' | undefined },
): Promise<{ readonly sensitivity: SensitivityReport; readonly warnings: readonly Warning[] }> {
  const { base, plan, draws } = planSensitivity(dataset, options);
  const threads = sensitivityThreads(options.threads, draws, plan.regions.length);
  const chunks = threads <= 1 ? [runDraws(dataset, plan, 0, draws)] : await drawsInWorkers(dataset, plan, draws, threads);
  return { sensitivity: summarizeDraws(base, plan, draws, chunks), warnings: base.warnings };
}

/** The sensitivity output: the first `top` regions, the dataset's notice in the footers. */
export function sensitivityOutput(
  sensitivity: SensitivityReport,
  format: ResearchFormat,
  options: { readonly top?: number | undefined; readonly out?: string | undefined; readonly color?: boolean | undefined },
  provenance: Provenance | undefined,
): Output {
  const data = options.top === undefined ? sensitivity : { ...sensitivity, regions: sensitivity.regions.slice(0, options.top) };
  const notices = provenance?.notice ? [provenance.notice] : [];
  return { kind: 'sensitivity', format, data, context: { color: colorFor(format, options.out, options.color), notices } };
}

/** Load the data and draw every weight uniformly from its low–high range `draws` times. */
export async function runSensitivity(options: SensitivityRunOptions = {}): Promise<SensitivityRun> {
  checkOptions(SensitivityOptionChecks, options);
  checkProvenanceTarget(options);
  const format = pickFormat(RESEARCH_FORMATS, options.format, options.out, 'sensitivity report');
  const loaded = await loadData(options, options.threads);
  const { dataset, weights, norms, sources } = loaded;
  const { from, to, sort, fill, level, rollup, draws, seed, threads } = options;
  const missingCommunity = missingCommunityOf(options.missingCommunity, loaded);
  const { sensitivity, warnings } = await drawSensitivity(dataset, { weights, norms, from, to, sort, fill, level, rollup, draws, seed, threads, missingCommunity, sources });
  return { sensitivity, output: sensitivityOutput(sensitivity, format, options, dataset.provenance), warnings, provenance: sensitivity.provenance };
}
