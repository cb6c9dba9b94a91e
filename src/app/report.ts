// `report`: rank regions by their service vacuum (SPEC §3, §5, §6) — load, analyse (at the
// weights' values, or at a corner of their ranges, or with sensitivity draws), build what the
// renderer needs, and evaluate the CI gates, all as data.
import { z } from 'zod';
import { analyzeRanking, withNotices } from '../core/analyze.js';
import { analyzeCoverage } from '../core/analyze-coverage.js';
import { reportDetails } from '../core/breakdown.js';
import { coverageHeatmap } from '../core/coverage-band.js';
import { selectLevel } from '../core/hierarchy.js';
import { DEFAULT_INTERVAL_DRAWS } from '../core/interval.js';
import type { Warning } from '../core/issues.js';
import { withNoticesWhenRead } from '../core/lazy-warnings.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import type { Report } from '../core/report-schema.js';
import { analyzeCornerRanking } from '../core/sensitivity.js';
import type { Correlation, SensitivityReport } from '../core/sensitivity-schema.js';
import { summarize } from '../core/summary.js';
import type { FileRole } from '../io/load-dataset.js';
import { startIntervalWorkers, withIntervalOnThreads } from '../parallel/interval.js';
import type { Output } from '../report/output.js';
import { REPORT_OUTPUT_FORMATS, type RenderContext, type ReportOutputFormat } from '../report/render-context.js';
import { RESEARCH_FORMATS, type ResearchFormat } from '../report/research-format-names.js';
import type { ChartsWritten } from './charts.js';
import { type DataOptions, dataFolderHint, loadData, usesBundledData } from './data.js';
import { OptionError } from './errors.js';
import { pickDrawsFormat, writeDraws } from './draws.js';
import { colorFor, isParquetPath, pickFormat, workbookTime } from './format.js';
import {
  checkOptions,
  FailAboveOptionSchema,
  IntervalOptionChecks,
  MapOptionChecks,
  type MapOptions,
  type OutputOptions,
  type PeriodOptions,
  type RankingOptions,
  SensitivityOptionChecks,
  checkProvenanceTarget,
  missingCommunityOf,
  type TrustOptions,
  type WeightsChoice,
  WeightsChoiceSchema,
} from './options.js';

/** Options of `runReport`: data, period, ranking, weights, sensitivity, output and CI gates. */
export interface ReportRunOptions extends DataOptions, PeriodOptions, RankingOptions, TrustOptions, OutputOptions<ReportOutputFormat>, MapOptions {
  /** Show only the first N ranked regions (the gates and the summary still see every region). */
  readonly top?: number | undefined;
  /** CSV for spreadsheets (UTF-8 with a byte-order mark, ";", decimal comma, CRLF): the output's format is 'excel'. */
  readonly excel?: boolean | undefined;
  /** Every weight at its value (default), or at the low or high end of its range. */
  readonly weights?: WeightsChoice | undefined;
  /** Draw every weight from its range this many times; the output is then the sensitivity report. */
  readonly sensitivity?: number | undefined;
  /** Seed of the draws (the intervals, or `sensitivity`); default 1. */
  readonly seed?: number | undefined;
  /**
   * Each ranked region's p5–p95 interval of vacuum per 100k and of rank over the weights' ranges
   * (issue 16); default true. A sensitivity run has its own percentiles instead.
   */
  readonly interval?: boolean | undefined;
  /** Draws behind the intervals; default 500 (`DEFAULT_INTERVAL_DRAWS`). */
  readonly intervalDraws?: number | undefined;
  /** How the weights are drawn (intervals and sensitivity): 'none' (default), each on its own; 'category', one draw per category shared by its weights. */
  readonly correlation?: Correlation | undefined;
  /** With `sensitivity`: write every draw (region, draw, weights, vacuum per 100k, rank) to this file, .csv or .parquet. */
  readonly drawsOut?: string | undefined;
  /** Threads for reading a large file (24 MiB or more; default 'auto': one per core, this one
   * included) and worker threads for the draws (default 'auto'). */
  readonly threads?: number | 'auto' | undefined;
  /** Gate: trips when a ranked region's vacuum per 100k is above this. */
  readonly failAbove?: number | undefined;
  /** Gate: trips when any region could not be ranked. */
  readonly failIfAnyExcluded?: boolean | undefined;
  /**
   * Also write every chart of the HTML report (the page's charts and its map once per metric) to
   * this folder, made if missing, as standalone SVG files and PNG where resvg loads; whatever the
   * output's format.
   */
  readonly chartsDir?: string | undefined;
}

/** The CI gates of a run, evaluated: which were asked for, whether any tripped, and a message for each that did. */
export interface GateResult {
  /** The gates given, as the command line spells them: "--fail-above 10", "--fail-if-any-excluded". */
  readonly checked: readonly string[];
  readonly tripped: boolean;
  /** One line per tripped gate, naming it and the regions that tripped it. */
  readonly messages: readonly string[];
}

/** What `runReport` returns. */
export interface ReportRun {
  /** The whole ranking (every region, whatever `top` shows). */
  readonly report: Report;
  /** The render context of the report (for a sensitivity run too: e.g. for a summary of the report). */
  readonly context: RenderContext;
  /** With `sensitivity`: the draws' percentiles for every ranked region. */
  readonly sensitivity?: SensitivityReport | undefined;
  /** The output to render: the report (first `top` regions), or the sensitivity report. */
  readonly output: Output;
  /** Warnings about the data. */
  readonly warnings: readonly Warning[];
  /** The CI gates (`failAbove`, `failIfAnyExcluded`), evaluated on the whole ranking. */
  readonly gates: GateResult;
  /** The files read, by role, as named in messages. */
  readonly files: Partial<Record<FileRole, string>>;
  /** Notes for standard error about the map: regions without a shape, shapes without a region, or why none was drawn. */
  readonly notes: readonly string[];
  /** With `chartsDir`: the chart files written. */
  readonly charts?: ChartsWritten | undefined;
  /** The output's provenance (SPEC §8): what `provenance` names is written with it. */
  readonly provenance: RunProvenance;
}

const ReportOptionChecks = SensitivityOptionChecks.extend(IntervalOptionChecks.shape).extend(MapOptionChecks.shape).extend({
  chartsDir: z.string().min(1, { error: 'expected a folder name' }).optional(),
  sensitivity: SensitivityOptionChecks.shape.draws,
  weights: WeightsChoiceSchema.optional(),
  failAbove: FailAboveOptionSchema.optional(),
});

/** The combinations of options a report cannot take, and its format. */
function reportFormat(
  options: ReportRunOptions,
): { readonly sensitivity: true; readonly format: ResearchFormat } | { readonly sensitivity: false; readonly format: ReportOutputFormat | 'excel' } {
  const draws = options.sensitivity;
  const weights = options.weights ?? 'value';
  // Something is drawn: the intervals (unless interval: false) or the sensitivity run.
  const interval = options.interval ?? true;
  const drawing = draws !== undefined || interval;
  if (!drawing && options.seed !== undefined) throw new OptionError('seed', '--seed: nothing is drawn under --no-interval without --sensitivity');
  if (!drawing && options.correlation !== undefined) {
    throw new OptionError('correlation', '--correlation: nothing is drawn under --no-interval without --sensitivity');
  }
  if (!interval && options.intervalDraws !== undefined) throw new OptionError('intervalDraws', '--interval-draws and --no-interval exclude each other');
  if (draws === undefined && options.drawsOut !== undefined) throw new OptionError('drawsOut', '--draws-out: only used with --sensitivity');
  if (draws !== undefined && weights !== 'value') {
    throw new OptionError('weights', `--weights ${weights} and --sensitivity exclude each other: the draws span every weight's range`);
  }
  if (draws !== undefined && options.excel) {
    throw new OptionError('excel', '--excel writes the report itself, not a sensitivity report: use --format csv');
  }
  if (draws !== undefined) return { format: pickFormat(RESEARCH_FORMATS, options.format, options.out, 'sensitivity report'), sensitivity: true };
  if (options.excel) {
    if (options.format === 'xlsx') {
      throw new OptionError('excel', '--excel writes a CSV file for spreadsheets and --format xlsx an Excel workbook: give one of them');
    }
    if (options.format !== undefined && options.format !== 'csv') {
      throw new OptionError('excel', `--excel writes CSV: it cannot be combined with --format ${options.format}`);
    }
    return { format: 'excel', sensitivity: false };
  }
  return { format: pickFormat(REPORT_OUTPUT_FORMATS, options.format, options.out, 'report'), sensitivity: false };
}

/**
 * A gate (`failAbove`, `failIfAnyExcluded`) with no input at all would check servicegap's bundled
 * demo data, not the caller's, and pass for ever: an OptionError naming the data options (a
 * forgotten --data in CI).
 */
function refuseGatesOnDemoData(options: ReportRunOptions): void {
  const gates = [...(options.failAbove === undefined ? [] : ['--fail-above']), ...(options.failIfAnyExcluded ? ['--fail-if-any-excluded'] : [])];
  if (gates.length === 0 || !usesBundledData(options.inputs)) return;
  throw new OptionError(
    'inputs',
    `${gates.join(' and ')}: no input was given, so this would check servicegap's bundled demo data, not yours: ` +
      `give --data DIR (or --regions F and --population F)${dataFolderHint(options.cwd)}`,
  );
}

/** The gates' verdicts on the whole ranking. */
export function evaluateGates(report: Report, options: Pick<ReportRunOptions, 'failAbove' | 'failIfAnyExcluded'>): GateResult {
  const checked: string[] = [];
  const messages: string[] = [];
  const limit = options.failAbove;
  if (limit !== undefined) {
    checked.push(`--fail-above ${limit}`);
    const over = report.regions.filter((r) => r.vacuum_per_100k > limit);
    if (over.length > 0) {
      const list = over.map((r) => `${r.region} (${r.vacuum_per_100k.toFixed(1)})`).join(', ');
      messages.push(`--fail-above ${limit}: ${over.length} region(s) above it: ${list}`);
    }
  }
  if (options.failIfAnyExcluded) {
    checked.push('--fail-if-any-excluded');
    if (report.excluded.length > 0) {
      const list = report.excluded.map((e) => `${e.region} (${e.reason})`).join(', ');
      messages.push(`--fail-if-any-excluded: ${report.excluded.length} region(s) not ranked: ${list}`);
    }
  }
  return { checked, tripped: messages.length > 0, messages };
}

/** Load the data and rank the regions; see `ReportRunOptions` for what can be chosen. */
export async function runReport(options: ReportRunOptions = {}): Promise<ReportRun> {
  checkOptions(ReportOptionChecks, options);
  const chosen = reportFormat(options);
  refuseGatesOnDemoData(options);
  checkProvenanceTarget(options);
  // Checked before anything is read: the draws file's format, from its extension.
  const drawsFormat = options.drawsOut === undefined ? undefined : pickDrawsFormat(options.drawsOut);
  const { format } = chosen;
  const loaded = await loadData(options, options.threads);
  const { dataset, weights, norms, files } = loaded;
  // The units ranked (regions without children, or level/rollup): the same for every view.
  const levelChoice = { level: options.level, rollup: options.rollup };
  const missingCommunity = missingCommunityOf(options.missingCommunity, loaded);
  const run = { norms, from: options.from, to: options.to, sort: options.sort, fill: options.fill, missingCommunity, sources: loaded.sources, ...levelChoice };
  const corner = options.weights ?? 'value';
  // The p5–p95 intervals over the weights' ranges (issue 16); a sensitivity run has its own percentiles.
  const withIntervals = (options.interval ?? true) && !chosen.sensitivity;
  const intervalDraws = { draws: options.intervalDraws, seed: options.seed, correlation: options.correlation };
  const workers = withIntervals ? startIntervalWorkers(options.threads, options.intervalDraws ?? DEFAULT_INTERVAL_DRAWS, dataset.regions.size) : undefined;
  let report: Report;
  try {
    const ranked = corner === 'value' ? analyzeRanking(dataset, { weights, ...run }) : analyzeCornerRanking(dataset, corner, { weights, ...run });
    if (withIntervals) {
      const drawn = await withIntervalOnThreads(dataset, ranked.report, { weights, ...run, ...intervalDraws }, workers, options.threads);
      // The plausibility notices made when read, or as the JSON is written (core/lazy-warnings.ts).
      report = withNoticesWhenRead({ report: drawn, notices: ranked.notices });
    } else if (chosen.sensitivity) {
      report = withNotices(ranked);
    } else {
      // Provenance says the intervals were turned off (a sensitivity run's provenance has its own draws).
      const { provenance } = ranked.report;
      report = withNoticesWhenRead({ report: { ...ranked.report, provenance: { ...provenance, options: { ...provenance.options, interval: false } } }, notices: ranked.notices });
    }
  } finally {
    await workers?.close();
  }
  const shown = options.top === undefined ? report : { ...report, regions: report.regions.slice(0, options.top) };
  // The HTML page, and its charts for chartsDir, need more than the report: details, coverage, map.
  const page = format === 'html' || options.chartsDir !== undefined;
  const codes = [...shown.regions.map((r) => r.region), ...report.excluded.map((e) => e.region)];
  // Loaded only for a page (the boundaries' code is not compiled for a JSON report: the command line's start-up).
  const map = page ? await (await import('./map.js')).runMap(options, loaded, codes) : { notes: [] };
  // Coverage at the report's T, with the same norms as coverage_index: the page's heatmap, the workbook's sheets.
  const coverageAtT = page || format === 'xlsx' ? analyzeCoverage(dataset, { norms, to: report.to, missingCommunity, ...levelChoice }) : undefined;
  const context: RenderContext = {
    color: colorFor(format, options.out, options.color),
    provenance: dataset.provenance,
    weights,
    summary: summarize(report),
    details: page ? reportDetails(selectLevel(dataset, levelChoice), shown.regions.map((r) => r.region), report, weights, options.fill) : undefined,
    // The heatmap's grid (the HTML page and its charts).
    coverage: page && coverageAtT !== undefined ? { heatmap: coverageHeatmap(coverageAtT), norms } : undefined,
    map: map.shapes,
    // The workbook's Coverage and Norms sheets.
    coverageReport: format === 'xlsx' ? coverageAtT : undefined,
    norms,
    workbookTime: workbookTime(format, options.env),
    longAsParquet: format === 'long' && isParquetPath(options.out),
  };
  const charts = options.chartsDir === undefined ? undefined : await (await import('./charts.js')).writeReportCharts(options.chartsDir, shown, context);
  const notes = map.notes;
  const gates = evaluateGates(report, options);
  if (!chosen.sensitivity) {
    const output: Output = { kind: 'report', format: chosen.format, data: shown, context };
    // A getter: the report's notices are made when read (core/lazy-warnings.ts), not for the run.
    return {
      report,
      context,
      output,
      get warnings() {
        return report.warnings;
      },
      gates,
      files,
      notes,
      charts,
      provenance: report.provenance,
    };
  }
  // Loaded only for a sensitivity run (the command line's start-up).
  const { drawSensitivity, sensitivityOutput } = await import('./sensitivity.js');
  const { sensitivity, plan, chunks } = await drawSensitivity(dataset, {
    weights,
    ...run,
    draws: options.sensitivity,
    seed: options.seed,
    correlation: options.correlation,
    top: options.top,
    threads: options.threads,
  });
  if (options.drawsOut !== undefined && drawsFormat !== undefined) await writeDraws(options.drawsOut, drawsFormat, plan, chunks);
  const output = sensitivityOutput(sensitivity, chosen.format, options, dataset.provenance);
  return { report, context, sensitivity, output, warnings: report.warnings, gates, files, notes, charts, provenance: sensitivity.provenance };
}
