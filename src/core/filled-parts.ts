// Where a rolled-up unit's figure of a year came from when some of its regions had no figure that
// year (hierarchy.ts): each such region counts as SPEC §3 values it (carried forward, or as --fill
// says), not as 0, and the unit's year keeps the rule that filled it, so that its flags, a trend's
// years and `explain` say so as they would for a region's own carried figure. Kept beside the
// unit's series (a WeakMap, the series' own shape unchanged) and read by series.ts. Pure.
import type { YearSeries } from './dataset.js';

/** How a unit's figure of one year was made up of its regions' figures. */
export interface FilledParts {
  /** series.ts state bits of the parts that were not the year's own figure (CARRIED, INTERPOLATED). */
  readonly state: number;
  /** Each region of the unit with a figure in the sum, and the year(s) its figure came from. */
  readonly sources: ReadonlyMap<string, readonly number[]>;
}

const filled = new WeakMap<YearSeries, Map<number, FilledParts>>();

/** The years of `series` whose figures were made up with filled parts, if any. */
export function filledYears(series: YearSeries | undefined): ReadonlyMap<number, FilledParts> | undefined {
  return series === undefined ? undefined : filled.get(series);
}

/** Record that `series`'s figure of `year` was made up of `parts`. */
export function markFilled(series: YearSeries, year: number, parts: FilledParts): void {
  let years = filled.get(series);
  if (years === undefined) filled.set(series, (years = new Map()));
  years.set(year, parts);
}
