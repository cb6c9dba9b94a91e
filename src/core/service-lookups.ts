// What a service row's name and unit mean, looked up once per distinct name (normalising a name
// for the taxonomy is the costly part) and once per unit cell of each name (its unit, which may be
// given by a local name, and its weight key). Names the taxonomy mapped only loosely and units
// given by a local name are noted where first met (name-notices.ts).
import type { Category } from './categories.js';
import type { Dataset } from './dataset.js';
import type { NameNotices } from './name-notices.js';
import { RecentStrings } from './recent-strings.js';
import type { Taxonomy } from './taxonomy.js';
import { type UnitCell, unitOfCell } from './unit-aliases.js';
import type { Unit } from './units.js';
import { weightKey, type WeightTable } from './weights.js';

/** A unit cell's unit and weight key (null: no weight for the name's category in that unit). */
export interface UnitLookup {
  readonly unit: Unit;
  readonly key: string | null;
}

/** Per distinct service name: its use count and, per unit cell, its unit and weight key. */
export interface ServiceLookup {
  readonly use: { readonly category: Category | undefined; rows: number; readonly firstLine: number };
  readonly units: Map<string, UnitLookup>;
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
    private readonly notices: NameNotices,
  ) {}

  /** The lookup of a name, counting one more row of it (first seen: on `line` of `file`). */
  use(name: string, file: string, line: number): ServiceLookup {
    let lookup = this.recent.get(name);
    if (lookup === undefined) {
      lookup = this.lookups.get(name);
      if (lookup === undefined) {
        const match = this.taxonomy.match(name);
        if (match?.loose) this.notices.looseName(file, name, match.entry, line);
        const use = { category: match?.entry.category, rows: 0, firstLine: line };
        this.names.set(name, use);
        this.lookups.set(name, (lookup = { use, units: new Map() }));
      }
      this.recent.set(name, lookup);
    }
    lookup.use.rows++;
    return lookup;
  }

  /** The unit of a unit cell and the weight key of the name's category in it (first seen: on
   * `line` of `file`). */
  unit(lookup: ServiceLookup, category: Category, cell: UnitCell, file: string, line: number): UnitLookup {
    let unit = lookup.units.get(cell);
    if (unit === undefined) {
      const read = unitOfCell(cell);
      if (read.alias) this.notices.unitAlias(file, read.alias, line);
      const k = weightKey(category, read.unit);
      lookup.units.set(cell, (unit = { unit: read.unit, key: this.weights.has(k) ? k : null }));
    }
    return unit;
  }
}
