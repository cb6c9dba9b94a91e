// --charts-dir DIR: chart files written to DIR (made if missing), each through the one output
// writer (io/output-writer.ts: atomic, never over a file the run has read).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FileAccessError } from './errors.js';
import { writeOutput } from './output-writer.js';

/** One file to write into the folder: its name (with extension) and its content. */
export interface ChartDirFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** Write `files` into `dir`, in order; returns the paths written. */
export async function writeChartFiles(dir: string, files: readonly ChartDirFile[]): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new FileAccessError(dir, 'write', error);
  }
  const written: string[] = [];
  for (const file of files) {
    const path = join(dir, file.name);
    await writeOutput(path, file.content);
    written.push(path);
  }
  return written;
}
