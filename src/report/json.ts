// JSON (SPEC §6), the machine contract. The report goes through its own zod schema on the way
// out: zod builds a fresh object in the schema's key order (the SPEC's order), so the order never
// depends on how the report object was made, and a report that breaks the contract fails here
// rather than in a consumer. Unrounded numbers.
import { type Report, ReportSchema } from '../core/report-schema.js';
import type { Renderer } from './render-context.js';

/** The report as a plain object in the SPEC §6 key order. */
export function reportJson(report: Report): Report {
  return ReportSchema.parse(report);
}

export const renderJson: Renderer = (report) => `${JSON.stringify(reportJson(report), null, 2)}\n`;
