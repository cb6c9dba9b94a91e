// Where a command's data goes: stdout, or a file written atomically (--out).
import { writeFileAtomic } from '../io/atomic-write.js';
import { usageError } from './exit-codes.js';
import type { Terminal } from './terminal.js';

/** Write a command's output: text, or the bytes of a workbook (never to a terminal: --out FILE). */
export async function emit(terminal: Terminal, text: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    if (typeof text !== 'string' && terminal.stdout.isTTY === true) {
      throw usageError('a workbook is binary and would garble the terminal: give --out FILE.xlsx, or redirect standard output to a file');
    }
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

/** `--provenance FILE` (SPEC §8): the output's provenance as JSON, written atomically after the output itself. */
export async function emitProvenance(terminal: Terminal, file: string | undefined, provenance: unknown, out: string | undefined, quiet = false): Promise<void> {
  if (file === undefined) return;
  await writeFileAtomic(file, `${JSON.stringify(provenance, null, 2)}\n`);
  if (!quiet) note(terminal, `wrote ${file} (provenance${out === undefined ? '' : ` of ${out}`})`);
}

/** --provenance and --out cannot name one file: the second write would replace the first. */
export function checkProvenancePath(file: string | undefined, out: string | undefined): void {
  if (file !== undefined && (file === '-' || file === out)) {
    throw usageError(file === '-' ? '--provenance: expected a file (standard output carries the output itself)' : '--provenance: the same file as --out');
  }
}
