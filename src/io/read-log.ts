// The files a run has read (inputs, config, scenario files, a data folder's dataset.json), so
// that the output writer can refuse to write over any of them: `report --out data/services.csv`
// must never destroy the data it was computed from.
//
// The log follows the run through every await with AsyncLocalStorage: each reader only says
// "I read this path" (recordRead) and needs no log passed down to it, and two runs in one process
// (tests, a library user's concurrent calls) keep separate logs. Outside a run, recording does
// nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';

const current = new AsyncLocalStorage<Set<string>>();

/** Run `fn` with a fresh log of the files it reads (a log already open is shared, not replaced). */
export function withReadLog<T>(fn: () => Promise<T>): Promise<T> {
  return current.getStore() === undefined ? current.run(new Set(), fn) : fn();
}

/** Note that the current run read `path` (made absolute against the working folder). */
export function recordRead(path: string): void {
  current.getStore()?.add(resolve(path));
}

/** The absolute paths the current run has read so far (none outside a run). */
export function filesRead(): readonly string[] {
  return [...(current.getStore() ?? [])];
}
