// Strict UTF-8 bytes → LF-only text (line-text.ts), chunk by chunk: a byte that is not UTF-8 is an
// error naming its line, never a silent "�", and the text of the lines before it is still given.
import { concat, firstInvalidUtf8, hex, lineOfByte } from './encodings.js';
import { FileFormatError } from './errors.js';
import type { LineText, TextStep } from './line-text.js';

/** How many bytes at the end of `bytes` begin a UTF-8 sequence that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > k ? k : 0;
  }
  return 0;
}

/**
 * Strict UTF-8 bytes → LF-only text, chunk by chunk (see LineText). A byte that is not UTF-8 is an
 * error naming its line; the text of the lines before it is still given.
 */
export class Utf8Text {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private previous: Uint8Array = new Uint8Array(0);

  /** `keepBom`: the bytes start inside a file, where U+FEFF is an ordinary character. */
  constructor(
    readonly lines: LineText,
    private readonly advice: string,
    keepBom = false,
  ) {
    // fatal: invalid bytes throw instead of becoming U+FFFD.
    this.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: keepBom });
  }

  push(bytes: Uint8Array, final: boolean): TextStep {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: !final });
    } catch (error) {
      if (error instanceof TypeError) return this.invalid(bytes, final);
      throw error;
    }
    this.previous = bytes;
    return this.lines.push(text, final);
  }

  private invalid(bytes: Uint8Array, final: boolean): TextStep {
    // The decoder may hold the start of a sequence from the previous chunk: look at both.
    const tail = this.previous.subarray(this.previous.length - incompleteTail(this.previous));
    const all = concat([tail, bytes]);
    const at = firstInvalidUtf8(all, final);
    const where = at === -1 ? all.length : at;
    const before = lineOfByte(all, where) - 1 + (this.lines.crPending && all[0] !== 0x0a ? 1 : 0);
    const byte = at === -1 ? '' : ` ${hex(all[at]!)}`;
    const error = new FileFormatError(`not valid UTF-8: byte${byte} is not part of any UTF-8 character (${this.advice})`, this.lines.line + before);
    // The lines before the one that holds the bad byte are still read.
    const lastLf = where === 0 ? -1 : all.lastIndexOf(0x0a, where - 1); // (a negative start counts from the end)
    const good = lastLf < 0 ? '' : new TextDecoder('utf-8', { ignoreBOM: true }).decode(all.subarray(0, lastLf + 1));
    const step = this.lines.push(good, false);
    return { text: step.text, error: step.error ?? error };
  }
}
