// Trend JSON: the trend through its zod schema (core/trend-schema.ts), so the key order is the
// schema's and a trend that breaks the contract fails here. Unrounded numbers.
import { type TrendReport, TrendReportSchema } from '../../core/trend-schema.js';
import type { TrendRenderer } from './context.js';

export function trendJson(report: TrendReport): TrendReport {
  return TrendReportSchema.parse(report);
}

export const renderTrendJson: TrendRenderer = (report) => `${JSON.stringify(trendJson(report), null, 2)}\n`;
