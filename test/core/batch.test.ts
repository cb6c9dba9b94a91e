// Batch: the scenario file schema, the config overlay and combineBatch (src/core/batch*.ts).
import { describe, expect, it } from 'vitest';
import { type BatchResult, ScenarioFileSchema, BatchResultSchema } from '../../src/core/batch-schema.js';
import { combineBatch } from '../../src/core/batch.js';
import { mergeConfig } from '../../src/core/config-merge.js';
import { rankRegions } from '../../src/core/rank.js';
import type { RegionMetrics, Report } from '../../src/core/report-schema.js';
import { SAMPLE_PROVENANCE } from '../helpers/provenance.js';
import { OptionError } from '../../src/core/errors.js';

describe('scenario file schema', () => {
  it('accepts names with data, inputs, a config path or object, and years', () => {
    const parsed = ScenarioFileSchema.parse({
      scenarios: [
        { name: 'base' },
        { name: 'other', data: 'd', inputs: { services: 's.csv' }, config: 'c.json', from: 2000, to: 2010 },
        { name: 'inline', config: { weights: { crisis: { teams: 5 } } }, delimiter: ';', allowUnmapped: true },
      ],
    });
    expect(parsed.scenarios.map((s) => s.name)).toEqual(['base', 'other', 'inline']);
  });

  it.each([
    [{ scenarios: [] }, 'scenarios', 'at least one scenario'],
    [{ scenarios: [{ name: 'a' }, { name: 'a' }] }, 'scenarios.1.name', 'already used by scenarios.0'],
    [{ scenarios: [{ name: 'a', from: 2010, to: 2000 }] }, 'scenarios.0.from', 'from ≤ to'],
    [{ scenarios: [{ name: 'a', dat: 'x' }] }, 'scenarios.0', 'dat'],
    [{ scenarios: [{ name: 'a', config: { weights: { crisis: { boats: 1 } } } }] }, 'scenarios.0.config', ''],
    [{ scenarios: [{ name: '  ' }] }, 'scenarios.0.name', ''],
    [{ scenarios: [{ name: 'a', from: 1700 }] }, 'scenarios.0.from', ''],
  ])('rejects %j at %s', (input, path, message) => {
    const result = ScenarioFileSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues.some((i) => i.startsWith(path) && i.includes(message)), issues.join('\n')).toBe(true);
  });
});

describe('mergeConfig', () => {
  it('replaces a weight whole per category and unit, keeps the rest, merges aliases by name', () => {
    const base = {
      $schema: 'x',
      weights: { crisis: { teams: { value: 12.5, low: 5, high: 25, source: 'base' }, beds: 1 }, outreach: { teams: 8 } },
      aliases: { Akutt: 'crisis' as const, Dag: 'day_services' as const },
    };
    const over = { weights: { crisis: { teams: 6 } }, aliases: { Dag: 'cmhc' as const } };
    expect(mergeConfig(base, over)).toEqual({
      weights: { crisis: { teams: 6, beds: 1 }, outreach: { teams: 8 } },
      aliases: { Akutt: 'crisis', Dag: 'cmhc' },
    });
    expect(mergeConfig({}, over)).toEqual(over);
    expect(mergeConfig(base, {})).toEqual({ weights: base.weights, aliases: base.aliases });
  });
});

function metrics(code: string, vacuum: number): RegionMetrics {
  return {
    region: code, name: code, population: 100_000, beds_from: 10, beds_to: 10 - vacuum, bed_change: -vacuum,
    beds_closed: vacuum, community_from_be: 0, community_to_be: 0, community_change_be: 0, net_change_be: -vacuum,
    vacuum_be: vacuum, vacuum_per_100k: vacuum, replacement_ratio: 0, capacity_per_100k_from: null,
    capacity_per_100k_to: null, rate_drop_per_100k: null, coverage_index: null, flags: [], categories_not_reported: [],
  };
}

function report(from: number, to: number, vacuums: Record<string, number>): Report {
  const regions = rankRegions(Object.entries(vacuums).map(([c, v]) => metrics(c, v)), 'vacuum_per_100k');
  return { servicegap: '0.1.0', from, to, sort: 'vacuum_per_100k', regions, excluded: [], warnings: [], provenance: SAMPLE_PROVENANCE };
}

describe('combineBatch', () => {
  // first: A 3, B 2, C 1 → A1 B2 C3;  second: C 5, A 3, B 2 → C1 A2 B3;  third: D only
  // Built inside each test, not in a beforeAll: Stryker's per-test coverage does not see code run
  // in hooks, so a mutant of combineBatch reached only from a hook would go untested.
  const combined = (): BatchResult =>
    combineBatch(
      [
        { name: 'first', report: report(2000, 2010, { A: 3, B: 2, C: 1 }) },
        { name: 'second', report: report(2005, 2010, { A: 3, B: 2, C: 5 }) },
        { name: 'third', report: report(2000, 2010, { D: 1 }) },
      ],
      { top: 1 },
    );

  it('writes one long table: scenario, period, rank and metrics, rank in the first and its change', () => {
    const result = combined();
    expect(result.rows.map((r) => [r.scenario, r.from, r.region, r.rank, r.rank_first, r.rank_change])).toEqual([
      ['first', 2000, 'A', 1, 1, 0],
      ['first', 2000, 'B', 2, 2, 0],
      ['first', 2000, 'C', 3, 3, 0],
      ['second', 2005, 'C', 1, 3, -2],
      ['second', 2005, 'A', 2, 1, 1],
      ['second', 2005, 'B', 3, 2, 1],
      ['third', 2000, 'D', 1, null, null],
    ]);
    expect(result.rows[3]!.vacuum_per_100k).toBe(5);
  });

  it('summarises each scenario against the first', () => {
    const result = combined();
    expect(result.first).toBe('first');
    expect(result.summary).toEqual([
      { scenario: 'first', regions_moved: 0, largest_rank_change: 0, entered_top: [], left_top: [] },
      { scenario: 'second', regions_moved: 3, largest_rank_change: 2, entered_top: ['C'], left_top: ['A'] },
      { scenario: 'third', regions_moved: 0, largest_rank_change: 0, entered_top: ['D'], left_top: ['A'] },
    ]);
    expect(result.scenarios.map((s) => [s.name, s.from, s.to, s.ranked])).toEqual([
      ['first', 2000, 2010, 3],
      ['second', 2005, 2010, 3],
      ['third', 2000, 2010, 1],
    ]);
    expect(BatchResultSchema.parse(result)).toEqual(result);
  });

  it('needs at least one scenario', () => {
    expect(() => combineBatch([])).toThrow(OptionError);
    expect(() => combineBatch([])).toThrow('scenarios: expected at least one scenario');
  });
});
