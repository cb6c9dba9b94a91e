// Eurostat's bulk TSV (`unit,facility,geo\time<TAB>2000 <TAB>2001 …`, newer files
// `freq,unit,facility,geo\TIME_PERIOD`) → an ImportTable. Pure; no IO.
//
// A cell is a number, optionally followed by a space and Eurostat's flags (`182.5851 b`,
// `67.7657 e`, `12 bep`), or `:` for not available, itself possibly flagged (`: c`
// confidential, `: z` not applicable). The flags are kept; `:` is missing.
import type { Category, Dimension, ImportIssue, ImportTable, Observation } from './table.js';

const CELL = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\s+([a-z]+))?$/i;
const NOT_AVAILABLE = /^:(?:\s*([a-z]+))?$/i;

export function readEurostatTsv(text: string, file: string, issues: ImportIssue[]): ImportTable | undefined {
  // (split always gives at least one piece, so lines[0], fields[0] and cells[0] exist.)
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const header = lines[0]!;
  const fields = header.split('\t');
  const first = fields[0]!;
  const slash = first.lastIndexOf('\\');
  if (slash < 0 || fields.length < 2) {
    issues.push({
      file,
      at: { line: 1, column: 1 },
      message: `expected Eurostat's TSV header "dim1,dim2,…,geo\\time<TAB>2000<TAB>…", got ${JSON.stringify(header.slice(0, 60))}`,
    });
    return undefined;
  }
  const rowDims = first.slice(0, slash).split(',').map((d) => d.trim());
  const columnDim = first.slice(slash + 1).trim() || 'time';
  const columns = fields.slice(1).map((c) => c.trim());
  const codes: Set<string>[] = rowDims.map(() => new Set());
  const observations: Observation[] = [];
  const before = issues.length;
  lines.slice(1).forEach((line, k) => {
    const lineNo = k + 2;
    if (line.trim() === '') return;
    const cells = line.split('\t');
    const keys = cells[0]!.split(',').map((c) => c.trim());
    if (keys.length !== rowDims.length) {
      issues.push({ file, at: { line: lineNo, column: 1 }, message: `expected ${rowDims.length} codes (${rowDims.join(',')}), got ${JSON.stringify(cells[0])}` });
      return;
    }
    if (cells.length - 1 !== columns.length) {
      issues.push({ file, at: { line: lineNo }, message: `expected ${columns.length} cells after the codes (one per ${columnDim} in the header), got ${cells.length - 1}` });
      return;
    }
    keys.forEach((key, d) => codes[d]!.add(key));
    cells.slice(1).forEach((raw, c) => {
      const cell = raw.trim();
      const at = { line: lineNo, column: c + 2 };
      const na = NOT_AVAILABLE.exec(cell);
      if (na) {
        observations.push({ codes: [...keys, columns[c]!], value: null, status: na[1] ? `: ${na[1]}` : ':', at });
        return;
      }
      const m = CELL.exec(cell);
      if (!m) {
        if (issues.length < before + 50) issues.push({ file, at, message: `expected a number, a number and flags ("12.3 e") or ":", got ${JSON.stringify(raw)}` });
        return;
      }
      observations.push({ codes: [...keys, columns[c]!], value: Number(m[1]), status: m[2], at });
    });
  });
  if (issues.length > before) return undefined;
  const dimension = (id: string, set: Iterable<string>): Dimension => {
    const categories: Category[] = [...set].map((code) => ({ code, label: code }));
    const role = id === 'geo' ? 'geo' : /^(time|TIME_PERIOD)$/i.test(id) ? 'time' : undefined;
    return { id, label: id, role, categories };
  };
  const dimensions = [...rowDims.map((d, i) => dimension(d, codes[i]!)), dimension(columnDim, columns)];
  return { file, dimensions, observations, notes: [] };
}
