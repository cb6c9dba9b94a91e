// SHA-256 of the input files, for provenance (SPEC §8), without reading a file twice. A regular
// file is hashed from the bytes its reader reads, as it reads them (hashAsRead): the stream's
// chunks — the head of a CSV file, all of a file read as text or gathered whole (Parquet, a
// workbook) — and then the bytes read at positions (the rest of a CSV file read in pieces,
// io/piece-source.ts). Only when those are not the whole file in order is it read once more for
// its hash (hashFileHere). Content given in memory is hashed at once, and standard input as its
// bytes pass.
//
// A large file used to be hashed by a worker thread of its own that read the file again: a third
// thread on a two-core machine while two read the rows, its start (an isolate) and a second read
// of every byte. Hashed on the thread that reads it, as it is read: a trend on 4.95 M rows 3.79 →
// 3.55 s and 6.09 → 5.62 s of CPU, a report 3.40 → 3.27 s (medians of ten alternating; issue 18,
// docs/performance.md).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** A hash being made: its result once done (undefined if it could not be made), and a way to stop it. */
export interface PendingHash {
  /** The digest, once the whole file is hashed (lower-case hex). */
  readonly wait: () => Promise<string | undefined>;
  /** Stop hashing (the file was given up on): the result is then undefined. */
  readonly stop: () => void;
}

/** Hash a file on this thread, reading it a block at a time; a file it cannot read gives undefined. */
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

/** Where the reader of a regular file hands the bytes it reads at positions, for the file's hash (hashAsRead). */
export interface HashFeed {
  /** Bytes read from the file, starting at byte `at`. */
  readonly read: (bytes: Uint8Array, at: number) => void;
  /** A read at `at` met the end of the file. */
  readonly end: (at: number) => void;
}

/**
 * The SHA-256 of a regular file, made from the bytes its reader reads, as it reads them: every
 * chunk of `bytes` as it passes, and whatever the reader reads at positions, given to `feed` (a
 * reader of the rest of a CSV file does so once it has left the stream). When those bytes were
 * the whole file, in order, from the first byte to the end of the file, `pending` gives their
 * digest; otherwise (a reader that read out of order, or stopped short without stopping the hash)
 * it gives `another()`'s, which reads the file again. The bytes and their digest are then of the
 * same content by construction; whether the file changed between the stream and the reads at
 * positions is checked apart (io/input-source.ts changed).
 */
export function hashAsRead(bytes: AsyncIterable<Uint8Array>, another: () => PendingHash): { bytes: AsyncIterable<Uint8Array>; feed: HashFeed; pending: PendingHash } {
  const hash = createHash('sha256');
  /** Where the next bytes must start for the hash to be of the file in order. */
  let next = 0;
  let inOrder = true;
  let ended = false;
  let stopped = false;
  let digest: string | undefined;
  let fallback: PendingHash | undefined;
  const feed: HashFeed = {
    read: (chunk, at) => {
      if (!inOrder) return;
      if (ended || at !== next) {
        inOrder = false;
        return;
      }
      hash.update(chunk);
      next += chunk.length;
    },
    end: (at) => {
      if (at !== next) inOrder = false;
      ended = true;
    },
  };
  async function* pass(): AsyncGenerator<Uint8Array> {
    // The stream reads the file from its first byte; its own position, in case the bytes read at
    // positions did not take over where it stopped.
    let at = 0;
    for await (const chunk of bytes) {
      feed.read(chunk, at);
      at += chunk.length;
      yield chunk;
    }
    feed.end(at);
  }
  const pending: PendingHash = {
    wait: () => {
      if (stopped) return Promise.resolve(undefined);
      if (inOrder && ended) return Promise.resolve((digest ??= hash.digest('hex')));
      fallback ??= another();
      return fallback.wait();
    },
    stop: () => {
      stopped = true;
      fallback?.stop();
    },
  };
  return { bytes: pass(), feed, pending };
}
