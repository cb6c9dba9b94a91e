import { summarize } from '../../src/core/summary.js';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEVERITY_BANDS, severity } from '../../src/core/severity.js';
import type { Report } from '../../src/core/report-schema.js';
import { renderTable, renderTablePieces } from '../../src/report/table.js';
import { NOTICE, sampleContext, sampleIntervalReport, sampleReport } from './sample-report.js';
import { expectPiecesOfText } from '../helpers/pieces.js';

const ESC = '\u001b[';
const RED = '\u001b[31m';
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** The table's own lines: from its top border to its bottom border. */
function tableLines(text: string): string[] {
  const lines = stripAnsi(text).split('\n');
  const start = lines.findIndex((l) => l.startsWith('┌'));
  const end = lines.findIndex((l) => l.startsWith('└'));
  return lines.slice(start, end + 1);
}

describe('severity', () => {
  it('bands a vacuum per 100k: 0 none, below 5 moderate, from 5 severe', () => {
    expect(SEVERITY_BANDS.severeFrom).toBe(5);
    expect(severity(0)).toBe('none');
    expect(severity(0.01)).toBe('moderate');
    expect(severity(4.99)).toBe('moderate');
    expect(severity(5)).toBe('severe');
    expect(severity(8.281573498964804)).toBe('severe');
    expect(severity(Number.NaN)).toBe('none');
  });
});

describe('renderTable', () => {
  let report: Report;
  beforeAll(() => {
    report = sampleReport();
  });

  it('in pieces (the command line writes it so): the bytes of the whole text, for 1,000 regions and 5,000 notices', () => {
    const base = sampleReport();
    const notice = { file: 'services.csv', line: null, message: 'R1 crisis teams: 8 in 2019 → 2 in 2020 (×0.25)', kind: 'plausibility' as const };
    const big: Report = {
      ...base,
      regions: Array.from({ length: 1000 }, (_, i) => ({ ...base.regions[i % base.regions.length]!, rank: i + 1, region: `R${i}` })),
      warnings: [...base.warnings, ...Array.from({ length: 5000 }, (_, i) => ({ ...notice, message: `${notice.message} #${i}` }))],
    };
    const context = sampleContext({ color: true });
    const text = renderTable(big, context);
    expectPiecesOfText([...renderTablePieces(big, context)], text, { moreThan: 5 });
    expect(text).toContain('  services.csv: R1 crisis teams: 8 in 2019 → 2 in 2020 (×0.25) #4999\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('without colour has no ANSI codes at all', () => {
    const text = renderTable(report, sampleContext({ color: false }));
    expect(text).not.toContain(ESC);
    expect(text).toContain('Pohjois-Pohjanmaa');
  });

  it('with colour marks a severe per-100k vacuum red, a moderate one yellow, none green', () => {
    const text = renderTable(report, sampleContext({ color: true }));
    expect(text).toContain(`${RED}8.3\u001b[39m`);
    expect(text).toContain('\u001b[33m3.0\u001b[39m');
    expect(text).toContain('\u001b[33m0.9\u001b[39m');
    expect(text).toContain('\u001b[32m0.0\u001b[39m');
    const line = text.split('\n').find((l) => l.includes('Pohjois-Pohjanmaa'))!;
    expect(line).toContain(RED);
  });

  it('shows the columns and rounded values', () => {
    const text = renderTable(report, sampleContext());
    const header = tableLines(text)[1]!;
    const heads = header.split('│').map((c) => c.trim()).filter((c) => c !== '');
    expect(heads).toEqual(['#', 'Region', 'Name', 'Pop.', 'Beds B→T', 'Δ beds', 'Δ community', 'Vacuum', 'per 100k', '% lost', 'Repl.', 'Cov.', 'Flags']);
    const row = (code: string) =>
      tableLines(text)
        .find((l) => l.includes(` ${code} `))!
        .split('│')
        .map((c) => c.trim())
        .slice(1, -1);
    // % lost = vacuum_be / (beds_from + community_from_be): FI-17 40 / (260 + 30) = 13.79…% → 13.8%;
    // NO-42 (events: beds_from unknown) –; EG-C 0 / (500 + 0) = 0.0%.
    expect(row('FI-17')).toEqual(['1', 'FI-17', 'Pohjois-Pohjanmaa', '483,000', '260 → 200', '-60', '+20', '40', '8.3', '13.8%', '0.33', '62%', 'CF']);
    expect(row('NO-42')).toEqual(['5', 'NO-42', 'Agder | Sør, Vest', '300,000', '–', '-30', '+35', '0', '0.0', '–', '1.17', '50%', 'CF SL']);
    expect(row('EG-C')).toEqual(['4', 'EG-C', 'القاهرة', '10,000,000', '500 → 520', '+20', '0', '0', '0.0', '0.0%', '–', '–', '']);
  });

  it('groups the thousands of beds, and shows the sort metric when no column does (issue 14)', () => {
    const big = { ...report.regions[0]!, beds_from: 12600, beds_to: 11250.5, bed_change: -1349.5, vacuum_be: 1329.5, rate_drop_per_100k: 1234.56 };
    const text = renderTable({ ...report, sort: 'rate_drop_per_100k', regions: [big] }, sampleContext());
    const [header, , row] = tableLines(text).slice(1);
    const heads = header!.split('│').map((c) => c.trim()).filter((c) => c !== '');
    expect(heads.slice(-2)).toEqual(['Rate drop/100k', 'Flags']);
    const cells = row!.split('│').map((c) => c.trim()).slice(1, -1);
    expect(cells.slice(4, 8)).toEqual(['12,600 → 11,250.5', '-1,349.5', '+20', '1,329.5']);
    expect(cells.at(-2)).toBe('1234.6');
    // Sorted by a metric the table shows: no extra column.
    const plain = renderTable({ ...report, sort: 'vacuum_be' }, sampleContext());
    expect(tableLines(plain)[1]).not.toContain('Rate drop');
  });

  it('with intervals (issue 16) and a sort metric of its own: per 100k, p5–p95, rank p5–p95, % lost … sort column, flags', () => {
    const text = renderTable({ ...sampleIntervalReport(), sort: 'rate_drop_per_100k' }, sampleContext());
    const [header, , row] = tableLines(text).slice(1);
    const split = (line: string) => line.split('│').map((c) => c.trim()).slice(1, -1);
    expect(split(header!)).toEqual([
      '#', 'Region', 'Name', 'Pop.', 'Beds B→T', 'Δ beds', 'Δ community', 'Vacuum', 'per 100k', 'p5–p95', '# p5–p95', '% lost', 'Repl.', 'Cov.', 'Rate drop/100k', 'Flags',
    ]);
    // FI-17: 8.28 → 8.3; p5–p95 4.14–12.42 → 4.1–12.4; rank 1 → 1–3; % lost 40 / 290 → 13.8%;
    // rate drop: the sample's own figure, rounded to 1 decimal
    const rateDrop = sampleReport().regions[0]!.rate_drop_per_100k!.toFixed(1);
    expect(split(row!)).toEqual(['1', 'FI-17', 'Pohjois-Pohjanmaa', '483,000', '260 → 200', '-60', '+20', '40', '8.3', '4.1–12.4', '1–3', '13.8%', '0.33', '62%', rateDrop, 'CF']);
  });

  it('aligns every line, with Arabic and Norwegian names, with and without colour', () => {
    for (const color of [false, true]) {
      const lines = tableLines(renderTable(report, sampleContext({ color })));
      expect(lines.length).toBe(4 + report.regions.length);
      const widths = new Set(lines.map((l) => stringWidth(l)));
      expect(widths.size).toBe(1);
      // For these BMP strings without combining marks, UTF-16 length equals display width.
      expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    }
  });

  it('prints a flag legend, a summary, excluded regions and the notice below the table', () => {
    const text = renderTable(report, sampleContext());
    const after = text.slice(text.lastIndexOf('┘') + 2).split('\n');
    expect(after).toEqual([
      'Flags: CF = carried_forward (a value carried forward from an earlier year entered a metric); ' +
        'SL = service_started_later (a service series counted 0 at the baseline year).',
      'Service vacuum 2018–2022: 5 regions ranked; 3 have a vacuum, 44 bed-equivalents in all (sorted by vacuum_per_100k).',
      'Excluded (not ranked):',
      '  SE-25: population at 2022 unknown',
      NOTICE,
      // SPEC §8: the closing line names the config used and the weights not at their default
      'Method: no config file; default weights. Details: --format json (provenance) or --provenance FILE.',
      '',
    ]);
  });

  it('leaves the legend out when no region has a flag, and says when only the top N are shown', () => {
    const top = { ...report, regions: report.regions.slice(1, 2), excluded: [] };
    const text = renderTable(top, sampleContext({ provenance: undefined }));
    const after = text.slice(text.lastIndexOf('┘') + 2);
    expect(after).toBe(
      'Service vacuum 2018–2022: 5 regions ranked; 3 have a vacuum, 44 bed-equivalents in all (sorted by vacuum_per_100k).\n' +
        'Showing the top 1 of 5 ranked regions.\n' +
        'Method: no config file; default weights. Details: --format json (provenance) or --provenance FILE.' + '\n',
    );
  });

  it('neutralises control characters in names', () => {
    const evil = { ...report, regions: [{ ...report.regions[0]!, name: 'X\u001b[2JY\nZ' }] };
    const text = renderTable(evil, sampleContext({ color: false, summary: summarize(evil) }));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('X\ufffd[2JY Z');
  });
});
