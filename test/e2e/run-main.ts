// Run the CLI in this process (src/cli/main.ts's main with captured streams): the same commands,
// options and exit codes as the built binary, without starting a process for each case.
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Terminal } from '../../src/cli/terminal.js';
import { ROOT } from './run-cli.js';

export interface MainResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly context: string;
}

export async function runMain(
  argv: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; stdin?: string; stderrTTY?: boolean } = {},
): Promise<MainResult> {
  const collect = (tty = false) => {
    const stream = new PassThrough() as PassThrough & { isTTY?: boolean; text: () => string };
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.text = () => Buffer.concat(chunks).toString('utf8');
    if (tty) stream.isTTY = true;
    return stream;
  };
  const stdout = collect();
  const stderr = collect(options.stderrTTY);
  const terminal: Terminal = {
    stdout,
    stderr,
    stdin: Readable.from([options.stdin ?? '']),
    env: { ...(options.env ?? {}) },
    cwd: options.cwd ?? ROOT,
  };
  const code = await main(argv, terminal);
  const out = stdout.text();
  const err = stderr.text();
  return { code, stdout: out, stderr: err, context: `$ servicegap ${argv.join(' ')}\nexit: ${code}\n--- stdout ---\n${out}\n--- stderr ---\n${err}` };
}
