// What every data run starts with: the config in force (a file, an object, or discovered from the
// working folder and environment) and the dataset read from the inputs, with the reading options
// checked first. One path, so report, coverage, trend, validate and compare read inputs alike.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../core/config.js';
import type { DecimalMark, ThousandsSeparator } from '../core/numbers.js';
import { checkConfig } from '../core/config.js';
import type { RowTrace } from '../core/explain-trace.js';
import type { RunSources } from '../core/run-provenance.js';
import { loadConfig } from '../io/config-file.js';
import type { Delimiter } from '../io/delimiter.js';
import { type DatasetInputs, type FileReadInfo, isEmptyInputs, type LoadedDataset, loadDataset } from '../io/load-dataset.js';
import type { CsvParserName } from '../io/read-csv.js';
import type { ReadProgress } from '../io/read-table.js';
import type { EncodingOption } from '../io/encodings.js';
import { decodeGroupsInWorker } from '../parallel/parquet-groups.js';
import { readRestInParallel, startReaders } from '../parallel/read-in-parallel.js';
import { configObjectRecord } from './config-object.js';
import { OptionError } from './errors.js';

/** How the input files are read; every option defaults to detecting it per file. */
export interface ReadingOptions {
  /** Field delimiter; default: detected from the first lines of each file. */
  readonly delimiter?: Delimiter | undefined;
  /** Text encoding; default 'auto': byte-order mark, else valid UTF-8, else Windows-1252. */
  readonly encoding?: EncodingOption | undefined;
  /** Decimal mark; default 'auto': "." in comma-separated files, either mark in others (a number that reads two ways is an error). */
  readonly decimal?: DecimalMark | 'auto' | undefined;
  /** Thousands separator; default 'none' (never guessed). */
  readonly thousands?: ThousandsSeparator | undefined;
  /** For Excel workbooks (.xlsx): the sheet to read in every workbook; default: per file, the
   * config's `files.<input>.sheet`, else a sheet named like the input, else the first visible sheet. */
  readonly sheet?: string | undefined;
  /** CSV parser: 'fast' (default) or 'csv-parse' (the reference: the same records and errors, slower). */
  readonly parser?: CsvParserName | undefined;
  /** Longest physical line accepted, in characters (default 1 MiB). */
  readonly maxLineChars?: number | undefined;
  /** Longest record accepted, all its fields together, in characters (default 1 MiB). */
  readonly maxRecordChars?: number | undefined;
}

/**
 * Where a run's data and config come from, and how they are read. The reading options given here
 * apply to every file and win over the config's per-file settings (`files.<input>`).
 */
export interface DataOptions {
  /** A data folder and/or single files ("-": `stdin`); none at all: the bundled default dataset. */
  readonly inputs?: DatasetInputs | undefined;
  /** How the files are read (delimiter, encoding, number format, parser). */
  readonly reading?: ReadingOptions | undefined;
  /**
   * The config: a file path (relative to the process's working folder), a config object, false
   * for none at all (the defaults; nothing discovered), or undefined to discover one: SERVICEGAP_CONFIG in `env`, else servicegap.config.json in `cwd`,
   * else the "servicegap" key of `cwd`'s package.json, else servicegap.config.json in the data
   * folder (`inputs.data`), else the defaults.
   */
  readonly config?: string | Config | false | undefined;
  /** Folder where the config is discovered (default: the process's). */
  readonly cwd?: string | undefined;
  /** Environment the config is discovered from (default: the process's). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Drop rows whose service name maps to no category, with a warning, instead of failing. */
  readonly allowUnmapped?: boolean | undefined;
  /**
   * Rates mode (issue 16): the beds and services are per 100,000 residents already; there is no
   * population file, every region counts 100,000 residents, and the results are rates.
   */
  readonly rates?: boolean | undefined;
  /** The stream an input named "-" is read from (default: the process's standard input). */
  readonly stdin?: NodeJS.ReadableStream | undefined;
  /** Called after each file is read, with how it was read (what `--verbose` prints). */
  readonly onFileRead?: ((info: FileReadInfo) => void) | undefined;
  /** Called as each file is read, for a progress bar. */
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
}

/** A loaded dataset, with the config in force and where it came from. */
export interface LoadedData extends LoadedDataset {
  /** The config in force (e.g. its `map` for the HTML map's boundaries: app/map.ts). */
  readonly config: Config;
  /** The config's path (or "package.json#servicegap"); undefined for a config object or the defaults. */
  readonly configPath?: string | undefined;
  /** What provenance says about this load (SPEC §8): the files read, the config file, the input options. */
  readonly sources: RunSources;
}

/** What provenance says about a run's load (SPEC §8): files, config file and its SHA-256, input options. */
export function runSources(
  loaded: Pick<LoadedDataset, 'inputs' | 'noServices'>,
  config: { readonly path?: string | undefined; readonly sha256?: string | undefined },
  options: Pick<DataOptions, 'allowUnmapped'>,
): RunSources {
  return {
    inputs: loaded.inputs,
    config: config.path !== undefined && config.sha256 !== undefined ? { path: config.path, sha256: config.sha256 } : null,
    // Only what differs from a plain run, so that the library's defaults give the same provenance.
    options: { ...(loaded.noServices ? { services: 'none' } : {}), ...(options.allowUnmapped ? { allowUnmapped: true } : {}) },
  };
}

/** Whether a run with these inputs reads servicegap's bundled demo data: no input at all was given. */
export function usesBundledData(inputs: DatasetInputs | undefined): boolean {
  return isEmptyInputs(inputs ?? {});
}

/** "; there is a data folder here: did you mean --data data?" when `cwd` has one (made by init), else "". */
export function dataFolderHint(cwd: string | undefined): string {
  return existsSync(join(cwd ?? process.cwd(), 'data', 'regions.csv')) ? '; there is a data folder here: did you mean --data data?' : '';
}

/** Check the input selection: at most one input from standard input. */
export function checkInputs(inputs: DatasetInputs | undefined): DatasetInputs {
  const chosen = inputs ?? {};
  if (Object.values(chosen).filter((v) => v === '-').length > 1) {
    throw new OptionError(undefined, 'standard input ("-") can be used for at most one input file');
  }
  return chosen;
}

/** Check the reading options: the thousands separator cannot be the decimal mark; a sheet has a name. */
export function checkReading(reading: ReadingOptions | undefined): ReadingOptions {
  const r = reading ?? {};
  if (r.decimal !== undefined && r.decimal !== 'auto' && r.decimal === r.thousands) {
    throw new OptionError('thousands', `--thousands ${r.thousands}: the thousands separator cannot be the decimal mark too`);
  }
  if (r.sheet !== undefined && r.sheet.trim() === '') throw new OptionError('sheet', '--sheet: expected a sheet name');
  return r;
}

/** The config in force: the object given (checked), the file given, or the one discovered. */
export async function resolveConfig(
  options: Pick<DataOptions, 'config' | 'cwd' | 'env' | 'inputs'>,
): Promise<{ config: Config; path?: string | undefined; sha256?: string | undefined }> {
  if (typeof options.config === 'object') {
    const config = checkConfig(options.config, 'config');
    return { config, ...configObjectRecord(options.config) };
  }
  return loadConfig(options.config, options.cwd, options.env, options.inputs?.data);
}

/** Config and dataset for a run; `threads`: the threads that read a large file (24 MiB or more),
 * this one included (default 'auto': one per core; 1: this thread only); `trace`: follow one
 * region's rows (explain), which reads on this thread. The io layer never loads
 * the parallel one itself: the worker-thread reader is handed to it here. */
export async function loadData(options: DataOptions, threads?: number | 'auto', trace?: RowTrace): Promise<LoadedData> {
  const inputs = checkInputs(options.inputs);
  const reading = checkReading(options.reading);
  const { config, path, sha256 } = await resolveConfig(options);
  const loaded = await loadDataset(inputs, {
    config,
    allowUnmapped: options.allowUnmapped,
    rates: options.rates,
    ...reading,
    onFileRead: options.onFileRead,
    onProgress: options.onProgress,
    stdin: options.stdin,
    threads,
    readInParallel: readRestInParallel,
    parquetInParallel: decodeGroupsInWorker,
    startReaders,
    trace,
  });
  return { ...loaded, config, configPath: path, sources: runSources(loaded, { path, sha256 }, options) };
}
