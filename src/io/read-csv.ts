// Text → CSV records with their physical line numbers, streaming (csv-parse underneath).
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type Delimiter, detectDelimiter } from './delimiter.js';

export interface CsvRecord {
  /** Physical line on which the record starts (1-based; the header is line 1). */
  readonly line: number;
  readonly fields: string[];
}

/** A file that breaks CSV's own rules (an unclosed quote, a field over the size limit). */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

export interface ReadCsvOptions {
  /** Force a delimiter; default: detected from the header line. */
  readonly delimiter?: Delimiter | undefined;
  /** Longest field accepted, in characters, so that a hostile file cannot exhaust memory. */
  readonly maxFieldChars?: number | undefined;
}

export interface CsvStream {
  readonly delimiter: Delimiter;
  readonly records: AsyncGenerator<CsvRecord>;
}

const DEFAULT_MAX_FIELD = 1 << 20;

/** Split LF-normalised text (see text-stream.ts) into records. */
export async function openCsv(text: AsyncIterable<string>, options: ReadCsvOptions = {}): Promise<CsvStream> {
  const source = text[Symbol.asyncIterator]();
  // Read up to the end of the header line to choose the delimiter before parsing starts.
  let head = '';
  let done = false;
  while (!head.includes('\n') && head.length < (options.maxFieldChars ?? DEFAULT_MAX_FIELD)) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  const delimiter = options.delimiter ?? detectDelimiter(head.split('\n', 1)[0] ?? '');
  async function* rest(): AsyncGenerator<string> {
    if (head) yield head;
    if (done) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  return { delimiter, records: records(Readable.from(rest()), delimiter, options.maxFieldChars ?? DEFAULT_MAX_FIELD) };
}

async function* records(input: Readable, delimiter: Delimiter, maxFieldChars: number): AsyncGenerator<CsvRecord> {
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
      info: true,
      max_record_size: maxFieldChars,
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
      throw new CsvSyntaxError(describeCsvError(error), at);
    }
    throw error;
  }
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed: expected a closing double quote (")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other text: expected a delimiter or the end of the line after a quoted field';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a record is longer than the limit: expected CSV rows of ordinary length (is this really a CSV file?)';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text after a closing quote: expected a delimiter';
    default:
      return error.message;
  }
}
