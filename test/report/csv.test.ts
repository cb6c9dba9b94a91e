import { summarize } from '../../src/core/summary.js';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report-schema.js';
import { renderCsv, renderExcelCsv } from '../../src/report/csv.js';
import { sampleContext, sampleIntervalReport, sampleReport } from './sample-report.js';

const HEADER =
  'rank,region,name,population,beds_from,beds_to,bed_change,beds_closed,community_from_be,community_to_be,' +
  'community_change_be,net_change_be,vacuum_be,vacuum_per_100k,replacement_ratio,capacity_per_100k_from,' +
  'capacity_per_100k_to,rate_drop_per_100k,coverage_index,flags,categories_not_reported,excluded_reason';

describe('renderCsv', () => {
  let report: Report;
  let text: string;
  let lines: string[];
  beforeAll(() => {
    report = sampleReport();
    text = renderCsv(report, sampleContext());
    lines = text.split('\n');
  });

  it('has the SPEC §6 header, one row per region, LF line ends and a final newline', () => {
    expect(lines[0]).toBe(HEADER);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(lines).toHaveLength(report.regions.length + report.excluded.length + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('lists each excluded region after the ranked ones: empty rank and figures, the reason in the last column (issue 14)', () => {
    expect(report.excluded).toEqual([{ region: 'SE-25', reason: 'population at 2022 unknown' }]);
    // 22 columns: rank, region, 19 empty (the figures, flags and categories_not_reported), the reason.
    expect(lines.at(-2)).toBe(`,SE-25${','.repeat(19)},population at 2022 unknown`);
  });

  it('writes unrounded numbers in their shortest round-trip form', () => {
    expect(lines[1]).toBe(
      `1,FI-17,Pohjois-Pohjanmaa,483000,260,200,-60,60,30,50,20,-40,40,8.281573498964804,${String(20 / 60)},` +
        `${String(report.regions[0]!.capacity_per_100k_from)},${String(report.regions[0]!.capacity_per_100k_to)},` +
        `${String(report.regions[0]!.rate_drop_per_100k)},0.6234,carried_forward,,`,
    );
  });

  it('neutralises a formula-like name but not negative numbers', () => {
    expect(lines[2]).toBe(`2,ZZ-1,"'=HYPERLINK(""x"")",50000,10,8,-2,2,0,0.5,0.5,-1.5,1.5,3,0.25,20,17,3,1,,,`);
    expect(lines[1]).toContain(',-60,');
    expect(lines[1]).not.toContain("'-60");
  });

  it('writes null as an empty cell and joins flags with ";"', () => {
    expect(lines[5]).toBe(
      `5,NO-42,"Agder | Sør, Vest",300000,,,-30,30,0,35,35,5,0,0,${String(35 / 30)},,,,0.5,carried_forward;service_started_later,,`,
    );
  });

  it('joins categories_not_reported with ";" too (SPEC §8), in the column after flags (then the empty excluded_reason)', () => {
    const partial = { ...report.regions[4]!, flags: [...report.regions[4]!.flags, 'partial_community' as const], categories_not_reported: ['crisis' as const, 'outreach' as const] };
    const row = renderCsv({ ...report, regions: [partial] }, sampleContext()).split('\n')[1]!;
    expect(row.endsWith(',0.5,carried_forward;service_started_later;partial_community,crisis;outreach,')).toBe(true);
  });

  it('passes names in any script through unchanged', () => {
    expect(text).toContain(',Møre og Romsdal,');
    expect(text).toContain(',القاهرة,');
  });

  it('round-trips through a CSV parser', () => {
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(report.regions.length + report.excluded.length);
    for (const [i, region] of report.regions.entries()) {
      const row = rows[i]!;
      expect(Object.keys(row)).toEqual(HEADER.split(','));
      expect(row.excluded_reason).toBe('');
      for (const [key, value] of Object.entries(region)) {
        const cell = row[key];
        if (key === 'flags' || key === 'categories_not_reported') expect(cell).toBe((value as string[]).join(';'));
        else if (key === 'name') expect(cell).toBe(region.name.startsWith('=') ? `'${region.name}` : region.name);
        else if (value === null) expect(cell, key).toBe('');
        else if (typeof value === 'number') expect(Number(cell), `${region.region}.${key}`).toBe(value);
        else expect(cell, key).toBe(value);
      }
    }
  });

  it('writes only the header for a report without regions', () => {
    expect(renderCsv({ ...report, regions: [], excluded: [] }, sampleContext({ summary: summarize({ regions: [] }) }))).toBe(`${HEADER}\n`);
  });
});

describe('renderCsv with intervals (issue 16) and excluded regions (issue 14)', () => {
  let lines: string[];
  beforeAll(() => {
    lines = renderCsv(sampleIntervalReport(), sampleContext()).split('\n');
  });

  it('puts the four interval columns after the JSON columns and keeps excluded_reason last', () => {
    expect(lines[0]).toBe(HEADER.replace(',excluded_reason', ',vacuum_per_100k_p5,vacuum_per_100k_p95,rank_p5,rank_p95,excluded_reason'));
    // FI-17: rank 1 → rank p5 max(1, 0) = 1, p95 1 + 2 = 3; vacuum p5/p95 = ½ and 1½ × 8.281573498964804; reason empty
    // (its categories_not_reported, SPEC §8, is empty: the cell between the flags and the interval)
    expect(lines[1]!.endsWith(`,carried_forward,,${8.281573498964804 * 0.5},${8.281573498964804 * 1.5},1,3,`)).toBe(true);
  });

  it('an excluded region has an empty interval too: 26 columns, rank, region, 23 empty, the reason', () => {
    // 21 region columns (categories_not_reported, SPEC §8, among them), 4 interval columns, excluded_reason
    expect(lines.at(-2)).toBe(`,SE-25${','.repeat(23)},population at 2022 unknown`);
  });
});

describe('renderExcelCsv (--excel)', () => {
  let report: Report;
  let text: string;
  beforeAll(() => {
    report = sampleReport();
    text = renderExcelCsv(report, sampleContext());
  });

  it('begins with a UTF-8 byte-order mark, separates with ";", ends lines with CRLF', () => {
    expect(text.startsWith(`\uFEFF${HEADER.replace(/,/g, ';')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(report.regions.length + report.excluded.length + 2);
    expect(text).toContain(`\r\n;SE-25${';'.repeat(19)};population at 2022 unknown\r\n`);
  });

  it('writes the same unrounded numbers with a decimal comma; text with ";" or "," is quoted as needed', () => {
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toContain(';8,281573498964804;');
    expect(lines[1]).toContain(';-60;');
    expect(lines[5]).toContain(';Agder | Sør, Vest;'); // a comma needs no quotes here
    expect(lines[5]).toMatch(/;"carried_forward;service_started_later";;$/); // a ";" does
  });

  it('round-trips: every number parses back to the same value', () => {
    const rows = parse<Record<string, string>>(text.slice(1), { columns: true, delimiter: ';' });
    for (const [i, region] of report.regions.entries()) {
      for (const [key, value] of Object.entries(region)) {
        if (typeof value === 'number') expect(Number(rows[i]![key]!.replace(',', '.')), `${region.region}.${key}`).toBe(value);
      }
    }
  });
});
