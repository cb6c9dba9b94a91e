// End-to-end: `servicegap report` writing the HTML page (issue 4), through the built binary. The
// page itself is opened in a real browser by html-browser.test.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIVE_REGIONS, ROOT, runCli, tempDir } from './run-cli.js';

const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, 'g')) ?? []).length;

describe('servicegap report --format html', () => {
  it('--out report.html picks HTML from the extension and writes one self-contained file', () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    const r = runCli(['report', '--data', FIVE_REGIONS, '--out', out]);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${out} (html, 5 regions)`);
    expect(readdirSync(dir)).toEqual(['report.html']);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/\ssrc=|<link\b|url\(|@import/i);
    // Every ranked region: a bar, a breakdown panel, a trend panel (2000–2002 is three years), a row.
    expect(count(html, /<rect class="bar"/)).toBe(5);
    expect(count(html, /<svg class="chart breakdown"/)).toBe(5);
    expect(count(html, /<svg class="chart trend"/)).toBe(5);
    expect(count(html, /<tr data-rank=/)).toBe(5);
    // The coverage heatmap: 5 regions × the 3 default norms, and the ranked table's index column.
    const grid = html.match(/<table id="coverage-heatmap"[\s\S]*?<\/table>/)![0];
    expect(count(grid, /<tr data-region=/)).toBe(5);
    expect(count(grid, /<td class="num cov cov-(under|within|above|unknown)"/)).toBe(5 * 3);
    expect(html).toContain('>Coverage index</th>');
    for (const name of ['Helseregion Øst', 'Helseregion Sør', 'Helseregion Vest', 'Helseregion Midt-Norge', 'Helseregion Nord']) {
      expect(html).toContain(name);
    }
    // The bundled data's sources, and the notice that it is partly illustrative.
    expect(html).toContain('Statistics Norway (SSB)');
    expect(html).toMatch(/class="notice" role="note">Illustrative data/);
  });

  it('.htm works too, and --format html writes to standard output', () => {
    const dir = tempDir();
    expect(runCli(['report', '--data', FIVE_REGIONS, '--out', join(dir, 'r.htm')]).code).toBe(0);
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'html']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(dir, 'r.htm'), 'utf8'));
  });

  it('--top applies to the chart, the heatmap and the table; the headline still counts every region', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'html', '--top', '2']);
    expect(r.code, r.context).toBe(0);
    expect(count(r.stdout, /<rect class="bar"/)).toBe(2);
    expect(count(r.stdout, /<tr data-rank=/)).toBe(2);
    expect(count(r.stdout, /<svg class="chart breakdown"/)).toBe(2);
    expect(count(r.stdout, /<td class="num cov /)).toBe(2 * 3);
    expect(r.stdout).toContain('Showing the top 2 of 5 ranked regions.');
    expect(r.stdout).toContain('<dt>Regions with a vacuum</dt><dd>3 of 5</dd>');
  });

  it('a two-year period has no trend charts', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'html', '--from', '2001', '--to', '2002']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).not.toContain('class="chart trend"');
    expect(count(r.stdout, /<svg class="chart breakdown"/)).toBe(5);
  });

  it('matches the golden file byte for byte (no timestamps; same bytes every run)', () => {
    // After an intended change: node bin/servicegap.js report -q --out test/golden/default-report.html
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'html']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'test/golden/default-report.html'), 'utf8'));
  });

  it('the taxonomy listing has no HTML form: an .html --out is a usage error', () => {
    const dir = tempDir();
    const r = runCli(['taxonomy', '--out', join(dir, 't.html')]);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toMatch(/the taxonomy comes as table, csv, json, markdown, not html/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the library gives the same page as the CLI, as the README shows', () => {
    const script = `
      import { renderOutput, runReport } from 'servicegap';
      const run = await runReport({ format: 'html' });
      process.stdout.write(await renderOutput(run.output));
    `;
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(lib.status, lib.stderr).toBe(0);
    expect(lib.stdout).toBe(runCli(['report', '--format', 'html']).stdout);
  });
});
