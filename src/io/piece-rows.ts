// The rows of a piece read in a worker thread (row-chunks.ts), handed on in file order: each
// issue before the row it came before, every line placed in the file. Service rows that repeat a
// region, name and unit seen earlier in the piece skip the lookups (DatasetBuilder.serviceTarget):
// most of a services file is such rows, and this loop is what the main thread does for each.
import type { ServiceTarget } from '../core/dataset-builder.js';
import type { InputIssue } from '../core/issues.js';
import type { NumberFormat } from '../core/numbers.js';
import type { CheckedRow } from '../core/row-validator.js';
import { type ChunkResult, type FigureKind, forEachRow, rowKeys } from './row-chunks.js';

/** How the rows of a file may be checked elsewhere (read-table.ts TableHandlers.checkedRows). */
export interface CheckedRows {
  readonly kind: FigureKind;
  readonly numberFormat: NumberFormat;
  /** A row its RowValidator accepted: what onRow would have made of it after its check. */
  readonly onRow: (row: CheckedRow<FigureKind>, line: number, file: string) => void;
  /** Services only: onRow that says where the capacity went, and the same for a repeated row. */
  readonly services?:
    | {
        readonly target: (row: CheckedRow<'services'>, line: number, file: string) => ServiceTarget | undefined;
        readonly addToTarget: (target: ServiceTarget, year: number, capacity: number) => void;
      }
    | undefined;
}

/** Hand on a piece's rows and issues in file order, placed at their lines in the file. */
export function takePiece(result: ChunkResult, offset: number, checked: CheckedRows, file: string, onIssue: (issue: InputIssue) => void): void {
  const { issues, rows } = result;
  let next = 0;
  const issuesBefore = (index: number) => {
    for (; next < issues.length && issues[next]!.before <= index; next++) {
      const { issue } = issues[next]!;
      onIssue(issue.line === undefined ? issue : { ...issue, line: issue.line + offset });
    }
  };
  // The key of a (region, name, unit) below must stay an exact integer: n³ < 2⁵³.
  if (checked.kind === 'services' && checked.services !== undefined && rows.strings.length < 1 << 17) {
    takeServices(result, offset, checked.services, file, issuesBefore);
  } else {
    forEachRow(checked.kind, rows, (row, index) => {
      issuesBefore(index);
      checked.onRow(row, rows.lines[index]! + offset, file);
    });
  }
  issuesBefore(Infinity);
  if (result.error) onIssue({ file, line: result.error.line + offset, message: result.error.message });
}

const KEYS = rowKeys('services');
const [REGION, YEAR, SERVICE, CAPACITY, UNIT] = ['region', 'year', 'service', 'capacity', 'unit'].map((k) => KEYS.indexOf(k)) as [number, number, number, number, number];

function takeServices(
  result: ChunkResult,
  offset: number,
  services: NonNullable<CheckedRows['services']>,
  file: string,
  issuesBefore: (index: number) => void,
): void {
  const { rows } = result;
  const { strings, text, numbers, lines } = rows;
  const region = text[REGION]!;
  const service = text[SERVICE]!;
  const unit = text[UNIT]!;
  const year = numbers[YEAR]!;
  const capacity = numbers[CAPACITY]!;
  // The target of each (region, name, unit) of the piece, by their string indexes.
  const targets = new Map<number, ServiceTarget>();
  const n = strings.length;
  const hasIssues = result.issues.length > 0;
  for (let i = 0; i < rows.count; i++) {
    if (hasIssues) issuesBefore(i);
    const key = (region[i]! * n + service[i]!) * n + unit[i]!;
    const target = targets.get(key);
    if (target !== undefined) {
      services.addToTarget(target, year[i]!, capacity[i]!);
      continue;
    }
    const row = { region: strings[region[i]!]!, year: year[i]!, service: strings[service[i]!]!, capacity: capacity[i]!, unit: strings[unit[i]!]! };
    const found = services.target(row as CheckedRow<'services'>, lines[i]! + offset, file);
    if (found !== undefined) targets.set(key, found);
  }
}
