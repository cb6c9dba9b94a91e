import { summarize } from '../../src/core/summary.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report-schema.js';
import fc from 'fast-check';
import { type MarkdownBlock, markdownText, renderMarkdown, renderMarkdownPieces } from '../../src/report/markdown.js';
import { renderOutput, renderOutputPieces } from '../../src/report/registry.js';
import { NOTICE, sampleContext, sampleReport } from './sample-report.js';
import { collectPieces, expectPiecesOfText } from '../helpers/pieces.js';

/** Split a GFM table row into its cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row
    .replace(/^\| | \|$/g, '')
    .split(/(?<!\\) \| /)
    .map((c) => c.trim());
}

describe('renderMarkdown', () => {
  // The ranked table: the first run of table lines (Method and sources has tables of its own).
  const firstTable = (ls: readonly string[]) => {
    const start = ls.findIndex((l) => l.startsWith('|'));
    const end = ls.findIndex((l, i) => i > start && !l.startsWith('|'));
    return ls.slice(start, end < 0 ? undefined : end);
  };
  let report: Report;
  let text: string;
  let lines: string[];
  let tableRows: string[];
  beforeAll(() => {
    report = sampleReport();
    text = renderMarkdown(report, sampleContext());
    lines = text.split('\n');
    tableRows = firstTable(lines);
  });

  it('starts with the heading and a headline', () => {
    expect(lines[0]).toBe('# Service vacuum 2018–2022');
    expect(lines[2]).toBe(
      '**3 of 5 ranked regions have a service vacuum**, 44 bed-equivalents in all; sorted by `vacuum_per_100k`, highest first.',
    );
  });

  it('has the columns, right-aligned numbers, one row per region', () => {
    expect(cells(tableRows[0]!)).toEqual([
      'Rank',
      'Region',
      'Population',
      'Beds B→T',
      'Bed change',
      'Community change (bed-eq.)',
      'Vacuum (bed-eq.)',
      'Vacuum per 100k',
      'Replacement',
      'Coverage index',
      'Flags',
    ]);
    expect(tableRows[1]).toBe('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    expect(tableRows).toHaveLength(2 + report.regions.length);
    for (const row of tableRows) expect(cells(row)).toHaveLength(11);
  });

  it('rounds numbers for display', () => {
    expect(cells(tableRows[2]!)).toEqual([
      '1',
      'Pohjois-Pohjanmaa (FI-17)',
      '483000',
      '260 → 200',
      '-60',
      '+20',
      '40',
      '8.3',
      '0.33',
      '62%', // coverage_index 0.6234
      '`carried_forward`',
    ]);
    expect(cells(tableRows[6]!)).toEqual([
      '5',
      'Agder \\| Sør, Vest (NO-42)',
      '300000',
      '–',
      '-30',
      '+35',
      '0',
      '0.0',
      '1.17',
      '50%', // coverage_index 0.5
      '`carried_forward`, `service_started_later`',
    ]);
    expect(cells(tableRows[5]!)[8]).toBe('–');
    expect(cells(tableRows[5]!)[9]).toBe('–'); // EG-C: no norm known, coverage_index null
  });

  it('escapes text cells: pipes, and a leading formula character', () => {
    expect(text).toContain('| Agder \\| Sør, Vest (NO-42) |');
    expect(text).not.toContain('Agder | Sør');
    expect(text).toContain('| \\=HYPERLINK("x") (ZZ-1) |');
    expect(text).toContain('| القاهرة (EG-C) |');
    expect(text).toContain('| Møre og Romsdal (NO-15) |');
  });

  it('lists excluded regions and warnings, escaped', () => {
    expect(text).toContain('## Excluded\n\n- SE-25: population at 2022 unknown\n');
    expect(text).toContain(
      '## Warnings\n\n- services.csv:7: dropped the unmapped service "a\\|b"\n- beds.csv: no rows for 2019\n',
    );
  });

  it('ends with the dataset\'s notice in italics, then "Method and sources" (SPEC §8)', () => {
    expect(text).toContain(`\n\n*${NOTICE}*\n\n## Method and sources\n\n`);
    const without = renderMarkdown(report, sampleContext({ provenance: undefined }));
    expect(without).not.toContain(NOTICE);
    expect(without).toContain('- beds.csv: no rows for 2019\n\n## Method and sources\n');
    expect(without.trimEnd().split('\n').at(-1)).toMatch(/^\| /); // a table of the method section
  });

  it('leaves out empty sections', () => {
    const bare = renderMarkdown({ ...report, excluded: [], warnings: [] }, sampleContext({ provenance: undefined }));
    expect(bare).not.toContain('## Excluded');
    expect(bare).not.toContain('## Warnings');
    expect(bare).not.toContain('Showing the top');
  });

  it('says when only the top N are shown', () => {
    const top = { ...report, regions: report.regions.slice(0, 2) };
    const md = renderMarkdown(top, sampleContext());
    expect(md).toContain('\n\nShowing the top 2 of 5 ranked regions.\n\n');
    // the headline speaks for all 5 ranked regions, not the 2 shown: 3 with a vacuum, 40 + 1.5 + 2.5 = 44
    expect(md).toContain('**3 of 5 ranked regions have a service vacuum**, 44 bed-equivalents in all');
    expect(text).not.toContain('Showing the top');
  });

  it('handles a report with no ranked region', () => {
    const md = renderMarkdown({ ...report, regions: [] }, sampleContext({ summary: summarize({ regions: [] }) }));
    expect(md).toContain('No region could be ranked.');
    expect(firstTable(md.split('\n'))).toHaveLength(2);
  });
});

describe('Markdown in pieces (the command line writes it so)', () => {
  it('markdownTexts: the blocks joined by blank lines, a list by line feeds, a line feed at the end', () => {
    const block = fc.oneof(fc.string({ maxLength: 8 }), fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (parts) => {
        const blocks: MarkdownBlock[] = parts.map((p) => (typeof p === 'string' ? p : { lines: p.values() }));
        // The oracle: the document as the renderers joined it before (each list joined first).
        const expected = `${parts.map((p) => (typeof p === 'string' ? p : p.join('\n'))).join('\n\n')}\n`;
        expect(markdownText(blocks)).toBe(expected);
      }),
      { seed: 18, numRuns: 200 },
    );
  });

  it("a report with 20,000 notices: the pieces' bytes are the whole text's, and the registry gives pieces", async () => {
    const base = sampleReport();
    const notices = Array.from({ length: 20_000 }, (_, i) => ({
      file: 'services.csv',
      line: i + 2,
      kind: 'plausibility' as const,
      message: `Østfold ${i}: crisis teams 27 in 2021 → 3 in 2022 (×0.11), القاهرة`,
    }));
    const report: Report = { ...base, warnings: [...base.warnings, ...notices] };
    const whole = renderMarkdown(report, sampleContext());
    expect(whole).toContain('## Plausibility notices');
    expectPiecesOfText([...renderMarkdownPieces(report, sampleContext())], whole, { moreThan: 10 });
    const output = { kind: 'report', format: 'markdown', data: report, context: sampleContext() } as const;
    expectPiecesOfText(await collectPieces((await renderOutputPieces(output)) as AsyncIterable<Uint8Array>), await renderOutput(output));
  });
});
