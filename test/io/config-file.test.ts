// Finding and reading servicegap.config.json (SPEC §4: a config file may override any weight).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, InputError } from '../../src/core/issues.js';
import { resolveWeights } from '../../src/core/weights.js';
import { CONFIG_FILE_NAME, loadConfig } from '../../src/io/config-file.js';
import { FileAccessError } from '../../src/io/errors.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

describe('loadConfig', () => {
  const folder = temporaryFolder('servicegap-config-');

  it('discovers servicegap.config.json in the working folder', async () => {
    expect(CONFIG_FILE_NAME).toBe('servicegap.config.json');
    await writeFile(join(folder.path, CONFIG_FILE_NAME), '{"weights":{"crisis":{"teams":10}}}');
    const loaded = await loadConfig(undefined, folder.path);
    expect(loaded.path).toBe(CONFIG_FILE_NAME);
    expect(loaded.config).toEqual({ weights: { crisis: { teams: 10 } } });
    expect(resolveWeights(loaded.config).get('crisis/teams')!.value).toBe(10);
  });

  it('a servicegap.config.json in the data folder is found after the working folder\'s (issue 14)', async () => {
    const data = join(folder.path, 'data');
    await mkdir(data);
    await writeFile(join(data, CONFIG_FILE_NAME), '{"files":{"beds":{"decimal":","}}}');
    // Given relative to the working folder, named as given; its hash for provenance
    // (coreutils: printf '%s' '{"files":{"beds":{"decimal":","}}}' | sha256sum).
    expect(await loadConfig(undefined, folder.path, {}, 'data')).toEqual({
      config: { files: { beds: { decimal: ',' } } },
      path: join('data', CONFIG_FILE_NAME),
      sha256: 'eebfd56522c3065275acc930f4322235bde47f0fa6c5368809b2981fb3103ade',
    });
    // The working folder's package.json key comes first, and its config file before that.
    await writeFile(join(folder.path, 'package.json'), '{"servicegap":{"aliases":{"x":"crisis"}}}');
    expect((await loadConfig(undefined, folder.path, {}, 'data')).path).toBe('package.json#servicegap');
    await writeFile(join(folder.path, CONFIG_FILE_NAME), '{}');
    expect((await loadConfig(undefined, folder.path, {}, 'data')).path).toBe(CONFIG_FILE_NAME);
    // SERVICEGAP_CONFIG=none turns every discovery off, the data folder's too.
    expect(await loadConfig(undefined, folder.path, { SERVICEGAP_CONFIG: 'none' }, 'data')).toEqual({ config: {} });
  });

  it('no file in the working folder: defaults, no path', async () => {
    expect(await loadConfig(undefined, folder.path)).toEqual({ config: {} });
  });

  // coreutils: printf '%s' '{"aliases":{"bydelstilbud":"day_services"}}' | sha256sum
  const SHA_OF_ALIASES = '4044f1bbd69a956ce56b351aeb23f456d2055905d5cc8c3251ea00cb15a50309';

  it('an explicit file is read from its path, with the SHA-256 of its bytes (provenance)', async () => {
    const path = join(folder.path, 'my.json');
    await writeFile(path, '{"aliases":{"bydelstilbud":"day_services"}}');
    expect(await loadConfig(path, '/nonexistent')).toEqual({
      config: { aliases: { bydelstilbud: 'day_services' } },
      path,
      sha256: SHA_OF_ALIASES,
    });
  });

  it('an explicit file wins over a discovered one', async () => {
    await writeFile(join(folder.path, CONFIG_FILE_NAME), '{"weights":{"crisis":{"teams":1}}}');
    const path = join(folder.path, 'other.json');
    await writeFile(path, '{"weights":{"crisis":{"teams":2}}}');
    expect((await loadConfig(path, folder.path)).config.weights?.crisis?.teams).toBe(2);
  });

  it('an explicit file that is missing is a FileAccessError (exit 4)', async () => {
    const path = join(folder.path, 'missing.json');
    const error = await loadConfig(path, folder.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as Error).message).toBe(`cannot read ${path}: no such file or folder`);
  });

  it('a folder given as the config is a FileAccessError', async () => {
    await expect(loadConfig(folder.path, folder.path)).rejects.toBeInstanceOf(FileAccessError);
  });

  it('invalid JSON is an InputError naming the file', async () => {
    await writeFile(join(folder.path, CONFIG_FILE_NAME), '{"weights": {');
    const error = await loadConfig(undefined, folder.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues;
    expect(issues).toHaveLength(1);
    // '{"weights": {' is 13 characters: the closing brace is missing at column 14 of line 1
    expect(formatIssue(issues[0]!)).toBe('servicegap.config.json:1: column 14: not valid JSON (close brace expected): expected a JSON object');
  });

  it('valid JSON that breaks the schema is an InputError with the JSON path', async () => {
    const path = join(folder.path, 'bad.json');
    await writeFile(path, '{"weights":{"crisis":{"teams":"ten"}}}');
    const error = await loadConfig(path, folder.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]!.file).toBe(path);
    expect((error as InputError).issues[0]!.message).toMatch(/^weights\.crisis\.teams: /);
  });
});
