// Coverage CSV: long ("tidy") format, one row per region × norm, so the columns are the same
// whatever norms a config adds and a spreadsheet or data frame can filter and pivot by `norm`.
// The region's fields (rank … coverage_index) repeat on each of its rows, then the norm's fields,
// all named and ordered as in the JSON (taken from the schemas). Rows follow the ranking, and
// within a region the norms' order. Unrounded numbers, null as an empty cell, text neutralised
// against formula injection (safe-cell.ts); RFC 4180 quoting, LF line ends, a final LF.
import { type NormCoverage, NormCoverageSchema, type RankedCoverage, RankedCoverageSchema } from '../../core/coverage-schema.js';
import type { CoverageRenderer } from './context.js';
import { csvCell } from '../safe-cell.js';

type RegionColumn = Exclude<keyof RankedCoverage, 'norms'>;

const REGION_COLUMNS = (Object.keys(RankedCoverageSchema.shape) as (keyof RankedCoverage)[]).filter(
  (c): c is RegionColumn => c !== 'norms',
);
const NORM_COLUMNS = Object.keys(NormCoverageSchema.shape) as (keyof NormCoverage)[];

export const COVERAGE_CSV_COLUMNS: readonly string[] = [...REGION_COLUMNS, ...NORM_COLUMNS];

export const renderCoverageCsv: CoverageRenderer = (report) => {
  const lines = [COVERAGE_CSV_COLUMNS.join(',')];
  for (const region of report.regions) {
    const head = REGION_COLUMNS.map((c) => csvCell(region[c]));
    for (const norm of region.norms) lines.push([...head, ...NORM_COLUMNS.map((c) => csvCell(norm[c]))].join(','));
  }
  return `${lines.join('\n')}\n`;
};
