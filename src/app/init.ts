// `init`: a starter config and an empty data folder with the right headers, so a new user starts
// from files servicegap accepts.
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../core/config.js';
import { INPUT_FILES } from '../core/schemas.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { CONFIG_FILE_NAME } from '../io/config-file.js';
import { FileAccessError } from '../io/errors.js';
import { FILE_NAMES } from '../io/load-dataset.js';
import { OptionError } from './errors.js';

/** The starter config: every key present, nothing changed from the defaults but one example. */
export const STARTER_CONFIG: Config = {
  weights: {},
  aliases: { 'Lavterskel psykisk helsetilbud': 'primary_care' },
};

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
  await writeFileAtomic(targets[0]!, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`);
  for (const [role, name] of Object.entries(FILE_NAMES) as [keyof typeof FILE_NAMES, string][]) {
    await writeFileAtomic(join(cwd, data, name), `${STARTER_HEADERS[role].join(',')}\n`);
  }
  return { config: CONFIG_FILE_NAME, data, written: targets };
}
