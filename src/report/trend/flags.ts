// The flags of a trend region: every flag that any of its years carries, in FLAG_CODES order.
import { type Flag, FLAG_CODES } from '../../core/report-schema.js';
import type { TrendRegion } from '../../core/trend-schema.js';

export function regionFlags(region: TrendRegion): Flag[] {
  const years = region.years; // made on each read (core/trend-years.ts): once here, not once per flag
  return FLAG_CODES.filter((f) => years.some((y) => y.flags.includes(f)));
}
