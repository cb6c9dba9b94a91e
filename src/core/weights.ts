// The weights in force for a run: SPEC §4 defaults, overridden by the config.
import { CATEGORY_CODES, type Category } from './categories.js';
import type { Config, WeightOverride } from './config.js';
import { DEFAULT_WEIGHTS, type DefaultWeight } from './defaults.js';
import { UNIT_CODES, type Unit } from './units.js';

/** A weight w(category, unit) in force: a default weight's fields (value, range, source; defaults.ts) and where it came from. */
export interface Weight extends DefaultWeight {
  readonly origin: 'default' | 'config';
}

/** Weights keyed by `category/unit`. */
export type WeightTable = ReadonlyMap<string, Weight>;

/** The key of a weight in a WeightTable: `category/unit`. */
export const weightKey = (category: Category, unit: Unit): string => `${category}/${unit}`;

/** The weights in force: SPEC §4 defaults with the config's overrides laid over them. */
export function resolveWeights(config: Config = {}): WeightTable {
  const table = new Map<string, Weight>();
  for (const w of DEFAULT_WEIGHTS) table.set(weightKey(w.category, w.unit), { ...w, origin: 'default' });
  for (const category of CATEGORY_CODES) {
    const units = config.weights?.[category];
    for (const unit of UNIT_CODES) {
      const override: WeightOverride | undefined = units?.[unit];
      if (override === undefined) continue;
      const o = typeof override === 'number' ? { value: override } : override;
      // A config that repeats a default as it is (what `init` writes) leaves it a default.
      const builtin = table.get(weightKey(category, unit));
      if (builtin !== undefined && o.value === builtin.value && o.low === builtin.low && o.high === builtin.high && o.source === builtin.source) continue;
      table.set(weightKey(category, unit), {
        category,
        unit,
        value: o.value,
        low: o.low ?? o.value,
        high: o.high ?? o.value,
        source: o.source ?? 'set in the config file',
        assumption: true,
        origin: 'config',
      });
    }
  }
  return table;
}
