// The loaded, aggregated input of one analysis: every series SPEC §3 needs, summed per key.
// Loaders build it row by row (dataset-builder.ts), so no file is ever held whole.
import type { Category } from './categories.js';
import { DenseYearSeries } from './dense-year-series.js';
import type { Warning } from './issues.js';
import type { InputRecord } from './provenance-schema.js';
import type { Unit } from './units.js';

/** year → total of that year. */
export type YearSeries = Map<number, number>;

/** A region of regions.csv: code, display name, parent code. */
export interface RegionInfo {
  readonly code: string;
  readonly name: string;
  readonly parent?: string | undefined;
}

/** One region's capacity of one category in one unit, per year. */
export interface ServiceSeries {
  readonly category: Category;
  readonly unit: Unit;
  readonly years: YearSeries;
}

/**
 * Institutional beds as a stock per year, as net closures per year (events, SPEC §1), or
 * absent (no beds file: bed change counts as 0).
 */
export type BedData =
  | { readonly shape: 'stock'; readonly byRegion: Map<string, YearSeries> }
  | { readonly shape: 'events'; readonly byRegion: Map<string, YearSeries> }
  | { readonly shape: 'none' };

/** One source a dataset cites (data/dataset.json `sources`). */
export interface ProvenanceSource {
  readonly name: string;
  readonly url?: string | undefined;
  readonly licence?: string | undefined;
  /** Which files, rows or columns came from this source. */
  readonly used_for?: string | undefined;
}

/** What a dataset says about itself (data/dataset.json), shown in every report made from it. */
export interface Provenance {
  readonly title?: string | undefined;
  readonly illustrative: boolean;
  readonly notice?: string | undefined;
  /** The sources it cites; the HTML report lists them. */
  readonly sources?: readonly ProvenanceSource[] | undefined;
}

/** A loaded dataset: every series SPEC §3 needs, summed per key. Structured-clone-able. */
export interface Dataset {
  /** Regions in file order. */
  readonly regions: Map<string, RegionInfo>;
  readonly population: Map<string, YearSeries>;
  readonly beds: BedData;
  /** region → `category/unit` → series. */
  readonly services: Map<string, Map<string, ServiceSeries>>;
  /** Every distinct service name in the data with its category (undefined: unmapped). */
  readonly serviceNames: Map<string, { category: Category | undefined; rows: number; firstLine: number }>;
  readonly warnings: Warning[];
  readonly provenance?: Provenance | undefined;
  /**
   * `rates` (issue 16): beds and capacities were given per 100,000 residents and there is no
   * population file; every region counts 100,000 residents in every year, so each per-100k
   * figure is the rate itself and each *_be figure a rate too. Absent: counts (SPEC §1).
   */
  readonly scale?: 'rates' | undefined;
  /** The files it was read from, with their hashes and how they were read (SPEC §8 provenance); set by the loader. */
  readonly inputs?: readonly InputRecord[] | undefined;
}

/** Every year that appears in the beds data (stock years, or years of event dates). */
export function bedYears(beds: BedData): number[] {
  if (beds.shape === 'none') return [];
  const years = new Set<number>();
  for (const series of beds.byRegion.values()) for (const year of series.keys()) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/** How messages name an input file: as the loader read it (its provenance path), else `fallback` (its SPEC name). */
export function inputFileName(dataset: Pick<Dataset, 'inputs'>, role: string, fallback = `${role}.csv`): string {
  return dataset.inputs?.find((input) => input.role === role)?.path ?? fallback;
}

/** Every year that appears in the service data. */
export function serviceYears(dataset: Dataset): number[] {
  const years = new Set<number>();
  for (const byKey of dataset.services.values())
    for (const series of byKey.values()) for (const year of series.years.keys()) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/**
 * A dataset received from another thread, with its year series made whole again (structured
 * clone drops the class of a DenseYearSeries; see dense-year-series.ts). Returns the same object.
 */
export function reviveDataset(dataset: Dataset): Dataset {
  const revive = (byKey: Map<string, YearSeries>) => {
    for (const [key, series] of byKey) byKey.set(key, DenseYearSeries.revive(series));
  };
  revive(dataset.population);
  if (dataset.beds.shape !== 'none') revive(dataset.beds.byRegion);
  for (const byKey of dataset.services.values()) {
    for (const [key, series] of byKey) byKey.set(key, { ...series, years: DenseYearSeries.revive(series.years) });
  }
  return dataset;
}
