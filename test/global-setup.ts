// One private temporary folder per test run. Many tests make scratch folders with
// mkdtemp(tmpdir()) and the CLIs they start may write there too; pointing TMPDIR (which
// os.tmpdir() reads on every call, and which workers and child processes inherit) at a folder
// of the run's own lets the run remove all of them at the end, instead of each test having to
// remember — a run used to leave about 170 folders in the system's temp folder.
//
// vitest runs a global setup once per project (vitest.config.ts has two) and tears it down when
// that project's files are done: the small "isolated" project finishes long before the others,
// and removing the folder then pulled it from under the running browser tests. So the projects
// share one folder, counted in the environment (the one state they share), and the last to
// finish removes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const USERS = 'SERVICEGAP_TEST_TMPDIR_USERS';
const PREVIOUS = 'SERVICEGAP_TEST_TMPDIR_PREVIOUS';

export default function setup(): () => void {
  const users = Number(process.env[USERS] ?? '0');
  if (users === 0) {
    process.env[PREVIOUS] = process.env.TMPDIR ?? '';
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'servicegap-test-run-'));
  }
  process.env[USERS] = String(users + 1);
  return () => {
    const left = Number(process.env[USERS]) - 1;
    process.env[USERS] = String(left);
    if (left > 0) return;
    const dir = process.env.TMPDIR!;
    const previous = process.env[PREVIOUS];
    if (previous) process.env.TMPDIR = previous;
    else delete process.env.TMPDIR;
    delete process.env[USERS];
    delete process.env[PREVIOUS];
    rmSync(dir, { recursive: true, force: true });
  };
}
