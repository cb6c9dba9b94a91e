// Running a batch (src/io/batch.ts): paths relative to the scenario file, each distinct input
// loaded once, config overlays, and every problem located in the scenario file.
import { OptionError } from '../../src/core/errors.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { InputError } from '../../src/core/issues.js';
import { resolveWeights } from '../../src/core/weights.js';
import { runBatch as runBatchApp, type BatchRunOptions, runScenarios } from '../../src/app/batch.js';
import { parseScenarioFile } from '../../src/io/scenario-file.js';
import { batchThreads } from '../../src/parallel/batch.js';
import type { DatasetInputs } from '../../src/io/load-dataset.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { FIVE_REGIONS, tempDir } from '../e2e/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** A scenario file's combined result, as `servicegap batch FILE` computes it. */
const runBatch = async (file: string, options: Omit<BatchRunOptions, 'scenarios'> = {}) => (await runBatchApp({ ...options, scenarios: file })).batch;

/** A scenario file in a fresh folder, next to a copy-free reference to the repository's fixtures. */
function scenarioFile(scenarios: unknown[], extra: Record<string, unknown> = {}): { dir: string; file: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'batch'));
  const file = join(dir, 'batch', 'scenarios.json');
  writeFileSync(file, JSON.stringify({ scenarios, ...extra }));
  return { dir, file };
}

describe('runBatch', () => {
  it('reads paths relative to the scenario file and loads each distinct input once', async () => {
    const worked = join(ROOT, 'fixtures/worked-stock');
    const { dir, file } = scenarioFile([
      { name: 'default' },
      { name: 'worked', data: worked },
      { name: 'worked-again', data: worked, config: { weights: { outreach: { caseload: 0.2 } } } },
      { name: 'worked-later', data: worked, from: 2018 },
      { name: 'corners', data: join(ROOT, 'fixtures/sensitivity-corners') },
    ]);
    const loads: DatasetInputs[] = [];
    const result = await runBatch(file, { cwd: dir, threads: 1, onLoad: (i) => loads.push(i) });
    // default (bundled data), worked-stock (three scenarios: only weight values and years differ), corners
    expect(loads).toHaveLength(3);
    expect(result.scenarios.map((s) => s.name)).toEqual(['default', 'worked', 'worked-again', 'worked-later', 'corners']);
    const { dataset, weights } = await loadDataset({ data: worked });
    const expected = analyze(dataset, { weights });
    const rows = result.rows.filter((r) => r.scenario === 'worked');
    expect(rows.map((r) => r.region)).toEqual(expected.regions.map((r) => r.region));
    expect(rows[0]!.vacuum_per_100k).toBe(expected.regions[0]!.vacuum_per_100k);
    // the overlay doubled the outreach caseload weight: FI-VS −60 beds, +200 caseload × 0.2 = +40 → vacuum 20
    const again = result.rows.find((r) => r.scenario === 'worked-again' && r.region === 'FI-VS')!;
    expect(again.community_change_be).toBeCloseTo(40, 9);
    expect(again.vacuum_be).toBeCloseTo(20, 9);
    expect(result.scenarios.find((s) => s.name === 'worked-later')!.from).toBe(2018);
  });

  it('resolves a relative data folder and config file from the scenario file\'s folder', async () => {
    const { dir, file } = scenarioFile([
      { name: 'a', data: 'data' },
      { name: 'b', data: 'data', config: 'low.json' },
    ]);
    const data = join(dir, 'batch', 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'regions.csv'), 'region\nR1\n');
    writeFileSync(join(data, 'population.csv'), 'region,year,population\nR1,2020,100000\n');
    writeFileSync(join(data, 'beds.csv'), 'region,year,beds\nR1,2010,50\nR1,2020,40\n');
    writeFileSync(join(data, 'services.csv'), 'region,year,service,capacity,unit\nR1,2010,crisis,0,teams\nR1,2020,crisis,1,teams\n');
    writeFileSync(join(dir, 'batch', 'low.json'), JSON.stringify({ weights: { crisis: { teams: 4 } } }));
    const loads: DatasetInputs[] = [];
    const result = await runBatch(file, { cwd: dir, onLoad: (i) => loads.push(i) });
    expect(loads).toEqual([{ data: data, regions: undefined, population: undefined, beds: undefined, services: undefined }]);
    // a: −10 + 12.5 → no vacuum; b: −10 + 4 → 6
    expect(result.rows.map((r) => [r.scenario, r.vacuum_be])).toEqual([
      ['a', 0],
      ['b', 6],
    ]);
  });

  it('a scenario that adds an alias or a weighted pair loads its data again (loading depends on them)', async () => {
    const { dir, file } = scenarioFile([
      { name: 'a' },
      { name: 'b', config: { aliases: { 'Noe nytt': 'crisis' } } },
      { name: 'c', config: { weights: { general_hospital: { places: 1 } } } },
      { name: 'd', config: { weights: { crisis: { teams: 1 } } } },
    ]);
    const loads: DatasetInputs[] = [];
    await runBatch(file, { cwd: dir, onLoad: (i) => loads.push(i) });
    expect(loads).toHaveLength(3);
  });

  it('lays each scenario config over the command line config', async () => {
    const result = await runScenarios(
      parseScenarioFile(JSON.stringify({ scenarios: [{ name: 'base' }, { name: 'over', config: { weights: { crisis: { teams: 1 } } } }] }), 's.json').scenarios,
      { inputs: { data: join(ROOT, 'fixtures/sensitivity-corners') }, config: { weights: { outreach: { teams: 20 } } } },
    );
    // XA: −40 + 2 outreach teams × 20 + 1 crisis team × 12.5 (base) or × 1 (over)
    const xa = (s: string) => result.rows.find((r) => r.scenario === s && r.region === 'XA')!;
    expect(xa('base').community_change_be).toBe(52.5);
    expect(xa('over').community_change_be).toBe(41);
  });

  it('names the scenario file and the JSON path of every problem', async () => {
    const { dir, file } = scenarioFile([{ name: 'a', from: 2010, to: 2000 }, { name: 'a' }]);
    const error = await runBatch(file, { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const messages = (error as InputError).issues.map((i) => `${i.file}: ${i.message}`);
    expect(messages).toEqual([
      `${file}: scenarios.0.from: expected from ≤ to`,
      `${file}: scenarios.1.name: scenario name "a" is already used by scenarios.0`,
    ]);
  });

  it('a period that cannot work fails that scenario, named; the others run (issue 16)', async () => {
    // The five regions' data ends in 2002 (the default data would end later).
    const data = join(ROOT, FIVE_REGIONS);
    const { dir, file } = scenarioFile([{ name: 'fine', data }, { name: 'too-late', from: 2005, data }]);
    const result = await runBatch(file, { cwd: dir, threads: 1 });
    expect(result.scenarios.map((s) => s.name)).toEqual(['fine']);
    expect(result.failed).toEqual([{ scenario: 'too-late', problems: [expect.stringMatching(/scenarios\.1 \("too-late"\): from \(2005\) is after to \(2002\)$/)] }]);
    // every scenario failing is an input error naming each
    const only = scenarioFile([{ name: 'too-late', from: 2005, data }]);
    const error = await runBatch(only.file, { cwd: only.dir, threads: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]!.message).toMatch(/^scenario "too-late": .*from \(2005\) is after to \(2002\)/);
  });

  it('standard input can feed only one distinct input', async () => {
    const scenarios = parseScenarioFile(
      JSON.stringify({ scenarios: [{ name: 'a', inputs: { regions: '-', population: 'p.csv' } }, { name: 'b', inputs: { regions: '-', population: 'q.csv' } }] }),
      's.json',
    ).scenarios;
    await expect(runScenarios(scenarios, {})).rejects.toThrow(/standard input/);
  });
});

describe('batchThreads', () => {
  it('uses one thread for small batches, the given number when asked, never more than the scenarios', () => {
    expect(batchThreads('auto', 8, Infinity)).toBe(1);
    expect(batchThreads('auto', 50, 100)).toBe(1);
    expect(batchThreads(1, 50)).toBe(1);
    expect(batchThreads(4, 3)).toBe(3);
    expect(() => batchThreads(0, 3)).toThrow(OptionError); // the CLI's check and message (SPEC §8)
    expect(() => batchThreads(0, 3)).toThrow('--threads: expected "auto" or a whole number ≥ 1, got 0');
  });
});

it('resolveWeights is untouched by scenario overlays (sanity)', () => {
  expect(resolveWeights().get('crisis/teams')!.value).toBe(12.5);
});
