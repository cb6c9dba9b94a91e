// What a checked row of a file with figures adds to a dataset: a value for one year, summed into
// the series of its key — a region's population or beds, or a region's services of one name and
// unit. The readers that carry rows between threads as columns (io/piece-columns.ts) keep exactly
// these columns of each row.
import type { DenseYearSeries } from './dense-year-series.js';
import type { RowKindName } from './schemas.js';

/** The files whose rows carry figures: population, beds (either shape) and services. */
export type FigureKind = Exclude<RowKindName, 'region' | 'crosswalk'>;

/** Per kind of row with figures: the columns that choose its series, its year, and its value. */
export const FIGURE_COLUMNS = {
  population: { key: ['region'], year: 'year', value: 'population' },
  bedStock: { key: ['region'], year: 'year', value: 'beds' },
  bedEvents: { key: ['region'], year: 'date', value: 'beds_closed' },
  services: { key: ['region', 'service', 'unit'], year: 'year', value: 'capacity' },
} as const satisfies Record<FigureKind, { readonly key: readonly string[]; readonly year: string; readonly value: string }>;

/** Is this kind of row one with figures? */
export function isFigureKind(kind: RowKindName): kind is FigureKind {
  return kind in FIGURE_COLUMNS;
}

/**
 * Where the figures of one key go (DatasetBuilder.addRow answers it): a row of the same kind and
 * key has exactly the effect of DatasetBuilder.addAgain(target, its year, its value, …).
 */
export interface FigureTarget {
  readonly region: string;
  /** The series within the region: `category/unit` for services, undefined for population and beds. */
  readonly key: string | undefined;
  readonly years: DenseYearSeries;
  /** Services: the use count of the row's service name. */
  readonly use: { rows: number } | undefined;
  /** Population: the line each year was given on (a year given twice is an issue). */
  readonly lines: Map<number, number> | undefined;
}
