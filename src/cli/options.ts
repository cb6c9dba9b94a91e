// Options shared by commands, declared once for commander and parsed once with zod into the
// options of the runs (src/app), so every command reads inputs the same way (after xsv's one
// Config for every reader). The rules of each value are the app's: the CLI only turns text into
// values.
import { type Command, Option } from 'commander';
import { z } from 'zod';
import type { DataOptions } from '../app/data.js';
import { checkOptions, LevelOptionSchema, ThreadsOptionSchema, WeightsChoiceSchema, YearOptionSchema } from '../app/options.js';
import { CSV_PARSERS, DELIMITERS, describeFileRead, ENCODINGS, FILL_MODES, MISSING_COMMUNITY, THOUSANDS_SEPARATORS } from '../app/vocabulary.js';
import { note } from './output.js';
import { progressBar } from './progress.js';
import type { Terminal } from './terminal.js';

export function addInputOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'data folder with regions.csv, population.csv, beds.csv, services.csv')
    .option('--regions <file>', 'regions file ("-" for standard input)')
    .option('--population <file>', 'population file')
    .option('--beds <file>', 'beds file: stock (column "beds") or closure events (column "beds_closed")')
    .option('--services <file>', 'community services file, or "none" to run without community data on purpose (a file named none: ./none)')
    .option('--crosswalk <file>', 'old region codes → current ones: from, to, share[, year] (default: crosswalk.csv in --data if present)')
    .option('--config <file>', 'config file (default: $SERVICEGAP_CONFIG, else ./servicegap.config.json, else package.json "servicegap", else servicegap.config.json in --data)')
    .option('--no-config', 'no config file: the default weights and norms (SERVICEGAP_CONFIG and discovery ignored)')
    .option('--allow-unmapped', 'drop rows whose service name maps to no category, with a warning')
    .option('--rates', 'the figures in beds.csv and services.csv are per 100,000 residents already: no population file, results are rates')
    .option('-q, --quiet', 'errors only: no warnings or notes on standard error')
    .addOption(new Option('--delimiter <char>', 'field delimiter (default: detected from the first lines of each file)').choices(['auto', ',', ';', 'tab', '|']))
    .addOption(
      new Option('--encoding <name>', 'text encoding (default: byte-order mark, else UTF-8 if valid, else Windows-1252)').choices([
        'auto',
        ...ENCODINGS,
      ]),
    )
    .addOption(
      new Option('--decimal <mark>', 'decimal mark (default: "." in comma-separated files; in others "." or ",", a number that reads two ways is an error)').choices(['auto', '.', ',']),
    )
    .addOption(new Option('--thousands <sep>', 'thousands separator in numbers (default: none)').choices(THOUSANDS_SEPARATORS))
    .option('--sheet <name>', 'for Excel workbooks (.xlsx): the sheet to read (default: a sheet named like the input, e.g. "services", else the first visible sheet)')
    .option('--verbose', 'say on standard error how each file was read: encoding, delimiter, decimal mark (and why), sheet, rows')
    .addOption(
      new Option('--parser <name>', 'CSV parser: fast (default) or csv-parse (the reference: the same records and errors, slower)').choices([...CSV_PARSERS]),
    );
}

const delimiter = z
  .enum(['auto', ',', ';', 'tab', '|'])
  .optional()
  .transform((d) => (d === undefined || d === 'auto' ? undefined : d === 'tab' ? '\t' : d))
  .pipe(z.enum(DELIMITERS).optional());

export const InputOptionsSchema = z.object({
  data: z.string().optional(),
  regions: z.string().optional(),
  population: z.string().optional(),
  beds: z.string().optional(),
  services: z.string().optional(),
  crosswalk: z.string().optional(),
  config: z.union([z.string(), z.literal(false)]).optional(),
  allowUnmapped: z.boolean().optional(),
  rates: z.boolean().optional(),
  quiet: z.boolean().optional(),
  delimiter,
  encoding: z.enum(['auto', ...ENCODINGS]).optional(),
  decimal: z.enum(['auto', '.', ',']).optional(),
  thousands: z.enum(THOUSANDS_SEPARATORS).optional(),
  sheet: z.string().trim().min(1, { error: 'expected a sheet name' }).optional(),
  verbose: z.boolean().optional(),
  parser: z.enum(CSV_PARSERS).optional(),
});
export type InputOptions = z.infer<typeof InputOptionsSchema>;

/** The run's data options from the command line's: inputs, reading, config, and the terminal's world. */
export function dataOptions(options: InputOptions, terminal: Terminal): DataOptions {
  return {
    inputs: {
      data: options.data,
      regions: options.regions,
      population: options.population,
      beds: options.beds,
      services: options.services,
      crosswalk: options.crosswalk,
    },
    reading: {
      delimiter: options.delimiter,
      encoding: options.encoding,
      decimal: options.decimal,
      thousands: options.thousands,
      sheet: options.sheet,
      parser: options.parser,
    },
    config: options.config,
    cwd: terminal.cwd,
    env: terminal.env,
    allowUnmapped: options.allowUnmapped,
    rates: options.rates,
    stdin: terminal.stdin,
    onFileRead: options.verbose ? (info) => note(terminal, `read ${describeFileRead(info)}`) : undefined,
    onProgress: progressBar(terminal, options.quiet),
  };
}

/** A decimal number as written on a command line: digits, a point, an exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number option's text as a number (NaN, which every rule refuses, for anything but a decimal
 * number): JavaScript's Number() reads "" and "  " as 0 and "0x8" as 8, so `--fail-above "$UNSET"`
 * would have been a gate at 0.
 */
export const optionNumber = (text: string): number => (DECIMAL.test(text.trim()) ? Number(text) : Number.NaN);

/** A number option's text as a number (optionNumber), checked by the app's rule for it. */
export const cliNumber = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' ? optionNumber(v) : v), schema);

export const yearOption = cliNumber(YearOptionSchema);

/** Check commander's options with a zod schema; a failure is an OptionError naming the option (exit 2). */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  return checkOptions(schema, raw);
}

// Time and geography (issue 5): how missing years are filled and which level of the regions'
// tree is ranked. Shared by every command that computes metrics (report, trend).
export function addAnalysisOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--fill <mode>', 'missing years: carry the latest earlier figure, none (unknown), or linear between known years')
        .choices(FILL_MODES)
        .default('carry'),
    )
    .option('--level <n>', "rank the regions at level N of regions.csv's tree (1 = regions without a parent), branches summed")
    .option('--rollup', 'rank one level above the deepest regions (e.g. counties instead of municipalities)')
    .addOption(missingCommunityOption());
}

/** `--missing-community exclude|zero` (SPEC §8): a region with no row in services.csv. */
export function missingCommunityOption(): Option {
  return new Option(
    '--missing-community <mode>',
    'a region with no row in services.csv: exclude it (reason "community", the default) or count its community capacity as zero (flag no_community_data); default: the config\'s missingCommunity, else exclude',
  ).choices(MISSING_COMMUNITY);
}

/** `--weights value|low|high` (report, explain): every weight at its value or an end of its range. */
export function weightsOption(description = 'every weight at its value, or at the low or high end of its range'): Option {
  return new Option('--weights <which>', description).choices(WeightsChoiceSchema.options).default('value');
}

/** `--provenance FILE`: the output's provenance JSON (SPEC §8) written beside any format. */
export function provenanceOption(): Option {
  return new Option('--provenance <file>', 'also write the provenance (inputs with SHA-256, config, weights, norms, options) as JSON to FILE, atomically');
}

/** zod checks of `--missing-community` and `--provenance`, for the commands that take them. */
export const TrustOptionsSchema = z.object({
  missingCommunity: z.enum(MISSING_COMMUNITY).optional(),
  provenance: z.string().min(1).optional(),
});

export const AnalysisOptionsSchema = z.object({
  missingCommunity: z.enum(MISSING_COMMUNITY).optional(),
  fill: z.enum(FILL_MODES).default('carry'),
  level: cliNumber(LevelOptionSchema).optional(),
  rollup: z.boolean().optional(),
});

/** `--threads` of the commands whose threads only read (coverage, trend, validate, compare). */
export function addReadingThreadsOption(command: Command): Command {
  return command.option('--threads <n>', 'threads that read a large file, 24 MiB or more (default auto: one per core); a number (1: this thread only), or auto');
}

/** `--threads N|auto` (commands that can use worker threads): "auto" or a whole number ≥ 1. */
export const threadsOption = z
  .string()
  .optional()
  .transform((raw) => (raw === undefined || raw === 'auto' ? raw : /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN))
  .pipe(ThreadsOptionSchema.optional());

// Maps and chart files (issue 19): the HTML map's boundaries, and every chart as its own file.
// The values' rules and what they mean are the app's (app/options.ts MapOptions, app/map.ts).
export function addMapOptions(command: Command, charts: boolean): Command {
  command
    .option('--geo <file>', 'boundaries for the HTML map: GeoJSON or TopoJSON, WGS 84 (default: bundled countries by ISO 3166-1 code, US states by postal or FIPS code)')
    .option('--geo-key <property>', "the shapes' property holding the region code (default: the feature's id)");
  if (charts) command.option('--charts-dir <dir>', 'also write every chart of the HTML report to DIR as its own SVG and PNG file');
  return command;
}

export const MapOptionsSchema = z.object({
  geo: z.string().min(1).optional(),
  geoKey: z.string().min(1).optional(),
  chartsDir: z.string().min(1).optional(),
});
