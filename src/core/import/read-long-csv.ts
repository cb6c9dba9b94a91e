// Long CSV formats with one observation per line → an ImportTable. Pure; no IO.
// - SDMX-CSV (1.0: `DATAFLOW,LAST UPDATE,freq,…,TIME_PERIOD,OBS_VALUE,OBS_FLAG`; 2.0:
//   `STRUCTURE,STRUCTURE_ID,ACTION,…`): the dimensions are the columns before OBS_VALUE, less the
//   structure columns; OBS_FLAG / OBS_STATUS are kept as the cell's flag. With labels
//   (`freq:Time frequency`, cells `A:Annual`) the code is the part before the first colon.
// - WHO GHO CSV (the GHO download: `IndicatorCode,SpatialDimension,SpatialDimensionValueCode,
//   TimeDimension,TimeDim,…,NumericValue`) and GHO JSON (the OData API: `{"value": [{
//   "IndicatorCode", "SpatialDimType", "SpatialDim", "TimeDim", "NumericValue", …}]}`): read into
//   the API's names, so one preset serves both.
import { parse } from 'csv-parse/sync';
import { findNodeAtLocation } from 'jsonc-parser';
import { parseJsonTree } from './json-tree.js';
import type { Dimension, DimensionRole, ImportIssue, ImportTable, Observation, SourceLocation } from './table.js';

interface Record_ {
  readonly cells: Readonly<Record<string, string>>;
  readonly at: SourceLocation;
}

/** Parse CSV text into records keyed by header, each with its physical line. */
export function readCsvRecords(text: string, file: string, issues: ImportIssue[]): { header: string[]; records: Record_[] } | undefined {
  try {
    // bom: csv-parse drops a leading byte-order mark; relax_column_count false: every record has
    // a cell for each header name (a short or long line is an error with its line).
    const rows = parse(text, { relax_column_count: false, skip_empty_lines: true, info: true, bom: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    if (rows.length === 0) {
      issues.push({ file, at: {}, message: 'expected a header line, the file is empty' });
      return undefined;
    }
    const header = rows[0]!.record.map((h) => h.trim());
    const records = rows.slice(1).map(({ record, info }) => ({
      cells: Object.fromEntries(header.map((h, i) => [h, record[i]!])),
      at: { line: info.lines },
    }));
    return { header, records };
  } catch (error) {
    const e = error as { message: string; lines?: number };
    issues.push({ file, at: e.lines === undefined ? {} : { line: e.lines }, message: `not valid CSV: ${e.message}` });
    return undefined;
  }
}

/** Build dimensions from the distinct codes seen per column, in first-seen order. */
function dimensionsOf(ids: readonly string[], records: readonly { codes: readonly string[]; labels?: readonly string[] }[], roles: Readonly<Record<string, DimensionRole>>): Dimension[] {
  return ids.map((id, d) => {
    const seen = new Map<string, string>();
    for (const r of records) if (!seen.has(r.codes[d]!)) seen.set(r.codes[d]!, r.labels?.[d] ?? r.codes[d]!);
    return { id, label: id, role: roles[id], categories: [...seen].map(([code, label]) => ({ code, label })) };
  });
}

const SDMX_STRUCTURE = new Set(['DATAFLOW', 'STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'LAST UPDATE', 'STRUCTURE_NAME']);

export function readSdmxCsv(text: string, file: string, issues: ImportIssue[]): ImportTable | undefined {
  const csv = readCsvRecords(text, file, issues);
  if (csv === undefined) return undefined;
  const code = (h: string) => h.split(':')[0]!.trim();
  const header = csv.header.map(code);
  const valueAt = header.indexOf('OBS_VALUE');
  if (valueAt < 0) {
    issues.push({ file, at: { line: 1 }, message: `expected an SDMX-CSV header with OBS_VALUE (and TIME_PERIOD), got ${csv.header.slice(0, 8).join(',')}` });
    return undefined;
  }
  const dimIds = csv.header.slice(0, valueAt).filter((h) => !SDMX_STRUCTURE.has(code(h).toUpperCase()));
  const flagColumn = csv.header.find((h) => ['OBS_FLAG', 'OBS_STATUS'].includes(code(h).toUpperCase()));
  const valueColumn = csv.header[valueAt]!;
  const observations: Observation[] = [];
  const parts: { codes: string[]; labels: string[] }[] = [];
  const before = issues.length;
  for (const r of csv.records) {
    const cells = dimIds.map((h) => r.cells[h]!.trim());
    const codes = cells.map(code);
    const labels = cells.map((c) => (c.includes(':') ? c.slice(c.indexOf(':') + 1).trim() : code(c)));
    const raw = r.cells[valueColumn]!.trim();
    const flag = flagColumn === undefined ? undefined : code(r.cells[flagColumn]!) || undefined;
    let value: number | null = null;
    if (raw !== '' && raw !== ':' && raw.toUpperCase() !== 'NAN') {
      value = Number(raw);
      if (!Number.isFinite(value)) {
        issues.push({ file, at: { line: r.at.line, column: valueAt + 1 }, message: `column OBS_VALUE: expected a number, got ${JSON.stringify(raw)}` });
        continue;
      }
    }
    parts.push({ codes, labels });
    observations.push({ codes, value, status: value === null ? (flag ?? ':') : flag, at: { line: r.at.line, column: valueAt + 1 } });
  }
  if (issues.length > before) return undefined;
  const ids = dimIds.map(code);
  const roles: Record<string, DimensionRole> = { TIME_PERIOD: 'time', geo: 'geo', GEO: 'geo', REF_AREA: 'geo' };
  return { file, dimensions: dimensionsOf(ids, parts, roles), observations, notes: [] };
}

// GHO CSV column → the API's field name.
const GHO_CSV_NAMES: Readonly<Record<string, string>> = {
  SpatialDimension: 'SpatialDimType',
  SpatialDimensionValueCode: 'SpatialDim',
  TimeDimension: 'TimeDimType',
  DisaggregatingDimension1: 'Dim1Type',
  DisaggregatingDimension1ValueCode: 'Dim1',
  DisaggregatingDimension2: 'Dim2Type',
  DisaggregatingDimension2ValueCode: 'Dim2',
  DisaggregatingDimension3: 'Dim3Type',
  DisaggregatingDimension3ValueCode: 'Dim3',
  DataSourceDimension: 'DataSourceDimType',
  DataSourceDimensionValueCode: 'DataSourceDim',
};
const GHO_DIMENSIONS = ['IndicatorCode', 'SpatialDimType', 'SpatialDim', 'TimeDimType', 'TimeDim', 'Dim1Type', 'Dim1', 'Dim2Type', 'Dim2', 'Dim3Type', 'Dim3', 'DataSourceDimType', 'DataSourceDim'];

function ghoTable(file: string, rows: readonly { fields: Readonly<Record<string, unknown>>; at: SourceLocation }[], issues: ImportIssue[]): ImportTable | undefined {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  // Only the dimensions the file uses (a GHO indicator without Dim1 has no Dim1 column or nulls).
  const used = GHO_DIMENSIONS.filter((d) => rows.some((r) => text(r.fields[d]) !== ''));
  if (!used.includes('SpatialDim') || !used.includes('TimeDim')) {
    issues.push({ file, at: {}, message: 'expected WHO GHO data: fields IndicatorCode, SpatialDim (CSV: SpatialDimensionValueCode), TimeDim and NumericValue' });
    return undefined;
  }
  const observations: Observation[] = [];
  const before = issues.length;
  for (const r of rows) {
    const codes = used.map((d) => text(r.fields[d]));
    const raw = r.fields['NumericValue'];
    let value: number | null = null;
    if (typeof raw === 'number') value = raw;
    else if (text(raw) !== '') {
      value = Number(text(raw));
      if (!Number.isFinite(value)) {
        issues.push({ file, at: r.at, message: `NumericValue: expected a number, got ${JSON.stringify(raw)}` });
        continue;
      }
    }
    // GHO has no status column: an empty NumericValue keeps the display Value as its marker.
    observations.push({ codes, value, status: value === null ? text(r.fields['Value']) || 'empty' : undefined, at: r.at });
  }
  if (issues.length > before) return undefined;
  const roles: Record<string, DimensionRole> = { SpatialDim: 'geo', TimeDim: 'time', IndicatorCode: 'metric' };
  return { file, dimensions: dimensionsOf(used, observations, roles), observations, notes: [] };
}

export function readGhoCsv(text: string, file: string, issues: ImportIssue[]): ImportTable | undefined {
  const csv = readCsvRecords(text, file, issues);
  if (csv === undefined) return undefined;
  const rows = csv.records.map((r) => ({
    fields: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [GHO_CSV_NAMES[k] ?? k, v])),
    at: r.at,
  }));
  return ghoTable(file, rows, issues);
}

export function readGhoJson(text: string, file: string, issues: ImportIssue[]): ImportTable | undefined {
  const parsed = parseJsonTree(text, file, issues, 'GHO JSON');
  if (parsed === undefined) return undefined;
  const { tree, locate } = parsed;
  const root = (parsed.value ?? {}) as { value?: unknown };
  const valueNode = findNodeAtLocation(tree, ['value']);
  if (!Array.isArray(root.value) || valueNode?.type !== 'array') {
    issues.push({ file, at: locate(tree.offset), message: 'expected the GHO API\'s JSON: {"value": [ {"IndicatorCode", "SpatialDim", "TimeDim", "NumericValue", …}, … ]}' });
    return undefined;
  }
  const rows = (root.value as unknown[]).map((fields, i) => ({
    fields: (typeof fields === 'object' && fields !== null ? fields : {}) as Record<string, unknown>,
    at: { ...locate(valueNode.children![i]!.offset), path: `/value/${i}` },
  }));
  return ghoTable(file, rows, issues);
}
