// Progress on standard error only on a terminal: a file over the threshold read with standard
// error piped (CI, scripts) gives exactly the output and the standard error it always did.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROGRESS_MIN_BYTES } from '../../src/cli/progress.js';
import { runCli } from './run-cli.js';

describe('progress bar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'servicegap-progress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is silent when standard error is not a terminal, on a file over the threshold', () => {
    writeFileSync(join(dir, 'regions.csv'), 'region,name\nR1,One\n');
    writeFileSync(join(dir, 'population.csv'), 'region,year,population\nR1,2019,1000\nR1,2020,1000\n');
    writeFileSync(join(dir, 'beds.csv'), 'region,year,beds\nR1,2019,10\nR1,2020,8\n');
    // Few rows, each padded by a column the loader does not use, to pass the size quickly.
    const pad = 'x'.repeat(2000);
    const rows = Math.ceil(PROGRESS_MIN_BYTES / 2030) + 10;
    const body = `R1,2019,crisis,1,teams,${pad}\nR1,2020,crisis,1,teams,${pad}\n`.repeat(Math.ceil(rows / 2));
    writeFileSync(join(dir, 'services.csv'), `region,year,service,capacity,unit,note\n${body}`);
    const r = runCli(['report', '--data', dir, '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    expect(r.stderr, r.context).not.toMatch(/\r|ETA|rows\/s/);
    expect(JSON.parse(r.stdout).regions).toBeDefined();
  });
});
