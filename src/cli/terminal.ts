// The process's streams and environment, passed in so that commands never touch `process`
// directly and tests can run them in-process.
import { Readable } from 'node:stream';

export interface Terminal {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  /** The descriptor behind `stdout` when it is the process's own (1): a large output to a regular
   * file is written through it in batches (output.ts). Absent: everything goes through `stdout`. */
  readonly stdoutFd?: number;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function processTerminal(): Terminal {
  return { stdout: process.stdout, stdoutFd: 1, stderr: process.stderr, stdin: standardInput(), env: process.env, cwd: process.cwd() };
}

/**
 * The process's standard input, opened when first read. Naming process.stdin opens it (a stream
 * for the file, pipe or terminal behind it: milliseconds of every command's start-up), and only
 * an input named "-" reads it.
 */
function standardInput(): NodeJS.ReadableStream {
  return Readable.from(
    (async function* () {
      yield* process.stdin;
    })(),
    { objectMode: false },
  );
}

/**
 * Colour on stdout: --no-color wins; then FORCE_COLOR (not "0") turns it on; then NO_COLOR
 * (non-empty, see no-color.org) turns it off; otherwise colour only on a TTY.
 */
export function useColor(terminal: Terminal, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  const force = terminal.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (terminal.env.NO_COLOR) return false;
  return terminal.stdout.isTTY === true;
}
