// `batch`: many named scenarios in one run (issue 6). Read and check the scenarios, load each
// distinct input once, analyse every scenario (in worker threads for large batches), and combine
// the reports in scenario order, so the result is the same for any number of threads.
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { type AnalyzeOptions, analyze, PeriodError } from '../core/analyze.js';
import { type BatchFailure, type BatchResult, type Scenario, ScenarioSchema } from '../core/batch-schema.js';
import { combineBatch, type ScenarioReport } from '../core/batch.js';
import type { Config, MissingCommunity } from '../core/config.js';
import type { RunSources } from '../core/run-provenance.js';
import { mergeConfig } from '../core/config-merge.js';
import type { Dataset } from '../core/dataset.js';
import { LevelError } from '../core/hierarchy.js';
import { formatIssue, InputError, type Warning } from '../core/issues.js';
import type { Report, SortMetric } from '../core/report-schema.js';
import { resolveNorms } from '../core/norms.js';
import { resolveWeights } from '../core/weights.js';
import { parseConfig } from '../io/config-file.js';
import type { Delimiter } from '../io/delimiter.js';
import { FileAccessError, InputSelectionError } from '../io/errors.js';
import type { CsvInput } from '../io/input-source.js';
import { readJsonFile } from '../io/json-file.js';
import { type DatasetInputs, FILE_NAMES, loadDataset, NO_SERVICES } from '../io/load-dataset.js';
import { readScenarioFile } from '../io/scenario-file.js';
import { analyzeInWorkers, batchThreads, datasetValues } from '../parallel/batch.js';
import { decodeGroupsInWorker } from '../parallel/parquet-groups.js';
import { readRestInParallel, startReaders } from '../parallel/read-in-parallel.js';
import type { Output } from '../report/output.js';
import { RESEARCH_FORMATS, type ResearchFormat } from '../report/research-format-names.js';
import { configObjectRecord } from './config-object.js';
import { checkInputs, checkReading, type DataOptions, type ReadingOptions, resolveConfig } from './data.js';
import { colorFor, pickFormat } from './format.js';
import { AnalysisOptionChecks, checkArgument, checkOptions, checkProvenanceTarget, type OutputOptions, type TrustOptions } from './options.js';
import { uniqueWarnings } from './warnings.js';

/** How scenarios run: the defaults every scenario starts from, the sort, top N and threads. */
export interface ScenarioOptions {
  /** Inputs of scenarios that name none (paths relative to `cwd`); none: the bundled data. */
  readonly inputs?: DatasetInputs | undefined;
  /** Config every scenario's own config is laid over. */
  readonly config?: Config | undefined;
  /** How files are read, unless a scenario says otherwise (its `delimiter`). */
  readonly reading?: ReadingOptions | undefined;
  readonly allowUnmapped?: boolean | undefined;
  /** A region with no row in services.csv (SPEC §8); default: each scenario's config, else exclude. */
  readonly missingCommunity?: MissingCommunity | undefined;
  /** Provenance of the command line's config file and options (each scenario's own config file replaces the config). */
  readonly sources?: RunSources | undefined;
  readonly sort?: SortMetric | undefined;
  /** N of "top N" in the summary; default 10. */
  readonly top?: number | undefined;
  /** Threads: a number (1 = this thread only) or "auto" (default): one per core for large batches
   * and for reading a large file (24 MiB or more). */
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

interface PreparedScenario {
  readonly name: string;
  readonly index: number;
  readonly loadKey: string;
  readonly options: AnalyzeOptions;
}

interface LoadSpec {
  readonly inputs: DatasetInputs;
  readonly config: Config;
  readonly reading: ReadingOptions;
  readonly allowUnmapped?: boolean | undefined;
}

const DELIMITER_OF = { ',': ',', ';': ';', tab: '\t', '|': '|' } as const;

/**
 * Run scenarios (already checked: read from a scenario file, or `ScenarioFileSchema.parse`d) and
 * combine their reports. Each distinct input is loaded once.
 */
export async function runScenarios(scenarios: readonly Scenario[], options: ScenarioOptions = {}): Promise<BatchResult> {
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
    // `services: "none"` (no community data on purpose) is a word, not a path.
    Object.entries(options.inputs ?? {}).map(([role, p]) => [role, role === 'services' && p === NO_SERVICES ? p : fromCwd(p as CsvInput | undefined)]),
  );

  const loads = new Map<string, LoadSpec>();
  const prepared: PreparedScenario[] = [];
  // A scenario that cannot run (its config, its data, its period) is set aside with its
  // problems; every other scenario still runs (issue 16).
  const failures = new Map<number, unknown>();
  for (const [index, scenario] of scenarios.entries()) {
    let own: Config = {};
    let configRecord = options.sources?.config ?? null;
    if (typeof scenario.config === 'string') {
      const path = fromFile(scenario.config);
      try {
        const { text, bytes } = await readJsonFile(path);
        own = parseConfig(text, path);
        configRecord = { path, sha256: createHash('sha256').update(bytes).digest('hex') };
      } catch (error) {
        if (!isScenarioProblem(error)) throw error;
        failures.set(index, error);
        continue;
      }
    } else if (scenario.config !== undefined) {
      own = scenario.config;
      // An inline config is recorded as one given as an object (config-object.ts), over the command line's.
      configRecord = configObjectRecord(scenario.config) ?? configRecord;
    }
    const config = mergeConfig(options.config ?? {}, own);

    const named = scenario.data !== undefined || scenario.inputs !== undefined;
    const inputs: DatasetInputs = named
      ? {
          data: scenario.data === undefined ? undefined : fromFile(scenario.data),
          ...Object.fromEntries(
            (Object.keys(FILE_NAMES) as (keyof typeof FILE_NAMES)[]).map((role) => {
              const p = scenario.inputs?.[role];
              return [role, p === undefined ? undefined : role === 'services' && p === NO_SERVICES ? p : fromFile(p)];
            }),
          ),
        }
      : defaults;
    const delimiter: Delimiter | undefined =
      scenario.delimiter === undefined ? options.reading?.delimiter : scenario.delimiter === 'auto' ? undefined : DELIMITER_OF[scenario.delimiter];
    const reading: ReadingOptions = { ...options.reading, delimiter };
    const allowUnmapped = scenario.allowUnmapped ?? options.allowUnmapped;
    const weights = resolveWeights(config);

    // What loading depends on: the files, how they are read (the delimiter is the one reading
    // option a scenario can change), the aliases (which names map) and which (category, unit)
    // pairs have a weight (a pair without one is an input error). The weights' numbers only
    // enter the analysis.
    const loadKey = JSON.stringify([
      inputs.data, inputs.regions, inputs.population, inputs.beds, inputs.services,
      delimiter ?? 'auto', allowUnmapped ?? false,
      Object.entries(config.aliases ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      [...weights.keys()].sort(),
    ]);
    if (!loads.has(loadKey)) loads.set(loadKey, { inputs, config, reading, allowUnmapped });
    prepared.push({
      name: scenario.name,
      index,
      loadKey,
      options: {
        weights,
        norms: resolveNorms(config),
        from: scenario.from,
        to: scenario.to,
        sort: options.sort,
        version: options.version,
        missingCommunity: options.missingCommunity ?? config.missingCommunity,
        sources: {
          config: configRecord,
          options: {
            ...options.sources?.options,
            ...(typeof scenario.config === 'object' ? { scenarioConfig: 'inline' } : {}),
            ...(allowUnmapped === undefined ? {} : { allowUnmapped }),
          },
        },
      },
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
        ...spec.reading,
        allowUnmapped: spec.allowUnmapped,
        stdin: options.stdin,
        // Large files are read on several threads, as every command reads them (app/data.ts).
        threads: options.threads,
        readInParallel: readRestInParallel,
        parquetInParallel: decodeGroupsInWorker,
        startReaders,
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
    settled = await analyzeInWorkers(
      runnable.map((s) => ({ key: s.loadKey, dataset: datasets.get(s.loadKey)!, options: s.options })),
      threads,
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
  if (failed.length === 0) return combined;
  // `failed` before `provenance`, in the schema's key order; provenance lists the scenarios that ran.
  const { provenance, ...rest } = combined;
  return { ...rest, failed, provenance };
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
class BatchFailedError extends InputError {
  constructor(
    readonly failed: readonly BatchFailure[],
    file: string,
  ) {
    super(failed.flatMap((f) => f.problems.map((p) => ({ file, message: `scenario "${f.scenario}": ${p}` }))));
  }
}

/**
 * The scenarios of a batch that could not run, as one InputError (exit 3) to throw once the
 * result of the others is written; undefined when every scenario ran.
 */
export function failedScenariosError(batch: BatchResult, file: string): InputError | undefined {
  if (batch.failed === undefined || batch.failed.length === 0) return undefined;
  return new InputError(batch.failed.flatMap((f) => f.problems.map((p) => ({ file, message: `scenario "${f.scenario}" failed: ${p}` }))));
}

/** Options of `runBatch`: the scenarios, the defaults every scenario starts from, and the output. */
export interface BatchRunOptions extends DataOptions, TrustOptions, OutputOptions<ResearchFormat> {
  /**
   * A scenario file (JSON; its relative paths are relative to it; its JSON Schema is
   * `jsonSchema('scenarios')`), or scenarios already checked (`ScenarioFileSchema.parse(…).scenarios`),
   * whose relative paths are relative to `cwd`.
   */
  readonly scenarios: string | readonly Scenario[];
  /** Metric to rank by, descending; default 'vacuum_per_100k'. */
  readonly sort?: SortMetric | undefined;
  /** N of the regions entering and leaving the top N in the summary; default 10. */
  readonly top?: number | undefined;
  /** Worker threads: a number (1 = none), or 'auto' (default): one per core for large batches and
   * for reading a large file (24 MiB or more). */
  readonly threads?: number | 'auto' | undefined;
  /** Told each distinct input as it is loaded (once per input). */
  readonly onLoad?: ((inputs: DatasetInputs) => void) | undefined;
}

/** What `runBatch` returns. */
export interface BatchRun {
  /** Every scenario's regions in one long table, and each scenario's rank changes against the first. */
  readonly batch: BatchResult;
  /** The output to render. */
  readonly output: Output;
  /** Warnings about the data of every scenario, each once. */
  readonly warnings: readonly Warning[];
  /** The output's provenance (SPEC §8): each scenario's, in scenario order. */
  readonly provenance: BatchResult['provenance'];
}

const BatchOptionChecks = AnalysisOptionChecks.pick({ sort: true, top: true, threads: true, missingCommunity: true, provenance: true });

/** Run every scenario (of a file, or given) and tabulate them together. */
export async function runBatch(options: BatchRunOptions): Promise<BatchRun> {
  checkOptions(BatchOptionChecks, options);
  // A scenario file, or scenarios as ScenarioSchema checks them (a file's are checked as it is read).
  const scenarios = checkArgument(
    'scenarios',
    typeof options.scenarios === 'string' ? z.string().min(1) : z.array(ScenarioSchema).min(1),
    options.scenarios,
    'a scenario file or a list of scenarios',
  );
  const format = pickFormat(RESEARCH_FORMATS, options.format, options.out, 'batch result');
  checkProvenanceTarget(options);
  const { config, path, sha256 } = await resolveConfig(options);
  const notices = new Set<string>();
  const cwd = options.cwd ?? process.cwd();
  const common: ScenarioOptions = {
    inputs: checkInputs(options.inputs),
    reading: checkReading(options.reading),
    config,
    allowUnmapped: options.allowUnmapped,
    missingCommunity: options.missingCommunity,
    sources: {
      config: path !== undefined && sha256 !== undefined ? { path, sha256 } : null,
      options: { ...(options.inputs?.services === NO_SERVICES ? { services: NO_SERVICES } : {}) },
    },
    sort: options.sort,
    top: options.top,
    threads: options.threads,
    stdin: options.stdin,
    cwd,
    onLoad: options.onLoad,
    onNotice: (n) => notices.add(n),
  };
  const batch =
    typeof scenarios === 'string'
      ? await runScenarios((await readScenarioFile(resolve(cwd, scenarios), scenarios)).scenarios, { ...common, file: scenarios })
      : await runScenarios(scenarios, common);
  const context = { color: colorFor(format, options.out, options.color), notices: [...notices] };
  return {
    batch,
    output: { kind: 'batch', format, data: batch, context },
    warnings: uniqueWarnings(batch.scenarios.flatMap((s) => s.warnings)),
    provenance: batch.provenance,
  };
}
