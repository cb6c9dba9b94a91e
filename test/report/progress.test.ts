// The progress bar (src/cli/progress.ts): its line, and when it is shown at all.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatProgress, PROGRESS_MIN_BYTES, progressBar } from '../../src/cli/progress.js';
import type { Terminal } from '../../src/cli/terminal.js';

describe('formatting', () => {
  it('bytes, counts and durations', () => {
    expect([formatBytes(512), formatBytes(1500), formatBytes(253_000_000), formatBytes(1_230_000_000)]).toEqual(['512 B', '1.5 KB', '253 MB', '1.2 GB']);
    expect([formatCount(850), formatCount(12_345), formatCount(1_234_567), formatCount(45_000_000)]).toEqual(['850', '12k', '1.23M', '45.0M']);
    expect([formatDuration(45), formatDuration(185), formatDuration(3720)]).toEqual(['45s', '3m05s', '1h02m']);
  });

  it('one line: name, bar, percent, bytes, rows/s and ETA, within the width', () => {
    const line = formatProgress({ file: 'services.csv', bytesRead: 100_000_000, totalBytes: 250_000_000, rows: 2_000_000, done: false }, 2000, 80);
    expect(line).toBe('services.csv [##########---------------]  40% 100 MB/250 MB 1.00M rows/s ETA 3s');
    expect(line.length).toBeLessThanOrEqual(80);
    const long = formatProgress({ file: `/a/very/long/path/to/${'x'.repeat(40)}.csv`, bytesRead: 0, totalBytes: 1, rows: 0, done: false }, 0, 60);
    expect(formatProgress({ file: 'services.csv', bytesRead: 5, totalBytes: 10, rows: 1, done: false }, 1000, 40)).toBe('[###---]  50% 5 B/10 B 1 rows/s ETA 1s');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toContain('ETA ?');
  });
});

describe('progressBar', () => {
  const terminal = (isTTY: boolean) => {
    const stderr = Object.assign(new PassThrough(), { isTTY, columns: 100 });
    let written = '';
    stderr.on('data', (d: Buffer) => (written += d.toString()));
    const t = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {}, cwd: '/' } as unknown as Terminal;
    return { t, written: () => written };
  };
  const big = { file: 'services.csv', bytesRead: 10, totalBytes: PROGRESS_MIN_BYTES + 1, rows: 5, done: false };

  it('none when standard error is not a terminal, or with --quiet', () => {
    expect(progressBar(terminal(false).t, false)).toBeUndefined();
    expect(progressBar(terminal(true).t, true)).toBeUndefined();
  });

  it('on a terminal: drawn for a large file, cleared at its end; nothing for a small one', async () => {
    const { t, written } = terminal(true);
    let clock = 0;
    const bar = progressBar(t, false, () => clock)!;
    bar({ ...big, totalBytes: 1000 });
    clock = 500;
    bar(big);
    clock = 550;
    bar(big); // too soon: not redrawn
    clock = 1000;
    bar({ ...big, bytesRead: big.totalBytes, done: true });
    await new Promise((r) => setImmediate(r));
    const out = written();
    expect(out.match(/services\.csv \[/g)).toHaveLength(2);
    expect(out.endsWith('\r\u001b[K')).toBe(true);
  });
});
