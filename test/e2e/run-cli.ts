// Run the built CLI as a user would: its own stdout, stderr and exit code. By default the bundle
// runs in-process (a worker thread: cli-worker.mjs), which is what the CLI does once started —
// `main(argv, terminal)` with the process's streams, environment and folder — without starting a
// process per command. A run in another folder (relative paths are the process's), or with
// `process: true`, or with SERVICEGAP_TEST_SPAWN=1 in the environment, is a real process of
// bin/servicegap.js. On failure the test prints everything needed to reproduce (after xsv's test
// harness).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

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
  /** A real process even where the in-process run would do (the launcher, signals, the process's own exit). */
  readonly process?: boolean;
}

let cliWorker: { readonly worker: Worker; readonly signal: Int32Array; requests: number } | undefined;

/** How long a command may take in-process before the test fails. */
const ANSWER_MS = 60_000;

/** The CLI bundle's `main` in a worker thread, called synchronously. */
function runInProcess(args: readonly string[], cwd: string, env: Record<string, string>, input: string | Buffer | undefined): { status: number; stdout: string; stderr: string } {
  if (cliWorker === undefined) {
    const shared = new SharedArrayBuffer(4);
    const worker = new Worker(new URL('./cli-worker.mjs', import.meta.url), { workerData: { bundle: join(ROOT, 'dist/bundle/cli.cjs'), signal: shared } });
    worker.unref();
    cliWorker = { worker, signal: new Int32Array(shared), requests: 0 };
  }
  const { worker, signal } = cliWorker;
  // Each request has a number, and the worker stores the number of the one it answered: a wait
  // ends on this request's answer only, never on a flag left set by another (a run of the full
  // suite in a fresh clone once failed two commands in a row with no answer on their port).
  const id = ++cliWorker.requests;
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ id, args: [...args], cwd, env, input, port: port2 }, [port2]);
  const until = Date.now() + ANSWER_MS;
  for (let seen = Atomics.load(signal, 0); seen !== id; seen = Atomics.load(signal, 0)) {
    const left = until - Date.now();
    if (left <= 0) throw new Error(`servicegap ${args.join(' ')}: no answer from the in-process CLI in ${ANSWER_MS / 1000} s`);
    Atomics.wait(signal, 0, seen, left);
  }
  const answer = receiveMessageOnPort(port1);
  port1.close();
  if (answer === undefined) throw new Error(`servicegap ${args.join(' ')}: the in-process CLI gave no answer`);
  const { code, stdout, stderr } = answer.message as { code: number; stdout: string; stderr: string };
  return { status: code, stdout, stderr };
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
  const inProcess = options.process !== true && process.env.SERVICEGAP_TEST_SPAWN !== '1' && resolve(cwd) === process.cwd();
  const result = inProcess
    ? runInProcess(args, cwd, env, options.input)
    : spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: options.input, encoding: 'utf8', timeout: 20_000 });
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
