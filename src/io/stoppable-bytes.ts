// A file's bytes in chunks that end just after a line feed, so that reading can stop between two
// lines and go on another way: read-table.ts reads the head of a file as text, then stops here and
// hands the rest (`rest()`) to the byte-level reader (read-rest.ts).
const EMPTY = new Uint8Array(0);


export class StoppableBytes implements AsyncIterable<Uint8Array | string> {
  private buffer: Uint8Array = EMPTY;
  private stoppedAt: AsyncIterator<Uint8Array | string> | undefined;

  /**
   * `canStop` is asked before each chunk is given, once everything given so far ends at a line
   * feed; when it says yes the stream ends there. A line longer than `maxHold` bytes is given in
   * parts (no stop is possible inside it). Each chunk holds at least `minBytes` (when the input
   * has that many) and ends at the first line feed after them: read-table.ts asks for one chunk
   * that holds the whole encoding sample, so that the reading can stop right after it.
   */
  constructor(
    private readonly source: AsyncIterable<Uint8Array | string>,
    private readonly canStop: () => boolean,
    private readonly maxHold: number,
    private readonly minBytes = 1,
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
    try {
      yield* this.chunks(iterator);
    } finally {
      // Given up on before its end (not stopped for the rest to be read elsewhere): close the file.
      if (this.stoppedAt === undefined) await iterator.return?.();
    }
  }

  private async *chunks(iterator: AsyncIterator<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
    let atLineEnd = true;
    for (;;) {
      if (atLineEnd && this.canStop()) {
        this.stoppedAt = iterator;
        return;
      }
      const buffer = this.buffer;
      // A chunk: minBytes, then up to the next line feed.
      const lf = buffer.length >= this.minBytes ? buffer.indexOf(0x0a, this.minBytes - 1) : -1;
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
