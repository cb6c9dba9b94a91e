// The HTML report's extra numbers (core/breakdown.ts): community change by category and yearly
// series. Each is checked against hand-worked values and against the report's own metrics, which
// they must add up to.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { categoryBreakdown, detailYears, reportDetails, yearlySeries } from '../../src/core/breakdown.js';
import { loadDataset } from '../../src/io/load-dataset.js';

const ROOT = join(import.meta.dirname, '../..');

async function worked() {
  return loadDataset({ data: join(ROOT, 'fixtures/worked-stock') });
}

describe('categoryBreakdown', () => {
  it('splits the community change by category, weight-0 categories included', async () => {
    const { dataset, weights } = await worked();
    // FI-VS: outreach caseload 300 → 500 × 0.1 = 30 → 50; vertaistuki (peer_support, fte, w 0) 0 → 0.
    expect(categoryBreakdown(dataset, 'FI-VS', { from: 2015, to: 2022 }, weights)).toEqual([
      { category: 'outreach', from_be: 30, to_be: 50, change_be: 20 },
      { category: 'peer_support', from_be: 0, to_be: 0, change_be: 0 },
    ]);
    // FI-PIR: kriisipalvelut (crisis, teams, w 12.5) starts 2019 → 0 at B, 2 × 12.5 = 25 at T;
    // asumispalvelut (supported_living, places, w 1) 40 → 70. Taxonomy order: crisis first.
    expect(categoryBreakdown(dataset, 'FI-PIR', { from: 2015, to: 2022 }, weights)).toEqual([
      { category: 'crisis', from_be: 0, to_be: 25, change_be: 25 },
      { category: 'supported_living', from_be: 40, to_be: 70, change_be: 30 },
    ]);
    // A region with no services has no categories.
    expect(categoryBreakdown(dataset, 'FI-KAI', { from: 2015, to: 2022 }, weights)).toEqual([]);
  });

  it('adds up to the report’s community change for every region', async () => {
    const { dataset, weights } = await worked();
    const report = analyze(dataset, { weights });
    for (const r of report.regions) {
      const parts = categoryBreakdown(dataset, r.region, report, weights);
      const sum = parts.reduce((s, c) => s + c.change_be, 0);
      expect(sum, r.region).toBeCloseTo(r.community_change_be, 12);
      expect(parts.reduce((s, c) => s + c.from_be, 0), r.region).toBeCloseTo(r.community_from_be, 12);
    }
  });
});

describe('yearlySeries', () => {
  it('values beds and community at each year by the series rule, marking carried values', async () => {
    const { dataset, weights } = await worked();
    const series = yearlySeries(dataset, 'FI-VS', [2015, 2018, 2019, 2022], weights);
    expect(series).toEqual([
      { year: 2015, beds: 260, beds_carried: false, community_be: 30, community_carried: false },
      { year: 2018, beds: 200, beds_carried: false, community_be: 30, community_carried: true },
      { year: 2019, beds: 200, beds_carried: true, community_be: 30, community_carried: true },
      // 2022: outreach 500 × 0.1 = 50 exact; beds 2018's 200 carried.
      { year: 2022, beds: 200, beds_carried: true, community_be: 50, community_carried: false },
    ]);
  });

  it('beds are null before the first bed year and for an events beds file', async () => {
    const { dataset, weights } = await worked();
    expect(yearlySeries(dataset, 'FI-VS', [2010], weights)[0]?.beds).toBeNull();
    const events = await loadDataset({ data: join(ROOT, 'fixtures/worked-events') });
    const code = [...events.dataset.regions.keys()][0]!;
    for (const p of yearlySeries(events.dataset, code, [2015, 2022], events.weights)) expect(p.beds).toBeNull();
  });
});

describe('reportDetails', () => {
  it('covers B, T and every data year between, for the regions asked', async () => {
    const { dataset, weights } = await worked();
    expect(detailYears(dataset, { from: 2015, to: 2022 })).toEqual([2015, 2018, 2019, 2022]);
    expect(detailYears(dataset, { from: 2016, to: 2020 })).toEqual([2016, 2018, 2019, 2020]);
    const details = reportDetails(dataset, ['FI-VS', 'FI-LAP'], { from: 2015, to: 2022 }, weights);
    expect([...details.regions.keys()]).toEqual(['FI-VS', 'FI-LAP']);
    expect(details.regions.get('FI-LAP')?.series.map((p) => p.year)).toEqual([2015, 2018, 2019, 2022]);
    expect(details.weightKeysInData).toEqual([
      'crisis/teams',
      'day_services/places',
      'general_hospital/beds',
      'outreach/caseload',
      'peer_support/fte',
      'supported_living/places',
    ]);
  });
});

describe('fill rule', () => {
  it('yearly series follow --fill like the metrics: linear interpolates, carry repeats', async () => {
    const { dataset, weights } = await worked();
    // FI-VS beds: 260 (2015), 200 (2018), nothing later. 2016 under carry: 260 (carried);
    // under linear: 260 + (200 − 260) × 1/3 = 240. 2022 is after the last known year: 200 both ways.
    const carry = yearlySeries(dataset, 'FI-VS', [2016, 2022], weights);
    const linear = yearlySeries(dataset, 'FI-VS', [2016, 2022], weights, 'linear');
    expect(carry.map((p) => p.beds)).toEqual([260, 200]);
    expect(linear[0]!.beds).toBeCloseTo(240, 12);
    expect(linear[1]!.beds).toBe(200);
    // outreach caseload 300 (2015) → 500 (2022): 2016 linear = 300 + 200 / 7 = 328.571…, × 0.1 = 32.857…
    expect(linear[0]!.community_be).toBeCloseTo((300 + 200 / 7) * 0.1, 12);
    expect(carry[0]!.community_be).toBeCloseTo(30, 12);
  });
});
