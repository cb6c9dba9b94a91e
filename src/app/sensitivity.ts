// Sensitivity of the ranking to the weights (`report --sensitivity N`): the point-estimate
// report, the draws (in this thread, or spread over worker threads in contiguous chunks) and the
// percentiles, the same for any number of threads.
import type { Dataset, Provenance } from '../core/dataset.js';
import type { Warning } from '../core/issues.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import { orderedChunks, planSensitivity, type SensitivityOptions, summarizeDraws } from '../core/sensitivity.js';
import { type DrawChunk, type DrawPlan } from '../core/weight-draws.js';
import type { Correlation, SensitivityReport } from '../core/sensitivity-schema.js';
import { drawsParallel } from '../parallel/sensitivity.js';
import type { Output } from '../report/output.js';
import { RESEARCH_FORMATS, type ResearchFormat } from '../report/research-format-names.js';
import { type DataOptions, loadData } from './data.js';
import { pickDrawsFormat, writeDraws } from './draws.js';
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
  /** 'none' (default): every weight drawn on its own; 'category': one draw per category shared by its weights. */
  readonly correlation?: Correlation | undefined;
  /** Write every draw (region, draw, weights, vacuum per 100k, rank) to this file: .csv or .parquet. */
  readonly drawsOut?: string | undefined;
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
 * point-estimate report's warnings, and every draw behind the percentiles (plan and chunks, in
 * draw order: what `drawsOut` writes). The result is identical for every thread count.
 */
export async function drawSensitivity(
  dataset: Dataset,
  options: SensitivityOptions & { readonly threads?: number | 'auto' | undefined },
): Promise<{ readonly sensitivity: SensitivityReport; readonly warnings: readonly Warning[]; readonly plan: DrawPlan; readonly chunks: readonly DrawChunk[] }> {
  const { base, plan, draws, top } = planSensitivity(dataset, options);
  const chunks = orderedChunks(await drawsParallel(plan, draws, options.threads), draws);
  return { sensitivity: summarizeDraws(base, plan, draws, chunks, top), warnings: base.warnings, plan, chunks };
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
  const drawsFormat = options.drawsOut === undefined ? undefined : pickDrawsFormat(options.drawsOut);
  const loaded = await loadData(options, options.threads);
  const { dataset, weights, norms, sources } = loaded;
  const { from, to, sort, fill, level, rollup, draws, seed, correlation, top, threads } = options;
  const missingCommunity = missingCommunityOf(options.missingCommunity, loaded);
  const { sensitivity, warnings, plan, chunks } = await drawSensitivity(dataset, {
    weights,
    norms,
    from,
    to,
    sort,
    fill,
    level,
    rollup,
    draws,
    seed,
    correlation,
    top,
    threads,
    missingCommunity,
    sources,
  });
  if (options.drawsOut !== undefined && drawsFormat !== undefined) await writeDraws(options.drawsOut, drawsFormat, plan, chunks);
  return { sensitivity, output: sensitivityOutput(sensitivity, format, options, dataset.provenance), warnings, provenance: sensitivity.provenance };
}
