// The default numbers of SPEC §4, in one place, each with its range and its source.
// Where no published conversion exists the value is a policy assumption, and `assumption` says so.
import type { Category } from './categories.js';
import type { Unit } from './units.js';

/** One default weight: bed-equivalents per unit of a category, its range, and its source. */
export interface DefaultWeight {
  readonly category: Category;
  readonly unit: Unit;
  /** Bed-equivalents per unit of capacity. */
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly source: string;
  /** True where the value is our assumption rather than a published conversion. */
  readonly assumption: boolean;
}

const NO_SUBSTITUTION =
  'counted for coverage only: no published substitution (SPEC §4); a config may set a weight';

/**
 * Bed-equivalence weights w(category, unit), SPEC §4. A (category, unit) pair missing here has
 * no weight, and data using it is an input error unless a config supplies one.
 */
export const DEFAULT_WEIGHTS: readonly DefaultWeight[] = [
  { category: 'general_hospital', unit: 'beds', value: 1.0, low: 1.0, high: 1.0, assumption: false,
    source: 'same unit as a hospital bed (ESMS/DESDE count both as beds)' },
  { category: 'crisis', unit: 'beds', value: 1.0, low: 0.8, high: 1.0, assumption: true,
    source: 'a crisis house bed substitutes an acute admission' },
  { category: 'crisis', unit: 'teams', value: 12.5, low: 5, high: 25, assumption: true,
    source: 'CRHT: 20–30 patients at a time (England, Mental Health Policy Implementation Guide) × 0.5 substitution (assumption)' },
  { category: 'crisis', unit: 'caseload', value: 0.5, low: 0.2, high: 1.0, assumption: true,
    source: 'per patient on a crisis team caseload, same basis as crisis/teams' },
  { category: 'outreach', unit: 'teams', value: 10, low: 5, high: 20, assumption: true,
    source: 'ACT: 100 clients per team (DACTS: ≥1 psychiatrist per 100 clients) × 0.1 (assumption)' },
  { category: 'outreach', unit: 'caseload', value: 0.1, low: 0.05, high: 0.2, assumption: true,
    source: 'per client on an ACT/FACT caseload, same basis as outreach/teams' },
  { category: 'outreach', unit: 'fte', value: 1.0, low: 0.5, high: 2.0, assumption: true,
    source: 'DACTS: ≤10 clients per staff member × 0.1' },
  { category: 'supported_living', unit: 'places', value: 1.0, low: 0.5, high: 1.0, assumption: true,
    source: 'ESMS counts residential places with beds (staffing level is an assumption)' },
  { category: 'supported_living', unit: 'beds', value: 1.0, low: 0.5, high: 1.0, assumption: true,
    source: 'as supported_living/places' },
  { category: 'day_services', unit: 'places', value: 0.25, low: 0.1, high: 0.5, assumption: true,
    source: 'a day hospital is an alternative to admission for a minority of patients (assumption)' },
  { category: 'cmhc', unit: 'beds', value: 1.0, low: 1.0, high: 1.0, assumption: false,
    source: 'inpatient beds of community mental health centres (NO: DPS beds) are beds' },
  // Activity counts (unit `contacts`, SPEC §1 and §4): a year's consultations, visits or
  // attendances converted through the staff or places that deliver them.
  { category: 'cmhc', unit: 'contacts', value: 0.0005, low: 0.0001, high: 0.001, assumption: true,
    source: 'outpatient consultations a year: a full-time outpatient clinician gives about 1,000 a year; counted at half the outreach/fte weight, so 2,000 consultations ≈ 1 bed (assumption; the high end equals an outreach FTE)' },
  { category: 'day_services', unit: 'contacts', value: 0.0011, low: 0.0004, high: 0.0022, assumption: true,
    source: 'day-treatment attendances a year: one day place (0.25, range 0.1–0.5) serves about 230 attendances a year' },
  { category: 'outreach', unit: 'contacts', value: 0.001, low: 0.0005, high: 0.002, assumption: true,
    source: 'home visits and mobile-team contacts a year: one outreach FTE (1.0) gives about 1,000 a year' },
  ...(['places', 'caseload', 'teams', 'fte', 'facilities'] as const).map((unit) => zeroWeight('cmhc', unit)),
  ...(['peer_support', 'primary_care', 'self_help'] as const).flatMap((category) =>
    (['beds', 'places', 'caseload', 'teams', 'fte', 'facilities', 'contacts'] as const).map((unit) => zeroWeight(category, unit)),
  ),
];

function zeroWeight(category: Category, unit: Unit): DefaultWeight {
  return { category, unit, value: 0, low: 0, high: 0, assumption: false, source: NO_SUBSTITUTION };
}

/** One default planning norm per 100,000 people, its range, and its source. */
export interface DefaultNorm {
  readonly norm: string;
  readonly description: string;
  /** Unit in which the norm's value and gap are expressed, e.g. "beds". */
  readonly unitLabel: string;
  /** Whether institutional beds (beds.csv) count towards the measure. */
  readonly includesInstitutionalBeds: boolean;
  /** The service series that count towards the measure. */
  readonly measures: readonly { readonly category: Category; readonly unit: Unit }[];
  /** Range per 100,000 population. */
  readonly low: number;
  readonly high: number;
  readonly source: string;
}

/** Planning norms per 100,000 population, SPEC §4 (used by coverage, SPEC §7). */
export const DEFAULT_NORMS: readonly DefaultNorm[] = [
  {
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
  },
  {
    norm: 'supported_living',
    description: 'supported_living places + beds',
    unitLabel: 'supported-living places',
    includesInstitutionalBeds: false,
    measures: [
      { category: 'supported_living', unit: 'places' },
      { category: 'supported_living', unit: 'beds' },
    ],
    low: 10,
    high: 20,
    source: 'B-MHCC expert model (ESMS R8–R13): > 10 per 100k, 13–20 high',
  },
  {
    norm: 'crisis_teams',
    description: 'crisis teams',
    unitLabel: 'crisis teams',
    includesInstitutionalBeds: false,
    measures: [{ category: 'crisis', unit: 'teams' }],
    // Exactly one team per 150,000 people (SPEC §4), not a rounded 0.667: a gap is then
    // 1.6667 teams, not 1.6675. Tables print norms rounded to 3 decimals (number-format.ts).
    low: 100_000 / 150_000,
    high: 100_000 / 150_000,
    source: 'CRHT policy guide: one team per 150,000 people',
  },
];
