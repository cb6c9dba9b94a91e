// Options shared by commands, declared once for commander and checked once with zod, so every
// command reads inputs the same way (after xsv's one Config for every reader).
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { THOUSANDS_SEPARATORS } from '../core/numbers.js';
import { YEAR_MAX, YEAR_MIN } from '../core/schemas.js';
import { FILL_MODES, FillModeSchema } from '../core/series.js';
import { DELIMITERS } from '../io/delimiter.js';
import type { DatasetInputs } from '../io/load-dataset.js';
import { CSV_PARSERS } from '../io/read-csv.js';
import { ENCODINGS } from '../io/text-stream.js';
import { usageError } from './exit-codes.js';

export function addInputOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'data folder with regions.csv, population.csv, beds.csv, services.csv')
    .option('--regions <file>', 'regions file ("-" for standard input)')
    .option('--population <file>', 'population file')
    .option('--beds <file>', 'beds file: stock (column "beds") or closure events (column "beds_closed")')
    .option('--services <file>', 'community services file')
    .option('--crosswalk <file>', 'old region codes → current ones: from, to, share[, year] (default: crosswalk.csv in --data if present)')
    .option('--config <file>', 'config file (default: $SERVICEGAP_CONFIG, else ./servicegap.config.json, else package.json "servicegap", else servicegap.config.json in --data)')
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
  config: z.string().optional(),
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

/** The reading options of InputOptions, as loadDataset and scanServiceNames take them. */
export function readOptions(options: InputOptions) {
  if (options.decimal !== undefined && options.decimal !== 'auto' && options.decimal === options.thousands) {
    throw usageError(`--thousands ${options.thousands}: the thousands separator cannot be the decimal mark too`);
  }
  return {
    delimiter: options.delimiter,
    encoding: options.encoding,
    decimal: options.decimal,
    thousands: options.thousands,
    sheet: options.sheet,
    parser: options.parser,
  };
}

export const yearOption = z.coerce
  .number({ error: 'expected a year' })
  .int({ error: 'expected a whole year' })
  .min(YEAR_MIN, { error: `expected a year ≥ ${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `expected a year ≤ ${YEAR_MAX}` });

/** Check commander's options with a zod schema; a failure is a usage error naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  const name = first.path.length ? `--${String(first.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'options';
  throw usageError(`${name}: ${first.message}`);
}

export function datasetInputs(options: InputOptions): DatasetInputs {
  const inputs = {
    data: options.data,
    regions: options.regions,
    population: options.population,
    beds: options.beds,
    services: options.services,
    crosswalk: options.crosswalk,
  };
  if (Object.values(inputs).filter((v) => v === '-').length > 1) {
    throw usageError('standard input ("-") can be used for at most one input file');
  }
  return inputs;
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
    .option('--rollup', 'rank one level above the deepest regions (e.g. counties instead of municipalities)');
}

export const AnalysisOptionsSchema = z.object({
  fill: FillModeSchema.default('carry'),
  level: z.coerce.number({ error: 'expected a level' }).int({ error: 'expected a whole number' }).min(1, { error: 'expected a level ≥ 1 (1 = regions without a parent)' }).optional(),
  rollup: z.boolean().optional(),
});

/** `--threads N|auto` (commands that can use worker threads): "auto" or a whole number ≥ 1. */
export const threadsOption = z
  .string()
  .optional()
  .transform((raw, ctx): number | 'auto' | undefined => {
    if (raw === undefined || raw === 'auto') return raw;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < 1) {
      ctx.issues.push({ code: 'custom', message: 'expected "auto" or a whole number ≥ 1', input: raw });
      return z.NEVER;
    }
    return n;
  });
