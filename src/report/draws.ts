// Every draw of a sensitivity run (`report --sensitivity N --draws-out FILE`), one row per region
// and draw, in draw order and, within a draw, in the report's rank order: region, draw (0-based,
// the i of the generator of (seed, i)), the value of each drawn weight, vacuum per 100k and rank.
// A draw's weights repeat on each of its regions' rows, so every row stands alone (tidy data).
// Numbers without binary noise (number-text.ts); the Parquet form keeps the exact doubles.
import type { DrawChunk, DrawPlan } from '../core/weight-draws.js';
import { variedWeightKeys } from '../core/weight-draws.js';
import { textNumber } from './number-text.js';
import { csvCell } from './safe-cell.js';

/** Column name of a drawn weight: `weight_crisis_teams` (a name R, pandas and SQL take as is). */
export function weightColumn(key: string): string {
  return `weight_${key.replace('/', '_')}`;
}

/** The columns of the draws table. */
export function drawColumns(plan: DrawPlan): string[] {
  return ['region', 'draw', ...variedWeightKeys(plan.weights).map(weightColumn), 'vacuum_per_100k', 'rank'];
}

/** Rows rendered per piece of text (a piece is a few MB at most, however many draws). */
const ROWS_PER_PIECE = 20_000;

/** The draws as CSV text, piece by piece (header first), for a file written without holding it whole. */
export function* drawsCsv(plan: DrawPlan, chunks: readonly DrawChunk[]): Generator<string> {
  yield `${drawColumns(plan).join(',')}\n`;
  const regions = plan.regions.map((code) => csvCell(code));
  const R = regions.length;
  const K = variedWeightKeys(plan.weights).length;
  let lines: string[] = [];
  for (const chunk of chunks) {
    for (let d = 0; d < chunk.end - chunk.start; d++) {
      const weights = Array.from(chunk.weights.subarray(d * K, (d + 1) * K), (w) => csvCell(textNumber(w)));
      const draw = String(chunk.start + d);
      for (let r = 0; r < R; r++) {
        lines.push(`${regions[r]},${draw},${weights.length > 0 ? `${weights.join(',')},` : ''}${csvCell(textNumber(chunk.vacuum[d * R + r]!))},${chunk.rank[d * R + r]}`);
        if (lines.length === ROWS_PER_PIECE) {
          yield `${lines.join('\n')}\n`;
          lines = [];
        }
      }
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}
