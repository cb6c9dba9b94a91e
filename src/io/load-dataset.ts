// Load the four input files (SPEC §1) into one aggregated Dataset, streaming each file and
// collecting every problem in every file before failing.
import { access, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { checkConfig, type Config, type MissingCommunity } from '../core/config.js';
import { DatasetBuilder } from '../core/dataset-builder.js';
import { describeHeaderMapping } from '../core/header-aliases.js';
import { bedYears, type Dataset, serviceYears } from '../core/dataset.js';
import { InputError, type InputIssue } from '../core/issues.js';
import type { DecimalMark, NumberFormat, ThousandsSeparator } from '../core/numbers.js';
import type { RowKind } from '../core/row-validator.js';
import { fileColumns } from '../core/schemas.js';
import type { InputRecord } from '../core/provenance-schema.js';
import type { RowTrace } from '../core/explain-trace.js';
import type { RowSink } from './piece-rows.js';
import { buildTaxonomy, type Taxonomy } from '../core/taxonomy.js';
import { type NormTable, resolveNorms } from '../core/norms.js';
import { resolveWeights, type WeightTable } from '../core/weights.js';
import { DEFAULT_DATA_DIR } from './default-data.js';
import { findInput, type FolderListing, listFolder, missingServicesIssue } from './discover-inputs.js';
import { chooseNumberFormat, fileReading } from './file-reading.js';
import { cellReference } from './xlsx-table.js';
import { InputSelectionError } from './errors.js';
import type { Delimiter } from './delimiter.js';
import type { CsvInput } from './input-source.js';
import { type IssueSource, rememberSources } from './issue-columns.js';
import type { CsvParserName } from './read-csv.js';
import { PROVENANCE_FILE, readProvenance } from './provenance.js';
import type { ParallelGroupDecoder } from './parquet-pages.js';
import { PARALLEL_MIN_BYTES, type ParallelReading, type ParallelRestReader, type StartedReaders } from './read-rest.js';
import { hasParquetExtension } from './binary-table-input.js';
import { hasWorkbookExtension } from './xlsx-sheet.js';
import { type ReadProgress, readTable, type ReadTableOptions } from './read-table.js';
import type { HeaderContext, TableSummary } from './table-handlers.js';
import type { EncodingOption } from './encodings.js';

/** The file name each input has in a data folder. */
export const FILE_NAMES = {
  regions: 'regions.csv',
  population: 'population.csv',
  beds: 'beds.csv',
  services: 'services.csv',
} as const;

/** Optional files beyond SPEC §1's four, read from the data folder when present. */
export const EXTRA_FILE_NAMES = {
  /** Old region codes → current ones (core/crosswalk.ts); read right after regions.csv. */
  crosswalk: 'crosswalk.csv',
} as const;

/** Which input a file is: regions, population, beds, services or crosswalk. */
export type FileRole = keyof typeof FILE_NAMES | keyof typeof EXTRA_FILE_NAMES;

/** `services: "none"`: run without community data on purpose (SPEC §8 `--services none`). */
export const NO_SERVICES = 'none';

/**
 * Where to read from: a data folder, single files (which win over the folder's), or both.
 * `services: "none"` says there are no community data on purpose (a file named "none" is
 * given as "./none").
 */
export interface DatasetInputs {
  readonly data?: string | undefined;
  readonly regions?: CsvInput | undefined;
  readonly population?: CsvInput | undefined;
  readonly beds?: CsvInput | undefined;
  readonly services?: CsvInput | typeof NO_SERVICES | undefined;
  readonly crosswalk?: CsvInput | undefined;
}

/** How to read the inputs: the config (aliases, weights), --allow-unmapped, the delimiter, stdin. */
export interface LoadOptions {
  readonly config?: Config | undefined;
  /** Drop rows with unmapped service names, with a warning, instead of failing. */
  readonly allowUnmapped?: boolean | undefined;
  /** Rates mode (issue 16): beds and capacities per 100,000 residents, no population file. */
  readonly rates?: boolean | undefined;
  /** Force a delimiter for every file (wins over the config's `files.<input>.delimiter`); default:
   * detected per file from a sample of its first lines. */
  readonly delimiter?: Delimiter | undefined;
  /** The files' encoding (wins over the config's `files.<input>.encoding`); default 'auto':
   * byte-order mark, else valid UTF-8, else Windows-1252, per file. */
  readonly encoding?: EncodingOption | undefined;
  /** Decimal mark for every file (wins over the config's `files.<input>.decimal`); default 'auto':
   * the mark a file's own numbers show (io/decimal-evidence.ts), else a point in comma-separated
   * files and either mark in others (a number that reads two ways, like 1,234, is then an error). */
  readonly decimal?: DecimalMark | 'auto' | undefined;
  /** Thousands separator; default 'none' (never guessed). */
  readonly thousands?: ThousandsSeparator | undefined;
  /** For Excel workbooks: the sheet to read in every workbook (default: per file, see the config's
   * `files.<input>.sheet`, else a sheet named like the input, else the first visible sheet). */
  readonly sheet?: string | undefined;
  /** Longest physical line accepted, in characters (default 1 MiB). */
  readonly maxLineChars?: number | undefined;
  /** Longest record accepted, all its fields together, in characters (default 1 MiB). */
  readonly maxRecordChars?: number | undefined;
  /** Which CSV parser splits the records: 'fast' (default) or 'csv-parse' (the reference; the
   * same records and errors, slower). */
  readonly parser?: CsvParserName | undefined;
  /** Threads that read a large file (see parallelMinBytes), this one included: a number (1: no
   * worker threads) or 'auto' (default: one per core). The dataset and every issue are the same
   * for any number. Only with `readInParallel`. */
  readonly threads?: number | 'auto' | undefined;
  /** The reader that reads the rest of a large file in worker threads (src/parallel's
   * readRestInParallel, given by the caller: io never loads the parallel layer itself); without
   * it every file is read on this thread. */
  readonly readInParallel?: ParallelRestReader | undefined;
  /** Starts reading threads for the services file while the small files are read (src/parallel's
   * startReaders, given by the caller as `readInParallel` is). */
  readonly startReaders?: ((workers: number) => StartedReaders) | undefined;
  /** Decodes a large Parquet file's row groups in a worker thread (src/parallel's
   * decodeGroupsInWorker, given by the caller as `readInParallel` is); used when threads > 1. */
  readonly parquetInParallel?: ParallelGroupDecoder | undefined;
  /** Files at least this large are read in worker threads (default PARALLEL_MIN_BYTES, read-rest.ts;
   * for tests and tuning). */
  readonly parallelMinBytes?: number | undefined;
  /** Parquet files of at least this many rows have their row groups decoded in a worker thread
   * (default 2,000,000, read-parquet.ts; for tests and tuning). */
  readonly parallelParquetMinRows?: number | undefined;
  /** false: read every row as text (the reference the byte-level reader is tested against). */
  readonly readBytes?: boolean | undefined;
  /** Bytes per piece a worker thread reads (default 1 MiB; for tests and tuning). */
  readonly parallelPieceBytes?: number | undefined;
  /** Called as each file is read, for a progress bar (see ReadProgress). */
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
  /** Called after each file is read (also when it had problems), e.g. for --verbose. */
  readonly onFileRead?: ((info: FileReadInfo) => void) | undefined;
  readonly stdin?: NodeJS.ReadableStream | undefined;
  /**
   * Collects the rows that can reach one region, with their files and lines, for `explain`
   * (core/explain-trace.ts). Every file is then read on this thread.
   */
  readonly trace?: RowTrace | undefined;
}

/** How one file was read: what --verbose prints. */
export interface FileReadInfo extends TableSummary {
  readonly role: FileRole;
  /** How its numbers were read; undefined when the header was never reached. */
  readonly numberFormat: NumberFormat | undefined;
  /** Why that number format: given (and where), detected from the file's numbers, or the default. */
  readonly numberFormatReason?: string | undefined;
}

/**
 * The number format of one file from the options and its delimiter alone (the rule when its own
 * numbers do not tell its mark; the loader first asks them: io/file-reading.ts). A comma-separated
 * file cannot hold an unquoted decimal comma, so 'auto' means a point there; in a file separated
 * by ";", tab or "|" it means either mark, never a guess between them.
 */
export function numberFormatFor(delimiter: Delimiter, options: Pick<LoadOptions, 'decimal' | 'thousands'>): NumberFormat {
  const thousands = options.thousands ?? 'none';
  const decimal = options.decimal ?? 'auto';
  if (decimal !== 'auto') return { decimal, thousands };
  if (thousands === '.') return { decimal: ',', thousands };
  if (thousands === ',') return { decimal: '.', thousands };
  return { decimal: delimiter === ',' ? '.' : 'auto', thousands };
}

/** A loaded dataset with the weights and taxonomy its config gave, and the files read. */
export interface LoadedDataset {
  readonly dataset: Dataset;
  readonly weights: WeightTable;
  /** Planning norms in force (SPEC §4 defaults and the config's changes), for coverage. */
  readonly norms: NormTable;
  readonly taxonomy: Taxonomy;
  /** The files read, by role, as named in messages. */
  readonly files: Partial<Record<FileRole, string>>;
  /** The files read, with their SHA-256 and how they were read, in reading order (SPEC §8 provenance; also `dataset.inputs`). */
  readonly inputs: readonly InputRecord[];
  /** What the config says about regions without services.csv rows (SPEC §8); undefined: not said (exclude). */
  readonly missingCommunity: MissingCommunity | undefined;
  /** The run has no community data on purpose (`services: "none"`). */
  readonly noServices: boolean;
}

/** True when no input option was given, so the bundled default dataset is used. */
export function isEmptyInputs(inputs: DatasetInputs): boolean {
  return Object.values(inputs).every((v) => v === undefined);
}

/** The inputs of a run, as found: files by role, what was wrong in the data folder, and `--services none`. */
export interface ResolvedInputs {
  readonly files: Partial<Record<FileRole, CsvInput>>;
  /** A spreadsheet, archive or other file in an input's place, or two names for one input. */
  readonly issues: readonly InputIssue[];
  /** A data folder without services.csv, when no services file was given (SPEC §8: an input error). */
  readonly missingServices: InputIssue | undefined;
  readonly noServices: boolean;
}

/**
 * The input of each role: the explicit file, else the data folder's, matched case-insensitively
 * (io/discover-inputs.ts). regions and population are always required: a missing one fails when
 * it is opened (exit 4, naming the file).
 */
export async function resolveInputSet(inputs: DatasetInputs): Promise<ResolvedInputs> {
  const useDefault = isEmptyInputs(inputs);
  const dir = useDefault ? DEFAULT_DATA_DIR : inputs.data;
  const files: Partial<Record<FileRole, CsvInput>> = {};
  const issues: InputIssue[] = [];
  const names: Record<FileRole, string> = { ...FILE_NAMES, ...EXTRA_FILE_NAMES };
  const noServices = inputs.services === NO_SERVICES;
  let listing: FolderListing | undefined;
  let missingServices: InputIssue | undefined;
  for (const role of Object.keys(names) as FileRole[]) {
    const explicit = inputs[role];
    if (explicit !== undefined) {
      if (!(role === 'services' && noServices)) files[role] = explicit;
      continue;
    }
    if (dir === undefined) continue;
    listing ??= await listFolder(dir);
    const found = findInput(listing, names[role], `--${role}`);
    if (found.issue !== undefined) issues.push(found.issue);
    else if (found.path !== undefined) {
      // The bundled data is named as the package names it, whatever folder it is installed in.
      files[role] = useDefault ? { name: `data/${basename(found.path)}`, path: found.path } : found.path;
    } else if (role === 'regions' || role === 'population') files[role] = join(dir, names[role]);
    else if (role === 'services') missingServices = missingServicesIssue(listing);
  }
  const stdinCount = Object.values(files).filter((v) => v === '-').length;
  if (stdinCount > 1) throw new InputSelectionError('standard input ("-") can be used for at most one input file');
  return { files, issues, missingServices, noServices };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The file an input names on disk; undefined for content given in memory and standard input ("-"). */
function pathOnDisk(input: CsvInput): string | undefined {
  if (typeof input === 'string') return input === '-' ? undefined : input;
  return 'path' in input ? input.path : undefined;
}

/** Residents every region counts in rates mode: a per-100k figure is then the rate itself. */
export const RATES_POPULATION = 100_000;

/**
 * Rates mode (--rates, issue 16): there is no population. A data folder's population.csv that is
 * not there is not looked for; one that is there, or one given, is a contradiction.
 */
async function dropPopulationForRates(inputs: DatasetInputs, resolved: Partial<Record<FileRole, CsvInput>>): Promise<void> {
  const population = resolved.population;
  if (population === undefined) return;
  const path = pathOnDisk(population);
  if (inputs.population === undefined && path !== undefined && !(await exists(path))) {
    delete resolved.population;
    return;
  }
  const name = basename(typeof population === 'string' ? population : population.name);
  throw new InputSelectionError(`--rates: the figures are per 100,000 residents already, so there is no population file; leave ${name} out, or drop --rates to give counts`);
}

/**
 * Rates mode: every region that can be ranked counts RATES_POPULATION residents in every year from
 * the first to the last of the data, so no population value is carried or missing. Those are the
 * regions without children and the regions with rates of their own (the tree's data leaves): a
 * population given to a parent would make it a region with figures of its own, and the rates of
 * the regions inside it would be summed up to it (core/hierarchy.ts), which rates cannot be.
 */
function ratesPopulation(dataset: Dataset): void {
  const years = [...bedYears(dataset.beds), ...serviceYears(dataset)];
  if (years.length === 0) return;
  const first = Math.min(...years);
  const last = Math.max(...years);
  const parents = new Set<string>();
  for (const region of dataset.regions.values()) if (region.parent !== undefined) parents.add(region.parent);
  const hasRates = (code: string) =>
    (dataset.beds.shape !== 'none' && (dataset.beds.byRegion.get(code)?.size ?? 0) > 0) ||
    [...(dataset.services.get(code)?.values() ?? [])].some((s) => s.years.size > 0);
  for (const code of dataset.regions.keys()) {
    if (parents.has(code) && !hasRates(code)) continue;
    const series = new Map<number, number>();
    for (let y = first; y <= last; y++) series.set(y, RATES_POPULATION);
    dataset.population.set(code, series);
  }
}

/** The input for each role (resolveInputSet's files). */
export async function resolveInputs(inputs: DatasetInputs): Promise<Partial<Record<FileRole, CsvInput>>> {
  return (await resolveInputSet(inputs)).files;
}

/**
 * Load a dataset (SPEC §1): stream each input file, validate every row with its zod schema, and
 * aggregate the rows into series. With no inputs, the bundled data. Throws `InputError` listing
 * every problem, `FileAccessError` for a file it cannot read.
 */
export async function loadDataset(inputs: DatasetInputs = {}, options: LoadOptions = {}): Promise<LoadedDataset> {
  // The library checks the config as the CLI does (a ConfigError names every problem).
  const config = options.config === undefined ? undefined : checkConfig(options.config);
  const found = await resolveInputSet(inputs);
  const resolved = { ...found.files };
  if (options.rates) await dropPopulationForRates(inputs, resolved);
  if (resolved.regions === undefined || (resolved.population === undefined && !options.rates)) {
    throw new InputSelectionError('regions.csv and population.csv are required: use --data DIR, or --regions F and --population F');
  }
  const taxonomy = buildTaxonomy(config?.aliases);
  const weights = resolveWeights(config);
  if (options.decimal !== undefined && options.decimal === options.thousands) {
    throw new InputSelectionError(`the decimal mark and the thousands separator cannot both be "${options.decimal}"`);
  }
  const builder = new DatasetBuilder({ taxonomy, weights, allowUnmapped: options.allowUnmapped, rates: options.rates });
  for (const issue of found.issues) builder.addIssue(issue);
  if (found.missingServices !== undefined) builder.addIssue(found.missingServices);
  const trace = options.trace;
  const sink = trace === undefined ? builder : tracingSink(builder, trace);
  const read: ReadTableOptions = {
    maxLineChars: options.maxLineChars,
    maxRecordChars: options.maxRecordChars,
    parser: options.parser,
    readBytes: options.readBytes,
    onProgress: options.onProgress,
    stdin: options.stdin,
    parallel: options.readInParallel && {
      // A trace sees every row on this thread.
      threads: trace !== undefined ? 1 : options.threads === 'auto' || options.threads === undefined ? availableParallelism() : options.threads,
      minBytes: options.parallelMinBytes,
      parquetMinRows: options.parallelParquetMinRows,
      pieceBytes: options.parallelPieceBytes,
      read: options.readInParallel,
      parquet: options.parquetInParallel,
      start: options.startReaders,
    },
  };
  const files: Partial<Record<FileRole, string>> = {};
  const records: InputRecord[] = [];
  // Each file's header, to give issues the position of their column (GitHub annotations use it),
  // in the order the files were read (the order of the problems); the files that were worksheets.
  const headers = new Map<string, readonly string[]>();
  const sheets = new Set<string>();
  // How each file was read, to find the character column of its issues (issue-columns.ts).
  const sources = new Map<string, IssueSource>();
  const onIssue = (issue: InputIssue) => builder.addIssue(issue);

  /** Read one file: its rows of the kind its header says, its numbers in the format chosen for
   * it (file-reading.ts), into the builder; report how it was read. */
  const readFile = async (role: FileRole, input: CsvInput, kindOf: (columns: readonly string[], file: string) => RowKind | InputIssue): Promise<TableSummary> => {
    let numberFormat: NumberFormat | undefined;
    let numberFormatReason: string | undefined;
    // This file's reading options: the flags, else the config's files.<role>, else detected.
    const reading = fileReading(role, options, config);
    const summary = await readTable(
      input,
      {
        onHeader: (columns, file, context: HeaderContext) => {
          const kind = kindOf(columns, file);
          if (typeof kind !== 'string') return kind;
          ({ format: numberFormat, reason: numberFormatReason } = chooseNumberFormat(reading, context, columns));
          return { ...fileColumns(kind), kind, numberFormat, sink };
        },
        onIssue,
        onWarning: (warning) => builder.addWarning(warning),
      },
      {
        ...read,
        // Only the services file is read by the threads started ahead for it.
        parallel: role === 'services' && read.parallel !== undefined ? { ...read.parallel, started } : read.parallel,
        delimiter: reading.delimiter?.value,
        encoding: reading.encoding?.value,
        sheet: reading.sheet,
      },
    );
    files[role] = summary.name;
    headers.set(summary.name, summary.header);
    if (summary.sha256 !== undefined) {
      records.push({
        role,
        // As the user gave it ("-" for standard input); a workbook's sheet in a field of its own.
        path: typeof input === 'string' ? input : input.name,
        ...(summary.sheet === undefined ? {} : { sheet: summary.sheet.name }),
        sha256: summary.sha256,
        rows: summary.rows,
        encoding: summary.encoding ?? null,
        delimiter: summary.delimiter ?? null,
        decimal: numberFormat?.decimal ?? null,
        thousands: numberFormat?.thousands ?? null,
      });
    }
    if (summary.sheet !== undefined) sheets.add(summary.name);
    if (summary.headerAliases) {
      builder.addWarning({ file: summary.name, line: summary.headerAliases.line, message: describeHeaderMapping(summary.headerAliases.mapped) });
    }
    sources.set(summary.name, { input, encoding: summary.encoding, delimiter: summary.delimiter });
    if (summary.headerOk && summary.rows === 0) {
      builder.addWarning({ file: summary.name, line: null, message: 'the file has a header but no rows' });
    }
    const known = summary.headerOk;
    options.onFileRead?.({ ...summary, role, numberFormat: known ? numberFormat : undefined, numberFormatReason: known ? numberFormatReason : undefined });
    return summary;
  };

  // The services file's reading threads start now, while the small files are read (a core is
  // idle then), when it is a CSV file large enough to be read on several threads.
  const started = await startReadersFor(resolved.services, read.parallel);
  try {
    const regions = await readFile('regions', resolved.regions, () => 'region');
    builder.endRegions(files.regions!);
    // Not read to its end (no hash: its header, its encoding … stopped it): the other files' codes cannot be checked against it.
    if (!regions.headerOk || regions.sha256 === undefined) builder.regionsUnread(files.regions!);

    // The crosswalk before the files with figures: the old codes it maps are known codes there.
    if (resolved.crosswalk !== undefined) {
      await readFile('crosswalk', resolved.crosswalk, () => 'crosswalk');
      builder.endCrosswalk(files.crosswalk!);
    }

    if (resolved.population !== undefined) await readFile('population', resolved.population, () => 'population');
    builder.endPopulation();

    if (resolved.beds !== undefined) {
      // The beds file's shape is chosen by its header (SPEC §1).
      await readFile('beds', resolved.beds, (columns, file) => {
        if (columns.length === 0) return { file, message: 'expected a header with region, year, beds (or region, date, beds_closed)' };
        const stock = columns.includes('beds');
        const events = columns.includes('beds_closed');
        if (stock === events) {
          return {
            file,
            line: 1,
            columns: ['beds', 'beds_closed'],
            message: stock
              ? 'the header has both "beds" (a stock) and "beds_closed" (closure events): expected one of them'
              : 'expected a column "beds" (beds at the end of each year) or "beds_closed" (closure events)',
          };
        }
        builder.setBedShape(stock ? 'stock' : 'events');
        return stock ? 'bedStock' : 'bedEvents';
      });
    } else {
      builder.addWarning({ file: FILE_NAMES.beds, line: null, message: 'no beds file: institutional bed change counts as 0' });
    }

    if (resolved.services !== undefined) await readFile('services', resolved.services, () => 'services');
    else if (!found.noServices && found.missingServices === undefined) {
      // Single files without --services: every region's community capacity is unknown (SPEC §8).
      builder.addWarning({
        file: FILE_NAMES.services,
        line: null,
        message:
          'no services file: every region\'s community capacity is unknown, and a region without community data is not ranked ' +
          '(reason "community") unless --missing-community zero counts it as 0. Give --services FILE, or --services none to run without community data on purpose',
      });
    }

    const dir = isEmptyInputs(inputs) ? DEFAULT_DATA_DIR : inputs.data;
    if (dir !== undefined) {
      const provenance = await readProvenance(dir);
      builder.setProvenance(provenance);
      // An illustrative dataset says so in every report made from it (JSON and CSV included).
      if (provenance?.illustrative) {
        builder.addWarning({
          file: isEmptyInputs(inputs) ? `data/${PROVENANCE_FILE}` : join(dir, PROVENANCE_FILE),
          line: null,
          message: provenance.notice ?? 'illustrative data: some numbers in this dataset are not real',
        });
      }
    }

    // Problems with the folder itself (a spreadsheet in an input's place, no services.csv) come first.
    const folderFiles = [...found.issues, ...(found.missingServices === undefined ? [] : [found.missingServices])].map((issue) => issue.file);
    const built = builder.finish([...folderFiles, ...headers.keys()]);
    const issues = built.issues;
    const dataset: Dataset = { ...built.dataset, inputs: records };
    if (options.rates && issues.length === 0) {
      ratesPopulation(dataset);
      (dataset as { scale?: 'rates' }).scale = 'rates';
    }
    if (issues.length > 0) {
      const placed = issues.map((issue) => {
        const index = issue.columns?.[0] === undefined ? -1 : (headers.get(issue.file)?.indexOf(issue.columns[0]) ?? -1);
        if (index < 0) return issue;
        // In a worksheet, the cell: services.xlsx!Sheet1:D7.
        const cell = sheets.has(issue.file) && issue.line !== undefined ? cellReference(index + 1, issue.line) : undefined;
        return { ...issue, field: index + 1, ...(cell === undefined ? {} : { cell }) };
      });
      throw rememberSources(new InputError(placed), sources);
    }
    return {
      dataset,
      weights,
      norms: resolveNorms(config),
      taxonomy,
      files,
      inputs: records,
      missingCommunity: config?.missingCommunity,
      noServices: found.noServices,
    };
  } finally {
    await started?.close();
  }
}

/** Reading threads started ahead for the services file (ParallelReading.start), when it is a file
 * on disk named like CSV text and at least as large as a file read on several threads. */
async function startReadersFor(services: CsvInput | undefined, parallel: ParallelReading | undefined): Promise<StartedReaders | undefined> {
  if (parallel?.start === undefined || parallel.threads <= 1 || services === undefined) return undefined;
  const path = pathOnDisk(services);
  const name = typeof services === 'string' ? services : services.name;
  if (path === undefined || hasParquetExtension(name) || hasWorkbookExtension(name)) return undefined;
  try {
    if ((await stat(path)).size < (parallel.minBytes ?? PARALLEL_MIN_BYTES)) return undefined;
  } catch {
    return undefined; // reading it will say what is wrong
  }
  return parallel.start(parallel.threads - 1);
}

/**
 * The builder's sink that also hands every checked row to explain's trace. It never returns a
 * row's target, so every row of a file comes through addRow (the piece reader's shortcut for a
 * repeated key, addAgain, has exactly addRow's effect on the builder but would hide the row from
 * the trace).
 */
function tracingSink(builder: RowSink, trace: RowTrace): RowSink {
  return {
    addRow(kind, row, file, line) {
      builder.addRow(kind, row, file, line);
      trace.row(kind, row, file, line);
      return undefined;
    },
    addAgain: (target, year, value, file, line) => builder.addAgain(target, year, value, file, line),
  };
}
