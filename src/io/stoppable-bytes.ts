// A file's bytes in pieces that end just after a line feed, so that reading can stop between two
// lines and go on elsewhere: read-table.ts reads the head of a large file on the main thread, then
// stops here and hands the rest (`rest()`) to worker threads (parallel/read-in-parallel.ts).
const EMPTY = new Uint8Array(0);

/** Pieces are at most this long (unless a line is longer): a stop is possible every 64 KiB. */
const PIECE_BYTES = 1 << 16;

export class StoppableBytes implements AsyncIterable<Uint8Array | string> {
  private buffer: Uint8Array = EMPTY;
  private stoppedAt: AsyncIterator<Uint8Array | string> | undefined;

  /**
   * `canStop` is asked before each piece is given, once everything given so far ends at a line
   * feed; when it says yes the stream ends there. A line longer than `maxHold` bytes is given in
   * parts (no stop is possible inside it).
   */
  constructor(
    private readonly source: AsyncIterable<Uint8Array | string>,
    private readonly canStop: () => boolean,
    private readonly maxHold: number,
  ) {}

  /** Whether the stream was stopped before the end of the file. */
  get stopped(): boolean {
    return this.stoppedAt !== undefined;
  }

  /** After a stop: the bytes read but not given, and the file's remaining bytes. */
  rest(): { carry: Uint8Array; source: AsyncIterator<Uint8Array | string> } {
    if (this.stoppedAt === undefined) throw new Error('StoppableBytes.rest(): the stream was not stopped');
    return { carry: this.buffer, source: this.stoppedAt };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array | string> {
    const iterator = this.source[Symbol.asyncIterator]();
    let atLineEnd = true;
    for (;;) {
      if (atLineEnd && this.canStop()) {
        this.stoppedAt = iterator;
        return;
      }
      const buffer = this.buffer;
      // A piece: up to the last line feed in the first PIECE_BYTES, else up to the first one.
      let lf = buffer.lastIndexOf(0x0a, PIECE_BYTES - 1);
      if (lf === -1 && buffer.length > PIECE_BYTES) lf = buffer.indexOf(0x0a, PIECE_BYTES);
      if (lf !== -1) {
        this.buffer = buffer.subarray(lf + 1);
        atLineEnd = true;
        yield buffer.subarray(0, lf + 1);
        continue;
      }
      if (buffer.length > this.maxHold) {
        this.buffer = EMPTY;
        atLineEnd = false;
        yield buffer;
        continue;
      }
      const next = await iterator.next();
      if (next.done) {
        this.buffer = EMPTY;
        if (buffer.length > 0) yield buffer;
        return;
      }
      if (typeof next.value === 'string') {
        // Text in memory is never cut (and never stopped after: its line ends are not known here).
        if (buffer.length > 0) yield buffer;
        this.buffer = EMPTY;
        atLineEnd = false;
        yield next.value;
        continue;
      }
      this.buffer = buffer.length === 0 ? next.value : Buffer.concat([buffer, next.value]);
    }
  }
}
