// Writing a report atomically: a temporary file in the same folder, renamed over the target.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/io/output-writer.js';
import { FileAccessError } from '../../src/io/errors.js';

describe('writeOutput', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servicegap-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the content and leaves only the target in the folder', async () => {
    const target = join(dir, 'report.json');
    await writeOutput(target, '{"ok":true}\n');
    expect(await readFile(target, 'utf8')).toBe('{"ok":true}\n');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('writes bytes as given (UTF-8 text survives)', async () => {
    const target = join(dir, 'names.csv');
    const bytes = new TextEncoder().encode('Trøndelag;منطقة الرياض\n');
    await writeOutput(target, bytes);
    expect(Buffer.compare(await readFile(target), Buffer.from(bytes))).toBe(0);
  });

  it('overwriting an existing file replaces it whole (no tail of the longer old content)', async () => {
    const target = join(dir, 'report.csv');
    await writeFile(target, 'old content that is much longer than the new one\n'.repeat(100));
    await writeOutput(target, 'new\n');
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect(await readdir(dir)).toEqual(['report.csv']);
  });

  it('a directory as target: FileAccessError, no temp file left, the directory intact', async () => {
    const target = join(dir, 'out');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'keep');
    const error = await writeOutput(target, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as FileAccessError).path).toBe(target);
    expect((error as FileAccessError).action).toBe('write');
    expect((error as FileAccessError).message).toMatch(new RegExp(`^cannot write ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(await readdir(dir)).toEqual(['out']); // no ".out.<pid>.<hex>.tmp"
    expect(await readdir(target)).toEqual(['keep.txt']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('a missing folder: FileAccessError saying so', async () => {
    const target = join(dir, 'no', 'such', 'report.json');
    const error = await writeOutput(target, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as Error).message).toBe(`cannot write ${target}: no such file or folder`);
    expect(await readdir(dir)).toEqual([]);
  });
});
