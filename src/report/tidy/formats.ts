// The tidy formats every result kind (report, coverage, trend) comes in besides its own (issue 16),
// apart from their renderers, so that choosing a format loads no Parquet writer:
// - long: one row per region × metric (× norm or year) with its value and unit, for R and pandas;
//   a shape, written as CSV, or as Parquet when the output goes to a .parquet file;
// - parquet: the CSV's table, typed, as an Apache Parquet file (bytes, like a workbook).

/** The tidy formats. */
export const TIDY_FORMATS = ['long', 'parquet'] as const;
/** One of TIDY_FORMATS. */
export type TidyFormat = (typeof TIDY_FORMATS)[number];

/** How a tidy output is written; part of the render context of every kind that has one. */
export interface TidyOptions {
  /** Format long only: write the long table as Parquet (the output goes to a .parquet file), else as CSV. */
  readonly longAsParquet?: boolean | undefined;
}
