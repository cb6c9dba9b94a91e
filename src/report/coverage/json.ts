// Coverage JSON (SPEC §7), the machine contract: like json.ts, the report goes through its own
// zod schema, which fixes the key order and drops anything the contract does not have.
import { type CoverageReport, CoverageReportSchema } from '../../core/coverage-schema.js';
import type { CoverageRenderer } from './context.js';

/** The coverage report as a plain object in the SPEC §7 key order. */
export function coverageJson(report: CoverageReport): CoverageReport {
  return CoverageReportSchema.parse(report);
}

export const renderCoverageJson: CoverageRenderer = (report) => `${JSON.stringify(coverageJson(report), null, 2)}\n`;
