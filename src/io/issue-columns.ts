// The character column of each located input error: where its field starts in its line, for
// GitHub annotations (`col=`) and SARIF regions (`startColumn`). The reader checks records, not
// characters, and keeps no offsets (that would cost every row of every file); so the few lines
// that have errors are read once more, after the file, and their fields counted out.
//
// A column is left unknown when it cannot be had honestly: standard input (cannot be read again),
// a field that starts on a later physical line than the record (a quoted line break before it).
import type { InputError, InputIssue } from '../core/issues.js';
import type { Delimiter } from './delimiter.js';
import { type CsvInput, openInput } from './input-source.js';
import type { Encoding } from './encodings.js';
import { decodeInput } from './text-stream.js';

/** How a file was read: what is needed to read it again the same way. */
export interface IssueSource {
  readonly input: CsvInput;
  readonly encoding: Encoding | 'text' | undefined;
  readonly delimiter: Delimiter | undefined;
}

/** How the files of a failed load were read, kept beside its error until a column is asked for. */
const sourcesOf = new WeakMap<InputError, ReadonlyMap<string, IssueSource>>();

/** Keep how the files named in `error` were read, for issuesWithColumns; returns the error. */
export function rememberSources(error: InputError, sources: ReadonlyMap<string, IssueSource>): InputError {
  sourcesOf.set(error, sources);
  return error;
}

/** The error's issues with their character columns, where the files can be read again. Only
 * the places that show columns ask (annotations, SARIF): the files are read once more for it. */
export async function issuesWithColumns(error: InputError): Promise<InputIssue[]> {
  const sources = sourcesOf.get(error);
  return sources === undefined ? [...error.issues] : withColumns(error.issues, sources);
}

/** At most this many issues get a column (the rest keep their line: the message is the same). */
export const MAX_LOCATED_ISSUES = 1000;

/** 1-based character (code point) column where field `field` (1-based) starts in `line`, if it does. */
export function fieldColumn(line: string, field: number, delimiter: string): number | undefined {
  let column = 1;
  let current = 1;
  let quoted = false;
  if (field === 1) return 1;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted && ++current === field) return column + 1;
    column++;
  }
  return undefined;
}

/** The issues with `column` added where it can be found (see the file comment). */
export async function withColumns(issues: readonly InputIssue[], sources: ReadonlyMap<string, IssueSource>): Promise<InputIssue[]> {
  // file → line → the fields wanted on it
  const wanted = new Map<string, Map<number, Set<number>>>();
  for (const issue of issues.slice(0, MAX_LOCATED_ISSUES)) {
    const source = sources.get(issue.file);
    if (issue.line === undefined || issue.field === undefined || source === undefined || source.delimiter === undefined || source.input === '-') continue;
    let lines = wanted.get(issue.file);
    if (!lines) wanted.set(issue.file, (lines = new Map()));
    let fields = lines.get(issue.line);
    if (!fields) lines.set(issue.line, (fields = new Set()));
    fields.add(issue.field);
  }
  const found = new Map<string, number>(); // `${file}\0${line}\0${field}` → column
  for (const [file, lines] of wanted) {
    const source = sources.get(file)!;
    try {
      await scanLines(source, lines, (line, number) => {
        for (const field of lines.get(number)!) {
          const column = fieldColumn(line, field, source.delimiter!);
          if (column !== undefined) found.set(`${file}\u0000${number}\u0000${field}`, column);
        }
      });
    } catch {
      // The file changed or went since it was read: its issues keep their lines only.
    }
  }
  if (found.size === 0) return [...issues];
  return issues.map((issue) => {
    const column = found.get(`${issue.file}\u0000${issue.line}\u0000${issue.field}`);
    return column === undefined ? issue : { ...issue, column };
  });
}

/** Read the file again as it was read, calling `onLine` for each wanted line; stops after the last. */
async function scanLines(source: IssueSource, lines: ReadonlyMap<number, unknown>, onLine: (line: string, number: number) => void): Promise<void> {
  let last = 0;
  for (const line of lines.keys()) if (line > last) last = line;
  // (read again only to quote lines: no hash)
  const opened = await openInput(source.input, undefined, { hash: false });
  const decoded = await decodeInput(opened.bytes, { encoding: source.encoding === 'text' ? undefined : source.encoding });
  let number = 1;
  let partial = '';
  try {
    for await (const text of decoded.text) {
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        if (lines.has(number)) onLine(partial + text.slice(start, end), number);
        partial = '';
        start = end + 1;
        if (++number > last) return;
      }
      // Only the wanted line's text is kept across pieces.
      if (lines.has(number)) partial += text.slice(start);
    }
    if (lines.has(number)) onLine(partial, number);
  } finally {
    await decoded.close();
  }
}
