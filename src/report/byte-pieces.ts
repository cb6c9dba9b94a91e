// An output's text as pieces of UTF-8 bytes, made as it is written (issue 18): each text is encoded
// into a buffer as it comes, and a piece of about 64 KB is passed on once it is full, so a writer
// (the command line's standard output, the output writer) never holds the whole output — not as
// one string, which V8 keeps at two bytes a character as soon as one "→" or "ø" is in it, not as
// one buffer. Used by the JSON pieces (json-pieces.ts), the Markdown (markdown.ts), the trend's CSV
// (trend/csv.ts) and the long tables' CSV (tidy/render.ts). A buffer whose pieces have all been
// written (a writer says so: piecesWritten) is cut again (core/piece-buffers.ts).
import { cutPiece, retireBuffer, takeBuffer } from '../core/piece-buffers.js';

export { piecesWritten } from '../core/piece-buffers.js';

/** A piece is passed on once it holds this many bytes (fewer, larger writes). */
const PIECE_BYTES = 1 << 16;
/** Pieces are cut one after another from buffers of this size: pieces waiting to be written share
 * one, and a piece is not a fresh allocation of its own. */
const BUFFER_BYTES = 1 << 20;

/** Where the text of the pieces goes. */
export interface PieceBuilder<P> {
  /** Add `text`: a finished piece once enough is held, else undefined. */
  add(text: string): P | undefined;
  /** The last piece: what is held, then `text`. */
  end(text: string): P;
  /** Add text given as its UTF-8 bytes, one character per byte (a builder without it is given text only). */
  addBytes?(bytes: string): P | undefined;
}

/** Pieces as UTF-8 bytes, each text encoded into the buffer as it comes (UTF-8 takes at most 3
 * bytes per UTF-16 unit: a text fits when 3 × its length does). */
export class BytePieces implements PieceBuilder<Uint8Array> {
  private buffer = newBuffer();
  /** The held piece: buffer[start, used). */
  private start = 0;
  private used = 0;

  add(text: string): Uint8Array | undefined {
    return this.put(text, 3 * text.length, 'utf8');
  }

  end(text: string): Uint8Array {
    return this.add(text) ?? this.take();
  }

  addBytes(bytes: string): Uint8Array | undefined {
    // Latin-1 writes each character as the byte it holds: a copy, no encoding.
    return this.put(bytes, bytes.length, 'latin1');
  }

  /** Write `text` (at most `room` bytes once encoded). */
  private put(text: string, room: number, encoding: 'utf8' | 'latin1'): Uint8Array | undefined {
    if (room > BUFFER_BYTES - this.used) this.freshBuffer(room);
    if (room > BUFFER_BYTES - this.used) {
      // Longer than a buffer (a long member outside the streamed arrays): the piece so far and
      // the text, in one piece.
      const piece = Buffer.concat([this.buffer.subarray(this.start, this.used), Buffer.from(text, encoding)]);
      this.start = this.used;
      return piece;
    }
    this.used += this.buffer.write(text, this.used, encoding);
    return this.used - this.start < PIECE_BYTES ? undefined : this.take();
  }

  private take(): Uint8Array {
    const piece = this.buffer.subarray(this.start, this.used);
    this.start = this.used;
    cutPiece(piece);
    return piece;
  }

  /** A new buffer, the bytes held moved to its start, if they and `room` more fit in one. */
  private freshBuffer(room: number): void {
    const held = this.used - this.start;
    if (held + room > BUFFER_BYTES) return;
    const fresh = newBuffer();
    this.buffer.copy(fresh, 0, this.start, this.used);
    retireBuffer(this.buffer);
    this.buffer = fresh;
    this.start = 0;
    this.used = held;
  }
}

/** A buffer to cut pieces from: one whose pieces have all been written (core/piece-buffers.ts), else a new one. */
function newBuffer(): Buffer {
  return takeBuffer(BUFFER_BYTES, (bytes) => Buffer.allocUnsafe(bytes), (memory) => Buffer.from(memory));
}

/** `lines` with a line feed after each (a terminal table and the lines under it), made as read. */
export function* lineTexts(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}

/** `lineTexts(lines)` as one text: a renderer's whole text, beside its pieces (`textPieces(lineTexts(lines))`). */
export function lineText(lines: Iterable<string>): string {
  return [...lineTexts(lines)].join('');
}

/** `texts` one after another, as pieces of UTF-8 bytes (the same bytes as their joined text). */
export function* textPieces(texts: Iterable<string>): Generator<Uint8Array> {
  const pieces = new BytePieces();
  for (const text of texts) {
    const piece = pieces.add(text);
    if (piece !== undefined) yield piece;
  }
  const last = pieces.end('');
  if (last.length > 0) yield last;
}
