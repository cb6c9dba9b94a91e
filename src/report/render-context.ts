// What every renderer receives besides the report itself.
import type { ReportDetails } from '../core/breakdown.js';
import type { CoverageHeatmap } from '../core/coverage-band.js';
import type { CoverageReport } from '../core/coverage-schema.js';
import type { Provenance } from '../core/dataset.js';
import type { NormTable } from '../core/norms.js';
import type { Report } from '../core/report-schema.js';
import type { ReportSummary } from '../core/summary.js';
import type { WeightTable } from '../core/weights.js';
import type { MapShapes } from './map/shapes.js';
import { TIDY_FORMATS, type TidyOptions } from './tidy/formats.js';

/** Formats of `servicegap report`. */
export const REPORT_FORMATS = ['table', 'csv', 'json', 'markdown', 'html'] as const;
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats written as bytes rather than text: an Excel workbook (report/xlsx.ts). */
export const WORKBOOK_FORMATS = ['xlsx'] as const;
/** A workbook format. */
export type WorkbookFormat = (typeof WORKBOOK_FORMATS)[number];
/** Every format `servicegap report` writes: the text formats and the workbook. */
export const REPORT_OUTPUT_FORMATS = [...REPORT_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS] as const;
/** One of REPORT_OUTPUT_FORMATS. */
export type ReportOutputFormat = (typeof REPORT_OUTPUT_FORMATS)[number];

/** What every report renderer receives besides the report itself. */
export interface RenderContext extends TidyOptions {
  /** Colour the terminal table (decided by the CLI from TTY, NO_COLOR, FORCE_COLOR, --no-color). */
  readonly color: boolean;
  /** The dataset's own description; an illustrative dataset's notice goes in every footer. */
  readonly provenance?: Provenance | undefined;
  /** Weights in force, for formats that list them. */
  readonly weights: WeightTable;
  /** Headline numbers of the whole ranking (the regions shown may be a --top slice of it). */
  readonly summary: ReportSummary;
  /**
   * Per-region details for the charts that need more than the report (core/breakdown.ts): only
   * the HTML renderer reads them, and the CLI computes them only for --format html.
   */
  readonly details?: ReportDetails | undefined;
  /**
   * Coverage against the norms at the report's T, for the HTML heatmap: only the HTML renderer
   * reads it, and the CLI computes it only for --format html.
   */
  readonly coverage?: CoverageView | undefined;
  /**
   * Region shapes matched to the report's regions (io/geo.ts), for the HTML map; without them, or
   * when no region has a shape, the page has no map.
   */
  readonly map?: MapShapes | undefined;
  /**
   * The coverage report at the report's T (SPEC §7), for the workbook's Coverage sheet: only the
   * xlsx renderer reads it, and the CLI computes it only for --format xlsx.
   */
  readonly coverageReport?: CoverageReport | undefined;
  /** The norms in force, for formats that list them (the workbook's Norms sheet). */
  readonly norms?: NormTable | undefined;
  /** The time an Excel workbook says it was made (default 2000-01-01: the same report, the same file). */
  readonly workbookTime?: Date | undefined;
}

/**
 * What the HTML heatmap draws: `coverageHeatmap(analyzeCoverage(dataset, { norms, to: report.to }))`
 * (core/coverage-band.ts), and the norms in force, listed with their ranges and sources. The page
 * shows the report's regions in the report's rank order, looked up in the grid by region code.
 */
export interface CoverageView {
  readonly heatmap: CoverageHeatmap;
  readonly norms: NormTable;
}

/** A renderer turns a report into the full text of one output format. */
export type Renderer = (report: Report, context: RenderContext) => string;
