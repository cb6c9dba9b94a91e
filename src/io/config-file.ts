// Finding and reading the config file: --config F, else servicegap.config.json in the working
// folder, else none (defaults). The file is checked with the zod schema of src/core/config.ts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Config, ConfigSchema } from '../core/config.js';
import { InputError } from '../core/issues.js';
import { FileAccessError } from './errors.js';

export const CONFIG_FILE_NAME = 'servicegap.config.json';

export interface LoadedConfig {
  readonly config: Config;
  /** The file it came from; undefined when defaults are used. */
  readonly path?: string | undefined;
}

/** Read the given config file, or discover one in `cwd`; a given file that is missing is exit 4. */
export async function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig> {
  if (explicit !== undefined) return { config: await readConfig(explicit), path: explicit };
  const discovered = join(cwd, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(discovered, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} };
    throw new FileAccessError(CONFIG_FILE_NAME, 'read', error);
  }
  return { config: parseConfig(text, CONFIG_FILE_NAME), path: CONFIG_FILE_NAME };
}

async function readConfig(path: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FileAccessError(path, 'read', error);
  }
  return parseConfig(text, path);
}

/** Parse and validate config text; every problem is reported with its JSON path. */
export function parseConfig(text: string, file: string): Config {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError([{ file, message: `expected a JSON object: ${(error as Error).message}` }]);
  }
  const parsed = ConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      file,
      message: `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`,
    })),
  );
}
