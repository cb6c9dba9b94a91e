// Where a command's data goes: stdout, or a file written atomically (--out).
import { writeFileAtomic } from '../io/atomic-write.js';
import { usageError } from './exit-codes.js';
import type { Terminal } from './terminal.js';

/** What to do instead of writing binary output to a terminal: a workbook by default. */
const WORKBOOK_ADVICE = 'a workbook is binary and would garble the terminal: give --out FILE.xlsx, or redirect standard output to a file';

/** Write a command's output: text, or bytes (a workbook, a Parquet file: never to a terminal,
 * where `binaryAdvice` says what to do instead). */
export async function emit(terminal: Terminal, text: string | Uint8Array, out: string | undefined, binaryAdvice = WORKBOOK_ADVICE): Promise<void> {
  if (out === undefined || out === '-') {
    if (typeof text !== 'string' && terminal.stdout.isTTY === true) throw usageError(binaryAdvice);
    await new Promise<void>((resolve, reject) => {
      terminal.stdout.write(text, (error) => (error ? reject(error) : resolve()));
    });
    return;
  }
  await writeFileAtomic(out, text);
}

/** A diagnostic line on stderr (never on stdout, which carries data). */
export function note(terminal: Terminal, line: string): void {
  terminal.stderr.write(`${line}\n`);
}
