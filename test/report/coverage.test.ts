// The coverage renderers (SPEC §7): JSON key order, the long CSV, the terminal table coloured by
// band, and Markdown.
import { parse } from 'csv-parse/sync';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoverageReportSchema, type CoverageReport } from '../../src/core/coverage-schema.js';
import { COVERAGE_CSV_COLUMNS, renderCoverageCsv } from '../../src/report/coverage/csv.js';
import { renderCoverageHtml, renderCoverageHtmlPieces } from '../../src/report/coverage/html.js';
import { renderCoverageJson } from '../../src/report/coverage/json.js';
import { renderCoverageMarkdown, renderCoverageMarkdownPieces } from '../../src/report/coverage/markdown.js';
import { renderCoverageTable, renderCoverageTablePieces } from '../../src/report/coverage/table.js';
import { COVERAGE_NOTICE, sampleCoverage, sampleCoverageContext } from './sample-coverage.js';
import { expectPiecesOfText } from '../helpers/pieces.js';

const ESC = '\u001b[';
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('renderCoverageJson', () => {
  let report: CoverageReport;
  beforeAll(() => {
    report = sampleCoverage();
  });

  it('parses back to the report, unrounded, valid under the schema', () => {
    const parsed = JSON.parse(renderCoverageJson(report, sampleCoverageContext()));
    expect(parsed).toEqual(report);
    expect(CoverageReportSchema.parse(parsed)).toEqual(report);
    expect(parsed.regions[0].norms[0].coverage).toBe(20 / 28.1);
  });

  it('writes exactly the SPEC §7 keys in order, whatever the input order, and drops others', () => {
    const rev = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const messy = {
      ...rev(report),
      extra: 1,
      regions: report.regions.map((r) => ({ ...rev(r), secret: true, norms: r.norms.map(rev) })),
    } as CoverageReport;
    const text = renderCoverageJson(messy, sampleCoverageContext());
    expect(text).toBe(renderCoverageJson(report, sampleCoverageContext()));
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['servicegap', 'to', 'regions', 'excluded', 'warnings', 'provenance']);
    expect(Object.keys(parsed.regions[0])).toEqual(['rank', 'region', 'name', 'population', 'coverage_index', 'norms']);
    expect(Object.keys(parsed.regions[0].norms[0])).toEqual(['norm', 'value', 'per_100k', 'norm_low', 'norm_high', 'coverage', 'gap']);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('renderCoverageCsv (long: one row per region × norm)', () => {
  let report: CoverageReport;
  let text: string;
  let lines: string[];
  beforeAll(() => {
    report = sampleCoverage();
    text = renderCoverageCsv(report, sampleCoverageContext());
    lines = text.split('\n');
  });

  it('has the region columns then the norm columns, named as in the JSON', () => {
    expect(lines[0]).toBe('rank,region,name,population,coverage_index,norm,value,per_100k,norm_low,norm_high,coverage,gap');
    expect(COVERAGE_CSV_COLUMNS.join(',')).toBe(lines[0]);
    // 3 regions × 3 norms + header + final newline
    expect(lines).toHaveLength(3 * 3 + 2);
    expect(lines.at(-1)).toBe('');
    expect(text).not.toContain('\r');
  });

  it('unrounded numbers, null as empty, formula-like text neutralised, pipes and commas quoted', () => {
    expect(lines[1]).toBe(
      `1,ZZ-1,"'=HYPERLINK(""x"")",50000,${String((20 / 28.1 + 0.4) / 2)},psychiatric_beds,10,20,28.1,41.7,${String(20 / 28.1)},${String(((28.1 - 20) * 50000) / 100000)}`,
    );
    expect(lines[3]).toBe(`1,ZZ-1,"'=HYPERLINK(""x"")",50000,${String((20 / 28.1 + 0.4) / 2)},crisis_teams,,,0.667,0.667,,`);
    expect(lines[4]!.startsWith('2,NO-42,"Agder | Sør, Vest",300000,')).toBe(true);
    expect(lines[7]).toBe('3,EG-C,القاهرة,10000000,,psychiatric_beds,,,28.1,41.7,,');
  });

  it('round-trips through a CSV parser', () => {
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(9);
    for (const [i, row] of rows.entries()) {
      const region = report.regions[Math.floor(i / 3)]!;
      const norm = region.norms[i % 3]!;
      expect(row.region).toBe(region.region);
      expect(row.norm).toBe(norm.norm);
      for (const key of ['value', 'per_100k', 'norm_low', 'norm_high', 'coverage', 'gap'] as const) {
        const v = norm[key];
        expect(row[key] === '' ? null : Number(row[key]), `${region.region}.${norm.norm}.${key}`).toBe(v);
      }
    }
  });

  it('only the header when nothing is ranked', () => {
    expect(renderCoverageCsv({ ...report, regions: [] }, sampleCoverageContext())).toBe(`${lines[0]}\n`);
  });
});

describe('renderCoverageTable', () => {
  let report: CoverageReport;
  beforeAll(() => {
    report = sampleCoverage();
  });

  it('has one column per norm with coverage as a percentage, and rounds the index', () => {
    const text = renderCoverageTable(report, sampleCoverageContext());
    expect(text).not.toContain(ESC);
    const table = text.split('\n').filter((l) => l.startsWith('│'));
    const cells = (line: string) => line.split('│').map((c) => c.trim()).slice(1, -1);
    expect(cells(table[0]!)).toEqual(['#', 'Region', 'Name', 'Pop.', 'Index', 'psychiatric_beds', 'supported_living', 'crisis_teams']);
    // 0.55587 → 56%; 20 / 28.1 = 0.7117 → 71%; 0.4 → 40%; unknown → –
    expect(cells(table[1]!)).toEqual(['1', 'ZZ-1', '=HYPERLINK("x")', '50,000', '56%', '71%', '40%', '–']);
    // 50 / 28.1 = 1.779 → 178%; 15 / 10 → 150%; 0.66667 / 0.667 = 0.9995 → 100% (still under)
    expect(cells(table[2]!)).toEqual(['2', 'NO-42', 'Agder | Sør, Vest', '300,000', '100%', '178%', '150%', '100%']);
    expect(cells(table[3]!)).toEqual(['3', 'EG-C', 'القاهرة', '10,000,000', '–', '–', '–', '–']);
  });

  it('colours each coverage by band: red under, green within, cyan above; unknown plain', () => {
    const text = renderCoverageTable(report, sampleCoverageContext({ color: true }));
    const row = (code: string) => text.split('\n').find((l) => l.includes(` ${code} `))!;
    expect(row('ZZ-1')).toContain('\u001b[31m71%\u001b[39m'); // under
    expect(row('ZZ-1')).toContain('\u001b[31m40%\u001b[39m');
    expect(row('NO-42')).toContain('\u001b[36m178%\u001b[39m'); // above the high end
    expect(row('NO-42')).toContain('\u001b[32m150%\u001b[39m'); // within
    expect(row('NO-42')).toContain('\u001b[31m100%\u001b[39m'); // 99.95%: under, though it rounds to 100%
    expect(row('EG-C')).not.toContain('\u001b[3');
    expect(text).toContain('Colours: ');
  });

  it('lines up with and without colour', () => {
    for (const color of [false, true]) {
      const lines = stripAnsi(renderCoverageTable(report, sampleCoverageContext({ color }))).split('\n');
      const table = lines.slice(lines.findIndex((l) => l.startsWith('┌')), lines.findIndex((l) => l.startsWith('└')) + 1);
      expect(new Set(table.map((l) => stringWidth(l))).size).toBe(1);
    }
  });

  it('lists the gaps in the norm\'s own unit, the norms with sources, a summary, excluded and the notice', () => {
    const text = renderCoverageTable(report, sampleCoverageContext());
    const after = text.slice(text.lastIndexOf('┘') + 2).split('\n');
    expect(after[0]).toBe("Short of a norm's low end at 2022:");
    // (28.1 − 20) × 0.5 = 4.050000000000001 in binary → "4.1"; (10 − 4) × 0.5 = 3
    expect(after[1]).toBe('  ZZ-1: 4.1 beds short (psychiatric_beds 71%); 3 supported-living places short (supported_living 40%)');
    // (0.667 − 0.66667) × 3 = 0.001 teams: shown as "< 0.1", not "0"
    expect(after[2]).toBe('  NO-42: < 0.1 crisis teams short (crisis_teams 100%)');
    expect(after[3]).toBe('Norms (coverage = per 100k ÷ the low end; index = mean of coverage capped at 100%):');
    expect(after[4]).toMatch(/^ {2}psychiatric_beds: 28\.1–41\.7 beds per 100k, counting beds\.csv beds \+ .*; source: Hudson 2021/);
    expect(after[6]).toMatch(/^ {2}crisis_teams: 0\.667 crisis teams per 100k, counting crisis teams; source: CRHT/);
    expect(after.slice(7)).toEqual([
      '– = unknown at 2022 (no bed stock for the region at or before it, or nothing in the data measures the norm), left out of the index.',
      'Coverage against norms at 2022: 3 regions ranked, least covered first; 2 are under the low end of at least one norm.',
      'Excluded (not ranked):',
      '  SE-25: population',
      COVERAGE_NOTICE,
      // SPEC §8: one closing line on the method (the sample's provenance is empty: no config file)
      'Method: no config file; default weights. Details: --format json (provenance) or --provenance FILE.',
      '',
    ]);
  });

  it('one column per norm in force: a config norm gets its own column', () => {
    const norms = sampleCoverageContext().norms.slice(0, 1);
    const text = renderCoverageTable({ ...report, regions: report.regions.map((r) => ({ ...r, norms: r.norms.slice(0, 1) })) }, sampleCoverageContext({ norms }));
    expect(text.split('\n').find((l) => l.includes('Index'))).toMatch(/│ Index │ psychiatric_beds │$/);
  });

  it('neutralises control characters in names', () => {
    const evil = { ...report, regions: [{ ...report.regions[0]!, name: 'X\u001b[2JY' }] };
    expect(renderCoverageTable(evil, sampleCoverageContext())).not.toContain('\u001b');
  });
});

describe('renderCoverageMarkdown', () => {
  let text: string;
  beforeAll(() => {
    text = renderCoverageMarkdown(sampleCoverage(), sampleCoverageContext());
  });

  it('in pieces (the command line writes it so): the bytes of the whole text, for 3,000 copies of the regions (Markdown, page, table)', () => {
    const base = sampleCoverage();
    const big = { ...base, regions: Array.from({ length: 3000 }, (_, i) => ({ ...base.regions[i % base.regions.length]!, rank: i + 1, region: `R${i}` })) };
    expectPiecesOfText([...renderCoverageMarkdownPieces(big, sampleCoverageContext())], renderCoverageMarkdown(big, sampleCoverageContext()), { moreThan: 5 });
    // Its page too.
    expectPiecesOfText([...renderCoverageHtmlPieces(big, sampleCoverageContext())], renderCoverageHtml(big, sampleCoverageContext()), { moreThan: 1 });
    // And its terminal table.
    expectPiecesOfText([...renderCoverageTablePieces(big, sampleCoverageContext())], renderCoverageTable(big, sampleCoverageContext()), { moreThan: 1 });
  });

  it('heading, headline, ranked table with a column per norm', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Coverage against norms, 2022');
    expect(lines[2]).toBe('**2 of 3 ranked regions are under the low end of at least one norm**; least covered first.');
    expect(text).toContain('| Rank | Region | Population | Coverage index | psychiatric\\_beds | supported\\_living | crisis\\_teams |');
    expect(text).toContain('| 1 | \\=HYPERLINK("x") (ZZ-1) | 50000 | 56% | 71% | 40% | – |');
    expect(text).toContain('| 2 | Agder \\| Sør, Vest (NO-42) | 300000 | 100% | 178% | 150% | 100% |');
    expect(text).toContain('| 3 | القاهرة (EG-C) | 10000000 | – | – | – | – |');
  });

  it('every region × norm with value, per 100k, range, coverage and the gap in the norm\'s unit', () => {
    expect(text).toContain('| ZZ-1 | supported\\_living | 2 | 4.0 | 10–20 | 40% | 3 supported-living places short |');
    expect(text).toContain('| NO-42 | psychiatric\\_beds | 150 | 50.0 | 28.1–41.7 | 178% | none |');
    expect(text).toContain('| EG-C | crisis\\_teams | – | – | 0.667 | – | – |');
  });

  it('the norms with their sources, and that norms are not entitlements; excluded, warnings, notice', () => {
    expect(text).toContain('Norms are planning references, not entitlements.');
    expect(text).toMatch(/\| supported\\_living \| supported\\_living places \+ beds \| 10–20 \| supported-living places \| B-MHCC/);
    expect(text).toContain('## Excluded\n\n- SE-25: population');
    expect(text).toContain('services.csv:7: dropped the unmapped service "a\\|b"');
    // the dataset's notice, then "Method and sources" last (SPEC §8)
    expect(text).toContain(`*${COVERAGE_NOTICE}*\n\n## Method and sources\n`);
    expect(text.indexOf('## Method and sources')).toBeGreaterThan(text.indexOf('## Norms'));
  });
});

// The coverage page (issue 19) under SPEC §8: a region excluded for want of community data is
// listed with its reason; plausibility notices apart from warnings; "Method and sources" with the
// run's provenance, as the report's page.
describe('renderCoverageHtml', () => {
  let html: string;
  beforeAll(() => {
    const base = sampleCoverage();
    const report: CoverageReport = {
      ...base,
      excluded: [...base.excluded, { region: 'DK-84', reason: 'community' }],
      warnings: [...base.warnings, { file: 'beds.csv', line: null, message: 'beds in NO-42 fall by a factor 4 from 2019 to 2020', kind: 'plausibility' }],
    };
    html = renderCoverageHtml(report, sampleCoverageContext());
  });

  it('lists the excluded regions with their reasons, warnings and notices apart', () => {
    expect(/<section id="excluded"[^]*?<\/section>/.exec(html)![0]).toContain('<li><bdi>DK-84</bdi>: community</li>');
    const warnings = /<section id="warnings"[^]*?<\/section>/.exec(html)![0];
    expect(warnings).toContain('dropped the unmapped service');
    expect(warnings).not.toContain('factor 4');
    expect(/<section id="notices"[^]*?<\/section>/.exec(html)![0]).toContain('beds in NO-42 fall by a factor 4 from 2019 to 2020');
  });

  it('ends with Method and sources: the method (missing is not zero) and the run’s provenance', () => {
    const method = /<section id="provenance"[^]*?<\/section>/.exec(html)![0];
    expect(method).toContain('<h2 id="provenance-title">Method and sources</h2>');
    expect(method).toContain('A region with no row in the services data is not ranked (missing is not zero)');
    expect(method).toContain('<h3>This report</h3><dl class="method">');
    // the norms in force, from the provenance (SPEC §4 defaults: psychiatric beds 28.1–41.7)
    expect(method).toContain('<code>psychiatric_beds</code>');
  });
});
