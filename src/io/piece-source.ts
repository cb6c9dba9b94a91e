// The rest of a file cut into pieces that end just after a line feed, read into a few buffers
// that are used again and again: from the file itself where there is one (read at its position,
// no stream in between), else from the stream's chunks. A piece's buffer is the reader's until it
// gives it back (release), so a file of any size is read in the same few megabytes.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { FileAccessError } from './errors.js';
import type { HashFeed } from './file-hash.js';

/** Where the rest of a file starts. */
export interface RestOfFile {
  /** Bytes already read from the file that belong to the rest. */
  readonly carry: Uint8Array;
  /** The file's remaining bytes. */
  readonly source: AsyncIterator<Uint8Array | string>;
  /** The line the rest starts on. */
  readonly firstLine: number;
  /** The line the last record before it ended on. */
  readonly lastRecordEnd: number;
  /** The file, when the rest can be read from it directly: its path (and name in messages) and
   * the position of the first byte after `carry` (then `source` is not read, only closed). */
  readonly file?: { readonly path: string; readonly name: string; readonly position: number; readonly hashFeed?: HashFeed | undefined } | undefined;
  /** Called with the bytes read from `file` (for a progress bar). */
  readonly onBytes?: ((bytes: number) => void) | undefined;
}

/** A piece: whole lines (unless one is longer than a piece may hold), and whether it is the last. */
export interface Piece {
  readonly bytes: Uint8Array;
  readonly final: boolean;
}

const EMPTY = new Uint8Array(0);

export class PieceSource {
  private readonly free: ArrayBuffer[] = [];
  /** Bytes read after the last piece's last line feed: the start of the next piece. */
  private left: Uint8Array;
  private handle: FileHandle | undefined;
  private position: number;
  private ended = false;
  /** Part of the last chunk of the stream not yet copied into a piece. */
  private pending: Uint8Array = EMPTY;
  private readonly encoder = new TextEncoder();
  /** The next piece's buffer while its first read is under way (readAhead). */
  private ahead: { readonly buffer: Uint8Array; readonly filled: number; readonly read: Promise<number> } | undefined;

  constructor(
    private readonly rest: RestOfFile,
    private readonly pieceBytes: number,
    /** Without a line feed in this many bytes, a line is too long anyway: a piece ends there. */
    private readonly maxLineBytes: number,
    /** Called with the number of bytes read from the file (for a progress bar). */
    private readonly onBytes: (bytes: number) => void = () => {},
  ) {
    this.left = rest.carry;
    this.position = rest.file?.position ?? 0;
  }

  get done(): boolean {
    return this.ended && this.left.length === 0 && this.pending.length === 0;
  }

  /** The next piece, or undefined at the end. */
  async next(): Promise<Piece | undefined> {
    const ahead = this.ahead;
    this.ahead = undefined;
    if (ahead === undefined && this.done) return undefined;
    let buffer = ahead?.buffer ?? new Uint8Array(this.free.pop() ?? new ArrayBuffer(this.bufferBytes));
    // A piece read ahead holds what was left and its first read already (a full buffer: the fill
    // below reads nothing more).
    let filled = ahead === undefined ? 0 : ahead.filled + (await ahead.read);
    for (;;) {
      if (this.left.length > 0) {
        const n = Math.min(this.left.length, buffer.length - filled);
        buffer.set(this.left.subarray(0, n), filled);
        this.left = this.left.subarray(n);
        filled += n;
      } else filled += await this.fill(buffer, filled);
      if (filled >= this.pieceBytes || this.ended) {
        const lf = buffer.lastIndexOf(0x0a, filled - 1);
        const final = this.ended && this.left.length === 0 && this.pending.length === 0;
        if (lf >= 0 && !final) {
          // What follows the line feed starts the next piece (before what is still left over).
          const after = buffer.subarray(lf + 1, filled);
          this.left = this.left.length === 0 ? after.slice() : Buffer.concat([after, this.left]);
          this.readAhead();
          return { bytes: buffer.subarray(0, lf + 1), final: false };
        }
        if (final || filled >= this.maxLineBytes) {
          // The last piece; or a line too long for any limit (its reader says so).
          return { bytes: buffer.subarray(0, filled), final };
        }
      }
      if (filled === buffer.length) {
        // One line fills the buffer: a larger one (not kept for other pieces).
        const larger = new Uint8Array(buffer.length * 2);
        larger.set(buffer);
        buffer = larger;
      }
    }
  }

  /**
   * Start the next piece while this one is read (issue 18): a buffer with what is left of the
   * file after the last piece's last line feed, and the file's next bytes being read into it on
   * libuv's thread pool. The main thread cuts the pieces of a large file and reads some of them
   * itself; awaiting each read at its next piece left it idle for each (about 40 ms of a 4.95 M-row
   * file's reading). Only from a file (a stream's chunks come as they come), and only when what is
   * left fits with room to read.
   */
  private readAhead(): void {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: reading ahead or not gives the same pieces (only sooner)
    if (this.handle === undefined || this.ended || this.left.length >= this.bufferBytes >> 1) return;
    const buffer = new Uint8Array(this.free.pop() ?? new ArrayBuffer(this.bufferBytes));
    buffer.set(this.left);
    const filled = this.left.length;
    this.left = EMPTY;
    const read = this.fill(buffer, filled);
    // Thrown by next(), which awaits it; never an unhandled rejection when no next() comes.
    read.catch(() => {});
    this.ahead = { buffer, filled, read };
  }

  /** Give a piece's buffer back, to be read into again. */
  release(bytes: Uint8Array): void {
    if (bytes.buffer.byteLength === this.bufferBytes && this.free.length < 8) this.free.push(bytes.buffer as ArrayBuffer);
  }

  /** The buffers given back and not taken again, taken out of the reader (to be discarded once it is done with). */
  takeFreeBuffers(): ArrayBuffer[] {
    return this.free.splice(0);
  }

  /** A piece's buffer: room for a piece and the end of its last line. */
  private get bufferBytes(): number {
    return this.pieceBytes + (this.pieceBytes >> 2);
  }

  /** Read into buffer[from…]; the bytes read (0 at the end of the file). */
  private async fill(buffer: Uint8Array, from: number): Promise<number> {
    if (this.ended || from >= buffer.length) return 0;
    const file = this.rest.file;
    if (file !== undefined) {
      try {
        if (this.handle === undefined) {
          // The stream that read the head is done with: the rest is read from the file itself.
          await this.rest.source.return?.();
          this.handle = await open(file.path, 'r');
        }
        const { bytesRead } = await this.handle.read(buffer, from, buffer.length - from, this.position);
        // The file's hash is made of the bytes read (io/file-hash.ts hashAsRead); one read at a
        // time, each after the last, so they come to it in order.
        if (bytesRead > 0) file.hashFeed?.read(buffer.subarray(from, from + bytesRead), this.position);
        else file.hashFeed?.end(this.position);
        this.position += bytesRead;
        this.onBytes(bytesRead);
        if (bytesRead === 0) await this.end();
        return bytesRead;
      } catch (error) {
        throw new FileAccessError(file.name, 'read', error);
      }
    }
    if (this.pending.length === 0) {
      const next = await this.rest.source.next();
      if (next.done) {
        await this.end();
        return 0;
      }
      this.pending = typeof next.value === 'string' ? this.encoder.encode(next.value) : next.value;
    }
    const n = Math.min(this.pending.length, buffer.length - from);
    buffer.set(this.pending.subarray(0, n), from);
    this.pending = this.pending.subarray(n);
    return n;
  }

  /** The end of the file, met by a read (perhaps a read ahead, whose piece is still to come). */
  private async end(): Promise<void> {
    this.ended = true;
    await this.closeSource();
  }

  /** Stop reading: close the file (or the stream). A read ahead still under way is let go:
   * FileHandle.close waits for it, and its failure was already seen (readAhead). */
  async close(): Promise<void> {
    this.ahead = undefined;
    await this.closeSource();
  }

  /** Close the file (or the stream). */
  private async closeSource(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle !== undefined) await handle.close();
    else await this.rest.source.return?.();
  }
}
