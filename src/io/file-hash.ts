// SHA-256 of the input files, for provenance (SPEC §8), without slowing a big read. Hashing runs
// at a few hundred MB/s in Node's own crypto on some builds, which is a noticeable share of a
// large file's reading time when it shares the reading thread; so a large file (a path, at least
// HASH_WORKER_MIN_BYTES) is hashed by a small worker thread that reads the file itself, on
// another core, while the main thread parses it (about 10 MB: one V8 isolate and a 1 MiB buffer).
// A smaller file is read once more, a block at a time, and hashed on this thread (the reader may
// read a file's rest straight from it at a position, io/piece-source.ts, so no stream sees all its
// bytes); content given in memory is hashed at once, and standard input as its bytes pass.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/** Files at least this large are hashed in a worker thread (default; ReadTableOptions can change it). */
export const HASH_WORKER_MIN_BYTES = 16 << 20;

// The worker, as CommonJS source: Node built-ins only, so it runs the same from the bundle, the
// build or the sources, and needs no file of its own.
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
try {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(workerData, 'r');
  try {
    let n;
    while ((n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  parentPort.postMessage({ sha256: hash.digest('hex') });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error) });
}
`;

/** A hash being made: its result once done (undefined if it could not be made), and a way to stop it. */
export interface PendingHash {
  /** The digest, once the whole file is hashed (lower-case hex). */
  readonly wait: () => Promise<string | undefined>;
  /** Stop hashing (the file was given up on): the result is then undefined. */
  readonly stop: () => void;
}

/**
 * Hash a file in a worker thread. Until its result is awaited the worker does not keep the
 * process alive (a run that stops early does not wait for it); a file it cannot read gives
 * undefined (the reader reports the file's problem itself).
 */
export function hashFileInWorker(path: string): PendingHash {
  const worker = new Worker(HASH_WORKER, { eval: true, workerData: path, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 } });
  worker.unref();
  const result = new Promise<string | undefined>((resolve) => {
    worker.once('message', (m: { sha256?: string }) => {
      resolve(m.sha256);
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return {
    wait: () => {
      worker.ref();
      return result;
    },
    stop: () => void worker.terminate(),
  };
}

/** Hash a file on this thread, a block at a time (for files below HASH_WORKER_MIN_BYTES); a file it cannot read gives undefined. */
export function hashFileHere(path: string): PendingHash {
  let stopped = false;
  const result = hashInBlocks(path).catch(() => undefined);
  return {
    wait: () => result.then((digest) => (stopped ? undefined : digest)),
    stop: () => {
      stopped = true;
    },
  };
}

/**
 * A small file is read for its hash a block at a time, in a buffer below glibc's mmap threshold
 * (128 KiB): a whole file's buffer, freed, raised the threshold to the file's size for the rest of
 * the run (bin/load-bundle.js readInBlocks), and glibc then kept what later buffers below it
 * freed (a 4.8 MB beds file: up to 9.6 MB kept at the top of each of its heaps).
 */
const HASH_BLOCK_BYTES = 64 << 10;

async function hashInBlocks(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(HASH_BLOCK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** Hash content given in memory (a string as its UTF-8 bytes). */
export function hashContent(content: string | Uint8Array): PendingHash {
  const digest = createHash('sha256').update(content).digest('hex');
  let stopped = false;
  return {
    wait: () => Promise.resolve(stopped ? undefined : digest),
    stop: () => {
      stopped = true;
    },
  };
}

/** Hash bytes as they pass on their way to the reader; the digest once they have all passed. */
export function hashingPassage(bytes: AsyncIterable<Uint8Array | string>): { bytes: AsyncIterable<Uint8Array | string>; pending: PendingHash } {
  const hash = createHash('sha256');
  let resolve!: (digest: string | undefined) => void;
  const result = new Promise<string | undefined>((r) => (resolve = r));
  async function* pass(): AsyncGenerator<Uint8Array | string> {
    let complete = false;
    try {
      for await (const chunk of bytes) {
        hash.update(chunk);
        yield chunk;
      }
      complete = true;
    } finally {
      // Ended early (a reader that stops, a read error): no digest of part of a file.
      resolve(complete ? hash.digest('hex') : undefined);
    }
  }
  return { bytes: pass(), pending: { wait: () => result, stop: () => resolve(undefined) } };
}
