// The golden sensitivity report (test/golden/sensitivity-default-seed1.json, written by the CLI
// from the five-region example data, data/examples/norway-regions-2000-2002) checked against the
// per-draw reference in the test folder (test/reference/per-draw-sensitivity.ts: 1,000 whole
// analyses of that data, one per draw): the golden is not trusted because the code wrote it, but
// because an independent calculation gives its numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { FIVE_REGIONS, ROOT } from '../e2e/run-cli.js';
import { referenceSummary, referenceVariedKeys } from '../reference/per-draw-sensitivity.js';

const golden = JSON.parse(readFileSync(new URL('../golden/sensitivity-default-seed1.json', import.meta.url), 'utf8'));

describe('golden sensitivity report (five-region example data, 1,000 draws, seed 1)', () => {
  it('every percentile and top share equals the per-draw reference', async () => {
    const { dataset, weights } = await loadDataset({ data: join(ROOT, FIVE_REGIONS) });
    const reference = referenceSummary(dataset, { weights, draws: 1000, seed: 1 });
    const fields = ['region', 'vacuum_per_100k_p5', 'vacuum_per_100k_p50', 'vacuum_per_100k_p95', 'rank_p5', 'rank_p50', 'rank_p95', 'top_share'];
    const pick = (r: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, r[f]]));
    expect(golden.regions.map(pick)).toEqual(reference.map(pick));
    // the point estimate is the report's, and the drawn weights are those with a range
    const report = analyze(dataset, { weights });
    expect(golden.regions.map((r: { region: string; vacuum_per_100k: number }) => [r.region, r.vacuum_per_100k])).toEqual(
      report.regions.map((r) => [r.region, r.vacuum_per_100k]),
    );
    expect(golden.sensitivity.varied_weights.map((w: { category: string; unit: string }) => `${w.category}/${w.unit}`)).toEqual(referenceVariedKeys(weights));
    expect(golden.sensitivity).toMatchObject({ draws: 1000, seed: 1, correlation: 'none', top: 10 });
  });
});

describe('golden default report (test/golden/default-report.json): the p5–p95 intervals', () => {
  it('equal the per-draw reference’s 5th and 95th percentiles (500 draws, seed 1)', async () => {
    const report = JSON.parse(readFileSync(new URL('../golden/default-report.json', import.meta.url), 'utf8'));
    const { dataset, weights } = await loadDataset({ data: join(ROOT, FIVE_REGIONS) });
    const reference = referenceSummary(dataset, { weights, draws: 500, seed: 1 });
    const fields = ['region', 'vacuum_per_100k_p5', 'vacuum_per_100k_p95', 'rank_p5', 'rank_p95'];
    const pick = (r: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, r[f]]));
    expect(report.regions.map(pick)).toEqual(reference.map(pick));
    expect(report.interval).toMatchObject({ percentiles: [5, 95], draws: 500, seed: 1, correlation: 'none', percentile_method: 'nearest-rank' });
    // the point estimate lies inside its interval for every region of the example data
    for (const r of report.regions) {
      expect(r.vacuum_per_100k_p5).toBeLessThanOrEqual(r.vacuum_per_100k_p95);
      expect(r.rank_p5).toBeLessThanOrEqual(r.rank_p95);
    }
  });
});
