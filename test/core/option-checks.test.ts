// The checks made on options, by the CLI and the library alike (src/core/option-checks.ts): each
// throws an OptionError naming the option, with the message the CLI prints; values in range pass
// through unchanged, and an absent option stays absent.
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/core/errors.js';
import { resolveNorms } from '../../src/core/norms.js';
import {
  checkCorrelation,
  checkFill,
  checkLevel,
  checkMissingCommunity,
  checkNormTable,
  checkSort,
  checkWeightTable,
  checkWhole,
  checkYear,
} from '../../src/core/option-checks.js';
import { resolveWeights } from '../../src/core/weights.js';
import type { Weight, WeightTable } from '../../src/core/weights.js';

/** The OptionError `run` throws, as { option, message }; fails the test when it throws nothing. */
function optionError(run: () => unknown): { option: string | undefined; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OptionError);
    return { option: (error as OptionError).option, message: (error as OptionError).message };
  }
  throw new Error('expected an OptionError, but nothing was thrown');
}

describe('checkYear', () => {
  it('passes a whole year 1800–2200, either end included, and an absent one', () => {
    expect(checkYear('from', 1800)).toBe(1800);
    expect(checkYear('from', 2200)).toBe(2200);
    expect(checkYear('to', 2015)).toBe(2015);
    expect(checkYear('to', undefined)).toBeUndefined();
  });

  it('names the flag and what was wrong', () => {
    expect(optionError(() => checkYear('from', 1799))).toEqual({ option: 'from', message: '--from: expected a year ≥ 1800, got 1799' });
    expect(optionError(() => checkYear('to', 2201))).toEqual({ option: 'to', message: '--to: expected a year ≤ 2200, got 2201' });
    expect(optionError(() => checkYear('from', 2015.5))).toEqual({ option: 'from', message: '--from: expected a whole year, got 2015.5' });
    expect(optionError(() => checkYear('from', '2015'))).toEqual({ option: 'from', message: '--from: expected a year, got "2015"' });
    expect(optionError(() => checkYear('from', Number.NaN))).toEqual({ option: 'from', message: '--from: expected a year, got NaN' });
    expect(optionError(() => checkYear('to', Number.POSITIVE_INFINITY))).toEqual({ option: 'to', message: '--to: expected a year, got Infinity' });
    expect(optionError(() => checkYear('to', null))).toEqual({ option: 'to', message: '--to: expected a year, got null' });
  });
});

describe('choices', () => {
  it('pass one of the choices, and an absent option', () => {
    expect(checkSort('population')).toBe('population');
    expect(checkFill('linear')).toBe('linear');
    expect(checkCorrelation('category')).toBe('category');
    expect(checkMissingCommunity('zero')).toBe('zero');
    expect(checkSort(undefined)).toBeUndefined();
    expect(checkMissingCommunity(undefined)).toBeUndefined();
  });

  it('list the choices, with the flag spelt as on the command line', () => {
    expect(optionError(() => checkFill('cubic'))).toEqual({ option: 'fill', message: '--fill: expected one of carry, none, linear, got "cubic"' });
    expect(optionError(() => checkCorrelation(1))).toEqual({ option: 'correlation', message: '--correlation: expected one of none, category, got 1' });
    // The library's missingCommunity is --missing-community on the command line.
    expect(optionError(() => checkMissingCommunity('Zero'))).toEqual({
      option: 'missingCommunity',
      message: '--missing-community: expected one of exclude, zero, got "Zero"',
    });
    expect(optionError(() => checkSort('beds')).message).toMatch(/^--sort: expected one of vacuum_per_100k, vacuum_be, population, .*, got "beds"$/);
  });
});

describe('checkWhole', () => {
  it('passes a whole number in [min, max], either end included', () => {
    expect(checkWhole('top', 1, 1)).toBe(1);
    expect(checkWhole('draws', 100, 1, 100)).toBe(100);
    expect(checkWhole('seed', 0, 0)).toBe(0);
    expect(checkWhole('top', undefined, 1)).toBeUndefined();
  });

  it('says the range: "≥ min" without a maximum, "min–max" with one', () => {
    expect(optionError(() => checkWhole('top', 0, 1))).toEqual({ option: 'top', message: '--top: expected a whole number ≥ 1, got 0' });
    expect(optionError(() => checkWhole('top', 2.5, 1))).toEqual({ option: 'top', message: '--top: expected a whole number ≥ 1, got 2.5' });
    expect(optionError(() => checkWhole('top', '3', 1))).toEqual({ option: 'top', message: '--top: expected a whole number ≥ 1, got "3"' });
    expect(optionError(() => checkWhole('seed', 101, 1, 100))).toEqual({ option: 'seed', message: '--seed: expected a whole number 1–100, got 101' });
    // The library's `draws` is the CLI's --sensitivity.
    expect(optionError(() => checkWhole('draws', 0, 1, 100_000))).toEqual({
      option: 'draws',
      message: '--sensitivity: expected a whole number 1–100000, got 0',
    });
  });

  it('checkLevel: a whole number ≥ 1, called a level', () => {
    expect(checkLevel(1)).toBe(1);
    expect(checkLevel(undefined)).toBeUndefined();
    expect(optionError(() => checkLevel(0))).toEqual({ option: 'level', message: '--level: expected a level (a whole number) ≥ 1, got 0' });
  });
});

describe('checkWeightTable', () => {
  const weight = (value: number, low: number, high: number): Weight => ({ ...[...resolveWeights().values()][0]!, value, low, high });
  const table = (w: Weight): WeightTable => new Map([['crisis/teams', w]]);

  it('passes the default table, a weight at either end of its range, and no table', () => {
    const defaults = resolveWeights();
    expect(checkWeightTable(defaults)).toBe(defaults);
    expect(checkWeightTable(table(weight(2, 2, 3)))).toBeDefined();
    expect(checkWeightTable(table(weight(3, 2, 3)))).toBeDefined();
    expect(checkWeightTable(table(weight(0, 0, 0)))).toBeDefined();
    expect(checkWeightTable(undefined)).toBeUndefined();
  });

  it('names the weight by its config path and says what is wrong', () => {
    expect(optionError(() => checkWeightTable(table(weight(Number.NaN, 1, 2))))).toEqual({
      option: 'weights.crisis.teams',
      message: 'weights.crisis.teams: expected finite numbers, got value NaN, low 1, high 2',
    });
    expect(optionError(() => checkWeightTable(table(weight(1, 0, Number.POSITIVE_INFINITY)))).message).toBe(
      'weights.crisis.teams: expected finite numbers, got value 1, low 0, high Infinity',
    );
    expect(optionError(() => checkWeightTable(table(weight(1, -1, 2)))).message).toBe(
      'weights.crisis.teams: expected numbers ≥ 0: a weight cannot be negative (value 1, low -1, high 2)',
    );
    expect(optionError(() => checkWeightTable(table(weight(1, 2, 3)))).message).toBe(
      'weights.crisis.teams: expected low ≤ value ≤ high, got low 2, value 1, high 3',
    );
    expect(optionError(() => checkWeightTable(table(weight(4, 2, 3)))).message).toBe(
      'weights.crisis.teams: expected low ≤ value ≤ high, got low 2, value 4, high 3',
    );
  });
});

describe('checkNormTable', () => {
  const norm = (low: number, high: number) => ({ ...resolveNorms()[0]!, norm: 'acute', low, high });

  it('passes the default norms, a norm with low = high, and no table', () => {
    const defaults = resolveNorms();
    expect(checkNormTable(defaults)).toBe(defaults);
    expect(checkNormTable([norm(5, 5)])).toHaveLength(1);
    expect(checkNormTable(undefined)).toBeUndefined();
  });

  it('refuses a low of 0 or less, a bound not finite, and low > high', () => {
    const divides = 'expected a low > 0 and a finite high (coverage divides by low)';
    expect(optionError(() => checkNormTable([norm(0, 5)]))).toEqual({ option: 'norms.acute', message: `norms.acute: ${divides}, got low 0, high 5` });
    expect(optionError(() => checkNormTable([norm(-1, 5)])).message).toBe(`norms.acute: ${divides}, got low -1, high 5`);
    expect(optionError(() => checkNormTable([norm(Number.NaN, 5)])).message).toBe(`norms.acute: ${divides}, got low NaN, high 5`);
    expect(optionError(() => checkNormTable([norm(1, Number.POSITIVE_INFINITY)])).message).toBe(`norms.acute: ${divides}, got low 1, high Infinity`);
    expect(optionError(() => checkNormTable([norm(6, 5)]))).toEqual({ option: 'norms.acute', message: 'norms.acute: expected low ≤ high, got low 6 and high 5' });
  });
});
