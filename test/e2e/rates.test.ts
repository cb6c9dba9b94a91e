// --rates (issue 16): beds and capacities already per 100,000 residents, no population file;
// worked by hand in fixtures/rates/README.md.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const rates = join(ROOT, 'fixtures/rates');

describe('report --rates', () => {
  it('SE-AB: beds −20, supported living +8 → vacuum 12 per 100,000; SE-M: −5 + 0.5 × 12.5 = +1.25 → 0', () => {
    const r = runCli(['report', '--data', rates, '--rates', '--format', 'json', '--quiet']);
    expect(r.code, r.context).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scale).toBe('rates');
    // the provenance (SPEC §8) says the figures were rates, so the JSON can be traced
    expect(json.provenance.options.rates).toBe(true);
    const ab = json.regions.find((x: { region: string }) => x.region === 'SE-AB');
    expect(ab.vacuum_per_100k).toBeCloseTo(12, 12);
    expect(ab.vacuum_be).toBeCloseTo(12, 12);
    expect(ab.population).toBe(100000);
    // No carried_forward: no population carried, every year has its 100,000. partial_community
    // (SPEC §8): SE-M reports crisis teams and SE-AB has no crisis row at all.
    expect(ab.flags).toEqual(['partial_community']);
    expect(ab.categories_not_reported).toEqual(['crisis']);
    expect(json.regions.find((x: { region: string }) => x.region === 'SE-M').vacuum_per_100k).toBe(0);
  });

  it('is labelled as rates in the table and in the long format units', () => {
    const table = runCli(['report', '--data', rates, '--rates']);
    expect(table.stdout).toContain('Rates: the input was per 100,000 residents (--rates, no population file)');
    const long = runCli(['report', '--data', rates, '--rates', '--format', 'long', '--quiet']).stdout;
    expect(long).toContain('SE-AB,Stockholms län,2010,2020,vacuum_be,12,"bed-equivalents per 100,000 residents"');
    expect(long).toContain('SE-AB,Stockholms län,2010,2020,beds_from,60.5,"beds per 100,000 residents"');
  });

  it('without --rates the folder lacks population.csv (exit 4); with it, a population file is a contradiction', () => {
    expect(runCli(['report', '--data', rates]).code).toBe(4);
    const both = runCli(['report', '--data', rates, '--rates', '--population', join(ROOT, 'fixtures/worked-stock/population.csv')]);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toMatch(/--rates: the figures are per 100,000 residents already/);
  });
});
