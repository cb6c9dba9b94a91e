// The bundled default (data/): adult mental health care (VOP) in Norway's health trusts,
// 2015–2025, SSB tables 13942 and 13982 (data/README.md). Numbers worked by hand from the rows of
// data/sources/ssb-norway-hf-2015-2025/*.csv, B = 2015, T = 2025, SPEC §4 weights:
// cmhc/contacts (outpatient consultations) 0.0005, day_services/contacts (day treatments) 0.0011.
//
// Sykehuset Innlandet HF (983971709)
//   beds 256 → 185: −71
//   community 2015: 121 548 × 0.0005 + 153 × 0.0011 = 60.774 + 0.1683 = 60.9423
//   community 2025: 110 953 × 0.0005 +  18 × 0.0011 = 55.4765 + 0.0198 = 55.4963   Δ −5.446
//   net −71 − 5.446 = −76.446 → vacuum_be 76.446; adults (VOP catchment) 2025: 282 598
//   vacuum_per_100k 76.446 / 282 598 × 10⁵ = 27.05; rank 1 (the 2019 move of Kongsvinger to
//   Akershus is inside these numbers: the dataset's notice says so)
//
// Helse Bergen HF (983974724), with the private DPS of its DPS areas (SSB KLASS 632: Voss DPS NKS
// Bjørkeli, Solli DPS, Betanien; data/sources/ssb-klass-catchment-areas/)
//   beds 2015 243 + 16 + 20 + 26 = 305; 2025 212 + 12 + 20 + 27 = 271: −34
//   consultations 2015 98 986 + 0 + 16 428 + 18 438 = 133 852; 2025 115 260 + 11 122 + 30 123 + 19 158 = 175 663
//   day treatments 2015 3 357 + 0 + 506 + 273 = 4 136; 2025 1 825 + 3 + 3 + 97 = 1 928
//   community 2015: 66.926 + 4.5496 = 71.4756; 2025: 87.8315 + 2.1208 = 89.9523   Δ +18.4767
//   net −34 + 18.4767 = −15.5233 → vacuum_be 15.5233; adults 2025: 380 009
//   vacuum_per_100k 15.5233 / 380 009 × 10⁵ = 4.085; replacement_ratio 18.4767 / 34 = 0.5434
//
// Helse Førde HF (983974732)
//   beds 64 → 66: +2 (no beds closed: replacement_ratio null)
//   community 2015: 27 807 × 0.0005 + 1 416 × 0.0011 = 13.9035 + 1.5576 = 15.4611
//   community 2025: 31 795 × 0.0005 +     3 × 0.0011 = 15.8975 + 0.0033 = 15.9008   Δ +0.4397
//   net +2.4397 → vacuum 0; capacity per 100k 2015 (64 + 15.4611) / 84 639 × 10⁵ = 93.88,
//   2025 (66 + 15.9008) / 85 738 × 10⁵ = 95.52
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/core/analyze.js';
import type { Report } from '../src/core/report-schema.js';
import { DEFAULT_DATA_DIR } from '../src/io/default-data.js';
import { type LoadedDataset, loadDataset } from '../src/io/load-dataset.js';

describe('the bundled default: Norway, adult mental health care per health trust, 2015–2025', () => {
  // Loaded and analysed in the describe's beforeAll, not while the tests are collected (nor in a
  // file-level beforeAll, whose error a mutation run does not count against the tests): an error
  // there fails these tests.
  let loaded: LoadedDataset;
  let report: Report;
  beforeAll(async () => {
    loaded = await loadDataset({});
    report = analyze(loaded.dataset, { weights: loaded.weights, norms: loaded.norms });
  });
  const region = (code: string) => report.regions.find((r) => r.region === code)!;

  it('runs 2015 → 2025 over the 19 public trusts and the two private hospitals with a catchment', () => {
    expect([report.from, report.to]).toEqual([2015, 2025]);
    expect(report.regions).toHaveLength(21);
    expect(report.regions.filter((r) => / HF$/.test(r.name ?? ''))).toHaveLength(19);
    expect(report.regions.map((r) => r.region)).toContain('965985166'); // Lovisenberg
    expect(report.regions.map((r) => r.region)).toContain('982791952'); // Diakonhjemmet
  });

  it('Sykehuset Innlandet: vacuum 76.446 bed-equivalents, 27.05 per 100,000 adults, rank 1', () => {
    const r = region('983971709');
    expect([r.beds_from, r.beds_to, r.population]).toEqual([256, 185, 282598]);
    expect(r.community_from_be).toBeCloseTo(60.9423, 9);
    expect(r.community_to_be).toBeCloseTo(55.4963, 9);
    expect(r.vacuum_be).toBeCloseTo(76.446, 9);
    expect(r.vacuum_per_100k).toBeCloseTo((76.446 / 282598) * 1e5, 9);
    expect(r.rank).toBe(1);
  });

  it('Helse Bergen with Voss, Solli and Betanien DPS: vacuum 15.5233, 4.085 per 100,000', () => {
    const r = region('983974724');
    expect([r.beds_from, r.beds_to, r.population]).toEqual([305, 271, 380009]);
    expect(r.community_from_be).toBeCloseTo(71.4756, 9);
    expect(r.community_to_be).toBeCloseTo(89.9523, 9);
    expect(r.vacuum_per_100k).toBeCloseTo((15.5233 / 380009) * 1e5, 9);
    expect(r.replacement_ratio).toBeCloseTo(18.4767 / 34, 9);
  });

  it('Helse Førde: beds rose, no vacuum, capacity per 100k 93.88 → 95.52', () => {
    const r = region('983974732');
    expect([r.beds_from, r.beds_to, r.vacuum_be, r.replacement_ratio]).toEqual([64, 66, 0, null]);
    expect(r.community_change_be).toBeCloseTo(0.4397, 9);
    expect(r.capacity_per_100k_from).toBeCloseTo(((64 + 15.4611) / 84639) * 1e5, 9);
    expect(r.capacity_per_100k_to).toBeCloseTo(((66 + 15.9008) / 85738) * 1e5, 9);
  });

  it('NKS Olaviken (no catchment of its own) is not ranked among the trusts, but counts in Helse Vest', () => {
    expect(report.excluded).toEqual([{ region: '987554401', reason: 'population' }]);
    const rhf = analyze(loaded.dataset, { weights: loaded.weights, norms: loaded.norms, level: 1 });
    expect(rhf.regions.map((r) => r.region).sort()).toEqual(['H03', 'H04', 'H05', 'H12']);
    // SSB 13942's own region rows (data/sources/ssb-norway-hf-2015-2025/SOURCE.md, checks 3 and 4):
    // Helse Vest VOP beds 806 in 2015 and 716 in 2025; Helse Sør-Øst 1 770 and 1 498.
    const vest = rhf.regions.find((r) => r.region === 'H03')!;
    const sorOst = rhf.regions.find((r) => r.region === 'H12')!;
    expect([vest.beds_from, vest.beds_to, sorOst.beds_from, sorOst.beds_to]).toEqual([806, 716, 1770, 1498]);
  });

  it('is wholly real: no illustrative banner; the notice explains the hospital+DPS beds and the 2019 Kongsvinger move', () => {
    const meta = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'dataset.json'), 'utf8'));
    expect(meta.illustrative).toBe(false);
    expect(meta.notice).toMatch(/Kongsvinger area moved from Sykehuset Innlandet to Akershus universitetssykehus in 2019/);
    expect(JSON.stringify({ ...meta, illustrative: undefined })).not.toMatch(/illustrative|synthetic/i);
    expect(meta.sources.map((s: { licence: string }) => s.licence).every((l: string) => l.includes('NLOD 2.0'))).toBe(true);
    expect(loaded.dataset.provenance?.illustrative).toBe(false);
  });

  it('every bed and service row names the institution it comes from', () => {
    const beds = readFileSync(join(DEFAULT_DATA_DIR, 'beds.csv'), 'utf8').trim().split('\n');
    expect(beds[0]).toBe('region,year,beds,bed_type,facility');
    expect(beds).toContain('983974724,2015,16,vop_inpatient,Voss DPS NKS Bjørkeli AS');
    expect(beds).toContain('983974678,2025,36,vop_inpatient,NKS Jæren Distriktspsykiatriske senter AS');
    const services = readFileSync(join(DEFAULT_DATA_DIR, 'services.csv'), 'utf8');
    expect(services.split('\n')[0]).toBe('region,year,service,capacity,unit,provider');
  });
});
