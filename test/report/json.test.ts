import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../src/core/report-schema.js';
import { renderJson } from '../../src/report/json.js';
import { sampleContext, sampleReport } from './sample-report.js';

const REGION_KEYS = [
  'rank',
  'region',
  'name',
  'population',
  'beds_from',
  'beds_to',
  'bed_change',
  'beds_closed',
  'community_from_be',
  'community_to_be',
  'community_change_be',
  'net_change_be',
  'vacuum_be',
  'vacuum_per_100k',
  'replacement_ratio',
  'capacity_per_100k_from',
  'capacity_per_100k_to',
  'rate_drop_per_100k',
  'coverage_index',
  'flags',
  'categories_not_reported',
];

/** The same report with every object's keys in reverse order. */
function reversed(report: Report): Report {
  const rev = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
  return rev({
    ...report,
    regions: report.regions.map(rev),
    excluded: report.excluded.map(rev),
    warnings: report.warnings.map(rev),
  });
}

describe('renderJson', () => {
  let report: Report;
  beforeAll(() => {
    report = sampleReport();
  });

  it('parses back to the report, valid under the schema, unrounded', () => {
    const text = renderJson(report, sampleContext());
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(parsed).toEqual(report);
    expect(ReportSchema.parse(parsed)).toEqual(report);
    expect(parsed.regions[0].vacuum_per_100k).toBe(8.281573498964804);
    expect(text).toContain('"name": "القاهرة"');
  });

  it('writes keys in the SPEC §6 order whatever the input order', () => {
    const text = renderJson(reversed(report), sampleContext());
    expect(text).toBe(renderJson(report, sampleContext()));
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['servicegap', 'from', 'to', 'sort', 'regions', 'excluded', 'warnings', 'provenance']);
    expect(Object.keys(parsed.provenance)).toEqual(['servicegap', 'inputs', 'config', 'weights', 'norms', 'options']);
    for (const region of parsed.regions) expect(Object.keys(region)).toEqual(REGION_KEYS);
    expect(Object.keys(parsed.excluded[0])).toEqual(['region', 'reason']);
    expect(Object.keys(parsed.warnings[0])).toEqual(['file', 'line', 'message']);
  });

  it('is indented by 2 spaces', () => {
    expect(renderJson(report, sampleContext()).split('\n').slice(0, 3)).toEqual([
      '{',
      '  "servicegap": "0.1.0",',
      '  "from": 2018,',
    ]);
  });

  it('drops keys the contract does not have', () => {
    const extra = { ...report, debug: true, regions: report.regions.map((r) => ({ ...r, secret: 1 })) } as Report;
    const parsed = JSON.parse(renderJson(extra, sampleContext()));
    expect(parsed).toEqual(report);
  });
});
