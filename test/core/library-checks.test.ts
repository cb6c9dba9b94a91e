// SPEC §8 "Library = CLI": every bad input the CLI's tests refuse (test/e2e/*.test.ts) is refused
// by the library's own entry points too, with a typed error (OptionError, ConfigError, InputError,
// FileAccessError) that says where the problem is — never a silently different number, a report
// labelled "bogus" or a bare RangeError. In process: the same inputs, the library's calls.
import { describe, expect, it } from 'vitest';
import { analyze, PeriodError } from '../../src/core/analyze.js';
import { analyzeCoverage } from '../../src/core/analyze-coverage.js';
import { compare } from '../../src/core/compare.js';
import { checkConfig } from '../../src/core/config.js';
import { ConfigError, OptionError } from '../../src/core/errors.js';
import { LevelError } from '../../src/core/hierarchy.js';
import { InputError } from '../../src/core/issues.js';
import { resolveNorms } from '../../src/core/norms.js';
import { sensitivity } from '../../src/core/sensitivity.js';
import { trend } from '../../src/core/trend.js';
import { resolveWeights, type Weight } from '../../src/core/weights.js';
import { batchThreads } from '../../src/parallel/batch.js';
import { FileAccessError, InputSelectionError } from '../../src/io/errors.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { sensitivityThreads } from '../../src/parallel/sensitivity.js';

const NORWAY = 'fixtures/crosswalk/norway-2020';

/** The error `fn` throws (sync or async), for several assertions on it. */
async function thrown(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, got none');
}

describe('options of analyze, trend, coverage (the CLI: report --sort, --from, --to, --fill, --level, --missing-community)', () => {
  it.each([
    [{ sort: 'bogus' }, 'sort', /^--sort: expected one of vacuum_per_100k, vacuum_be, .*, got "bogus"$/],
    [{ from: 1700 }, 'from', /^--from: expected a year ≥ 1800, got 1700$/],
    [{ to: 2000.5 }, 'to', /^--to: expected a whole year, got 2000.5$/],
    [{ fill: 'spline' }, 'fill', /^--fill: expected one of carry, none, linear, got "spline"$/],
    [{ level: 0 }, 'level', /^--level: expected a level \(a whole number\) ≥ 1, got 0$/],
    [{ missingCommunity: 'maybe' }, 'missingCommunity', /^--missing-community: expected one of exclude, zero, got "maybe"$/],
  ])('%j is an OptionError naming %s', async (options, option, message) => {
    const { dataset, weights } = await loadDataset();
    for (const run of [analyze, trend]) {
      const error = await thrown(() => run(dataset, { weights, ...(options as object) }));
      expect(error).toBeInstanceOf(OptionError);
      expect((error as OptionError).option).toBe(option);
      expect(error.message).toMatch(message);
    }
  });

  it('--from after --to is a PeriodError (an OptionError), as the CLI says it', async () => {
    const { dataset } = await loadDataset();
    const error = await thrown(() => analyze(dataset, { from: 2002, to: 2000 }));
    expect(error).toBeInstanceOf(PeriodError);
    expect(error).toBeInstanceOf(OptionError);
    expect(error.message).toBe('--from (2002) is after --to (2000)');
  });

  it('--level with --rollup and a level the tree lacks are LevelErrors (OptionErrors)', async () => {
    const { dataset } = await loadDataset({ data: NORWAY });
    for (const options of [{ level: 1, rollup: true }, { level: 3 }]) {
      const error = await thrown(() => analyze(dataset, options));
      expect(error).toBeInstanceOf(LevelError);
      expect(error).toBeInstanceOf(OptionError);
    }
    expect((await thrown(() => analyze(dataset, { level: 3 }))).message).toContain("--level 3: the regions' tree has levels 1 to 2");
  });

  it('coverage checks T and the missing-community rule the same way', async () => {
    const { dataset } = await loadDataset();
    expect((await thrown(() => analyzeCoverage(dataset, { to: 1700 }))).message).toBe('--to: expected a year ≥ 1800, got 1700');
    expect(await thrown(() => analyzeCoverage(dataset, { missingCommunity: 'both' as never }))).toBeInstanceOf(OptionError);
  });
});

describe('sensitivity and research options (the CLI: --sensitivity, --seed, --threads, --top)', () => {
  it.each([
    [{ draws: 0 }, /^--sensitivity: expected a whole number of draws 1–1000000, got 0$/],
    [{ draws: 'many' }, /^--sensitivity: expected a whole number of draws 1–1000000, got "many"$/],
    [{ seed: -1 }, /^--seed: expected a whole number 0–4294967295, got -1$/],
    [{ seed: 4294967296 }, /^--seed: expected a whole number 0–4294967295, got 4294967296$/],
  ])('%j is an OptionError, never a bare RangeError', async (options, message) => {
    const { dataset } = await loadDataset();
    const error = await thrown(() => sensitivity(dataset, options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect(error.message).toMatch(message);
  });

  it('threads 0 for the draws or a batch, and a top of 0 for a comparison', async () => {
    expect((await thrown(() => sensitivityThreads(0, 10, 5))).message).toBe('--threads: expected "auto" or a whole number ≥ 1, got 0');
    expect(await thrown(() => batchThreads(0, 3))).toBeInstanceOf(OptionError);
    const { dataset } = await loadDataset();
    const report = analyze(dataset);
    expect((await thrown(() => compare(report, report, { top: 0 }))).message).toBe('--top: expected a whole number ≥ 1, got 0');
  });
});

describe('config (the CLI: --config F, exit 3 naming the key)', () => {
  it.each([
    [{ weigths: { crisis: { teams: 20 } } }, '(top level): unknown key "weigths"; did you mean "weights"?'],
    [{ weights: { crises: { teams: 1 } } }, 'weights: unknown key "crises"; did you mean "crisis"?'],
    [{ weights: { crisis: { team: 1 } } }, 'weights.crisis: unknown key "team"; did you mean "teams"?'],
    [{ weights: { crisis: { teams: -3 } } }, 'weights.crisis.teams: expected a number ≥ 0: a weight cannot be negative'],
    [{ weights: { crisis: { teams: { value: 50, low: 60, high: 1 } } } }, 'weights.crisis.teams: expected low ≤ value ≤ high'],
    [{ norms: { crisis_teams: { low: 2, high: 1 } } }, 'norms.crisis_teams: expected low ≤ high, got low 2 and high 1'],
    [{ missingCommunity: 'sometimes' }, 'missingCommunity: expected one of exclude, zero, got "sometimes"'],
  ])('%j is a ConfigError from loadDataset, resolveWeights, resolveNorms and checkConfig', async (config, message) => {
    const errors = [
      await thrown(() => loadDataset({}, { config: config as never })),
      await thrown(() => resolveWeights(config as never)),
      await thrown(() => resolveNorms(config as never)),
      await thrown(() => checkConfig(config)),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toBeInstanceOf(InputError); // so code that catches input errors catches it (exit 3)
      expect((error as ConfigError).issues.map((i) => `${i.file}: ${i.message}`)).toContainEqual(expect.stringContaining(`config: ${message}`));
    }
  });

  it('the issue\'s example: a negative crisis-team weight no longer moves NO-OST from 5.72 to 6.69', async () => {
    // NO-OST is a region of the five-region example (2000–2002), the bundled default when the issue was written
    const error = await thrown(() => loadDataset({ data: 'data/examples/norway-regions-2000-2002' }, { config: { weights: { crisis: { teams: -3 } } } }));
    expect(error).toBeInstanceOf(ConfigError);
    // the defaults give 5.72 (cli.test.ts works it by hand)
    const { dataset, weights } = await loadDataset({ data: 'data/examples/norway-regions-2000-2002' });
    expect(analyze(dataset, { weights }).regions.find((r) => r.region === 'NO-OST')!.vacuum_per_100k).toBeCloseTo(5.7173, 4);
  });

  it('a weight table given directly is checked too: negative, not finite, or outside its own range', async () => {
    const { dataset, weights } = await loadDataset();
    const bad = (w: Partial<Weight>) => new Map([...weights, ['crisis/teams', { ...weights.get('crisis/teams')!, ...w }]]);
    for (const [change, message] of [
      [{ value: -3, low: -3 }, /^weights\.crisis\.teams: expected numbers ≥ 0/],
      [{ value: 50, low: 60, high: 1 }, /^weights\.crisis\.teams: expected low ≤ value ≤ high, got low 60, value 50, high 1$/],
      [{ value: Number.NaN }, /^weights\.crisis\.teams: expected finite numbers/],
    ] as const) {
      const error = await thrown(() => analyze(dataset, { weights: bad(change) }));
      expect(error).toBeInstanceOf(OptionError);
      expect(error.message).toMatch(message);
    }
  });

  it('a plain-number weight keeps the default range, so sensitivity still draws it (SPEC §8)', async () => {
    const { dataset, weights } = await loadDataset(undefined, { config: { weights: { crisis: { teams: 10 } } } });
    expect(weights.get('crisis/teams')).toMatchObject({ value: 10, low: 5, high: 25 });
    const varied = sensitivity(dataset, { weights, draws: 2 }).sensitivity.varied_weights;
    expect(varied).toContainEqual({ category: 'crisis', unit: 'teams', value: 10, low: 5, high: 25 });
  });
});

describe('inputs (the CLI: two stdin inputs, decimal = thousands, a missing folder or services file)', () => {
  it('two inputs from standard input, or one mark for decimals and thousands, are InputSelectionErrors (OptionErrors)', async () => {
    for (const error of [await thrown(() => loadDataset({ regions: '-', population: '-' })), await thrown(() => loadDataset({}, { decimal: ',', thousands: ',' }))]) {
      expect(error).toBeInstanceOf(InputSelectionError);
      expect(error).toBeInstanceOf(OptionError);
    }
  });

  it('a missing data folder is a FileAccessError naming the file; a folder without services.csv an InputError', async () => {
    const missing = await thrown(() => loadDataset({ data: 'no-such-folder' }));
    expect(missing).toBeInstanceOf(FileAccessError);
    expect(missing.message).toBe('cannot read no-such-folder/regions.csv: no such file or folder');
    const noServices = await thrown(() => loadDataset({ data: 'fixtures/hostile/export' }));
    expect(noServices).toBeInstanceOf(InputError);
    expect((noServices as InputError).issues[0]!.message).toMatch(/^the data folder has no services\.csv \(it holds beds\.csv, population\.csv, regions\.csv\)/);
  });
});
