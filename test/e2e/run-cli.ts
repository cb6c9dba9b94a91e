// Run the built CLI as a user would: a real process, its own stdout, stderr and exit code.
// On failure the test prints everything needed to reproduce (after xsv's test harness).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/servicegap.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Command, folder, exit status and both streams, for assertion messages. */
  readonly context: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly input?: string | Buffer;
}

export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
  const cwd = options.cwd ?? ROOT;
  // A clean environment: no colour forced or forbidden unless a test says so.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: options.input, encoding: 'utf8', timeout: 20_000 });
  const context = [
    `$ servicegap ${args.join(' ')}`,
    `cwd: ${cwd}`,
    `exit: ${result.status}`,
    `--- stdout ---\n${result.stdout}`,
    `--- stderr ---\n${result.stderr}`,
  ].join('\n');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, context };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'servicegap-e2e-'));
}

/** The five health regions of 2000–2002 (the bundled default until issue 20): the data many e2e tests' hand-worked numbers were worked on. */
export const FIVE_REGIONS = 'data/examples/norway-regions-2000-2002';
