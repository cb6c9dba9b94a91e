// Coverage JSON (SPEC §7), the machine contract: like json.ts, the report goes through its own
// zod schema, which fixes the key order and drops anything the contract does not have; the
// regions and warnings one at a time (json-pieces.ts).
import { type CoverageReport, CoverageReportSchema } from '../../core/coverage-schema.js';
import { schemaJson, schemaJsonPieces } from '../json-pieces.js';
import type { CoverageRenderer } from './context.js';

/** The arrays of a coverage report written item by item. */
const STREAMED = ['regions', 'warnings'] as const;

export const renderCoverageJson: CoverageRenderer = (report) => schemaJson(CoverageReportSchema, report, STREAMED);

/** `renderCoverageJson`'s text in pieces. */
export const renderCoverageJsonPieces = (report: CoverageReport): Iterable<Uint8Array> => schemaJsonPieces(CoverageReportSchema, report, STREAMED);
