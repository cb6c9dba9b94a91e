// Finding and reading the config, first found wins:
//   0. --no-config: none at all, the defaults
//   1. --config F
//   2. SERVICEGAP_CONFIG=F (SERVICEGAP_CONFIG=none: no config at all, the defaults)
//   3. servicegap.config.json in the working folder
//   4. the "servicegap" key of the working folder's package.json
//   5. servicegap.config.json in the data folder (--data DIR), so a folder carries its own settings
//   6. the defaults
// Whatever is found is checked with the zod schema of src/core/config.ts.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { checkConfig, type Config } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { InputError } from '../core/issues.js';
import { FileAccessError } from './errors.js';
import { type JsonFile, parseJson, readJsonFile } from './json-file.js';

/** The config file found in the working folder when no --config is given. */
export const CONFIG_FILE_NAME = 'servicegap.config.json';
/** Environment variable: `none` turns discovery off; any other value is a config path. */
export const CONFIG_ENV = 'SERVICEGAP_CONFIG';

export interface LoadedConfig {
  readonly config: Config;
  /** Where it came from (a path, or "package.json#servicegap"); undefined for the defaults. */
  readonly path?: string | undefined;
  /** SHA-256 (hex) of the file's bytes (of package.json for its "servicegap" key): provenance, SPEC §8. */
  readonly sha256?: string | undefined;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The config in force for a run (see the file comment for the order); `false` (--no-config): the defaults, nothing looked for. */
export async function loadConfig(
  explicit: string | false | undefined,
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
  /** The data folder (--data), as given: its servicegap.config.json is found after the working folder's. */
  dataDir?: string | undefined,
): Promise<LoadedConfig> {
  if (explicit === false) return { config: {} };
  if (explicit !== undefined) return readConfig(explicit);
  const fromEnv = env[CONFIG_ENV];
  if (fromEnv === 'none') return { config: {} };
  if (fromEnv) return readConfig(fromEnv);

  const own = await readOptional(join(cwd, CONFIG_FILE_NAME), CONFIG_FILE_NAME);
  if (own !== undefined) return { config: parseConfig(own.text, CONFIG_FILE_NAME), path: CONFIG_FILE_NAME, sha256: sha256(own.bytes) };

  const pkg = await readOptional(join(cwd, 'package.json'), 'package.json');
  if (pkg !== undefined) {
    let key: unknown;
    try {
      key = (parseJson(pkg.text, 'package.json') as { servicegap?: unknown } | null)?.servicegap;
    } catch {
      key = undefined; // a broken package.json is npm's business, not ours
    }
    if (key !== undefined) {
      const where = 'package.json#servicegap';
      return { config: checkConfig(key, where), path: where, sha256: sha256(pkg.bytes) };
    }
  }
  if (dataDir !== undefined) {
    const where = join(dataDir, CONFIG_FILE_NAME);
    const inData = await readOptional(resolve(cwd, where), where);
    if (inData !== undefined) return { config: parseConfig(inData.text, where), path: where, sha256: sha256(inData.bytes) };
  }
  return { config: {} };
}

/** A file's bytes, or undefined when it does not exist. */
async function readOptional(path: string, name: string): Promise<JsonFile | undefined> {
  try {
    return await readJsonFile(path, name);
  } catch (error) {
    if (error instanceof FileAccessError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readConfig(path: string): Promise<LoadedConfig> {
  const { text, bytes } = await readJsonFile(path);
  return { config: parseConfig(text, path), path, sha256: sha256(bytes) };
}

/** Parse and validate config text; every problem is a ConfigError issue with its JSON path. */
export function parseConfig(text: string, file: string): Config {
  let json: unknown;
  try {
    json = parseJson(text, file);
  } catch (error) {
    // A config that is not JSON at all is a ConfigError too (an InputError, exit 3), located.
    if (error instanceof InputError && !(error instanceof ConfigError)) throw new ConfigError(error.issues);
    throw error;
  }
  return checkConfig(json, file);
}
