// What every renderer receives besides the report itself.
import type { Provenance } from '../core/dataset.js';
import type { Report } from '../core/report-schema.js';
import type { ReportSummary } from '../core/summary.js';
import type { WeightTable } from '../core/weights.js';

/** Formats of `servicegap report`. */
export const REPORT_FORMATS = ['table', 'csv', 'json', 'markdown'] as const;
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What every report renderer receives besides the report itself. */
export interface RenderContext {
  /** Colour the terminal table (decided by the CLI from TTY, NO_COLOR, FORCE_COLOR, --no-color). */
  readonly color: boolean;
  /** The dataset's own description; an illustrative dataset's notice goes in every footer. */
  readonly provenance?: Provenance | undefined;
  /** Weights in force, for formats that list them. */
  readonly weights: WeightTable;
  /** Headline numbers of the whole ranking (the regions shown may be a --top slice of it). */
  readonly summary: ReportSummary;
}

/** A renderer turns a report into the full text of one output format. */
export type Renderer = (report: Report, context: RenderContext) => string;
