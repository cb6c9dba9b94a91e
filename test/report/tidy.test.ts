// The tidy outputs (issue 16), each read back by an independent reader: the long CSV by
// csv-parse and pivoted back to one row per region, Parquet by hyparquet (a separate reader
// package; DuckDB reads the same files in bench/parquet-duckdb.mjs). Every value must come back
// exactly, with its type, and null stays null.
import { parse } from 'csv-parse/sync';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../../src/core/analyze-coverage.js';
import { analyze } from '../../src/core/analyze.js';
import { withInterval } from '../../src/core/interval.js';
import { trend } from '../../src/core/trend.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { summarizeTrend } from '../../src/core/trend.js';
import { textNumber } from '../../src/report/number-text.js';
import type { Output } from '../../src/report/output.js';
import { renderOutput, renderOutputPieces } from '../../src/report/registry.js';
import { csvCell } from '../../src/report/safe-cell.js';
import { type DataTable, tableCsv } from '../../src/report/tidy/data-table.js';
import { tableParquet } from '../../src/report/tidy/parquet.js';
import { coverageLong, coverageTable, reportLong, reportTable, trendLong, trendTable } from '../../src/report/tidy/tables.js';
import { sampleContext, sampleReport } from './sample-report.js';
import { collectPieces, expectPiecesOfText } from '../helpers/pieces.js';

const toBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

async function readParquet(bytes: Uint8Array) {
  const file = toBuffer(bytes);
  const metadata = parquetMetadata(file);
  const schema = Object.fromEntries(parquetSchema(metadata).children.map((c) => [c.element.name, [c.element.type, c.element.converted_type ?? null]]));
  const rows = await parquetReadObjects({ file, metadata });
  const kv = Object.fromEntries((metadata.key_value_metadata ?? []).map((e) => [e.key, e.value]));
  return { schema, rows, kv };
}

describe('long format (one row per region × metric, with its unit)', () => {
  it('pivoted back by an independent CSV reader, it is the report, value for value; nulls stay empty', () => {
    const report = sampleReport();
    const rows = parse<Record<string, string>>(tableCsv(reportLong(report)), { columns: true });
    const metrics = Object.keys(report.regions[0]!).filter((k) => !['region', 'name', 'flags', 'categories_not_reported'].includes(k));
    // A row per metric of every region: the ranked, then the excluded (no region vanishes).
    expect(report.excluded.length).toBeGreaterThan(0);
    expect(rows).toHaveLength((report.regions.length + report.excluded.length) * metrics.length);
    expect(Object.keys(rows[0]!)).toEqual(['region', 'name', 'from', 'to', 'metric', 'value', 'unit', 'flags', 'categories_not_reported', 'excluded_reason']);
    // An excluded region: every value empty (missing is not zero), the metric's unit, and why.
    for (const e of report.excluded) {
      const own = rows.filter((r) => r.region === e.region);
      expect(own.map((r) => r.metric)).toEqual(metrics);
      for (const r of own) expect([r.value, r.excluded_reason, r.flags]).toEqual(['', e.reason, '']);
    }
    expect(rows.filter((r) => report.regions.some((g) => g.region === r.region)).every((r) => r.excluded_reason === '')).toBe(true);
    for (const region of report.regions) {
      for (const metric of metrics) {
        const row = rows.find((r) => r.region === region.region && r.metric === metric)!;
        const value = region[metric as keyof typeof region] as number | null;
        // csv-parse gives text: '' for null, else the number rounded to 12 significant digits (no binary noise)
        expect(row.value === '' ? null : Number(row.value)).toBe(value === null || Number.isInteger(value) ? value : Number(value.toPrecision(12)));
        expect([row.from, row.to]).toEqual([String(report.from), String(report.to)]);
        // the region's flags and categories not reported (SPEC §8) on each of its rows, joined by ";"
        expect([row.flags, row.categories_not_reported]).toEqual([region.flags.join(';'), region.categories_not_reported.join(';')]);
      }
    }
    const unit = (metric: string) => rows.find((r) => r.metric === metric)!.unit;
    expect(unit('vacuum_per_100k')).toBe('bed-equivalents per 100,000 residents');
    expect(unit('beds_from')).toBe('beds');
    expect(unit('vacuum_be')).toBe('bed-equivalents');
    expect(unit('population')).toBe('residents');
  });

  it('with intervals: four more metrics per region; coverage and trend long tables', async () => {
    const { dataset, weights, norms } = await loadDataset({ data: 'fixtures/sensitivity-corners' });
    const report = withInterval(dataset, analyze(dataset, { weights, norms }), { weights, norms, draws: 50 });
    const long = reportLong(report);
    const metrics = new Set(long.columns.find((c) => c.name === 'metric')!.values);
    for (const m of ['vacuum_per_100k_p5', 'vacuum_per_100k_p95', 'rank_p5', 'rank_p95']) expect(metrics.has(m)).toBe(true);

    const coverage = analyzeCoverage(dataset, { norms });
    const crows = parse<Record<string, string>>(tableCsv(coverageLong(coverage, norms)), { columns: true });
    // per region: its coverage_index, then 6 metrics for each norm
    expect(crows).toHaveLength(coverage.regions.reduce((n, r) => n + 1 + 6 * r.norms.length, 0));
    const first = coverage.regions[0]!;
    const gap = crows.find((r) => r.region === first.region && r.norm === first.norms[0]!.norm && r.metric === 'gap')!;
    const g = first.norms[0]!.gap;
    expect(gap.value === '' ? null : Number(gap.value)).toBe(g === null || Number.isInteger(g) ? g : Number(g.toPrecision(12)));
    expect(gap.unit).toBe(norms.find((n) => n.norm === first.norms[0]!.norm)!.unitLabel);

    const t = trend(dataset, { weights });
    const trows = parse<Record<string, string>>(tableCsv(trendLong(t)), { columns: true });
    const y = t.regions[0]!.years.at(-1)!;
    const v = trows.find((r) => r.region === t.regions[0]!.region && r.year === String(y.year) && r.metric === 'vacuum_per_100k')!;
    expect(Number(v.value)).toBe(Number(y.vacuum_per_100k.toPrecision(12)));
  });
});

describe('trendTable', () => {
  it('is the table of one row per region × year, each row the region\'s fields then the year\'s (as spreading them gave)', async () => {
    // The bundled dataset: 25 regions over 2015–2025.
    const { dataset, weights } = await loadDataset();
    const t = trend(dataset, { weights });
    // The oracle: an object per row, the region's fields and the year's spread into it, read by column.
    const rows: Record<string, unknown>[] = t.regions.flatMap(({ years, ...r }) => years.map((y) => ({ ...r, ...y })));
    const table = trendTable(t);
    expect(table.columns.map((c) => c.name)).toEqual(['rank', 'region', 'name', 'first_vacuum_year', 'peak_vacuum_per_100k', 'peak_year', 'open', ...Object.keys(t.regions[0]!.years[0]!)]);
    for (const column of table.columns) {
      expect(column.values).toEqual(rows.map((row) => (Array.isArray(row[column.name]) ? (row[column.name] as string[]).join(';') : (row[column.name] ?? null))));
    }
    expect(rows.length).toBeGreaterThan(100);
  });
});

describe('long format in pieces (the command line writes it so)', () => {
  it('the bytes of the whole long CSV for report, coverage and trend; to Parquet, the whole file as before', async () => {
    const { dataset, weights, norms } = await loadDataset({ data: 'fixtures/sensitivity-corners' });
    const report = withInterval(dataset, analyze(dataset, { weights, norms }), { weights, norms, draws: 50 });
    const coverage = analyzeCoverage(dataset, { norms });
    const t = trend(dataset, { weights });
    // The oracle: each table held whole and written as CSV cell by cell (as tableCsv was written
    // before the rows were made one at a time): header, then every row, a line feed after each.
    const cellText = (v: string | number | boolean | null) => csvCell(typeof v === 'boolean' ? String(v) : typeof v === 'number' ? textNumber(v) : v);
    const whole = (table: DataTable) =>
      [table.columns.map((c) => csvCell(c.name)), ...table.columns[0]!.values.map((_, i) => table.columns.map((c) => cellText(c.values[i] ?? null)))].map((cells) => `${cells.join(',')}\n`).join('');
    const cases = [
      [{ kind: 'report', format: 'long', data: report, context: { ...sampleContext(), norms } }, reportLong(report)],
      [{ kind: 'coverage', format: 'long', data: coverage, context: { color: false, norms, provenance: sampleContext().provenance } }, coverageLong(coverage, norms)],
      [{ kind: 'trend', format: 'long', data: t, context: { color: false, summary: summarizeTrend(t) } }, trendLong(t)],
    ] as const;
    for (const [output, table] of cases) {
      const pieces = await renderOutputPieces(output);
      expect(typeof pieces === 'object' && Symbol.asyncIterator in pieces).toBe(true);
      expectPiecesOfText(await collectPieces(pieces as AsyncIterable<Uint8Array>), whole(table));
      expect(tableCsv(table)).toBe(whole(table));
      expect(await renderOutput(output as Output)).toBe(whole(table));
      // To a .parquet file the long table is Parquet bytes, made whole.
      const parquet = { ...output, context: { ...output.context, longAsParquet: true } } as Output;
      const bytes = await renderOutputPieces(parquet);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(bytes as Uint8Array).subarray(0, 4).toString('latin1')).toBe('PAR1');
    }
  });
});

describe('numbers in the tidy CSV: no binary noise', () => {
  it('12 significant digits, shortest form; Parquet keeps the exact double', async () => {
    const table = { columns: [{ name: 'x', type: 'double' as const, values: [0.1 + 0.2, 6.300000000000001, 13.267668902163578, 483000, -0, null] }] };
    expect(tableCsv(table)).toBe('x\n0.3\n6.3\n13.2676689022\n483000\n0\n\n');
    const { rows } = await readParquet(tableParquet(table));
    expect(rows.map((r) => r.x)).toEqual([0.1 + 0.2, 6.300000000000001, 13.267668902163578, 483000, -0, null]);
  });

  it('the writer is given the columns themselves and leaves them as they were, over several row groups', async () => {
    // 250,000 rows: more than one of hyparquet-writer's row groups (100,000 rows at most).
    const n = 250_000;
    const values = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i / 3));
    const names = Array.from({ length: n }, (_, i) => `R${i % 1000}`);
    const table = { columns: [{ name: 'x', type: 'double' as const, values }, { name: 'region', type: 'string' as const, values: names }] };
    const before = [[...values], [...names]];
    const { rows } = await readParquet(tableParquet(table));
    expect([values, names]).toEqual(before);
    expect(rows).toHaveLength(n);
    expect(rows[n - 1]).toEqual({ x: (n - 1) / 3, region: `R${(n - 1) % 1000}` });
    expect(rows[7]!.x).toBeNull();
  });
});

describe('Parquet', () => {
  it('the report: typed columns (INT32 rank, DOUBLE metrics, UTF-8 text), every value back exactly, nulls null', async () => {
    const report = sampleReport();
    const { schema, rows, kv } = await readParquet(tableParquet(reportTable(report), { servicegap: '9.9.9' }));
    expect(schema.rank).toEqual(['INT32', null]);
    expect(schema.vacuum_per_100k).toEqual(['DOUBLE', null]);
    expect(schema.region).toEqual(['BYTE_ARRAY', 'UTF8']);
    expect(kv.servicegap).toBe('9.9.9');
    // The CSV's rows: the ranked regions, then the excluded with the reason in excluded_reason.
    expect(rows).toHaveLength(report.regions.length + report.excluded.length);
    report.regions.forEach((r, i) => {
      const row = rows[i]!;
      for (const [key, value] of Object.entries(r)) {
        // flags and categories_not_reported (lists) as text joined by ";"
        expect(row[key], key).toEqual(Array.isArray(value) ? value.join(';') : value);
      }
      expect(row.excluded_reason).toBeNull();
    });
    report.excluded.forEach((e, i) => {
      const row = rows[report.regions.length + i]!;
      expect(row).toMatchObject({ region: e.region, rank: null, vacuum_per_100k: null, excluded_reason: e.reason });
    });
  });

  it('coverage and trend round trip; the long table too', async () => {
    const { dataset, weights, norms } = await loadDataset({ data: 'fixtures/sensitivity-corners' });
    const coverage = analyzeCoverage(dataset, { norms });
    const c = await readParquet(tableParquet(coverageTable(coverage)));
    expect(c.rows).toHaveLength(coverage.regions.reduce((n, r) => n + r.norms.length, 0));
    expect(c.rows[0]).toMatchObject({ rank: 1, region: coverage.regions[0]!.region, norm: coverage.regions[0]!.norms[0]!.norm, gap: coverage.regions[0]!.norms[0]!.gap });
    const t = trend(dataset, { weights });
    const tr = await readParquet(tableParquet(trendTable(t)));
    expect(tr.schema.open).toEqual(['BOOLEAN', null]);
    expect(tr.schema.year).toEqual(['INT32', null]);
    const last = t.regions[0]!.years.at(-1)!;
    expect(tr.rows.find((r) => r.region === t.regions[0]!.region && r.year === last.year)).toMatchObject({
      vacuum_per_100k: last.vacuum_per_100k,
      open: t.regions[0]!.open,
      // a list (SPEC §8) is UTF-8 text joined by ";"
      categories_not_reported: last.categories_not_reported.join(';'),
    });
    expect(tr.schema.categories_not_reported).toEqual(['BYTE_ARRAY', 'UTF8']);
    // the sample has a region whose beds are unknown (events-file style): its rows say null, not 0
    const sample = sampleReport();
    const unknown = sample.regions.find((r) => r.beds_from === null)!;
    const long = await readParquet(tableParquet(reportLong(sample)));
    expect(long.schema.value).toEqual(['DOUBLE', null]);
    expect(long.rows.find((r) => r.region === unknown.region && r.metric === 'beds_from')!.value).toBeNull();
    expect(long.rows.find((r) => r.region === unknown.region && r.metric === 'population')!.value).toBe(unknown.population);
  });

  it('refuses a whole-number column holding a fraction', () => {
    expect(() => tableParquet({ columns: [{ name: 'rank', type: 'int', values: [1.5] }] })).toThrow(/INT32/);
  });
});
