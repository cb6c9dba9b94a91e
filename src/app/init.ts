// `init`: a starter config with every default written out and an empty data folder with the
// right headers, so a new user starts from files servicegap accepts.
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config, ConfigSchema, type MissingCommunity } from '../core/config.js';
import { DEFAULT_NORMS, DEFAULT_WEIGHTS } from '../core/defaults.js';
import { INPUT_FILES } from '../core/schemas.js';
import { writeOutput } from '../io/output-writer.js';
import { CONFIG_FILE_NAME } from '../io/config-file.js';
import { FileAccessError } from '../io/errors.js';
import { FILE_NAMES } from '../io/load-dataset.js';
import { OptionError } from './errors.js';

/**
 * The starter config: every default weight and norm written out with its range and source, so
 * that an analyst edits them in place (an entry left as written stays a default: core/weights.ts,
 * core/norms.ts); the default for regions without community data (`missingCommunity`, SPEC §8);
 * one alias as an example; no per-file reading options (each file is detected).
 */
export function starterConfig(): Config {
  const weights: Record<string, Record<string, { value: number; low: number; high: number; source: string }>> = {};
  for (const w of DEFAULT_WEIGHTS) (weights[w.category] ??= {})[w.unit] = { value: w.value, low: w.low, high: w.high, source: w.source };
  const norms = Object.fromEntries(
    DEFAULT_NORMS.map((n) => [
      n.norm,
      {
        low: n.low,
        high: n.high,
        measures: n.measures.map((m) => ({ category: m.category, unit: m.unit })),
        institutional_beds: n.includesInstitutionalBeds,
        unit_label: n.unitLabel,
        source: n.source,
      },
    ]),
  );
  const missingCommunity: MissingCommunity = 'exclude';
  return ConfigSchema.parse({ weights, norms, missingCommunity, aliases: { 'Lavterskel psykisk helsetilbud': 'primary_care' }, files: {} });
}

/** JSON with two-space indents, but each weight, norm measure and file setting on one line. */
export function configText(config: Config): string {
  const write = (value: unknown, depth: number, indent: string): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    const flat = Array.isArray(value) ? value.every((v) => v === null || typeof v !== 'object') : depth >= 3;
    const entries = Array.isArray(value) ? value.map((v) => [undefined, v] as const) : Object.entries(value);
    if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';
    const inner = indent + '  ';
    const parts = entries.map(([k, v]) => `${k === undefined ? '' : `${JSON.stringify(k)}: `}${write(v, depth + 1, inner)}`);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return flat ? `${open} ${parts.join(', ')} ${close}` : `${open}\n${parts.map((p) => inner + p).join(',\n')}\n${indent}${close}`;
  };
  return `${write(config, 0, '')}\n`;
}

/** Header rows of the four input files (required columns, then the optional ones). */
export const STARTER_HEADERS: Record<keyof typeof FILE_NAMES, readonly string[]> = {
  regions: [...INPUT_FILES.regions.required, ...INPUT_FILES.regions.optional],
  population: [...INPUT_FILES.population.required],
  beds: [...INPUT_FILES.bedStock.required, ...INPUT_FILES.bedStock.optional],
  services: [...INPUT_FILES.services.required],
};

/** Options of `runInit`. */
export interface InitRunOptions {
  /** Folder the config and the data folder are written in (default: the process's working folder). */
  readonly cwd?: string | undefined;
  /** Data folder to create, relative to `cwd`; default "data". */
  readonly data?: string | undefined;
  /** Overwrite files that already exist (default: refuse, naming them). */
  readonly force?: boolean | undefined;
}

/** What `runInit` wrote. */
export interface InitRun {
  /** The config file's name and the data folder, as given. */
  readonly config: string;
  readonly data: string;
  /** Every file written, as a path. */
  readonly written: readonly string[];
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Write servicegap.config.json and a data folder with the four input files' headers. */
export async function runInit(options: InitRunOptions = {}): Promise<InitRun> {
  const cwd = options.cwd ?? process.cwd();
  const data = options.data ?? 'data';
  const targets = [join(cwd, CONFIG_FILE_NAME), ...Object.values(FILE_NAMES).map((name) => join(cwd, data, name))];
  if (!options.force) {
    const present = [];
    for (const path of targets) if (await exists(path)) present.push(path);
    if (present.length > 0) throw new OptionError('force', `not overwriting ${present.join(', ')}: use --force`);
  }
  try {
    await mkdir(join(cwd, data), { recursive: true });
  } catch (error) {
    throw new FileAccessError(data, 'write', error);
  }
  await writeOutput(targets[0]!, configText(starterConfig()));
  for (const [role, name] of Object.entries(FILE_NAMES) as [keyof typeof FILE_NAMES, string][]) {
    await writeOutput(join(cwd, data, name), `${STARTER_HEADERS[role].join(',')}\n`);
  }
  return { config: CONFIG_FILE_NAME, data, written: targets };
}
