// One config laid over another (batch scenarios' "config overrides"). Pure.
import type { Config } from './config.js';

type Plain = Record<string, unknown>;

const isPlain = (x: unknown): x is Plain => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Merge `over` into `base` down to `depth` levels of objects; below that, `over`'s value replaces. */
function mergeLevels(base: Plain, over: Plain, depth: number): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = depth > 0 && isPlain(under) && isPlain(value) ? mergeLevels(under, value, depth - 1) : value;
  }
  return out;
}

/**
 * `over` laid over `base`: a weight is replaced whole per category and unit (`weights.crisis.teams`
 * in `over` replaces base's, value, range and source together; base's other weights stay), an
 * alias per name; `$schema` is dropped.
 */
export function mergeConfig(base: Config, over: Config): Config {
  const { $schema: _a, ...b } = base;
  const { $schema: _b, ...o } = over;
  // Levels: the section (weights, aliases) → category (or alias name) → unit; a unit's weight
  // is replaced whole.
  return mergeLevels(b, o, 2);
}
