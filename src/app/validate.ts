// `validate`: read every input, check the level plan report would rank, and describe what was
// read (every problem is an InputError); the description as text, servicegap's JSON, or SARIF
// 2.1.0 for GitHub code scanning (report/validation.ts).
import { bedYears } from '../core/dataset.js';
import { selectLevel } from '../core/hierarchy.js';
import type { InputError, Warning } from '../core/issues.js';
import { issuesWithColumns } from '../io/issue-columns.js';
import type { FileRole } from '../io/load-dataset.js';
import type { Output } from '../report/output.js';
import type { ValidationFormat } from '../report/validation.js';
import { type DataOptions, loadData } from './data.js';
import { AnalysisOptionChecks, checkOptions, type ReadingThreadsOptions } from './options.js';

/** Options of `runValidate`: the data, and the format of the description. */
export interface ValidateRunOptions extends DataOptions, ReadingThreadsOptions {
  /** 'text' (default: a one-line summary), 'json' (servicegap's shape) or 'sarif' (SARIF 2.1.0, file URIs relative to `cwd`). */
  readonly format?: ValidationFormat | undefined;
}

/** What `runValidate` returns: what the inputs hold, once they have passed every check. */
export interface ValidateRun {
  /** The files read, by role, as named in messages. */
  readonly files: Partial<Record<FileRole, string>>;
  /** Regions in regions.csv (every level of the tree). */
  readonly regions: number;
  /** How the beds are given: a stock per year, closure events, or no beds file. */
  readonly beds: 'stock' | 'events' | 'none';
  /** First and last year of the beds data; undefined without beds. */
  readonly bedYears?: { readonly first: number; readonly last: number } | undefined;
  /** Community service series (region × category × unit). */
  readonly serviceSeries: number;
  /** Distinct service names that map to a category. */
  readonly mappedServiceNames: number;
  /** Warnings about the data. */
  readonly warnings: readonly Warning[];
  /** The description to render, in the format asked for. */
  readonly output: Output;
}

const ValidateOptionChecks = AnalysisOptionChecks.pick({ threads: true });

/** Read and check the inputs; throws InputError listing every problem (`validationFailure` renders it as data). */
export async function runValidate(options: ValidateRunOptions = {}): Promise<ValidateRun> {
  checkOptions(ValidateOptionChecks, options);
  const { dataset, files } = await loadData(options, options.threads);
  // The units a report would rank: validate fails wherever report would.
  selectLevel(dataset);
  const years = bedYears(dataset.beds);
  const serviceSeries = [...dataset.services.values()].reduce((n, byKey) => n + byKey.size, 0);
  const mappedServiceNames = [...dataset.serviceNames.values()].filter((n) => n.category !== undefined).length;
  const summary = {
    regions: dataset.regions.size,
    beds: { shape: dataset.beds.shape, from: years[0] ?? null, to: years.at(-1) ?? null },
    service_series: serviceSeries,
    service_names: mappedServiceNames,
  };
  return {
    files,
    regions: dataset.regions.size,
    beds: dataset.beds.shape,
    bedYears: years.length ? { first: years[0]!, last: years[years.length - 1]! } : undefined,
    serviceSeries,
    mappedServiceNames,
    warnings: dataset.warnings,
    output: {
      kind: 'validation',
      format: options.format ?? 'text',
      data: { valid: true, files, summary, issues: [], warnings: dataset.warnings },
      context: { root: options.cwd ?? process.cwd() },
    },
  };
}

/** The description of data that failed validation (the InputError runValidate threw), each problem with its character column where it can be found. */
export async function validationFailure(error: InputError, options: ValidateRunOptions = {}): Promise<Output> {
  return {
    kind: 'validation',
    format: options.format ?? 'text',
    data: { valid: false, files: {}, issues: await issuesWithColumns(error), warnings: [] },
    context: { root: options.cwd ?? process.cwd() },
  };
}
