// `methods` (issue 16): a Markdown methods paragraph for a run — the same inputs and options as
// `report`, the paragraph instead of the ranking (report/methods.ts renders it).
import { analyze } from '../core/analyze.js';
import { withInterval } from '../core/interval.js';
import type { Warning } from '../core/issues.js';
import type { Report } from '../core/report-schema.js';
import type { Correlation } from '../core/sensitivity-schema.js';
import type { Output } from '../report/output.js';
import { type DataOptions, loadData } from './data.js';
import { checkOptions, IntervalOptionChecks, type PeriodOptions, type RankingOptions, SensitivityOptionChecks } from './options.js';

/** Options of `runMethods`: those of the report it describes (data, period, ranking, intervals) and the file it goes to. */
export interface MethodsRunOptions extends DataOptions, PeriodOptions, RankingOptions {
  /** The run has p5–p95 intervals (default true). */
  readonly interval?: boolean | undefined;
  /** Draws behind the intervals; default 500. */
  readonly intervalDraws?: number | undefined;
  /** Seed of the intervals' draws; default 1. */
  readonly seed?: number | undefined;
  /** How the weights are drawn: 'none' (default) or 'category'. */
  readonly correlation?: Correlation | undefined;
}

/** What `runMethods` returns. */
export interface MethodsRun {
  /** The report the paragraph describes. */
  readonly report: Report;
  /** The output to render: the paragraph, in Markdown. */
  readonly output: Output;
  /** Warnings about the data. */
  readonly warnings: readonly Warning[];
}

const MethodsOptionChecks = SensitivityOptionChecks.extend(IntervalOptionChecks.shape);

/** How the paragraph names the inputs: the data folder, the files, or the bundled dataset. */
function describeInputs(options: MethodsRunOptions, title: string | undefined): string {
  const inputs = options.inputs ?? {};
  if (typeof inputs.data === 'string') return `the data folder ${inputs.data}`;
  const files = [inputs.regions, inputs.population, inputs.beds, inputs.services].filter((f): f is string => typeof f === 'string');
  if (files.length > 0) return `the files ${files.join(', ')}`;
  return `the bundled dataset${title ? ` (${title})` : ''}`;
}

/** Load the data, run the report it describes, and give the methods paragraph. */
export async function runMethods(options: MethodsRunOptions = {}): Promise<MethodsRun> {
  checkOptions(MethodsOptionChecks, options);
  const { dataset, weights, norms } = await loadData(options);
  const run = { weights, norms, from: options.from, to: options.to, sort: options.sort, fill: options.fill, level: options.level, rollup: options.rollup };
  const point = analyze(dataset, run);
  const draws = { draws: options.intervalDraws, seed: options.seed, correlation: options.correlation };
  const report = (options.interval ?? true) ? withInterval(dataset, point, { ...run, ...draws }) : point;
  // The (category, unit) pairs the data has service figures for: the weights the paragraph lists.
  const serviceKeys = new Set<string>();
  for (const byKey of dataset.services.values()) for (const key of byKey.keys()) serviceKeys.add(key);
  const context = {
    weights,
    norms,
    serviceKeys,
    bedsShape: dataset.beds.shape,
    inputs: describeInputs(options, dataset.provenance?.title),
    fill: options.fill ?? 'carry',
  };
  return { report, output: { kind: 'methods', format: 'markdown', data: report, context }, warnings: report.warnings };
}
