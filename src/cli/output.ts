// Where a command's data goes: standard output, or a file through the output writer (--out;
// app/write.ts). Standard output that fails is exit 4 with one line (a full disk, an I/O
// error), except a reader that stopped reading (`servicegap report | head -1`): that is the
// reader's choice, so the data it did not want is dropped quietly and the run goes on to its
// gates, whose exit code still counts. Diagnostics go to stderr.
import { FileAccessError } from '../app/errors.js';
import { neutralizeControls } from '../app/vocabulary.js';
import { checkTarget, descriptorOf, type OutputContent, writeFailure, writeIfRegularFile, writeOutput } from '../app/write.js';
import { piecesWritten } from '../report/byte-pieces.js';
import { EXIT, ExitError } from './exit-codes.js';
import type { Terminal } from './terminal.js';

export { renderOutput, renderOutputPieces } from '../report/registry.js';

/** Streams whose reader has gone (EPIPE): later data for them is dropped. */
const closedStreams = new WeakSet<object>();

/** A write error that means the reader went away, not that the data could not be written. */
export function isBrokenPipe(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? (error as { cause?: NodeJS.ErrnoException } | undefined)?.cause?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** Write text or bytes to a stream; resolves when it is handed on. Throws FileAccessError (exit 4) but for a broken pipe. */
export function writeStream(stream: NodeJS.WritableStream, content: string | Uint8Array, name: string): Promise<void> {
  if (closedStreams.has(stream)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error | null) => {
      if (!error) resolve();
      else if (isBrokenPipe(error)) {
        closedStreams.add(stream);
        resolve();
      } else reject(new FileAccessError(name, 'write', error));
    };
    try {
      stream.write(content, done);
    } catch (error) {
      done(error as Error);
    }
  });
}

/** What to do instead of writing the bytes of an output in `format` to a terminal. */
function binaryAdvice(format: string): string {
  if (format === 'xlsx') return 'a workbook is binary and would garble the terminal: give --out FILE.xlsx, or redirect standard output to a file';
  return `--format ${format}${format === 'long' ? ' to a .parquet file' : ''} writes binary Parquet: give --out FILE.parquet, or redirect standard output`;
}

/**
 * Write a command's output — text (whole, or in pieces as they are made), or the bytes of a
 * workbook or a Parquet file (never to a terminal) — to standard output (no --out, "-", /dev/stdout) or to the file --out names.
 * `format` names the output's format in the advice given instead of bytes to a terminal.
 */
export async function emit(terminal: Terminal, content: OutputContent, out: string | undefined, format = 'xlsx'): Promise<void> {
  const fd = out === undefined || out === '-' ? 1 : descriptorOf(out);
  const stream = fd === 1 ? terminal.stdout : fd === 2 ? terminal.stderr : undefined;
  if (stream === undefined) return writeFile(out!, content);
  if (content instanceof Uint8Array && stream.isTTY === true) {
    throw new ExitError(EXIT.usage, binaryAdvice(format));
  }
  const name = fd === 1 ? 'standard output' : 'standard error';
  if (typeof content === 'string' || content instanceof Uint8Array) return writeStream(stream, content, name);
  // Pieces (a large JSON) to standard output that is a regular file: written in batches while the
  // next pieces are made (issue 18); to anything else (a pipe, a terminal): each piece handed on
  // before the next is made, none once the reader has left.
  if (fd === 1 && terminal.stdoutFd !== undefined) {
    try {
      if (await writeIfRegularFile(terminal.stdoutFd, content)) return;
    } catch (error) {
      throw writeFailure(name, error);
    }
  }
  // The process's own standard output has written a piece's bytes to its descriptor when it
  // calls back, so the piece's buffer may be cut again (core/piece-buffers.ts); another stream (a
  // caller's PassThrough) may hand the very bytes on to its reader, so its pieces are left alone.
  const ownStdout = fd === 1 && terminal.stdoutFd !== undefined;
  for await (const piece of content) {
    if (closedStreams.has(stream)) break;
    await writeStream(stream, piece, name);
    if (ownStdout && typeof piece !== 'string' && !closedStreams.has(stream)) piecesWritten([piece]);
  }
}

/** Write a file through the output writer; a FIFO or descriptor whose reader left is no error. */
export async function writeFile(path: string, content: OutputContent): Promise<void> {
  try {
    await writeOutput(path, content);
  } catch (error) {
    if (!isBrokenPipe(error)) throw error;
  }
}

/** A diagnostic line on stderr (never on stdout, which carries data), controls neutralised. */
export function note(terminal: Terminal, line: string): void {
  if (closedStreams.has(terminal.stderr)) return;
  terminal.stderr.write(`${neutralizeControls(line)}\n`);
}

/**
 * Diagnostic lines on stderr in one write, controls neutralised in each. Resolves once stderr has
 * room for more (at once, unless its buffer is full: a pipe whose reader is behind), or has
 * closed or failed — a reader gone is no reason to wait, nor an error here (standard-streams.ts).
 */
export function noteLines(terminal: Terminal, lines: readonly string[]): Promise<void> {
  const stream = terminal.stderr;
  if (closedStreams.has(stream) || lines.length === 0) return Promise.resolve();
  let text = '';
  for (const line of lines) text += `${neutralizeControls(line)}\n`;
  if (stream.write(text) || (stream as { destroyed?: boolean }).destroyed === true) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}

/** Before the output is written: refuse a --provenance file that could not be written (an input of the run, a folder), exit 4. */
export async function checkProvenanceFile(file: string | undefined): Promise<void> {
  if (file !== undefined) await checkTarget(file);
}

/** `--provenance FILE` (SPEC §8): the output's provenance as JSON, written through the output writer after the output itself. */
export async function emitProvenance(terminal: Terminal, file: string | undefined, provenance: unknown, out: string | undefined, quiet = false): Promise<void> {
  if (file === undefined) return;
  await writeFile(file, `${JSON.stringify(provenance, null, 2)}\n`);
  if (!quiet) note(terminal, `wrote ${file} (provenance${out === undefined ? '' : ` of ${out}`})`);
}
