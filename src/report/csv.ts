// CSV (SPEC §6): one row per region shown, the JSON region columns in the JSON order, unrounded
// numbers in JavaScript's shortest round-trip form, null as an empty cell, flags joined by ";".
// RFC 4180 quoting, LF line ends, a final LF, no byte-order mark; text cells are neutralised
// against formula injection (safe-cell.ts).
import { type RankedRegion, RankedRegionSchema } from '../core/report-schema.js';
import type { Renderer } from './render-context.js';
import { csvCell } from './safe-cell.js';

/** The JSON region fields, in the same order (SPEC §6): taken from the schema, not listed again. */
export const CSV_COLUMNS = Object.keys(RankedRegionSchema.shape) as (keyof RankedRegion)[];

function cellValue(region: RankedRegion, column: keyof RankedRegion): string | number | null {
  if (column === 'flags') return region.flags.join(';');
  return region[column];
}

export const renderCsv: Renderer = (report) => {
  const lines = [CSV_COLUMNS.join(',')];
  for (const region of report.regions) lines.push(CSV_COLUMNS.map((c) => csvCell(cellValue(region, c))).join(','));
  return `${lines.join('\n')}\n`;
};
