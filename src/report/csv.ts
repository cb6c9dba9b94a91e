// CSV (SPEC §6): one row per region shown, the JSON region columns in the JSON order, unrounded
// numbers in JavaScript's shortest round-trip form, null as an empty cell, flags joined by ";".
// RFC 4180 quoting, LF line ends, a final LF, no byte-order mark; text cells are neutralised
// against formula injection (safe-cell.ts).
import type { RankedRegion } from '../core/report-schema.js';
import type { Renderer } from './render-context.js';
import { csvCell } from './safe-cell.js';

export const CSV_COLUMNS = [
  'rank',
  'region',
  'name',
  'population',
  'beds_from',
  'beds_to',
  'bed_change',
  'beds_closed',
  'community_from_be',
  'community_to_be',
  'community_change_be',
  'net_change_be',
  'vacuum_be',
  'vacuum_per_100k',
  'replacement_ratio',
  'capacity_per_100k_from',
  'capacity_per_100k_to',
  'rate_drop_per_100k',
  'flags',
] as const satisfies readonly (keyof RankedRegion)[];

function cellValue(region: RankedRegion, column: (typeof CSV_COLUMNS)[number]): string | number | null {
  if (column === 'flags') return region.flags.join(';');
  return region[column];
}

export const renderCsv: Renderer = (report) => {
  const lines = [CSV_COLUMNS.join(',')];
  for (const region of report.regions) lines.push(CSV_COLUMNS.map((c) => csvCell(cellValue(region, c))).join(','));
  return `${lines.join('\n')}\n`;
};
