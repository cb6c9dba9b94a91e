// `validate`: read every input, and describe what was read (every problem is an InputError).
import { bedYears } from '../core/dataset.js';
import type { Warning } from '../core/issues.js';
import type { FileRole } from '../io/load-dataset.js';
import { type DataOptions, loadData } from './data.js';

/** What `runValidate` returns: what the inputs hold, once they have passed every check. */
export interface ValidateRun {
  /** The files read, by role, as named in messages. */
  readonly files: Partial<Record<FileRole, string>>;
  /** Regions in regions.csv (every level of the tree). */
  readonly regions: number;
  /** How the beds are given: a stock per year, closure events, or no beds file. */
  readonly beds: 'stock' | 'events' | 'none';
  /** First and last year of the beds data; undefined without beds. */
  readonly bedYears?: { readonly first: number; readonly last: number } | undefined;
  /** Community service series (region × category × unit). */
  readonly serviceSeries: number;
  /** Distinct service names that map to a category. */
  readonly mappedServiceNames: number;
  /** Warnings about the data. */
  readonly warnings: readonly Warning[];
}

/** Read and check the inputs; throws InputError listing every problem. */
export async function runValidate(options: DataOptions = {}): Promise<ValidateRun> {
  const { dataset, files } = await loadData(options);
  const years = bedYears(dataset.beds);
  return {
    files,
    regions: dataset.regions.size,
    beds: dataset.beds.shape,
    bedYears: years.length ? { first: years[0]!, last: years[years.length - 1]! } : undefined,
    serviceSeries: [...dataset.services.values()].reduce((n, byKey) => n + byKey.size, 0),
    mappedServiceNames: [...dataset.serviceNames.values()].filter((n) => n.category !== undefined).length,
    warnings: dataset.warnings,
  };
}
