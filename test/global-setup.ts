// One private temporary folder per test run. Many tests make scratch folders with
// mkdtemp(tmpdir()) and the CLIs they start may write there too; pointing TMPDIR (which
// os.tmpdir() reads on every call, and which workers and child processes inherit) at a folder
// of the run's own lets the run remove all of them at the end, instead of each test having to
// remember — a run used to leave about 170 folders in the system's temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'servicegap-test-run-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
