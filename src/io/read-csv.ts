// Text → CSV records with their physical line numbers, streaming. Two parsers give the same
// records and errors: the fast splitter (csv-splitter.ts, the default) and csv-parse (the
// reference, `parser: 'csv-parse'`), loaded only when asked for.
import { Readable } from 'node:stream';
import type { CsvError } from 'csv-parse';
import { CsvSplitter, SplitError, type SplitRecord } from './csv-splitter.js';
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
  /** Which parser splits the records: 'fast' (default) or 'csv-parse' (the reference). */
  readonly parser?: CsvParserName | undefined;
}

/** The CSV parsers: 'fast' (servicegap's own splitter, the default) and 'csv-parse' (the reference). */
export const CSV_PARSERS = ['fast', 'csv-parse'] as const;
/** One of `CSV_PARSERS`. */
export type CsvParserName = (typeof CSV_PARSERS)[number];

export interface CsvStream {
  readonly delimiter: Delimiter;
  /** Why this delimiter: "given with --delimiter", or what detection saw. */
  readonly delimiterReason: string;
  /** The first lines of the text (the sample the delimiter was chosen from). */
  readonly sample: string;
  /** The records one by one; or read `batches` instead (one or the other, not both). */
  readonly records: AsyncGenerator<CsvRecord>;
  /** The records in batches (one per chunk of text): the fast way to read them. */
  readonly batches: AsyncGenerator<readonly CsvRecord[]>;
  /** Where the fast splitter stands (undefined with csv-parse): whether it is between records,
   * the line of the next character, and the line the last record ended on. */
  readonly position: () => SplitterPosition | undefined;
}

export interface SplitterPosition {
  readonly atRecordStart: boolean;
  readonly nextLine: number;
  readonly lastRecordEnd: number;
}

export const DEFAULT_MAX_RECORD_CHARS = 1 << 20;
const SAMPLE_LINES = 50;
/** Text is split this many characters at a time (at a line end), whatever the chunk size. */
const SLICE_CHARS = 1 << 16;

/**
 * `text` in slices of about SLICE_CHARS characters, each ending at a line end where there is one.
 * Splitting a slice at a time keeps the records of a long chunk from all being alive at once,
 * which would outlive the young generation and make every garbage collection slow.
 */
export function* lineSlices(text: string): Generator<string> {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + SLICE_CHARS);
    if (to < text.length) {
      const lf = text.lastIndexOf('\n', to - 1);
      if (lf >= from) to = lf + 1;
    }
    yield from === 0 && to === text.length ? text : text.slice(from, to);
    from = to;
  }
}
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
  // The sample is the same text however the input was chunked: the first lines, within the first
  // SAMPLE_CHARS characters.
  const complete = done && lines < SAMPLE_LINES && head.length <= SAMPLE_CHARS;
  const choice = options.delimiter
    ? { delimiter: options.delimiter, reason: 'given with --delimiter' }
    : chooseDelimiter(sampleLines(head.length > SAMPLE_CHARS ? head.slice(0, SAMPLE_CHARS) : head, SAMPLE_LINES), complete);
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (done) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  const maxRecord = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const splitter = options.parser === 'csv-parse' ? undefined : new CsvSplitter(choice.delimiter, maxRecord);
  const batches = splitter ? splitBatches(rest(), splitter, choice.delimiter, maxRecord) : batchesOf(csvParseRecords(Readable.from(rest()), choice.delimiter, maxRecord));
  return {
    delimiter: choice.delimiter,
    delimiterReason: choice.reason,
    sample: head.slice(0, SAMPLE_CHARS),
    records: flatten(batches),
    batches,
    position: () => splitter && { atRecordStart: splitter.atRecordStart(), nextLine: splitter.nextLine, lastRecordEnd: splitter.lastRecordEnd },
  };
}

async function* flatten(batches: AsyncGenerator<readonly CsvRecord[]>): AsyncGenerator<CsvRecord> {
  for await (const batch of batches) yield* batch;
}

async function* batchesOf(records: AsyncGenerator<CsvRecord>): AsyncGenerator<readonly CsvRecord[]> {
  let batch: CsvRecord[] = [];
  try {
    for await (const record of records) {
      batch.push(record);
      if (batch.length >= 256) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (batch.length > 0) yield batch;
    throw error;
  }
  if (batch.length > 0) yield batch;
}

/** The fast splitter, batch by batch; errors as the csv-parse path words them. */
async function* splitBatches(text: AsyncIterable<string>, splitter: CsvSplitter, delimiter: Delimiter, maxRecordChars: number): AsyncGenerator<readonly CsvRecord[]> {
  let out: SplitRecord[] = [];
  const step = function* (chunk: string, final: boolean): Generator<readonly CsvRecord[]> {
    try {
      splitter.push(chunk, out, final);
    } catch (error) {
      if (!(error instanceof SplitError)) throw error;
      if (out.length > 0) yield out;
      throw splitSyntaxError(error, maxRecordChars, delimiter);
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  };
  for await (const chunk of text) for (const slice of lineSlices(chunk)) yield* step(slice, false);
  yield* step('', true);
}

/** The splitter's error as a located CsvSyntaxError, worded as for csv-parse. */
export function splitSyntaxError(error: SplitError, maxRecordChars: number, delimiter: Delimiter): CsvSyntaxError {
  return new CsvSyntaxError(`${describeCsvError(error.code, maxRecordChars, error.message)} (delimiter ${describeDelimiter(delimiter)})`, error.line);
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

async function* csvParseRecords(input: Readable, delimiter: Delimiter, maxRecordChars: number): AsyncGenerator<CsvRecord> {
  // The line after the last complete record: where a record that fails to parse began. Kept by
  // the parser's own hook, because records still queued are dropped when the stream fails.
  let nextStart = 1;
  const { CsvError, parse } = await import('csv-parse');
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
      throw new CsvSyntaxError(`${describeCsvError(error.code, maxRecordChars, error.message)} (delimiter ${describeDelimiter(delimiter)})`, at);
    }
    throw error;
  }
}

function describeCsvError(code: CsvError['code'], maxRecordChars: number, message: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed: expected a closing double quote (")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other text: expected a delimiter or the end of the line after a quoted field';
    case 'CSV_MAX_RECORD_SIZE':
      return `a record is longer than ${maxRecordChars.toLocaleString('en-US')} characters: expected CSV rows of ordinary length (is this really a CSV file?)`;
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text after a closing quote: expected a delimiter';
    default:
      return message;
  }
}
