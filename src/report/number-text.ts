// How numbers are written in the tidy text outputs (the long format as CSV, the draws CSV):
// without binary noise (issue 16). A double such as 0.1 + 0.2 is 0.30000000000000004; written
// as is, a figure reads 6.300000000000001. Every number is first rounded to 12 significant
// digits, then written in JavaScript's shortest round-trip form: 6.3, 0.3, 13.2676689022.
//
// Why 12: the inputs carry far fewer (populations, bed counts and capacities are whole numbers or
// a few decimals), the arithmetic of SPEC §3 is a handful of sums, products and one division, so
// the error it adds stays below 1e-15 relative; 12 digits keep every digit that means anything
// and drop only the last three or four, where the noise lives. Whole numbers up to 10^12 are
// written exactly.
//
// Where it does not apply: the JSON and CSV of report, coverage, trend, sensitivity, compare and
// batch, which SPEC §6 says carry unrounded numbers (one change here, in safe-cell.ts's
// csvCellText and the JSON renderers, would apply it there too); the library's objects (full
// doubles: a caller computes on them); Parquet (binary doubles, exact). The terminal table,
// Markdown and HTML round further for reading (number-format.ts).

/** Significant digits kept in the text outputs. */
export const TEXT_SIGNIFICANT_DIGITS = 12;

/** `x` rounded to 12 significant digits (whole numbers and non-finite values unchanged; −0 → 0). */
export function textNumber(x: number): number {
  if (x === 0) return 0;
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(TEXT_SIGNIFICANT_DIGITS));
}

