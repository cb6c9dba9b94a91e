// SPEC §3, "value of a series at year Y".
import type { YearSeries } from './dataset.js';

export interface ValueAtYear {
  readonly value: number;
  /** The value is the latest earlier year's total (flag `carried_forward`). */
  readonly carried: boolean;
  /** A service series with no total at or before Y counts 0 (flag `service_started_later`). */
  readonly startedLater: boolean;
}

/**
 * A series' total for `year`; else its latest earlier total (carried); else, for a service
 * series, 0 (started later); for beds and population, undefined (unknown).
 */
export function valueAt(series: YearSeries | undefined, year: number, kind: 'service' | 'stock'): ValueAtYear | undefined {
  const exact = series?.get(year);
  if (exact !== undefined) return { value: exact, carried: false, startedLater: false };
  let latest: number | undefined;
  for (const y of series?.keys() ?? []) if (y < year && (latest === undefined || y > latest)) latest = y;
  if (latest !== undefined) return { value: series!.get(latest)!, carried: true, startedLater: false };
  return kind === 'service' ? { value: 0, carried: false, startedLater: true } : undefined;
}
