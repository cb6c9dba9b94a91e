// Options shared by commands, declared once for commander and checked once with zod, so every
// command reads inputs the same way (after xsv's one Config for every reader).
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { YEAR_MAX, YEAR_MIN } from '../core/schemas.js';
import { DELIMITERS } from '../io/delimiter.js';
import type { DatasetInputs } from '../io/load-dataset.js';
import { usageError } from './exit-codes.js';

export function addInputOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'data folder with regions.csv, population.csv, beds.csv, services.csv')
    .option('--regions <file>', 'regions file ("-" for standard input)')
    .option('--population <file>', 'population file')
    .option('--beds <file>', 'beds file: stock (column "beds") or closure events (column "beds_closed")')
    .option('--services <file>', 'community services file')
    .option('--config <file>', 'config file (default: ./servicegap.config.json if present)')
    .option('--allow-unmapped', 'drop rows whose service name maps to no category, with a warning')
    .option('-q, --quiet', 'errors only: no warnings or notes on standard error')
    .addOption(new Option('--delimiter <char>', 'field delimiter (default: detected from the header)').choices(['auto', ',', ';', 'tab', '|']));
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
  config: z.string().optional(),
  allowUnmapped: z.boolean().optional(),
  quiet: z.boolean().optional(),
  delimiter,
});
export type InputOptions = z.infer<typeof InputOptionsSchema>;

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
  };
  if (Object.values(inputs).filter((v) => v === '-').length > 1) {
    throw usageError('standard input ("-") can be used for at most one input file');
  }
  return inputs;
}

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
