// What every coverage renderer receives besides the coverage report itself (SPEC §7).
import type { CoverageReport } from '../../core/coverage-schema.js';
import type { Provenance } from '../../core/dataset.js';
import type { NormTable } from '../../core/norms.js';
import type { MapShapes } from '../map/shapes.js';
import { WORKBOOK_FORMATS } from '../render-context.js';
import { TIDY_FORMATS, type TidyOptions } from '../tidy/formats.js';

/** Formats of `servicegap coverage`: as `report` (its own list, so a report-only format stays one). */
export const COVERAGE_FORMATS = ['table', 'csv', 'json', 'markdown', 'html'] as const;
/** One of `COVERAGE_FORMATS`. */
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** Every format `servicegap coverage` writes: the text formats and the Excel workbook (report/xlsx.ts). */
export const COVERAGE_OUTPUT_FORMATS = [...COVERAGE_FORMATS, ...WORKBOOK_FORMATS, ...TIDY_FORMATS] as const;
/** One of `COVERAGE_OUTPUT_FORMATS`. */
export type CoverageOutputFormat = (typeof COVERAGE_OUTPUT_FORMATS)[number];

/** What every coverage renderer receives besides the coverage report: colour, provenance and the norms in force. */
export interface CoverageRenderContext extends TidyOptions {
  /** Colour the terminal table (decided by the CLI, as for `report`). */
  readonly color: boolean;
  /** The dataset's own description; an illustrative dataset's notice goes in every footer. */
  readonly provenance?: Provenance | undefined;
  /** Norms in force: unit labels for gaps, ranges and sources for the legend. */
  readonly norms: NormTable;
  /** Region shapes for the HTML page's map (matched by app/map.ts); none: no map. */
  readonly map?: MapShapes | undefined;
  /** The time an Excel workbook says it was made (default 2000-01-01: the same report, the same file). */
  readonly workbookTime?: Date | undefined;
}

/** A coverage renderer turns a coverage report into the full text of one output format. */
export type CoverageRenderer = (report: CoverageReport, context: CoverageRenderContext) => string;
