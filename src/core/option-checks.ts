// The checks the CLI makes on options, made by the library's own entry points too (SPEC §8
// "Library = CLI"): each throws an OptionError naming the option (its library name, e.g. `sort`)
// with the message the CLI prints (`--sort: expected one of …`). Pure.
import { MISSING_COMMUNITY } from './config.js';
import { flagName, OptionError } from './errors.js';
import { expectedOneOf } from './issues.js';
import { type Correlation, CORRELATIONS, SORT_METRICS, type SortMetric } from './report-schema.js';
import { YEAR_MAX, YEAR_MIN } from './schemas.js';
import { FILL_MODES, type FillMode } from './series.js';
import type { Weight, WeightTable } from './weights.js';
import type { NormTable } from './norms.js';
import type { MissingCommunity } from './config.js';

const quote = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** An OptionError for the library option `option`, its message beginning with the flag. */
const problem = (option: string, text: string): OptionError => new OptionError(option, `${FLAGS[option] ?? flagName(option)}: ${text}`);

/** Library options the command line spells otherwise. */
const FLAGS: Readonly<Record<string, string>> = { draws: '--sensitivity' };

/** A year option (`from`, `to`): a whole number YEAR_MIN–YEAR_MAX, or undefined. */
export function checkYear(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw problem(option, `expected a year, got ${quote(value)}`);
  if (!Number.isInteger(value)) throw problem(option, `expected a whole year, got ${value}`);
  if (value < YEAR_MIN) throw problem(option, `expected a year ≥ ${YEAR_MIN}, got ${value}`);
  if (value > YEAR_MAX) throw problem(option, `expected a year ≤ ${YEAR_MAX}, got ${value}`);
  return value;
}

/** One of `choices`, or undefined; `option` names it in the message. */
function checkChoice<T extends string>(option: string, value: unknown, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw problem(option, expectedOneOf(choices, quote(value)));
}

/** `--sort`: one of SORT_METRICS. */
export const checkSort = (value: unknown): SortMetric | undefined => checkChoice('sort', value, SORT_METRICS);
/** `--fill`: one of FILL_MODES. */
export const checkFill = (value: unknown): FillMode | undefined => checkChoice('fill', value, FILL_MODES);
/** `--correlation`: one of CORRELATIONS (how the weights are drawn). */
export const checkCorrelation = (value: unknown): Correlation | undefined => checkChoice('correlation', value, CORRELATIONS);
/** `--missing-community`: exclude or zero. */
export const checkMissingCommunity = (value: unknown): MissingCommunity | undefined => checkChoice('missingCommunity', value, MISSING_COMMUNITY);

/** A whole number in [min, max] (draws, seed, top, level), or undefined. */
export function checkWhole(option: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER, what = 'a whole number'): number | undefined {
  if (value === undefined) return undefined;
  const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `${min}–${max}`;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw problem(option, `expected ${what} ${range}, got ${quote(value)}`);
  }
  return value;
}

/** `--level`: a whole number ≥ 1 (the tree's own depth is checked by hierarchy.ts). */
export const checkLevel = (value: unknown): number | undefined => checkWhole('level', value, 1, undefined, 'a level (a whole number)');

/** One weight of a table given to the library: finite, ≥ 0, low ≤ value ≤ high. */
function weightProblem(w: Weight): string | undefined {
  const numbers = [w.value, w.low, w.high];
  if (numbers.some((x) => typeof x !== 'number' || !Number.isFinite(x))) return `expected finite numbers, got value ${w.value}, low ${w.low}, high ${w.high}`;
  if (numbers.some((x) => x < 0)) return `expected numbers ≥ 0: a weight cannot be negative (value ${w.value}, low ${w.low}, high ${w.high})`;
  if (!(w.low <= w.value && w.value <= w.high)) return `expected low ≤ value ≤ high, got low ${w.low}, value ${w.value}, high ${w.high}`;
  return undefined;
}

/**
 * A weight table given to the library directly (not made by resolveWeights from a checked
 * config): every weight finite, ≥ 0 and inside its own range.
 */
export function checkWeightTable(weights: WeightTable | undefined): WeightTable | undefined {
  if (weights === undefined) return undefined;
  for (const [key, w] of weights) {
    const issue = weightProblem(w);
    if (issue !== undefined) throw new OptionError(`weights.${key.replace('/', '.')}`, `weights.${key.replace('/', '.')}: ${issue}`);
  }
  return weights;
}

/** A norm table given to the library directly: low > 0 (coverage divides by it) and low ≤ high. */
export function checkNormTable(norms: NormTable | undefined): NormTable | undefined {
  if (norms === undefined) return undefined;
  for (const n of norms) {
    if (!Number.isFinite(n.low) || !Number.isFinite(n.high) || n.low <= 0) {
      throw new OptionError(`norms.${n.norm}`, `norms.${n.norm}: expected a low > 0 and a finite high (coverage divides by low), got low ${n.low}, high ${n.high}`);
    }
    if (n.low > n.high) throw new OptionError(`norms.${n.norm}`, `norms.${n.norm}: expected low ≤ high, got low ${n.low} and high ${n.high}`);
  }
  return norms;
}
