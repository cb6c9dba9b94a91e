// Where a command's data goes: stdout, or a file written atomically (--out).
import { writeFileAtomic } from '../io/atomic-write.js';
import type { Terminal } from './terminal.js';

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
