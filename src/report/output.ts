// What a run hands to a renderer: which kind of result, in which format, the data and what the
// renderer needs besides it. A run (src/app) builds it; the renderer registry turns it into text.
// Types only, so that choosing and describing an output loads no renderer.
import type { BatchResult } from '../core/batch-schema.js';
import type { Comparison } from '../core/compare-schema.js';
import type { CoverageReport } from '../core/coverage-schema.js';
import type { Report } from '../core/report-schema.js';
import type { SensitivityReport } from '../core/sensitivity-schema.js';
import type { TrendReport } from '../core/trend-schema.js';
import type { Explanation } from '../core/explain-schema.js';
import type { CoverageOutputFormat, CoverageRenderContext } from './coverage/context.js';
import type { ExplainContext, ExplainFormat } from './explain.js';
import type { MethodsContext } from './methods.js';
import type { Listing, ListingContext, ListingFormat } from './listing.js';
import type { RenderContext, ReportOutputFormat } from './render-context.js';
import type { ResearchContext } from './research-formats.js';
import type { ResearchFormat } from './research-format-names.js';
import type { TrendOutputFormat, TrendRenderContext } from './trend/context.js';
import type { ValidationContext, ValidationFormat, ValidationResult } from './validation.js';

/**
 * One output, ready to render. `report` also comes as 'excel': CSV for spreadsheets (UTF-8 with
 * a byte-order mark, ";" between fields, decimal comma, CRLF). `report`, `coverage` and `trend`
 * also come as 'xlsx', an Excel workbook, rendered to bytes rather than text.
 */
export type Output =
  | { readonly kind: 'report'; readonly format: ReportOutputFormat | 'excel'; readonly data: Report; readonly context: RenderContext }
  | { readonly kind: 'coverage'; readonly format: CoverageOutputFormat; readonly data: CoverageReport; readonly context: CoverageRenderContext }
  | { readonly kind: 'trend'; readonly format: TrendOutputFormat; readonly data: TrendReport; readonly context: TrendRenderContext }
  | { readonly kind: 'sensitivity'; readonly format: ResearchFormat; readonly data: SensitivityReport; readonly context: ResearchContext }
  | { readonly kind: 'compare'; readonly format: ResearchFormat; readonly data: Comparison; readonly context: ResearchContext }
  | { readonly kind: 'batch'; readonly format: ResearchFormat; readonly data: BatchResult; readonly context: ResearchContext }
  | { readonly kind: 'listing'; readonly format: ListingFormat; readonly data: Listing; readonly context: ListingContext }
  | { readonly kind: 'methods'; readonly format: 'markdown'; readonly data: Report; readonly context: MethodsContext }
  | { readonly kind: 'validation'; readonly format: ValidationFormat; readonly data: ValidationResult; readonly context: ValidationContext }
  | { readonly kind: 'explain'; readonly format: ExplainFormat; readonly data: Explanation; readonly context: ExplainContext };

/** The kinds of output. */
export type OutputKind = Output['kind'];
