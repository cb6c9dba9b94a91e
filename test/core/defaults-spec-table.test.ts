// The defaults of SPEC §4 as a user reads them: every weight and norm with its value, range,
// source text and (weights) whether it is an assumption — what `servicegap init` writes into a
// starter config, the methods text and the HTML/XLSX reports show (methods.ts, html.ts, xlsx.ts),
// and the coverage table prints ("counting …; source: …"). Expected values are SPEC §4's table,
// copied by hand; a source is pinned by the words of SPEC's "basis" column.
//
// defaults.ts is loaded inside each test, after vi.resetModules(), not imported at the top: its
// tables are module-level constants, and Stryker counts a constant as covered only by the test
// during which the module is evaluated (a top-level import evaluates it while the file is
// collected, which no test's coverage sees).
import { describe, expect, it, vi } from 'vitest';

async function freshDefaults() {
  vi.resetModules();
  return import('../../src/core/defaults.js');
}

const ALL_UNITS = ['beds', 'places', 'caseload', 'teams', 'fte', 'facilities', 'contacts'];

describe('DEFAULT_WEIGHTS: the SPEC §4 weights table', () => {
  it('has SPEC §4 value, low and high for every weighted pair, and nothing else is weighted', async () => {
    const { DEFAULT_WEIGHTS } = await freshDefaults();
    const row = (category: string, unit: string) => DEFAULT_WEIGHTS.filter((w) => w.category === category && w.unit === unit);
    // [category, unit, value, low, high], SPEC §4 in its order
    const spec: [string, string, number, number, number][] = [
      ['general_hospital', 'beds', 1.0, 1.0, 1.0],
      ['crisis', 'beds', 1.0, 0.8, 1.0],
      ['crisis', 'teams', 12.5, 5, 25], // 25 patients (20–30) × 0.5
      ['crisis', 'caseload', 0.5, 0.2, 1.0],
      ['outreach', 'teams', 10, 5, 20], // 100 clients × 0.1
      ['outreach', 'caseload', 0.1, 0.05, 0.2],
      ['outreach', 'fte', 1.0, 0.5, 2.0], // 10 clients per staff member × 0.1
      ['supported_living', 'places', 1.0, 0.5, 1.0],
      ['supported_living', 'beds', 1.0, 0.5, 1.0],
      ['day_services', 'places', 0.25, 0.1, 0.5],
      ['cmhc', 'contacts', 0.0005, 0.0001, 0.001], // half of outreach/fte's 1.0 per 1,000
      ['day_services', 'contacts', 0.0011, 0.0004, 0.0022], // 0.25 / 230 ≈ 0.00109, 0.1 / 230 ≈ 0.00043, 0.5 / 230 ≈ 0.00217
      ['outreach', 'contacts', 0.001, 0.0005, 0.002], // 1.0 per 1,000
      ['cmhc', 'beds', 1.0, 1.0, 1.0],
    ];
    for (const [category, unit, value, low, high] of spec) {
      expect(row(category, unit), `${category}/${unit}`).toEqual([expect.objectContaining({ value, low, high })]);
    }
    // "cmhc (other units), peer_support, primary_care, self_help (any unit): 0, 0–0"
    const zeros = [
      ...['places', 'caseload', 'teams', 'fte', 'facilities'].map((unit) => ['cmhc', unit]),
      ...['peer_support', 'primary_care', 'self_help'].flatMap((category) => ALL_UNITS.map((unit) => [category, unit])),
    ];
    for (const [category, unit] of zeros) {
      expect(row(category!, unit!), `${category}/${unit}`).toEqual([expect.objectContaining({ value: 0, low: 0, high: 0 })]);
    }
    // 14 weighted rows + 5 cmhc units + 3 categories × 7 units; outreach/places, crisis/fte and the like have no weight
    expect(DEFAULT_WEIGHTS).toHaveLength(14 + 5 + 21);
  });

  it('gives each weight the source SPEC §4 states as its basis', async () => {
    const { DEFAULT_WEIGHTS } = await freshDefaults();
    const source = (category: string, unit: string) => DEFAULT_WEIGHTS.find((w) => w.category === category && w.unit === unit)!.source;
    expect(source('general_hospital', 'beds')).toBe('same unit as a hospital bed (ESMS/DESDE count both as beds)');
    expect(source('crisis', 'beds')).toContain('crisis house bed substitutes an acute admission');
    expect(source('crisis', 'teams')).toMatch(/^CRHT: 20–30 patients at a time \(England, .*\) × 0\.5 substitution \(assumption\)$/);
    expect(source('crisis', 'caseload')).toMatch(/^per patient on a crisis team caseload, same basis as crisis\/teams$/);
    expect(source('outreach', 'teams')).toBe('ACT: 100 clients per team (DACTS: ≥1 psychiatrist per 100 clients) × 0.1 (assumption)');
    expect(source('outreach', 'caseload')).toMatch(/^per client on an ACT\/FACT caseload, same basis as outreach\/teams$/);
    expect(source('outreach', 'fte')).toMatch(/^DACTS: ≤10 clients per staff member × 0\.1$/);
    expect(source('supported_living', 'places')).toMatch(/^ESMS counts residential places with beds \(staffing level is an assumption\)$/);
    expect(source('supported_living', 'beds')).toBe('as supported_living/places');
    expect(source('day_services', 'places')).toMatch(/^a day hospital is an alternative to admission for a minority of patients \(assumption\)$/);
    expect(source('cmhc', 'contacts')).toMatch(
      /^outpatient consultations a year: a full-time outpatient clinician gives about 1,000 a year; counted at half the outreach\/fte weight, so 2,000 consultations ≈ 1 bed \(assumption; the high end equals an outreach FTE\)$/,
    );
    expect(source('day_services', 'contacts')).toBe('day-treatment attendances a year: one day place (0.25, range 0.1–0.5) serves about 230 attendances a year');
    expect(source('outreach', 'contacts')).toBe('home visits and mobile-team contacts a year: one outreach FTE (1.0) gives about 1,000 a year');
    expect(source('cmhc', 'beds')).toBe('inpatient beds of community mental health centres (NO: DPS beds) are beds');
    for (const unit of ALL_UNITS) {
      expect(source('self_help', unit)).toBe('counted for coverage only: no published substitution (SPEC §4); a config may set a weight');
    }
    expect(source('cmhc', 'teams')).toBe('counted for coverage only: no published substitution (SPEC §4); a config may set a weight');
  });

  it('marks as assumptions the weights that convert a service into beds, not beds counted as beds nor the zeros', async () => {
    const { DEFAULT_WEIGHTS } = await freshDefaults();
    // beds that are beds (general_hospital, cmhc) are the same unit; a zero weight converts nothing.
    // Every other default rests on a substitution factor SPEC §4 calls a policy assumption
    // (crisis beds substitute only part of the admissions: range 0.8–1.0).
    const notAssumed = new Set(['general_hospital/beds', 'cmhc/beds']);
    for (const w of DEFAULT_WEIGHTS) {
      const key = `${w.category}/${w.unit}`;
      expect(w.assumption, key).toBe(w.value !== 0 && !notAssumed.has(key));
    }
    expect(DEFAULT_WEIGHTS.filter((w) => w.assumption)).toHaveLength(12);
  });
});

describe('DEFAULT_NORMS: the SPEC §4 norms table', () => {
  it('psychiatric_beds counts beds.csv beds and the service beds of general_hospital, crisis and cmhc', async () => {
    const { DEFAULT_NORMS } = await freshDefaults();
    expect(DEFAULT_NORMS[0]).toEqual({
      norm: 'psychiatric_beds',
      description: 'beds.csv beds + service beds of general_hospital, crisis and cmhc',
      unitLabel: 'beds',
      includesInstitutionalBeds: true,
      measures: [
        { category: 'general_hospital', unit: 'beds' },
        { category: 'crisis', unit: 'beds' },
        { category: 'cmhc', unit: 'beds' },
      ],
      low: 28.1,
      high: 41.7,
      source: 'Hudson 2021: need of 34.9 (28.1–41.7) psychiatric beds per 100k with optimal community care',
    });
  });

  it('supported_living counts supported_living places + beds, 10–20 per 100k', async () => {
    const { DEFAULT_NORMS } = await freshDefaults();
    expect(DEFAULT_NORMS[1]).toEqual({
      norm: 'supported_living',
      description: 'supported_living places + beds',
      // the gap reads "26.6 supported-living places short"
      unitLabel: 'supported-living places',
      includesInstitutionalBeds: false,
      measures: [
        { category: 'supported_living', unit: 'places' },
        { category: 'supported_living', unit: 'beds' },
      ],
      low: 10,
      high: 20,
      source: 'B-MHCC expert model (ESMS R8–R13): > 10 per 100k, 13–20 high',
    });
  });

  it('crisis_teams counts crisis teams, exactly one per 150,000 people', async () => {
    const { DEFAULT_NORMS } = await freshDefaults();
    expect(DEFAULT_NORMS).toHaveLength(3);
    expect(DEFAULT_NORMS[2]).toEqual({
      norm: 'crisis_teams',
      description: 'crisis teams',
      unitLabel: 'crisis teams',
      includesInstitutionalBeds: false,
      measures: [{ category: 'crisis', unit: 'teams' }],
      // 100,000 / 150,000 = 2/3
      low: 2 / 3,
      high: 2 / 3,
      source: 'CRHT policy guide: one team per 150,000 people',
    });
  });
});
