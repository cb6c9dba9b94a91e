// SPEC §3, "value of a series at year Y", and the other ways of filling a missing year (--fill).
import { z } from 'zod';
import type { YearSeries } from './dataset.js';

/**
 * How a year with no total is filled (--fill):
 * - `carry` (SPEC §3, the default): the latest earlier total (flag `carried_forward`);
 * - `none`: not at all: the value is unknown;
 * - `linear`: between two known years, the straight line through them (flag `interpolated`);
 *   after the last known year, carried as under `carry`.
 * Under every mode, a service series with no total at or before Y counts 0 (flag
 * `service_started_later`) and a stock series (beds, population) with none is unknown: a year
 * before a series begins is not a gap to fill.
 */
export const FILL_MODES = ['carry', 'none', 'linear'] as const;
/** zod schema of a fill mode: one of `FILL_MODES`. */
export const FillModeSchema = z.enum(FILL_MODES);
/** How a year with no total is filled (--fill): carry, none or linear. */
export type FillMode = z.infer<typeof FillModeSchema>;

/** A series' value at a year, with flags saying whether it was carried, started later or interpolated. */
export interface ValueAtYear {
  readonly value: number;
  /** The value is the latest earlier year's total (flag `carried_forward`). */
  readonly carried: boolean;
  /** A service series with no total at or before Y counts 0 (flag `service_started_later`). */
  readonly startedLater: boolean;
  /** The value lies on the line between the nearest known years (flag `interpolated`); only set when true. */
  readonly interpolated?: boolean;
}

/**
 * A series' total for `year`; else, by `fill`, its latest earlier total (carried), the value
 * interpolated between the nearest known years around it, or nothing (undefined: unknown); a
 * series with no total at or before `year` is 0 for a service (started later) and undefined for
 * beds and population.
 */
export function valueAt(
  series: YearSeries | undefined,
  year: number,
  kind: 'service' | 'stock',
  fill: FillMode = 'carry',
): ValueAtYear | undefined {
  const exact = series?.get(year);
  if (exact !== undefined) return { value: exact, carried: false, startedLater: false };
  let before: number | undefined;
  let after: number | undefined;
  for (const y of series?.keys() ?? []) {
    if (y < year && (before === undefined || y > before)) before = y;
    if (y > year && (after === undefined || y < after)) after = y;
  }
  if (before === undefined) return kind === 'service' ? { value: 0, carried: false, startedLater: true } : undefined;
  const earlier = series!.get(before)!;
  if (fill === 'none') return undefined;
  if (fill === 'linear' && after !== undefined) {
    const later = series!.get(after)!;
    return { value: earlier + ((later - earlier) * (year - before)) / (after - before), carried: false, startedLater: false, interpolated: true };
  }
  return { value: earlier, carried: true, startedLater: false };
}
