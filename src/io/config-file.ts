// Finding and reading the config, first found wins:
//   0. --no-config: none at all, the defaults
//   1. --config F
//   2. SERVICEGAP_CONFIG=F (SERVICEGAP_CONFIG=none: no config at all, the defaults)
//   3. servicegap.config.json in the working folder
//   4. the "servicegap" key of the working folder's package.json
//   5. servicegap.config.json in the data folder (--data DIR), so a folder carries its own settings
//   6. the defaults
// Whatever is found is checked with the zod schema of src/core/config.ts.
import { join, resolve } from 'node:path';
import { type Config, ConfigSchema } from '../core/config.js';
import { InputError } from '../core/issues.js';
import { FileAccessError } from './errors.js';
import { parseJson, readJsonText } from './json-file.js';

/** The config file found in the working folder when no --config is given. */
export const CONFIG_FILE_NAME = 'servicegap.config.json';
/** Environment variable: `none` turns discovery off; any other value is a config path. */
export const CONFIG_ENV = 'SERVICEGAP_CONFIG';

export interface LoadedConfig {
  readonly config: Config;
  /** Where it came from (a path, or "package.json#servicegap"); undefined for the defaults. */
  readonly path?: string | undefined;
}

/** The config in force for a run (see the file comment for the order); `false` (--no-config): the defaults, nothing looked for. */
export async function loadConfig(
  explicit: string | false | undefined,
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
  /** The data folder (--data), as given: its servicegap.config.json is found after the working folder's. */
  dataDir?: string | undefined,
): Promise<LoadedConfig> {
  if (explicit === false) return { config: {} };
  if (explicit !== undefined) return { config: await readConfig(explicit), path: explicit };
  const fromEnv = env[CONFIG_ENV];
  if (fromEnv === 'none') return { config: {} };
  if (fromEnv) return { config: await readConfig(fromEnv), path: fromEnv };

  const own = await readOptional(join(cwd, CONFIG_FILE_NAME), CONFIG_FILE_NAME);
  if (own !== undefined) return { config: parseConfig(own, CONFIG_FILE_NAME), path: CONFIG_FILE_NAME };

  const pkg = await readOptional(join(cwd, 'package.json'), 'package.json');
  if (pkg !== undefined) {
    let key: unknown;
    try {
      key = (parseJson(pkg, 'package.json') as { servicegap?: unknown } | null)?.servicegap;
    } catch {
      key = undefined; // a broken package.json is npm's business, not ours
    }
    if (key !== undefined) {
      const where = 'package.json#servicegap';
      return { config: validateConfig(key, where), path: where };
    }
  }
  if (dataDir !== undefined) {
    const where = join(dataDir, CONFIG_FILE_NAME);
    const inData = await readOptional(resolve(cwd, where), where);
    if (inData !== undefined) return { config: parseConfig(inData, where), path: where };
  }
  return { config: {} };
}

/** A file's text, or undefined when it does not exist. */
async function readOptional(path: string, name: string): Promise<string | undefined> {
  try {
    return await readJsonText(path, name);
  } catch (error) {
    if (error instanceof FileAccessError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readConfig(path: string): Promise<Config> {
  return parseConfig(await readJsonText(path), path);
}

/** Parse and validate config text; every problem is reported with its JSON path. */
export function parseConfig(text: string, file: string): Config {
  return validateConfig(parseJson(text, file), file);
}

/** Check a config object (already parsed JSON); every problem is reported with its JSON path, in `file`. */
export function validateConfig(json: unknown, file: string): Config {
  const parsed = ConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      file,
      message: `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`,
    })),
  );
}
