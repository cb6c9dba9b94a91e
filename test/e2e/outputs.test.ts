// Issue 15, deliverable 1 as a user meets it: the real binary, its own stdout, signals and exit
// codes. Device nodes are private ones made with mknod in the test's folder, never the system's.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from './run-cli.js';

const worked = join(ROOT, 'fixtures/worked-stock');
const copyOf = (dir: string) => {
  const data = join(tempDir(), 'data');
  execFileSync('cp', ['-r', dir, data]);
  return data;
};

describe('--out never destroys an input', () => {
  it('refuses (exit 4) to write over an input file or the config file, which stay as they were', () => {
    const data = copyOf(worked);
    const services = readFileSync(join(data, 'services.csv'));
    const r = runCli(['report', '--data', data, '--out', join(data, 'services.csv')]);
    expect(r.code, r.context).toBe(4);
    expect(r.stderr).toBe(`servicegap: cannot write ${join(data, 'services.csv')}: it is an input of this run; write the output to another file\n`);
    expect(readFileSync(join(data, 'services.csv')).equals(services)).toBe(true);

    const config = join(data, 'c.json');
    writeFileSync(config, '{}\n');
    const c = runCli(['report', '--data', data, '--config', config, '--out', config, '--format', 'json']);
    expect(c.code, c.context).toBe(4);
    expect(readFileSync(config, 'utf8')).toBe('{}\n');
    expect(readdirSync(data).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('standard output', () => {
  it('a full device as stdout: one line, exit 4, no stack trace', () => {
    const dir = tempDir();
    const full = join(dir, 'full');
    execFileSync('mknod', [full, 'c', '1', '7']);
    const fd = openSync(full, 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'report', '--data', worked, '--format', 'csv'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(4);
      expect(r.stderr).toBe('servicegap: cannot write standard output: no space left on the device\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a regular file as stdout: the output at its position, also after what the shell appended before', () => {
    // Written in batches through the descriptor (io/batched-writes.ts), not the stream.
    const dir = tempDir();
    const file = join(dir, 'out.json');
    writeFileSync(file, 'before\n');
    const fd = openSync(file, 'a');
    try {
      const r = spawnSync(process.execPath, [BIN, 'trend', '--data', worked, '--format', 'json', '--quiet'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    } finally {
      closeSync(fd);
    }
    const direct = runCli(['trend', '--data', worked, '--format', 'json', '--quiet']).stdout;
    expect(direct).toMatch(/^\{\n  "servicegap"/);
    expect(readFileSync(file, 'utf8')).toBe(`before\n${direct}`);
  });

  it('a regular file as stdout that may grow no more (ulimit -f): one line, exit 4', () => {
    const dir = tempDir();
    // 1 KiB allowed; XFSZ ignored so that the write fails (EFBIG) instead of the signal ending the process.
    const r = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 1; "${process.execPath}" "${BIN}" trend --data "${worked}" --format json --quiet > "${dir}/out.json"`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toBe("servicegap: cannot write standard output: the file would pass the largest size allowed (ulimit -f, or the file system's)\n");
    expect(readFileSync(join(dir, 'out.json')).length).toBe(1024);
  });

  it('a reader that stops early (| head -1) never hides a tripped gate: exit 1', () => {
    // ~3,000 regions: the CSV is far larger than a pipe's buffer, so head closes the pipe mid-write
    const dir = tempDir();
    const codes = Array.from({ length: 3000 }, (_, i) => `R${i}`);
    writeFileSync(join(dir, 'regions.csv'), `region\n${codes.join('\n')}\n`);
    writeFileSync(join(dir, 'population.csv'), `region,year,population\n${codes.map((c) => `${c},2020,10000`).join('\n')}\n`);
    writeFileSync(join(dir, 'beds.csv'), `region,year,beds\n${codes.map((c) => `${c},2010,50\n${c},2020,40`).join('\n')}\n`);
    writeFileSync(join(dir, 'services.csv'), 'region,year,service,capacity,unit\n');
    // No community rows: counted as zero on purpose (SPEC §8), so every region is ranked (vacuum 100 per 100k).
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" report --data "${dir}" --format csv --quiet --missing-community zero --fail-above 0 | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^rank,region,name,/);
    expect(r.stderr).toContain('status=1');
    expect(r.stderr).toMatch(/--fail-above 0: 3000 region\(s\) above it/);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('--out to a process substitution >(…) writes through the descriptor', () => {
    const dir = tempDir();
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" report --data "${worked}" --format csv --quiet --out >(cat > "${dir}/x.csv"); wait; sleep 0.2`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const direct = runCli(['report', '--data', worked, '--format', 'csv']).stdout;
    expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe(direct);
  });

  it('--out /dev/stdout is standard output', () => {
    const r = runCli(['report', '--data', worked, '--format', 'csv', '--out', '/dev/stdout', '--quiet']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toBe(runCli(['report', '--data', worked, '--format', 'csv']).stdout);
  });
});

describe('signals', () => {
  // A child that starts writing an output whose second half never comes, with the CLI's handlers.
  const script = (dir: string) => `
    import { cleanUpOnSignals } from ${JSON.stringify(join(ROOT, 'dist/cli/signals.js'))};
    import { writeOutput } from ${JSON.stringify(join(ROOT, 'dist/io/output-writer.js'))};
    cleanUpOnSignals();
    await writeOutput(${JSON.stringify(join(dir, 'report.json'))}, (async function* () {
      yield '{"first": "half"';
      process.stdout.write('writing\\n');
      await new Promise((r) => setTimeout(r, 60_000)); // a write that would go on for a minute
    })());
  `;
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal} while an output is written: the temporary file is removed, exit ${code}`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'report.json'), 'the old report\n');
      const child = spawn(process.execPath, ['--input-type=module', '-e', script(dir)], { stdio: ['ignore', 'pipe', 'pipe'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      child.kill(signal);
      expect(await exit).toBe(code);
      expect(readdirSync(dir)).toEqual(['report.json']);
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('the old report\n');
    });
  }
});
