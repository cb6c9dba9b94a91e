// The rows of a piece (piece-parser.ts) handed on in file order, whatever thread read them: each
// issue before the row it came before, every line placed in the file. A row whose key the piece
// has already given goes to the target that key's first row found (RowSink.addAgain, with exactly
// the effect of addRow), so most rows of a file take no lookup at all. (Keeping the targets from
// piece to piece would save the first lookup of each key in each piece, but holding a table of
// every key of the file costs more memory than the lookups cost time.)
import type { FigureKind, FigureTarget } from '../core/figure-rows.js';
import type { InputIssue } from '../core/issues.js';
import type { CheckedRow, RowKind } from '../core/row-validator.js';
import { rowOf } from './piece-columns.js';
import type { PieceResult } from './piece-parser.js';

/** Where checked rows go (core/dataset-builder.ts DatasetBuilder is one). */
export interface RowSink {
  /** Add a checked row; for a row with figures, where its figure went (see DatasetBuilder.addRow). */
  addRow<K extends RowKind>(kind: K, row: CheckedRow<K>, file: string, line: number): FigureTarget | undefined;
  /** Add the figure of a row whose kind and key are those of the row `target` came from. */
  addAgain(target: FigureTarget, year: number, value: number, file: string, line: number): void;
}

/** Hand on a piece's rows and issues in file order, placed at their lines in the file (`offset`
 * is added to each line). */
export function takePiece(
  result: PieceResult,
  offset: number,
  kind: FigureKind,
  sink: RowSink,
  file: string,
  onIssue: (issue: InputIssue) => void,
): void {
  const { issues, rows } = result;
  let next = 0;
  const issuesBefore = (index: number) => {
    for (; next < issues.length && issues[next]!.before <= index; next++) {
      const { issue } = issues[next]!;
      onIssue(issue.line === undefined ? issue : { ...issue, line: issue.line + offset });
    }
  };
  const { key, year, value, line } = rows;
  // Each key's target, once its first row in the piece has found it.
  const targets: (FigureTarget | undefined)[] = new Array(rows.keys.length / rows.keyWidth);
  const hasIssues = issues.length > 0;
  for (let i = 0; i < rows.count; i++) {
    if (hasIssues) issuesBefore(i);
    const k = key[i]!;
    const target = targets[k];
    if (target !== undefined) sink.addAgain(target, year[i]!, value[i]!, file, line[i]! + offset);
    else {
      const found = sink.addRow(kind, rowOf(kind, rows, i) as CheckedRow<FigureKind>, file, line[i]! + offset);
      if (found !== undefined) targets[k] = found;
    }
  }
  issuesBefore(Infinity);
  if (result.error) onIssue({ file, line: result.error.line + offset, message: result.error.message });
}
