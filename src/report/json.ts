// JSON (SPEC §6), the machine contract. The report goes through its own zod schema on the way
// out: zod builds a fresh object in the schema's key order (the SPEC's order), so the order never
// depends on how the report object was made, and a report that breaks the contract fails here
// rather than in a consumer. Unrounded numbers. The regions and warnings are checked and written
// one at a time (json-pieces.ts): the command line streams them.
import { type Report, ReportSchema } from '../core/report-schema.js';
import { schemaJson, schemaJsonPieces } from './json-pieces.js';
import type { Renderer } from './render-context.js';

/** The arrays of a report written item by item. */
const STREAMED = ['regions', 'warnings'] as const;

export const renderJson: Renderer = (report) => schemaJson(ReportSchema, report, STREAMED);

/** `renderJson`'s text in pieces. */
export const renderJsonPieces = (report: Report): Iterable<Uint8Array> => schemaJsonPieces(ReportSchema, report, STREAMED);
