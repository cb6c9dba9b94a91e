// What a service row's name and unit mean, looked up once per distinct name (normalising a name
// for the taxonomy is the costly part) and once per unit of each name (its weight key).
import type { Category } from './categories.js';
import type { Dataset } from './dataset.js';
import { RecentStrings } from './recent-strings.js';
import type { Taxonomy } from './taxonomy.js';
import type { Unit } from './units.js';
import { weightKey, type WeightTable } from './weights.js';

/** Per distinct service name: its use count and, per unit, its weight key (null: no weight). */
export interface ServiceLookup {
  readonly use: { readonly category: Category | undefined; rows: number; readonly firstLine: number };
  readonly units: Map<string, string | null>;
}

export class ServiceLookups {
  /** Every distinct name with its category and use (the dataset's serviceNames). */
  readonly names: Dataset['serviceNames'] = new Map();
  private readonly lookups = new Map<string, ServiceLookup>();
  /** The lookups of recent names (most rows repeat one of a few dozen names). */
  private readonly recent = new RecentStrings<ServiceLookup>();

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly weights: WeightTable,
  ) {}

  /** The lookup of a name, counting one more row of it (first seen: on `line`). */
  use(name: string, line: number): ServiceLookup {
    let lookup = this.recent.get(name);
    if (lookup === undefined) {
      lookup = this.lookups.get(name);
      if (lookup === undefined) {
        const use = { category: this.taxonomy.lookup(name), rows: 0, firstLine: line };
        this.names.set(name, use);
        this.lookups.set(name, (lookup = { use, units: new Map() }));
      }
      this.recent.set(name, lookup);
    }
    lookup.use.rows++;
    return lookup;
  }

  /** The weight key of a name's category in `unit`, or null when the weights have none. */
  weightKey(lookup: ServiceLookup, category: Category, unit: Unit): string | null {
    let key = lookup.units.get(unit);
    if (key === undefined) {
      const k = weightKey(category, unit);
      lookup.units.set(unit, (key = this.weights.has(k) ? k : null));
    }
    return key;
  }
}
