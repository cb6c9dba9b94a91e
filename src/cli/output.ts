// Where a command's data goes: stdout, or a file written atomically (--out); diagnostics go to
// stderr.
import type { Warning } from '../app/vocabulary.js';
import { formatWarning } from '../app/vocabulary.js';
import { writeFileAtomic } from '../app/write.js';
import type { Terminal } from './terminal.js';

export { renderOutput } from '../report/registry.js';

export async function emit(terminal: Terminal, text: string, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
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

/** Each warning of a run, on standard error. */
export function printWarnings(terminal: Terminal, warnings: readonly Warning[]): void {
  for (const w of warnings) note(terminal, `warning: ${formatWarning(w)}`);
}
