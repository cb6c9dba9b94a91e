// The fast CSV record splitter: LF-normalised text (text-stream.ts) → records with the physical
// line each starts on. It implements exactly the rules read-csv.ts gives csv-parse — one-character
// delimiter, `"` quoting with `""` for a quote inside quotes, LF record ends, empty lines skipped,
// any number of fields per record, a quote inside an unquoted field kept as it is (relax_quotes),
// and csv-parse's own record-size limit — so that both give the same records and the same errors;
// test/io/csv-differential.test.ts runs every fixture through both. csv-parse stays reachable as
// the reference (`--parser csv-parse`).
//
// It works on whole runs of a field at a time (indexOf and a tight charCodeAt loop) instead of
// byte by byte, and hands records over in batches, one per chunk of text.

export interface SplitRecord {
  /** Physical line on which the record starts (1-based). */
  readonly line: number;
  readonly fields: string[];
}

/** What went wrong, in csv-parse's terms, and on which line (see read-csv.ts for the messages). */
export class SplitError extends Error {
  constructor(
    readonly code: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE',
    readonly line: number,
  ) {
    super(code);
  }
}

const QUOTE = 0x22;
const LF = 0x0a;

/** UTF-8 length of the character at s[i] (a surrogate pair counts as one 4-byte character). */
function utf8Length(s: string, i: number): { bytes: number; units: number } {
  const c = s.charCodeAt(i);
  if (c < 0x80) return { bytes: 1, units: 1 };
  if (c < 0x800) return { bytes: 2, units: 1 };
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, units: 2 };
  }
  return { bytes: 3, units: 1 };
}

export class CsvSplitter {
  private readonly delimiter: number;
  private field = '';
  private record: string[] = [];
  private quoting = false;
  private wasQuoting = false;
  /** Characters (UTF-16 units) of the record's completed fields: csv-parse's record_length. */
  private recordChars = 0;
  /** Line of the next character. */
  private line = 1;
  /** Line the record being read starts on. */
  private startLine = 1;
  /** Line on which the last record ended (csv-parse's on_record context), 0 before any. */
  private lastEnd = 0;
  /** A quote at the end of a chunk inside a quoted field: what follows decides what it is. */
  private pending = '';

  /** `firstLine`: the line of the first character (text that starts inside a file, at a record). */
  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
    firstLine = 1,
  ) {
    if (delimiter.length !== 1) throw new Error(`the delimiter must be one character, got ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter.charCodeAt(0);
    this.line = this.startLine = firstLine;
    this.lastEnd = firstLine - 1;
  }

  /** Between two records: what follows starts a new record (no open quote, no partial field). */
  atRecordStart(): boolean {
    return !this.quoting && !this.wasQuoting && this.pending === '' && this.record.length === 0 && this.field.length === 0;
  }

  /** The line of the next character. */
  get nextLine(): number {
    return this.line;
  }

  /** The line on which the last record ended (firstLine − 1 before any). */
  get lastRecordEnd(): number {
    return this.lastEnd;
  }

  /** Take up after text read elsewhere: the last record there ended on line `line`. */
  setLastRecordEnd(line: number): void {
    this.lastEnd = line;
  }

  /**
   * Split the next chunk of text, adding complete records to `out`. `final`: no text follows.
   * Throws a SplitError (records completed before it are already in `out`).
   */
  push(chunk: string, out: SplitRecord[], final = false): void {
    const s = this.pending === '' ? chunk : this.pending + chunk;
    this.pending = '';
    const n = s.length;
    const D = this.delimiter;
    const delimiter = String.fromCharCode(D);
    let i = 0;
    // Where the next quote is (n: none in this chunk), found again only once passed.
    let nextQuote = -2;
    while (i < n) {
      // The common case: a whole line with no quote, at the start of a record, short enough that
      // the record-size limit cannot apply. It is split with indexOf, field by field.
      if (!this.quoting && this.record.length === 0 && this.field.length === 0 && !this.wasQuoting) {
        const nl = s.indexOf('\n', i);
        if (nextQuote < i && nextQuote !== n) {
          nextQuote = s.indexOf('"', i);
          if (nextQuote === -1) nextQuote = n;
        }
        if (nl !== -1 && nextQuote > nl && 3 * (nl - i) <= this.maxRecordChars) {
          if (nl > i) {
            const fields: string[] = [];
            let from = i;
            for (let d = s.indexOf(delimiter, from); d !== -1 && d < nl; d = s.indexOf(delimiter, from)) {
              fields.push(s.slice(from, d));
              from = d + 1;
            }
            fields.push(s.slice(from, nl));
            out.push({ line: this.startLine, fields });
            this.lastEnd = this.line;
          }
          this.line++;
          this.startLine = this.line;
          i = nl + 1;
          continue;
        }
      }
      if (!this.quoting) {
        let j = i;
        let c = 0;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === D || c === LF || c === QUOTE) break;
          j++;
        }
        if (j > i) this.append(s, i, j);
        if (j === n) break;
        i = j + 1;
        if (c === QUOTE) {
          // An opening quote only at the start of a field; elsewhere it is kept as it is.
          if (this.field.length === 0) this.quoting = true;
          else this.append(s, j, i);
        } else if (c === D) {
          this.endField();
        } else if (!this.wasQuoting && this.record.length === 0 && this.field.length === 0) {
          this.line++; // an empty line
          this.startLine = this.line;
        } else {
          this.endField();
          this.endRecord(out);
          this.line++;
          this.startLine = this.line;
        }
      } else {
        const q = s.indexOf('"', i);
        const end = q === -1 ? n : q;
        if (end > i) {
          this.append(s, i, end);
          for (let k = s.indexOf('\n', i); k !== -1 && k < end; k = s.indexOf('\n', k + 1)) this.line++;
        }
        if (q === -1) break;
        if (q + 1 >= n && !final) {
          this.pending = '"';
          break;
        }
        const next = q + 1 < n ? s.charCodeAt(q + 1) : -1;
        if (next === QUOTE) {
          // "" inside quotes: one quote
          this.append(s, q + 1, q + 2);
          i = q + 2;
        } else if (next === -1 || next === D || next === LF) {
          this.quoting = false;
          this.wasQuoting = true;
          i = q + 1;
        } else {
          // A closing quote followed by other text: csv-parse (relax_quotes) keeps both quotes.
          this.quoting = false;
          this.wasQuoting = true;
          this.field = '"' + this.field;
          this.append(s, q, q + 1);
          i = q + 1;
        }
      }
    }
    if (final) this.finish(out);
  }

  private finish(out: SplitRecord[]): void {
    if (this.quoting) throw new SplitError('CSV_QUOTE_NOT_CLOSED', this.lastEnd + 1);
    if (this.wasQuoting || this.record.length > 0 || this.field.length > 0) {
      this.endField();
      this.endRecord(out);
    }
  }

  /** Add s[from, to) to the field, enforcing csv-parse's record-size limit. */
  private append(s: string, from: number, to: number): void {
    // csv-parse checks, before each byte it adds, that the characters of the fields before plus
    // the bytes (UTF-8) of this field so far are within the limit. A character is at most 3
    // bytes per UTF-16 unit, so the exact count is only needed near the limit.
    if (this.recordChars + 3 * (this.field.length + (to - from)) > this.maxRecordChars) this.checkSize(s, from, to);
    this.field = this.field.length === 0 ? s.slice(from, to) : this.field + s.slice(from, to);
  }

  private checkSize(s: string, from: number, to: number): void {
    let bytes = Buffer.byteLength(this.field, 'utf8');
    let line = this.line;
    for (let i = from; i < to; ) {
      const { bytes: k, units } = utf8Length(s, i);
      // The check before the last byte of this character is the one that fails first, if any.
      if (this.recordChars + bytes + k - 1 > this.maxRecordChars) throw new SplitError('CSV_MAX_RECORD_SIZE', line);
      bytes += k;
      if (s.charCodeAt(i) === LF) line++;
      i += units;
    }
  }

  private endField(): void {
    this.record.push(this.field);
    this.recordChars += this.field.length;
    this.field = '';
    this.wasQuoting = false;
  }

  private endRecord(out: SplitRecord[]): void {
    out.push({ line: this.startLine, fields: this.record });
    this.lastEnd = this.line;
    this.record = [];
    this.recordChars = 0;
  }
}
