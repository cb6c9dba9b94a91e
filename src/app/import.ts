// runImport: statistics-office files → one SPEC input file (beds, services, population or
// regions), as text; the CLI's `servicegap import` and the library both call it.
//
// Every file is read and mapped before anything is returned, so every problem in every file is
// reported at once; the caller writes the text (atomically, for --out) only when there was none.
import { type ImportedRow, mapTable } from '../core/import/map-table.js';
import { z } from 'zod';
import { IMPORT_ROLES, type ImportMapping, type ImportMappingInput, ImportMappingSchema, type ImportRole, type ServiceTarget } from '../core/import/mapping.js';
import { findPreset, IMPORT_FORMATS, IMPORT_PRESETS, type ImportFormat, type ImportPreset } from '../core/import/presets.js';
import { formatLocation, type ImportIssue, type ImportTable } from '../core/import/table.js';
import { type InputIssue, InputError } from '../core/issues.js';
import { buildTaxonomy } from '../core/taxonomy.js';
import { DEFAULT_WEIGHTS } from '../core/defaults.js';
import { weightKey } from '../core/weights.js';
import type { Unit } from '../core/units.js';
import { InputSelectionError } from '../io/errors.js';
import { readImportFile } from '../io/import/read-import-file.js';
import { renderImportCsv } from '../report/import-csv.js';
import { checkOptions, oneOf, YearOptionSchema } from './options.js';
import { appendAll } from '../core/append-all.js';

/** Options of `runImport` (`servicegap import`): the format, the files, the role, a preset and mapping options. */
export interface ImportRunOptions {
  /** The files' format (IMPORT_FORMATS). */
  readonly format: ImportFormat;
  /** One or more files of that format (paths; Eurostat .tsv.gz is read as is). */
  readonly files: readonly string[];
  /** Which SPEC file to write. */
  readonly as: ImportRole;
  /** A named mapping (IMPORT_PRESETS); the options below override it. */
  readonly preset?: string | undefined;
  /** The dimension holding region codes (default: the one the source marks as geography). */
  readonly region?: string | undefined;
  /** The dimension holding years (default: the one the source marks as time). */
  readonly year?: string | undefined;
  /** Services: the dimension holding service types (each named in `map`). */
  readonly service?: string | undefined;
  /** Keep only these categories of a dimension: `{ DIM: [CODE, …] }`. */
  readonly where?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Dimensions whose categories are added up (e.g. single years of age). */
  readonly sum?: readonly string[] | undefined;
  /** Services: each category of the service dimension → service name and unit. */
  readonly map?: Readonly<Record<string, ServiceTarget>> | undefined;
  /** The same region, year, service or unit for every row. */
  readonly set?: { readonly region?: string; readonly year?: number; readonly service?: string; readonly unit?: Unit } | undefined;
  /** Keep only region codes matching this regular expression (whole code). */
  readonly regionMatch?: string | undefined;
  /** Cells marked "-" (the source's "nil"): a reported zero (default), or missing. */
  readonly nil?: 'zero' | 'missing' | undefined;
}

/** What `runImport` returns: the CSV an import made, its row count and the notes for standard error. */
export interface ImportRun {
  /** The SPEC-shaped CSV (header + rows, `\n` line ends). */
  readonly csv: string;
  /** Data rows written (not counting the header). */
  readonly rows: number;
  /** What was left out, flagged or assumed: for standard error. */
  readonly notes: readonly string[];
}

/** The preset a run uses: the one named, or for N-MHSS its own (the file has one layout). */
function choosePreset(options: ImportRunOptions): ImportPreset | undefined {
  const name = options.preset ?? (options.format === 'nmhss' ? 'nmhss' : undefined);
  if (name === undefined) return undefined;
  const preset = findPreset(name);
  if (preset === undefined) {
    throw new InputSelectionError(`--preset ${name}: no such preset; the presets are ${IMPORT_PRESETS.map((p) => p.name).join(', ')}`);
  }
  if (!preset.formats.includes(options.format)) {
    throw new InputSelectionError(`--preset ${preset.name} reads ${preset.formats.join(', ')} files, not ${options.format}`);
  }
  if (preset.roles[options.as] === undefined) {
    const roles = Object.keys(preset.roles).join(', ');
    throw new InputSelectionError(`--preset ${preset.name} has no mapping for --as ${options.as}; it gives ${roles}`);
  }
  return preset;
}

/** The preset's mapping with the options laid over it, checked. */
export function resolveMapping(options: ImportRunOptions, preset: ImportPreset | undefined): ImportMapping {
  const base: Omit<ImportMappingInput, 'role'> = preset?.roles[options.as] ?? {};
  const input: ImportMappingInput = {
    ...base,
    role: options.as,
    region: options.region ?? (options.set?.region === undefined ? base.region : undefined),
    year: options.year ?? (options.set?.year === undefined ? base.year : undefined),
    service: options.service ?? (options.set?.service === undefined ? base.service : undefined),
    set: { ...base.set, ...options.set },
    where: { ...base.where, ...(options.where as Record<string, string[]> | undefined) },
    sum: options.sum === undefined ? base.sum : [...options.sum],
    sumIfPresent: options.sum === undefined ? base.sumIfPresent : [],
    map: { ...base.map, ...options.map },
    regionMatch: options.regionMatch ?? base.regionMatch,
    nil: options.nil ?? base.nil,
  };
  const parsed = ImportMappingSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new InputSelectionError(`${first.path.join('.') || 'mapping'}: ${first.message}`);
  }
  return parsed.data;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// The option values runImport takes, checked as the command line's are (OptionError, exit 2).
const ImportOptionChecks = z.object({
  format: z.enum(IMPORT_FORMATS, { error: oneOf(IMPORT_FORMATS) }),
  as: z.enum(IMPORT_ROLES, { error: oneOf(IMPORT_ROLES) }),
  nil: z.enum(['zero', 'missing'], { error: oneOf(['zero', 'missing']) }).optional(),
  set: z.object({ year: YearOptionSchema.optional() }).optional(),
});

/** Read, map and render. Throws OptionError, InputError (every problem, located), FileAccessError or InputSelectionError. */
export async function runImport(options: ImportRunOptions): Promise<ImportRun> {
  checkOptions(ImportOptionChecks, options);
  if (options.files.length === 0) throw new InputSelectionError('import: give at least one file');
  const seenFiles = new Set<string>();
  for (const f of options.files) {
    if (seenFiles.has(f)) throw new InputSelectionError(`${f} is given twice: its rows would be counted twice`);
    seenFiles.add(f);
  }
  const preset = choosePreset(options);
  const mapping = resolveMapping(options, preset);
  const issues: ImportIssue[] = [];
  const notes: string[] = [];
  const tables: ImportTable[] = [];
  for (const file of options.files) appendAll(tables, await readImportFile(options.format, file, issues));
  const rows: ImportedRow[] = [];
  for (const table of tables) {
    appendAll(notes, table.notes);
    const mapped = mapTable(table, mapping, issues);
    appendAll(notes, mapped.notes);
    appendAll(rows, mapped.rows);
  }
  checkAcrossFiles(rows, options.as, issues);
  if (issues.length > 0) throw new InputError(issues.map(toInputIssue));

  rows.sort((a, b) => compare(a.region, b.region) || (a.year ?? 0) - (b.year ?? 0) || compare(a.service ?? '', b.service ?? '') || compare(a.unit ?? '', b.unit ?? ''));
  const unique = options.as === 'regions' ? dedupeRegions(rows) : rows;
  if (options.as === 'services') appendAll(notes, serviceNotes(unique));
  if (preset?.note) notes.push(preset.note);
  return { csv: renderImportCsv(options.as, unique), rows: unique.length, notes };
}

/** The same population or region from two files is an error; beds and services are summed by the loader, as SPEC §1 says. */
function checkAcrossFiles(rows: readonly ImportedRow[], role: ImportRole, issues: ImportIssue[]): void {
  if (role !== 'population') return;
  const first = new Map<string, ImportedRow>();
  for (const row of rows) {
    const key = `${row.region}\u0000${row.year}`;
    const other = first.get(key);
    if (other === undefined) first.set(key, row);
    else if (other.file !== row.file) {
      issues.push({ file: row.file, at: row.at, message: `population of ${row.region} in ${row.year} is also in ${formatLocation(other.file, other.at)}: one file per region and year` });
    }
  }
}

function dedupeRegions(rows: readonly ImportedRow[]): ImportedRow[] {
  const byCode = new Map<string, ImportedRow>();
  for (const row of rows) if (!byCode.has(row.region)) byCode.set(row.region, row);
  return [...byCode.values()];
}

/** Names the taxonomy does not know, and (category, unit) pairs without a default weight. */
function serviceNotes(rows: readonly ImportedRow[]): string[] {
  const taxonomy = buildTaxonomy();
  const weighted = new Set(DEFAULT_WEIGHTS.map((w) => weightKey(w.category, w.unit)));
  const notes = new Set<string>();
  for (const row of rows) {
    const category = taxonomy.lookup(row.service!);
    if (category === undefined) notes.add(`service "${row.service}" maps to no category (SPEC §2): add it to "aliases" in a config, or map it to a category code`);
    else if (!weighted.has(weightKey(category, row.unit!))) {
      notes.add(`${category} in ${row.unit} has no default weight (SPEC §4): \`servicegap report\` needs one from a config ("weights": {"${category}": {"${row.unit}": …}})`);
    }
  }
  return [...notes];
}

function toInputIssue(issue: ImportIssue): InputIssue {
  const where = [issue.at.column === undefined ? '' : `column ${issue.at.column}`, issue.at.path ?? ''].filter((s) => s !== '').join(', ');
  return { file: issue.file, line: issue.at.line, message: where === '' ? issue.message : `${where}: ${issue.message}` };
}
