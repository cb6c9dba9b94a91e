// What loading a dataset gave, as plain data to compare: the dataset (year series as sorted
// entries) or the issues it failed with, and what --verbose says about each file. Shared by the
// tests that hold one way of reading to another (byte-reader, parallel-read).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/core/dataset.js';
import { InputError } from '../../src/core/issues.js';
import { type DatasetInputs, type FileReadInfo, loadDataset, type LoadOptions } from '../../src/io/load-dataset.js';

export async function outcome(inputs: DatasetInputs, options: LoadOptions) {
  const reads: FileReadInfo[] = [];
  try {
    const { dataset } = await loadDataset(inputs, { ...options, onFileRead: (info) => reads.push(info) });
    return { dataset: plain(dataset), reads };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { issues: error.issues, reads };
  }
}

const entries = (series: Map<number, number>) => [...series].sort((a, b) => a[0] - b[0]);

export function plain(dataset: Dataset) {
  const byRegion = (map: Map<string, Map<number, number>>) => [...map].map(([code, series]) => [code, entries(series)]);
  return {
    regions: [...dataset.regions],
    population: byRegion(dataset.population),
    beds: dataset.beds.shape === 'none' ? 'none' : [dataset.beds.shape, byRegion(dataset.beds.byRegion)],
    services: [...dataset.services].map(([code, byKey]) => [code, [...byKey].map(([key, s]) => [key, s.category, s.unit, entries(s.years)])]),
    serviceNames: [...dataset.serviceNames],
    warnings: dataset.warnings,
  };
}

/** A file's rows repeated after its header until it is over `size` bytes, as content in memory
 * (the head, read as text, is about the first 64 KiB: the rest is read from its bytes). */
export function grown(path: string, size = 200 << 10): { name: string; content: Uint8Array } {
  const bytes = readFileSync(path);
  const lf = bytes.indexOf(0x0a);
  if (lf === -1 || lf === bytes.length - 1) return { name: path, content: new Uint8Array(bytes) };
  let body = bytes.subarray(lf + 1);
  if (body[body.length - 1] !== 0x0a) body = Buffer.concat([body, Buffer.from('\n')]);
  const copies = Math.ceil(size / body.length);
  return { name: path, content: new Uint8Array(Buffer.concat([bytes.subarray(0, lf + 1), ...Array.from({ length: copies }, () => body)])) };
}

/** The folders under `dir` (at any depth) that hold `file`. */
export function dirsWith(dir: string, file: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (readdirSync(path).includes(file)) found.push(path);
    found.push(...dirsWith(path, file));
  }
  return found;
}
