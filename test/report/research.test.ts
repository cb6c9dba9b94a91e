// Renderers of the research outputs: sensitivity, compare, batch (src/report/*).
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchResult } from '../../src/core/batch-schema.js';
import { combineBatch } from '../../src/core/batch.js';
import type { Comparison } from '../../src/core/compare-schema.js';
import { compare } from '../../src/core/compare.js';
import type { SensitivityReport } from '../../src/core/sensitivity-schema.js';
import { BATCH_CSV_COLUMNS } from '../../src/report/batch.js';
import { COMPARE_CSV_COLUMNS } from '../../src/report/compare.js';
import { type FormatOf, loadRenderer, type RendererOf } from '../../src/report/registry.js';
import { RESEARCH_FORMATS, type ResearchFormat } from '../../src/report/research-format-names.js';
import { formatShare, formatSignedInt } from '../../src/report/research-formats.js';
import { formatRankRange, SENSITIVITY_CSV_COLUMNS } from '../../src/report/sensitivity.js';
import { CSV_COLUMNS } from '../../src/report/csv.js';
import { formatWarning } from '../../src/core/issues.js';
import { escapeMarkdown } from '../../src/report/safe-cell.js';
import { NOTICE, sampleReport } from './sample-report.js';
import { expectPiecesOfText } from '../helpers/pieces.js';

// Each research renderer as the registry gives it (what the CLI and renderOutput use). Loaded, with
// the fixtures, in each describe's beforeAll, not while the tests are collected (nor in a
// file-level beforeAll, whose error a mutation run does not count against the tests).
async function renderersOf<K extends 'sensitivity' | 'compare' | 'batch'>(kind: K): Promise<Record<ResearchFormat, RendererOf<K>>> {
  const [table, csv, json, markdown] = await Promise.all(RESEARCH_FORMATS.map((f) => loadRenderer(kind, f as FormatOf<K>)));
  return { table: table!, csv: csv!, json: json!, markdown: markdown! };
}

const plain = { color: false, notices: [NOTICE] };

function sampleSensitivity(): SensitivityReport {
  const report = sampleReport();
  return {
    servicegap: report.servicegap,
    from: report.from,
    to: report.to,
    sort: report.sort,
    sensitivity: {
      draws: 1000,
      seed: 1,
      distribution: 'uniform',
      correlation: 'none',
      percentile_method: 'nearest-rank',
      generator: 'mulberry32',
      top: 10,
      varied_weights: [{ category: 'outreach', unit: 'caseload', value: 0.1, low: 0.05, high: 0.2 }],
    },
    regions: report.regions.map((r, i) => ({
      ...r,
      vacuum_per_100k_p5: r.vacuum_per_100k * 0.5,
      vacuum_per_100k_p50: r.vacuum_per_100k,
      vacuum_per_100k_p95: r.vacuum_per_100k * 1.5,
      rank_p5: Math.max(1, r.rank - 1),
      rank_p50: r.rank,
      rank_p95: r.rank + 3,
      top_share: i === 0 ? 1 : i === 1 ? 0.004 : 0.5,
    })),
    excluded: report.excluded,
    warnings: report.warnings,
    provenance: report.provenance,
  };
}

describe('helpers', () => {
  it('formatShare never rounds a non-zero share to 0% or a partial one to 100%', () => {
    expect([0, 0.004, 0.005, 0.5, 0.996, 1].map(formatShare)).toEqual(['0%', '<1%', '1%', '50%', '>99%', '100%']);
  });
  it('formatSignedInt', () => {
    expect([3, -2, 0, null].map(formatSignedInt)).toEqual(['+3', '-2', '0', '–']);
  });
});

describe('sensitivity renderers', () => {
  let SENSITIVITY_RENDERERS: Record<ResearchFormat, RendererOf<'sensitivity'>>;
  let s: SensitivityReport;
  beforeAll(async () => {
    SENSITIVITY_RENDERERS = await renderersOf('sensitivity');
    s = sampleSensitivity();
  });

  it('JSON, table and Markdown in pieces (the command line writes them so): the bytes of the whole texts, with 3,000 notices', async () => {
    const notice = { file: 'services.csv', line: null, message: 'R1 crisis teams: 8 in 2019 → 2 in 2020 (×0.25)', kind: 'plausibility' as const };
    const big = { ...s, warnings: [...s.warnings, ...Array.from({ length: 3000 }, (_, i) => ({ ...notice, message: `${notice.message} #${i}` }))] };
    const { renderSensitivityJsonPieces, renderSensitivityTablePieces, renderSensitivityMarkdownPieces } = await import('../../src/report/sensitivity.js');
    const { SensitivityReportSchema } = await import('../../src/core/sensitivity-schema.js');
    const json = SENSITIVITY_RENDERERS.json(big, plain);
    expect(json).toBe(`${JSON.stringify(SensitivityReportSchema.parse(big), null, 2)}\n`);
    expectPiecesOfText([...renderSensitivityJsonPieces(big)], json);
    const table = SENSITIVITY_RENDERERS.table(big, plain);
    expectPiecesOfText([...renderSensitivityTablePieces(big, plain)], table);
    expect(table).toContain('  services.csv: R1 crisis teams: 8 in 2019 → 2 in 2020 (×0.25) #2999\n');
    expectPiecesOfText([...renderSensitivityMarkdownPieces(big, plain)], SENSITIVITY_RENDERERS.markdown(big, plain));
  });

  it('the table shows "rank 3 (2–6)": median rank with its 5th–95th percentile range', () => {
    expect(formatRankRange({ rank_p5: 2, rank_p50: 3, rank_p95: 6 })).toBe('rank 3 (2–6)');
    const text = SENSITIVITY_RENDERERS.table(s, plain);
    expect(text).toContain('rank 3 (2–6)');
    expect(text).toContain('8.3 (4.1–12.4)');
    expect(text).toContain('<1%');
    expect(text).toContain('1,000 draws (seed 1) of 1 weight');
    expect(text).toContain('outreach/caseload 0.05–0.2');
    expect(text).toContain(NOTICE);
    expect(text).not.toContain('\u001b[');
  });

  it('CSV: the report columns, then the seven sensitivity columns, unrounded', () => {
    expect(SENSITIVITY_CSV_COLUMNS).toEqual([
      ...CSV_COLUMNS,
      'vacuum_per_100k_p5',
      'vacuum_per_100k_p50',
      'vacuum_per_100k_p95',
      'rank_p5',
      'rank_p50',
      'rank_p95',
      'top_share',
    ]);
    const lines = SENSITIVITY_RENDERERS.csv(s, plain).split('\n');
    expect(lines[1]).toContain(`,${8.281573498964804 * 0.5},`);
    expect(lines[1]!.endsWith(',1,1,4,1')).toBe(true);
    // formula-like names are neutralised as in the report CSV
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('JSON follows the schema order; Markdown escapes names', () => {
    const json = JSON.parse(SENSITIVITY_RENDERERS.json(s, plain));
    expect(Object.keys(json)).toEqual(['servicegap', 'from', 'to', 'sort', 'sensitivity', 'regions', 'excluded', 'warnings', 'provenance']);
    const md = SENSITIVITY_RENDERERS.markdown(s, plain);
    expect(md).toContain('Agder \\| Sør, Vest (NO-42)');
    expect(md).toContain('| rank 1 (1–4) |');
  });
});

describe('compare renderers', () => {
  let COMPARE_RENDERERS: Record<ResearchFormat, RendererOf<'compare'>>;
  let c: Comparison;
  beforeAll(async () => {
    COMPARE_RENDERERS = await renderersOf('compare');
    const a = sampleReport();
    const b = { ...sampleReport(), from: 2022, to: 2024 };
    b.regions = b.regions.map((r) => (r.region === 'FI-17' ? { ...r, vacuum_be: 50, vacuum_per_100k: 10.3 } : r));
    c = compare(a, b, { top: 2, a: { label: 'old', kind: 'data' }, b: { label: 'new', kind: 'data' } });
  });

  it('CSV: region, presence, ranks, then A, B and Δ of every metric', () => {
    expect(COMPARE_CSV_COLUMNS.slice(0, 9)).toEqual([
      'region', 'name', 'present', 'rank_a', 'rank_b', 'rank_change',
      'vacuum_per_100k_a', 'vacuum_per_100k_b', 'vacuum_per_100k_delta',
    ]);
    // 16 sort metrics (SORT_METRICS, coverage_index included), each as A, B and Δ
    expect(COMPARE_CSV_COLUMNS).toHaveLength(6 + 3 * 16);
    expect(COMPARE_RENDERERS.csv(c, plain).split('\n')[1]).toMatch(/^FI-17,Pohjois-Pohjanmaa,both,1,1,0,8\.28\d+,10\.3,2\.0\d+,40,50,10,/);
  });

  it('table and Markdown show both sides, the changes and the top-N movements', () => {
    for (const format of ['table', 'markdown'] as const) {
      const text = COMPARE_RENDERERS[format](c, plain);
      expect(text).toContain('A: old (data folder), 2018–2022');
      expect(text).toContain('B: new (data folder), 2022–2024');
      expect(text).toContain('8.3 → 10.3');
      expect(text).toContain('+2.0');
      expect(text).toContain('Entered the top 2: none.');
      expect(text).toContain(NOTICE);
    }
  });

  it('every format renders', () => {
    for (const format of RESEARCH_FORMATS) expect(COMPARE_RENDERERS[format](c, plain).length).toBeGreaterThan(0);
  });
});

describe('batch renderers', () => {
  let BATCH_RENDERERS: Record<ResearchFormat, RendererOf<'batch'>>;
  let result: BatchResult;
  beforeAll(async () => {
    BATCH_RENDERERS = await renderersOf('batch');
    const second = { ...sampleReport(), from: 2020 };
    second.regions = [...second.regions].reverse().map((r, i) => ({ ...r, rank: i + 1 }));
    result = combineBatch([
      { name: 'base', report: sampleReport() },
      { name: 'reversed', report: second },
    ]);
  });

  it('JSON in pieces (the command line writes it so): the bytes of JSON.stringify of the parsed result, for scenarios of 300 regions and 3,000 notices', async () => {
    const base = sampleReport();
    const notice = { file: 'services.csv', line: null, message: 'R1 crisis teams: 8 in 2019 → 2 in 2020 (×0.25)', kind: 'plausibility' as const };
    const big = {
      ...base,
      regions: Array.from({ length: 300 }, (_, i) => ({ ...base.regions[i % base.regions.length]!, rank: i + 1, region: `R${i}` })),
      warnings: Array.from({ length: 3000 }, (_, i) => ({ ...notice, message: `${notice.message} #${i}` })),
    };
    const many = combineBatch([
      { name: 'base', report: big },
      { name: 'again', report: { ...big, from: 2020 } },
    ]);
    const { renderBatchJsonPieces } = await import('../../src/report/batch.js');
    const { BatchResultSchema } = await import('../../src/core/batch-schema.js');
    const json = `${JSON.stringify(BatchResultSchema.parse(many), null, 2)}\n`;
    expectPiecesOfText([...renderBatchJsonPieces(many)], json, { moreThan: 5 });
    expect(BATCH_RENDERERS.json(many, plain)).toBe(json);
    // The table and the Markdown in pieces too, the bytes of the whole text.
    const { renderBatchTablePieces, renderBatchMarkdownPieces } = await import('../../src/report/batch.js');
    const table = BATCH_RENDERERS.table(many, plain);
    expectPiecesOfText([...renderBatchTablePieces(many, plain)], table, { moreThan: 5 });
    const markdown = BATCH_RENDERERS.markdown(many, plain);
    expectPiecesOfText([...renderBatchMarkdownPieces(many, plain)], markdown);
    // Both scenarios have the same 3,000 notices: the Markdown lists each distinct text once, in
    // order, as a Set of them would; the table lists every scenario's.
    const distinct = [...new Set(many.scenarios.flatMap((s) => s.warnings.map(formatWarning)))];
    expect(distinct).toHaveLength(3000);
    expect(markdown).toContain(`## Warnings\n\n${distinct.map((w) => `- ${escapeMarkdown(w)}`).join('\n')}\n\n`);
    expect(table.split('\n').filter((l) => l.includes(' #2999'))).toEqual([
      `  base: ${formatWarning(many.scenarios[0]!.warnings[2999]!)}`,
      `  again: ${formatWarning(many.scenarios[1]!.warnings[2999]!)}`,
    ]);
  });

  it('CSV is the long table: scenario, period, the report columns, rank in the first and its change', () => {
    expect(BATCH_CSV_COLUMNS).toEqual(['scenario', 'from', 'to', ...CSV_COLUMNS, 'rank_first', 'rank_change']);
    const lines = BATCH_RENDERERS.csv(result, plain).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 10);
    expect(lines[6]).toMatch(/^reversed,2020,2022,1,NO-42,/);
    expect(lines[6]!.endsWith(',5,-4')).toBe(true);
  });

  it('table and Markdown show the summary and the rank of every region in every scenario', () => {
    for (const format of ['table', 'markdown'] as const) {
      const text = BATCH_RENDERERS[format](result, plain);
      expect(text).toContain('reversed');
      expect(text).toMatch(/1 \(-4\)/);
      expect(text).toMatch(/5 \(\+4\)/);
      expect(text).toContain(NOTICE);
    }
    expect(JSON.parse(BATCH_RENDERERS.json(result, plain)).summary[1]).toEqual({
      scenario: 'reversed',
      regions_moved: 4,
      largest_rank_change: 4,
      entered_top: [],
      left_top: [],
    });
  });
});
