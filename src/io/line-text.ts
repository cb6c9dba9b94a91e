// Decoded text → LF-only text, chunk by chunk: files from Windows (CRLF), old Macs (CR) and Unix
// (LF) give the same records and the same line numbers. A physical line longer than
// `maxLineChars` is an error, so a hostile file cannot make the reader hold an endless line.
import { ENCODING_NAMES, type Encoding } from './encodings.js';
import { FileFormatError } from './errors.js';

export const DEFAULT_MAX_LINE_CHARS = 1 << 20;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text made LF-only, and what went wrong: the text is everything before the line at fault. */
export interface TextStep {
  readonly text: string;
  readonly error?: FileFormatError | undefined;
}

export interface LineTextOptions {
  /** Longest physical line accepted, in characters. */
  readonly maxLineChars: number;
  /** UTF-16 text: a high surrogate at a chunk's end waits for its pair; unpaired ones are errors. */
  readonly utf16?: Encoding | undefined;
  /** Drop a byte-order mark at the very start (text read from the beginning of a file). */
  readonly dropBom: boolean;
  /** The line of the first character (default 1). */
  readonly firstLine?: number | undefined;
}

/**
 * Decoded text → LF-only text, chunk by chunk: CRLF and lone CR become LF (a CR at a chunk's end
 * waits for the next), lines are counted and held to the length limit. When a line breaks a rule,
 * the text before that line is still given, with the error: what is read before a bad line never
 * depends on where the chunks happen to end (the worker threads cut files in other places).
 */
export class LineText {
  /** The line of the next character. */
  line: number;
  private lineLength = 0;
  private pendingCR = false;
  private first: boolean;
  private carry = '';

  constructor(private readonly options: LineTextOptions) {
    this.line = options.firstLine ?? 1;
    this.first = options.dropBom;
  }

  /** A CR held back from the previous chunk (it may be the first half of a CRLF). */
  get crPending(): boolean {
    return this.pendingCR;
  }

  push(chunk: string, final: boolean): TextStep {
    const utf16 = this.options.utf16;
    if (utf16 !== undefined) {
      chunk = this.carry + chunk;
      this.carry = '';
      const last = chunk.charCodeAt(chunk.length - 1);
      if (!final && last >= 0xd800 && last <= 0xdbff) {
        this.carry = chunk.slice(-1);
        chunk = chunk.slice(0, -1);
      }
    }
    // A byte-order mark is dropped by the decoders; text given as a string may still carry one.
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.pendingCR) {
      chunk = '\r' + chunk;
      this.pendingCR = false;
    }
    // A CR at the very end may be the first half of a CRLF split across chunks.
    if (!final && chunk.endsWith('\r')) {
      this.pendingCR = true;
      chunk = chunk.slice(0, -1);
    }
    const out = chunk.indexOf('\r') === -1 ? chunk : chunk.replace(/\r\n?/g, '\n');
    return this.account(out);
  }

  // Count lines, enforce the line limit, and (UTF-16) refuse unpaired surrogates.
  private account(out: string): TextStep {
    const bad = this.options.utf16 === undefined ? null : LONE_SURROGATE.exec(out);
    const end = bad ? bad.index : out.length;
    const maxLine = this.options.maxLineChars;
    let start = 0;
    for (let i = out.indexOf('\n'); i !== -1 && i < end; i = out.indexOf('\n', i + 1)) {
      if (this.lineLength + (i - start) > maxLine) return { text: out.slice(0, start), error: tooLong(this.line, maxLine) };
      this.line++;
      this.lineLength = 0;
      start = i + 1;
    }
    if (this.lineLength + (end - start) > maxLine) return { text: out.slice(0, start), error: tooLong(this.line, maxLine) };
    if (bad) {
      const error = new FileFormatError(
        `not valid ${ENCODING_NAMES[this.options.utf16!]}: an unpaired surrogate (U+${out.charCodeAt(bad.index).toString(16).toUpperCase()})`,
        this.line,
      );
      return { text: out.slice(0, start), error };
    }
    this.lineLength += out.length - start;
    return { text: out };
  }
}

function tooLong(line: number, max: number): FileFormatError {
  return new FileFormatError(
    `the line is longer than ${max.toLocaleString('en-US')} characters: expected CSV rows of ordinary length (is this really a CSV file?)`,
    line,
  );
}
