// Running a batch of scenarios (issue 6): read and check the scenario file, load each distinct
// input once, analyse every scenario (in worker threads for large batches), and combine the
// reports in scenario order, so the result is the same for any number of threads.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { type AnalyzeOptions, analyze, PeriodError } from '../core/analyze.js';
import { type BatchFailure, type BatchResult, type Scenario, type ScenarioFile, ScenarioFileSchema } from '../core/batch-schema.js';
import { combineBatch, type ScenarioReport } from '../core/batch.js';
import type { Config } from '../core/config.js';
import { mergeConfig } from '../core/config-merge.js';
import type { Dataset } from '../core/dataset.js';
import { formatIssue, InputError } from '../core/issues.js';
import { LevelError } from '../core/hierarchy.js';
import type { Report, SortMetric } from '../core/report-schema.js';
import { resolveWeights } from '../core/weights.js';
import { autoThreads, withPool } from '../parallel/pool.js';
import { parseConfig } from './config-file.js';
import { parseJsonLocated } from './json-syntax.js';
import type { Delimiter } from './delimiter.js';
import type { CsvInput } from './input-source.js';
import { FileAccessError, InputSelectionError } from './errors.js';
import { type DatasetInputs, FILE_NAMES, type FileRole, loadDataset } from './load-dataset.js';

/**
 * `threads: "auto"` uses worker threads, one per core, when a batch is large: more than this many
 * scenarios, on a machine with more than one core, and at least BATCH_AUTO_MIN_VALUES yearly
 * values to go through in all (Σ over scenarios of its dataset's values). An analysis is quick
 * (about 2 ms for 400 regions with 8 service series over 2 years) and its report has to be
 * copied back from the worker, so smaller batches run faster in one thread.
 */
export const BATCH_AUTO_THRESHOLD = 8;
/** Least Σ of yearly values for `threads: "auto"` to use worker threads (see BATCH_AUTO_THRESHOLD). */
export const BATCH_AUTO_MIN_VALUES = 5_000_000;

/** Parse and check a scenario file's text; every problem is an input error naming its JSON path. */
export function parseScenarioFile(text: string, file: string): ScenarioFile {
  const syntax = parseJsonLocated(text.replace(/^\uFEFF/, ''), file);
  if ('issues' in syntax) throw new InputError(syntax.issues);
  const parsed = ScenarioFileSchema.safeParse(syntax.value);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      file,
      message: `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`,
    })),
  );
}

/** Read and check a scenario file; `name` is how messages name it (default: the path). */
export async function readScenarioFile(path: string, name: string = path): Promise<ScenarioFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
  return parseScenarioFile(text, name);
}

/** What every scenario starts from: the command line's inputs, config and reading options. */
export interface BatchDefaults {
  /** Inputs of scenarios that name none (paths relative to `cwd`); none: the bundled data. */
  readonly inputs?: DatasetInputs | undefined;
  /** Config every scenario's own config is laid over. */
  readonly config?: Config | undefined;
  readonly delimiter?: Delimiter | undefined;
  readonly allowUnmapped?: boolean | undefined;
}

/** Options of `runBatch`: the defaults of every scenario, the sort, top N, threads and stdin. */
export interface BatchOptions extends BatchDefaults {
  readonly sort?: SortMetric | undefined;
  /** N of "top N" in the summary; default 10. */
  readonly top?: number | undefined;
  /** Worker threads: a number (1 = this thread only) or "auto" (default): one per core when there are more than 8 scenarios. */
  readonly threads?: number | 'auto' | undefined;
  readonly stdin?: NodeJS.ReadableStream | undefined;
  /** Folder that relative command-line paths and the names in messages are relative to. */
  readonly cwd?: string | undefined;
  /** Written into reports; default: this package's version. */
  readonly version?: string | undefined;
  /**
   * The scenario file the scenarios came from: their relative paths are relative to its folder,
   * and messages name it. Without one, paths are relative to `cwd` and messages say "scenarios".
   */
  readonly file?: string | undefined;
  /** Told each distinct input as it is loaded (once per input: e.g. for progress messages). */
  readonly onLoad?: ((inputs: DatasetInputs) => void) | undefined;
  /** Told the notice of each dataset loaded that has one (an illustrative dataset says so). */
  readonly onNotice?: ((notice: string) => void) | undefined;
}

/** Yearly values in a dataset: population, beds and every service series. */
export function datasetValues(dataset: Dataset): number {
  let n = 0;
  for (const s of dataset.population.values()) n += s.size;
  if (dataset.beds.shape !== 'none') for (const s of dataset.beds.byRegion.values()) n += s.size;
  for (const byKey of dataset.services.values()) for (const s of byKey.values()) n += s.years.size;
  return n;
}

/** How many threads a batch of `count` scenarios uses; `values`: Σ of their datasets' values. */
export function batchThreads(threads: number | 'auto' | undefined, count: number, values = Infinity): number {
  if (threads === undefined || threads === 'auto') {
    const cores = autoThreads();
    return count > BATCH_AUTO_THRESHOLD && cores > 1 && values >= BATCH_AUTO_MIN_VALUES ? Math.min(cores, count) : 1;
  }
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads: expected a whole number ≥ 1, got ${threads}`);
  return Math.min(threads, count);
}

interface PreparedScenario {
  readonly name: string;
  readonly index: number;
  readonly loadKey: string;
  readonly options: AnalyzeOptions;
}

interface LoadSpec {
  readonly inputs: DatasetInputs;
  readonly config: Config;
  readonly delimiter?: Delimiter | undefined;
  readonly allowUnmapped?: boolean | undefined;
}

const DELIMITER_OF = { ',': ',', ';': ';', tab: '\t', '|': '|' } as const;

/**
 * Run scenarios (already checked: from `readScenarioFile`, or `ScenarioFileSchema.parse`) and
 * combine their reports. Each distinct input is loaded once.
 */
export async function runScenarios(scenarios: readonly Scenario[], options: BatchOptions = {}): Promise<BatchResult> {
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ?? 'scenarios';
  const baseDir = options.file === undefined ? cwd : dirname(resolve(cwd, options.file));
  // A path as the loader should open and name it: relative to the working folder when that is
  // the process's own (short names in messages), else absolute.
  const openable = (abs: string): string => (cwd === process.cwd() ? relative(cwd, abs) || '.' : abs);
  const fromFile = (p: string): string => (p === '-' ? p : openable(isAbsolute(p) ? p : resolve(baseDir, p)));
  const fromCwd = (p: CsvInput | undefined): CsvInput | undefined =>
    typeof p === 'string' && p !== '-' ? openable(resolve(cwd, p)) : p;
  const defaults: DatasetInputs = Object.fromEntries(
    Object.entries(options.inputs ?? {}).map(([role, p]) => [role, fromCwd(p as CsvInput | undefined)]),
  );

  const loads = new Map<string, LoadSpec>();
  const prepared: PreparedScenario[] = [];
  // A scenario that cannot run (its config, its data, its period) is set aside with its
  // problems; every other scenario still runs (issue 16).
  const failures = new Map<number, unknown>();
  for (const [index, scenario] of scenarios.entries()) {
    let own: Config = {};
    if (typeof scenario.config === 'string') {
      const path = fromFile(scenario.config);
      try {
        let text: string;
        try {
          text = await readFile(path, 'utf8');
        } catch (error) {
          throw new FileAccessError(path, 'read', error);
        }
        own = parseConfig(text, path);
      } catch (error) {
        failures.set(index, error);
        continue;
      }
    } else if (scenario.config !== undefined) own = scenario.config;
    const config = mergeConfig(options.config ?? {}, own);

    const named = scenario.data !== undefined || scenario.inputs !== undefined;
    const inputs: DatasetInputs = named
      ? {
          data: scenario.data === undefined ? undefined : fromFile(scenario.data),
          ...Object.fromEntries(
            (Object.keys(FILE_NAMES) as (keyof typeof FILE_NAMES)[]).map((role) => {
              const p = scenario.inputs?.[role];
              return [role, p === undefined ? undefined : fromFile(p)];
            }),
          ),
        }
      : defaults;
    const delimiter =
      scenario.delimiter === undefined ? options.delimiter : scenario.delimiter === 'auto' ? undefined : DELIMITER_OF[scenario.delimiter];
    const allowUnmapped = scenario.allowUnmapped ?? options.allowUnmapped;
    const weights = resolveWeights(config);

    // What loading depends on: the files, how they are read, the aliases (which names map) and
    // which (category, unit) pairs have a weight (a pair without one is an input error). The
    // weights' numbers only enter the analysis.
    const loadKey = JSON.stringify([
      inputs.data, inputs.regions, inputs.population, inputs.beds, inputs.services,
      delimiter ?? 'auto', allowUnmapped ?? false,
      Object.entries(config.aliases ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      [...weights.keys()].sort(),
    ]);
    if (!loads.has(loadKey)) loads.set(loadKey, { inputs, config, delimiter, allowUnmapped });
    prepared.push({
      name: scenario.name,
      index,
      loadKey,
      options: { weights, from: scenario.from, to: scenario.to, sort: options.sort, version: options.version },
    });
  }

  const readsStdin = [...loads.values()].filter((l) => Object.values(l.inputs).includes('-'));
  if (readsStdin.length > 1) {
    throw new InputSelectionError('standard input ("-") can be read once: scenarios that read it must share all their inputs');
  }

  const datasets = new Map<string, Dataset>();
  const loadFailures = new Map<string, unknown>();
  for (const [key, spec] of loads) {
    options.onLoad?.(spec.inputs);
    try {
      const { dataset } = await loadDataset(spec.inputs, {
        config: spec.config,
        delimiter: spec.delimiter,
        allowUnmapped: spec.allowUnmapped,
        stdin: options.stdin,
      });
      datasets.set(key, dataset);
      if (dataset.provenance?.notice) options.onNotice?.(dataset.provenance.notice);
    } catch (error) {
      if (!isScenarioProblem(error)) throw error;
      loadFailures.set(key, error);
    }
  }
  for (const s of prepared) if (loadFailures.has(s.loadKey)) failures.set(s.index, loadFailures.get(s.loadKey));
  const runnable = prepared.filter((s) => !failures.has(s.index));

  // A period that cannot work is a problem of the scenario file, named with the scenario.
  const located = (s: PreparedScenario, error: unknown): unknown =>
    error instanceof PeriodError
      ? new InputError([{ file, message: `scenarios.${s.index} ("${s.name}"): ${error.message.replace(/--(from|to)/g, '$1')}` }])
      : error;

  const sizes = new Map([...datasets].map(([key, d]) => [key, datasetValues(d)]));
  const threads = batchThreads(options.threads, runnable.length, runnable.reduce((n, s) => n + sizes.get(s.loadKey)!, 0));
  let settled: PromiseSettledResult<Report>[];
  if (threads <= 1) {
    settled = runnable.map((s) => {
      try {
        return { status: 'fulfilled', value: analyze(datasets.get(s.loadKey)!, s.options) };
      } catch (reason) {
        return { status: 'rejected', reason };
      }
    });
  } else {
    settled = await withPool(threads, (pool) =>
      Promise.allSettled(runnable.map((s) => pool.run(s.loadKey, datasets.get(s.loadKey)!, { kind: 'analyze', options: s.options }))),
    );
  }
  const results: ScenarioReport[] = [];
  runnable.forEach((s, i) => {
    const outcome = settled[i]!;
    if (outcome.status === 'fulfilled') results.push({ name: s.name, report: outcome.value });
    else {
      const error = located(s, outcome.reason);
      if (!isScenarioProblem(error)) throw error;
      failures.set(s.index, error);
    }
  });

  // In scenario order, each failed scenario with every problem it had.
  const failed: BatchFailure[] = [...failures.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, error]) => ({ scenario: scenarios[index]!.name, problems: problemsOf(error) }));
  if (results.length === 0) throw new BatchFailedError(failed, file);
  const combined = combineBatch(results, { top: options.top });
  return failed.length === 0 ? combined : { ...combined, failed };
}

/** A problem that belongs to one scenario (its data, config or period), not to the whole run. */
function isScenarioProblem(error: unknown): boolean {
  return error instanceof InputError || error instanceof FileAccessError || error instanceof PeriodError || error instanceof LevelError;
}

/** An error's problems as lines, located as the command prints them. */
function problemsOf(error: unknown): string[] {
  if (error instanceof InputError) return error.issues.map(formatIssue);
  return [error instanceof Error ? error.message : String(error)];
}

/** Every scenario of a batch failed: nothing to write (exit 3, each scenario's problems). */
export class BatchFailedError extends InputError {
  constructor(
    readonly failed: readonly BatchFailure[],
    file: string,
  ) {
    super(failed.flatMap((f) => f.problems.map((p) => ({ file, message: `scenario "${f.scenario}": ${p}` }))));
  }
}

/** Read a scenario file and run its scenarios. */
export async function runBatch(file: string, options: BatchOptions = {}): Promise<BatchResult> {
  const { scenarios } = await readScenarioFile(resolve(options.cwd ?? process.cwd(), file), file);
  return runScenarios(scenarios, { ...options, file });
}
