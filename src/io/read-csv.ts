// Text → CSV records with their physical line numbers, streaming (csv-parse underneath).
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { chooseDelimiter, type Delimiter, describeDelimiter } from './delimiter.js';
import { FileFormatError } from './errors.js';

export interface CsvRecord {
  /** Physical line on which the record starts (1-based; the header is line 1). */
  readonly line: number;
  readonly fields: string[];
}

/** A file that breaks CSV's own rules (an unclosed quote, a record over the size limit). */
export class CsvSyntaxError extends FileFormatError {
  override readonly name: string = 'CsvSyntaxError';
}

export interface ReadCsvOptions {
  /** Force a delimiter; default: detected from a sample of the first lines. */
  readonly delimiter?: Delimiter | undefined;
  /** Longest record accepted (all its fields together), in characters, so that a hostile file
   * cannot exhaust memory; a field can be no longer. */
  readonly maxRecordChars?: number | undefined;
  /** @deprecated the same as maxRecordChars. */
  readonly maxFieldChars?: number | undefined;
}

export interface CsvStream {
  readonly delimiter: Delimiter;
  /** Why this delimiter: "given with --delimiter", or what detection saw. */
  readonly delimiterReason: string;
  /** The first lines of the text (the sample the delimiter was chosen from). */
  readonly sample: string;
  readonly records: AsyncGenerator<CsvRecord>;
}

export const DEFAULT_MAX_RECORD_CHARS = 1 << 20;
const SAMPLE_LINES = 50;
const SAMPLE_CHARS = 1 << 16;

/** Split LF-normalised text (see text-stream.ts) into records. */
export async function openCsv(text: AsyncIterable<string>, options: ReadCsvOptions = {}): Promise<CsvStream> {
  const source = text[Symbol.asyncIterator]();
  // Read a sample of the first lines to choose the delimiter before parsing starts.
  let head = '';
  let lines = 0;
  let done = false;
  while (lines < SAMPLE_LINES && head.length < SAMPLE_CHARS) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    for (let i = next.value.indexOf('\n'); i !== -1; i = next.value.indexOf('\n', i + 1)) lines++;
    head += next.value;
  }
  const choice = options.delimiter
    ? { delimiter: options.delimiter, reason: 'given with --delimiter' }
    : chooseDelimiter(sampleLines(head, SAMPLE_LINES), done && lines < SAMPLE_LINES);
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (done) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  const maxRecord = options.maxRecordChars ?? options.maxFieldChars ?? DEFAULT_MAX_RECORD_CHARS;
  return {
    delimiter: choice.delimiter,
    delimiterReason: choice.reason,
    sample: head.slice(0, SAMPLE_CHARS),
    records: records(Readable.from(rest()), choice.delimiter, maxRecord),
  };
}

/** The first `count` lines of `text`, each with its LF. */
function sampleLines(text: string, count: number): string {
  let end = -1;
  for (let n = 0; n < count; n++) {
    const next = text.indexOf('\n', end + 1);
    if (next === -1) return text;
    end = next;
  }
  return text.slice(0, end + 1);
}

async function* records(input: Readable, delimiter: Delimiter, maxRecordChars: number): AsyncGenerator<CsvRecord> {
  // The line after the last complete record: where a record that fails to parse began. Kept by
  // the parser's own hook, because records still queued are dropped when the stream fails.
  let nextStart = 1;
  const parser = input.pipe(
    parse({
      on_record: (record: string[], context: { lines: number }) => {
        nextStart = context.lines + 1;
        return record;
      },
      delimiter,
      record_delimiter: '\n',
      skip_empty_lines: true,
      relax_column_count: true,
      // A quote inside an unquoted field (12" monitor, Dr. "Bob" Centre) is kept as it is.
      relax_quotes: true,
      info: true,
      max_record_size: maxRecordChars,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // csv-parse reports the line a record ends on; a quoted field may span lines.
      let embedded = 0;
      for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) embedded++;
      yield { line: info.lines - embedded, fields: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // csv-parse stops at the end of the file for an unclosed quote; the record began earlier.
      const at = error.code === 'CSV_QUOTE_NOT_CLOSED' ? nextStart : (error as CsvError & { lines?: number }).lines;
      throw new CsvSyntaxError(`${describeCsvError(error, maxRecordChars)} (delimiter ${describeDelimiter(delimiter)})`, at);
    }
    throw error;
  }
}

function describeCsvError(error: CsvError, maxRecordChars: number): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed: expected a closing double quote (")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other text: expected a delimiter or the end of the line after a quoted field';
    case 'CSV_MAX_RECORD_SIZE':
      return `a record is longer than ${maxRecordChars.toLocaleString('en-US')} characters: expected CSV rows of ordinary length (is this really a CSV file?)`;
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text after a closing quote: expected a delimiter';
    default:
      return error.message;
  }
}
