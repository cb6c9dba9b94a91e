// Moving a dataset's figures from one set of region codes to another: the one engine under both
// geography transforms (crosswalk.ts: old codes → current codes by share; hierarchy.ts: regions →
// the units ranked at a level). Pure; no IO.
//
// Every figure of a code in a year (population, beds — a stock or closure events —, each service
// series) goes to the code's targets for that year, multiplied by each target's share, and is
// added to what the target already has for that year: the same per-year summation as rows with
// the same key in one file (SPEC §1). Rates are never moved or averaged: per-100k values are
// computed afterwards, from the summed counts.
import type { BedData, Dataset, RegionInfo, ServiceSeries, YearSeries } from './dataset.js';

export interface Target {
  readonly code: string;
  /** The part of the figure that goes to `code`: 1 for a merge or a roll-up. */
  readonly share: number;
}

/** Where the figures of `code` in `year` go; an empty list drops them. */
export type Assign = (code: string, year: number) => readonly Target[];

function addTo(byCode: Map<string, YearSeries>, code: string, year: number, value: number): void {
  let series = byCode.get(code);
  if (!series) byCode.set(code, (series = new Map()));
  series.set(year, (series.get(year) ?? 0) + value);
}

function regroupSeries(byCode: ReadonlyMap<string, YearSeries>, assign: Assign): Map<string, YearSeries> {
  const out = new Map<string, YearSeries>();
  for (const [code, series] of byCode) {
    for (const [year, value] of series) for (const t of assign(code, year)) addTo(out, t.code, year, value * t.share);
  }
  return out;
}

function regroupBeds(beds: BedData, assign: Assign): BedData {
  return beds.shape === 'none' ? beds : { shape: beds.shape, byRegion: regroupSeries(beds.byRegion, assign) };
}

function regroupServices(services: Dataset['services'], assign: Assign): Dataset['services'] {
  const out: Dataset['services'] = new Map();
  for (const [code, byKey] of services) {
    for (const [key, series] of byKey) {
      for (const [year, value] of series.years) {
        for (const t of assign(code, year)) {
          let targetKeys = out.get(t.code);
          if (!targetKeys) out.set(t.code, (targetKeys = new Map()));
          let target: ServiceSeries | undefined = targetKeys.get(key);
          if (!target) targetKeys.set(key, (target = { category: series.category, unit: series.unit, years: new Map() }));
          target.years.set(year, (target.years.get(year) ?? 0) + value * t.share);
        }
      }
    }
  }
  return out;
}

/** A new dataset over `regions` whose figures are the old ones moved by `assign`. */
export function regroup(dataset: Dataset, regions: Map<string, RegionInfo>, assign: Assign): Dataset {
  return {
    ...dataset,
    regions,
    population: regroupSeries(dataset.population, assign),
    beds: regroupBeds(dataset.beds, assign),
    services: regroupServices(dataset.services, assign),
    warnings: [...dataset.warnings],
  };
}

/** Every region code that has a figure of any kind (population, beds, services). */
export function codesWithData(dataset: Dataset): Set<string> {
  const codes = new Set<string>();
  for (const [code, series] of dataset.population) if (series.size > 0) codes.add(code);
  if (dataset.beds.shape !== 'none') for (const [code, series] of dataset.beds.byRegion) if (series.size > 0) codes.add(code);
  for (const [code, byKey] of dataset.services) if ([...byKey.values()].some((s) => s.years.size > 0)) codes.add(code);
  return codes;
}
