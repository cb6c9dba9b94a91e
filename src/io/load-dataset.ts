// Load the four input files (SPEC §1) into one aggregated Dataset, streaming each file and
// collecting every problem in every file before failing.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../core/config.js';
import { DatasetBuilder } from '../core/dataset-builder.js';
import type { Dataset } from '../core/dataset.js';
import { InputError, type InputIssue } from '../core/issues.js';
import { INPUT_FILES } from '../core/schemas.js';
import { buildTaxonomy, type Taxonomy } from '../core/taxonomy.js';
import { resolveWeights, type WeightTable } from '../core/weights.js';
import { DEFAULT_DATA_DIR } from './default-data.js';
import { InputSelectionError } from './errors.js';
import type { Delimiter } from './delimiter.js';
import type { CsvInput } from './input-source.js';
import { PROVENANCE_FILE, readProvenance } from './provenance.js';
import { readTable, type TableSpec, type TableSummary } from './read-table.js';

/** The file name each input has in a data folder. */
export const FILE_NAMES = {
  regions: 'regions.csv',
  population: 'population.csv',
  beds: 'beds.csv',
  services: 'services.csv',
} as const;

/** An input file's role: regions, population, beds or services. */
export type FileRole = keyof typeof FILE_NAMES;

/** Where to read from: a data folder, single files (which win over the folder's), or both. */
export interface DatasetInputs {
  readonly data?: string | undefined;
  readonly regions?: CsvInput | undefined;
  readonly population?: CsvInput | undefined;
  readonly beds?: CsvInput | undefined;
  readonly services?: CsvInput | undefined;
}

/** How to read the inputs: the config (aliases, weights), --allow-unmapped, the delimiter, stdin. */
export interface LoadOptions {
  readonly config?: Config | undefined;
  /** Drop rows with unmapped service names, with a warning, instead of failing. */
  readonly allowUnmapped?: boolean | undefined;
  readonly delimiter?: Delimiter | undefined;
  readonly stdin?: NodeJS.ReadableStream | undefined;
}

/** A loaded dataset with the weights and taxonomy its config gave, and the files read. */
export interface LoadedDataset {
  readonly dataset: Dataset;
  readonly weights: WeightTable;
  readonly taxonomy: Taxonomy;
  /** The files read, by role, as named in messages. */
  readonly files: Partial<Record<FileRole, string>>;
}

/** True when no input option was given, so the bundled default dataset is used. */
export function isEmptyInputs(inputs: DatasetInputs): boolean {
  return Object.values(inputs).every((v) => v === undefined);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The input for each role: explicit file, else the folder's file if present (required ones always). */
export async function resolveInputs(inputs: DatasetInputs): Promise<Partial<Record<FileRole, CsvInput>>> {
  const useDefault = isEmptyInputs(inputs);
  const dir = useDefault ? DEFAULT_DATA_DIR : inputs.data;
  const resolved: Partial<Record<FileRole, CsvInput>> = {};
  for (const role of Object.keys(FILE_NAMES) as FileRole[]) {
    const explicit = inputs[role];
    if (explicit !== undefined) resolved[role] = explicit;
    else if (dir !== undefined) {
      const path = join(dir, FILE_NAMES[role]);
      // regions and population are required: a missing one fails when it is opened (exit 4).
      if (role === 'regions' || role === 'population' || (await exists(path))) {
        // The bundled data is named as the package names it, whatever folder it is installed in.
        resolved[role] = useDefault ? { name: `data/${FILE_NAMES[role]}`, path } : path;
      }
    }
  }
  const stdinCount = Object.values(resolved).filter((v) => v === '-').length;
  if (stdinCount > 1) throw new InputSelectionError('standard input ("-") can be used for at most one input file');
  return resolved;
}

/**
 * Load a dataset (SPEC §1): stream each input file, validate every row with its zod schema, and
 * aggregate the rows into series. With no inputs, the bundled data. Throws `InputError` listing
 * every problem, `FileAccessError` for a file it cannot read.
 */
export async function loadDataset(inputs: DatasetInputs = {}, options: LoadOptions = {}): Promise<LoadedDataset> {
  const resolved = await resolveInputs(inputs);
  if (resolved.regions === undefined || resolved.population === undefined) {
    throw new InputSelectionError('regions.csv and population.csv are required: use --data DIR, or --regions F and --population F');
  }
  const taxonomy = buildTaxonomy(options.config?.aliases);
  const weights = resolveWeights(options.config);
  const builder = new DatasetBuilder({ taxonomy, weights, allowUnmapped: options.allowUnmapped });
  const read = { delimiter: options.delimiter, stdin: options.stdin };
  const files: Partial<Record<FileRole, string>> = {};
  const onIssue = (issue: InputIssue) => builder.addIssue(issue);
  const fixed = (spec: TableSpec) => () => spec;
  // Each file's header, to give issues the position of their column (GitHub annotations use it).
  const headers = new Map<string, readonly string[]>();
  const remember = (table: TableSummary): string => {
    headers.set(table.name, table.header);
    return table.name;
  };

  files.regions = remember(
    await readTable(resolved.regions, {
      onHeader: fixed(INPUT_FILES.regions),
      onRow: (row, line, file) => builder.addRegion(row, file, line),
      onIssue,
    }, read)
  );
  builder.endRegions(files.regions);

  files.population = remember(
    await readTable(resolved.population, {
      onHeader: fixed(INPUT_FILES.population),
      onRow: (row, line, file) => builder.addPopulation(row, file, line),
      onIssue,
    }, read)
  );

  if (resolved.beds !== undefined) {
    // The beds file's shape is chosen by its header (SPEC §1).
    let shape: 'stock' | 'events' | undefined;
    files.beds = remember(
      await readTable(resolved.beds, {
        onHeader: (columns, file) => {
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
          shape = stock ? 'stock' : 'events';
          builder.setBedShape(shape);
          return stock ? INPUT_FILES.bedStock : INPUT_FILES.bedEvents;
        },
        onRow: (row, line, file) =>
          shape === 'stock' ? builder.addBedStock(row, file, line) : builder.addBedEvent(row, file, line),
        onIssue,
      }, read)
    );
  } else {
    builder.addWarning({ file: FILE_NAMES.beds, line: null, message: 'no beds file: institutional bed change counts as 0' });
  }

  if (resolved.services !== undefined) {
    files.services = remember(
      await readTable(resolved.services, {
        onHeader: fixed(INPUT_FILES.services),
        onRow: (row, line, file) => builder.addService(row, file, line),
        onIssue,
      }, read)
    );
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

  const { dataset, issues } = builder.finish();
  if (issues.length > 0) {
    throw new InputError(
      issues.map((issue) => {
        const index = issue.columns?.[0] === undefined ? -1 : (headers.get(issue.file)?.indexOf(issue.columns[0]) ?? -1);
        return index < 0 ? issue : { ...issue, field: index + 1 };
      }),
    );
  }
  return { dataset, weights, taxonomy, files };
}
