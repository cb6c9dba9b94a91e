// Year objects as the rows a trend region keeps (src/core/trend-years.ts YearRows), written by the
// same row writer as trend-region-years.ts: the flags and categories of a year kept only where it
// has some, as trend-region-years.ts keeps them. For tests that make trend regions by hand.
import type { TrendYear } from '../../src/core/trend-schema.js';
import { writeYearRow, YEAR_ROW_NUMBERS, type YearRows } from '../../src/core/trend-years.js';

export function yearRows(years: readonly TrendYear[]): YearRows {
  const values = new Float64Array(years.length * YEAR_ROW_NUMBERS);
  // A year object holds the weighted metrics under their own names: it is its own `weighted`.
  years.forEach((y, i) => writeYearRow(values, i, y.population, y.beds_from, y.beds_to, y, y.coverage_index));
  return {
    years: years.map((y) => y.year),
    values,
    flags: years.map((y) => (y.flags.length > 0 ? [...y.flags] : undefined)),
    categories: years.map((y) => (y.categories_not_reported.length > 0 ? [...y.categories_not_reported] : undefined)),
  };
}
