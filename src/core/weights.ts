// The weights in force for a run: SPEC §4 defaults, overridden by the config.
import { CATEGORY_CODES, type Category } from './categories.js';
import { checkConfig, type Config, type WeightOverride } from './config.js';
import { DEFAULT_WEIGHTS, type DefaultWeight } from './defaults.js';
import { UNIT_CODES, type Unit } from './units.js';

/** Who set a weight or norm in force (SPEC §8 `set_by`): the defaults, the config, or an option (`--weights low|high`). */
export type SetBy = 'default' | 'config' | 'option';

/** A weight w(category, unit) in force: a default weight's fields (value, range, source; defaults.ts) and where it came from. */
export interface Weight extends DefaultWeight {
  readonly origin: SetBy;
}

/** Weights keyed by `category/unit`. */
export type WeightTable = ReadonlyMap<string, Weight>;

/** Keys made before, by category and unit (a handful of categories × units). */
const keys = new Map<string, Map<string, string>>();
const KEPT = 64;

/**
 * The key of a weight in a WeightTable: `category/unit`. The same string each time: a trend looks
 * up a weight per service series per region per year (millions), and a string made afresh is
 * hashed afresh by the lookup; one kept is hashed once (issue 18).
 */
export function weightKey(category: Category, unit: Unit): string {
  const byUnit = keys.get(category);
  const kept = byUnit?.get(unit);
  if (kept !== undefined) return kept;
  const key = `${category}/${unit}`;
  // Kept up to a bound (the known categories and units are far fewer; a library caller's own names need not all be kept).
  if (byUnit !== undefined) {
    if (byUnit.size < KEPT) byUnit.set(unit, key);
  } else if (keys.size < KEPT) keys.set(category, new Map([[unit, key]]));
  return key;
}

/**
 * The weights in force: SPEC §4 defaults with the config's overrides laid over them. The config
 * is checked first (checkConfig: a ConfigError names every problem), so the library refuses what
 * the CLI refuses. A plain number (or an object without `low` / `high`) sets the value and keeps
 * the default's range when the value lies inside it; otherwise the range widens to include the
 * value (SPEC §8), so the weight still takes part in the sensitivity draws.
 */
export function resolveWeights(config: Config = {}): WeightTable {
  const checked = checkConfig(config);
  const table = new Map<string, Weight>();
  for (const w of DEFAULT_WEIGHTS) table.set(weightKey(w.category, w.unit), { ...w, origin: 'default' });
  for (const category of CATEGORY_CODES) {
    const units = checked.weights?.[category];
    for (const unit of UNIT_CODES) {
      const override: WeightOverride | undefined = units?.[unit];
      if (override === undefined) continue;
      const o = typeof override === 'number' ? { value: override } : override;
      const key = weightKey(category, unit);
      const base = table.get(key);
      // A config that repeats a default as it is (what `init` writes) leaves it a default.
      if (base !== undefined && o.value === base.value && o.low === base.low && o.high === base.high && o.source === base.source) continue;
      table.set(key, {
        category,
        unit,
        value: o.value,
        low: o.low ?? Math.min(base?.low ?? o.value, o.value),
        high: o.high ?? Math.max(base?.high ?? o.value, o.value),
        source: o.source ?? 'set in the config file',
        assumption: true,
        origin: 'config',
      });
    }
  }
  return table;
}
