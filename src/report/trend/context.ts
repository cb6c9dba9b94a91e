// What every trend renderer receives besides the trend itself.
import type { Provenance } from '../../core/dataset.js';
import type { TrendSummary } from '../../core/trend.js';
import type { TrendReport } from '../../core/trend-schema.js';
import { WORKBOOK_FORMATS } from '../render-context.js';
import { TIDY_FORMATS, type TidyOptions } from '../tidy/formats.js';

/** Formats of `servicegap trend`. */
export const TREND_FORMATS = ['table', 'csv', 'json', 'markdown', 'html'] as const;
/** One of `TREND_FORMATS`. */
export type TrendFormat = (typeof TREND_FORMATS)[number];

/** Every format `servicegap trend` writes: the text formats and the Excel workbook (report/trend/xlsx.ts). */
export const TREND_OUTPUT_FORMATS = [...TREND_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS] as const;
/** One of `TREND_OUTPUT_FORMATS`. */
export type TrendOutputFormat = (typeof TREND_OUTPUT_FORMATS)[number];

/** What every trend renderer receives besides the trend: colour, provenance and the headline numbers. */
export interface TrendRenderContext extends TidyOptions {
  /** Colour the terminal table. */
  readonly color: boolean;
  readonly provenance?: Provenance | undefined;
  /** Headline numbers of the whole trend (the regions shown may be a --top slice of it). */
  readonly summary: TrendSummary;
  /** The time an Excel workbook says it was made (default 2000-01-01: the same report, the same file). */
  readonly workbookTime?: Date | undefined;
}

/** A trend renderer turns a trend report into the full text of one output format. */
export type TrendRenderer = (report: TrendReport, context: TrendRenderContext) => string;
