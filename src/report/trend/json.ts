// Trend JSON: the trend through its zod schema (core/trend-schema.ts), so the key order is the
// schema's and a trend that breaks the contract fails here. Unrounded numbers. The regions (each
// with its every year) and warnings are checked and written one at a time (json-pieces.ts).
import { type TrendReport, TrendReportSchema } from '../../core/trend-schema.js';
import { schemaJson, schemaJsonPieces } from '../json-pieces.js';
import type { TrendRenderer } from './context.js';

/** The arrays of a trend written item by item. */
const STREAMED = ['regions', 'warnings'] as const;

export const renderTrendJson: TrendRenderer = (report) => schemaJson(TrendReportSchema, report, STREAMED);

/** `renderTrendJson`'s text in pieces. */
export const renderTrendJsonPieces = (report: TrendReport): Iterable<Uint8Array> => schemaJsonPieces(TrendReportSchema, report, STREAMED);
