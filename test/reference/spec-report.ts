// An independent reference implementation of SPEC §3 (metrics, ranking) and §7 (coverage_index),
// written from the SPEC's text alone to check the goldens the code under test wrote. It imports
// nothing from src/: its CSV reader is a plain split (the fixtures it reads have no quotes), its
// weights are SPEC §4's table typed again by hand, its service names the SPEC §2 examples. It
// covers only what the golden inputs use: stock beds files, carry-forward, no crosswalk, no tree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One weight of SPEC §4: value and the low–high range it may be drawn from. */
export interface RefWeight {
  value: number;
  low: number;
  high: number;
}

/** SPEC §4's weight table, key `category/unit`, typed again from the SPEC (not from src/core/defaults.ts). */
export const SPEC_WEIGHTS: Readonly<Record<string, RefWeight>> = {
  'general_hospital/beds': { value: 1, low: 1, high: 1 },
  'crisis/beds': { value: 1, low: 0.8, high: 1 },
  'crisis/teams': { value: 12.5, low: 5, high: 25 },
  'crisis/caseload': { value: 0.5, low: 0.2, high: 1 },
  'outreach/teams': { value: 10, low: 5, high: 20 },
  'outreach/caseload': { value: 0.1, low: 0.05, high: 0.2 },
  'outreach/fte': { value: 1, low: 0.5, high: 2 },
  'supported_living/places': { value: 1, low: 0.5, high: 1 },
  'supported_living/beds': { value: 1, low: 0.5, high: 1 },
  'day_services/places': { value: 0.25, low: 0.1, high: 0.5 },
  'cmhc/contacts': { value: 0.0005, low: 0.0001, high: 0.001 },
  'day_services/contacts': { value: 0.0011, low: 0.0004, high: 0.0022 },
  'outreach/contacts': { value: 0.001, low: 0.0005, high: 0.002 },
  'cmhc/beds': { value: 1, low: 1, high: 1 },
};

/** SPEC §4: "cmhc (other units), peer_support, primary_care, self_help (any unit): 0, 0–0". */
const ZERO_WEIGHT_CATEGORIES = new Set(['cmhc', 'peer_support', 'primary_care', 'self_help']);

/** The weight of a (category, unit) pair in a table, with SPEC §4's zero rows; anything else is an input error. */
export function weightOf(weights: Readonly<Record<string, RefWeight>>, category: string, unit: string): number {
  const w = weights[`${category}/${unit}`];
  if (w !== undefined) return w.value;
  if (ZERO_WEIGHT_CATEGORIES.has(category)) return 0;
  throw new Error(`reference: no weight for ${category}/${unit}`);
}

/** SPEC §2: the category codes and the local names its text gives as examples (the fixtures use these). */
const CATEGORIES = ['crisis', 'general_hospital', 'cmhc', 'outreach', 'peer_support', 'supported_living', 'day_services', 'primary_care', 'self_help'];
const LOCAL_NAMES: Readonly<Record<string, string>> = {
  'act-team': 'outreach',
  fact: 'outreach',
  'ambulant akutteam': 'crisis',
  botilbud: 'supported_living',
  'værested': 'day_services',
  'asumispalvelut': 'supported_living',
  'kriisipalvelut': 'crisis',
  vertaistuki: 'peer_support',
};

function categoryOf(service: string): string {
  const name = service.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (CATEGORIES.includes(name)) return name;
  const mapped = LOCAL_NAMES[name];
  if (mapped === undefined) throw new Error(`reference: service "${service}" is not one the reference knows`);
  return mapped;
}

/** SPEC §4's crisis-team norm: "exactly 100000 / 150000, not a rounded 0.667" per 100,000. */
export const SPEC_CRISIS_TEAMS_LOW = 100000 / 150000;

/** SPEC §4's norms: the low end per 100,000 (coverage = per_100k / low) and what each measures. */
const NORMS: readonly { name: string; low: number; measures: (category: string, unit: string) => boolean; countsBeds: boolean }[] = [
  { name: 'psychiatric_beds', low: 28.1, countsBeds: true, measures: (c, u) => u === 'beds' && ['general_hospital', 'crisis', 'cmhc'].includes(c) },
  { name: 'supported_living', low: 10, countsBeds: false, measures: (c, u) => c === 'supported_living' && (u === 'places' || u === 'beds') },
  { name: 'crisis_teams', low: SPEC_CRISIS_TEAMS_LOW, countsBeds: false, measures: (c, u) => c === 'crisis' && u === 'teams' },
];

/** A CSV file as records keyed by lower-cased, trimmed header (SPEC §1), by a plain split. */
export function readPlainCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

type YearSeries = Map<number, number>;

/** A data folder read into the series SPEC §3 speaks of. */
export interface RefDataset {
  /** Region codes in file order, with display names. */
  regions: { code: string; name: string }[];
  population: Map<string, YearSeries>;
  beds: Map<string, YearSeries>;
  /** Per region, per `category/unit`, the capacity per year (local names of a category summed). */
  services: Map<string, Map<string, YearSeries>>;
  /** Every `category/unit` that has a row anywhere in the file. */
  serviceKeys: Set<string>;
  /** dataset.json's `notice`, when the folder has one: the report repeats it as a warning. */
  notice: string | null;
  /** The notice's file, as the report names it. */
  noticeFile: string;
}

function add(map: Map<string, YearSeries>, key: string, year: number, value: number): void {
  const s = map.get(key) ?? new Map<number, number>();
  s.set(year, (s.get(year) ?? 0) + value);
  map.set(key, s);
}

/** Read a data folder (`dir` absolute; `shown` as the report names its files). */
export function readDataset(dir: string, shown: string): RefDataset {
  const regions = readPlainCsv(join(dir, 'regions.csv')).map((r) => ({ code: r.region!, name: r.name || r.region! }));
  const population = new Map<string, YearSeries>();
  for (const r of readPlainCsv(join(dir, 'population.csv'))) add(population, r.region!, Number(r.year), Number(r.population));
  const beds = new Map<string, YearSeries>();
  for (const r of readPlainCsv(join(dir, 'beds.csv'))) add(beds, r.region!, Number(r.year), Number(r.beds));
  const services = new Map<string, Map<string, YearSeries>>();
  const serviceKeys = new Set<string>();
  for (const r of readPlainCsv(join(dir, 'services.csv'))) {
    const key = `${categoryOf(r.service!)}/${r.unit!.toLowerCase()}`;
    serviceKeys.add(key);
    const perRegion = services.get(r.region!) ?? new Map<string, YearSeries>();
    add(perRegion, key, Number(r.year), Number(r.capacity));
    services.set(r.region!, perRegion);
  }
  let notice: string | null = null;
  try {
    notice = (JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as { notice?: string }).notice ?? null;
  } catch {
    notice = null;
  }
  return { regions, population, beds, services, serviceKeys, notice, noticeFile: `${shown}/dataset.json` };
}

/** SPEC §3's value of a series at year Y: exact, else carried from the latest earlier year, else 0 for services / unknown. */
interface Value {
  value: number;
  carried: boolean;
  startedLater: boolean;
}
function valueAt(series: YearSeries | undefined, year: number, isService: boolean): Value | null {
  const exact = series?.get(year);
  if (exact !== undefined) return { value: exact, carried: false, startedLater: false };
  const earlier = [...(series?.keys() ?? [])].filter((y) => y < year);
  if (earlier.length > 0) return { value: series!.get(Math.max(...earlier))!, carried: true, startedLater: false };
  return isService ? { value: 0, carried: false, startedLater: true } : null;
}

/** One ranked region as the report prints it (SPEC §6, plus `coverage_index`). */
export interface RefRegion {
  rank: number;
  region: string;
  name: string;
  population: number;
  beds_from: number;
  beds_to: number;
  bed_change: number;
  beds_closed: number;
  community_from_be: number;
  community_to_be: number;
  community_change_be: number;
  net_change_be: number;
  vacuum_be: number;
  vacuum_per_100k: number;
  replacement_ratio: number | null;
  capacity_per_100k_from: number | null;
  capacity_per_100k_to: number | null;
  rate_drop_per_100k: number | null;
  coverage_index: number | null;
  flags: string[];
}

/** A report: period, ranked regions, excluded regions, warnings. */
export interface RefReport {
  from: number;
  to: number;
  regions: RefRegion[];
  excluded: { region: string; reason: string }[];
  warnings: { file: string; line: null; message: string }[];
}

/** SPEC §7: mean over the measured norms of min(per_100k / norm_low, 1), at T. */
function coverageIndex(data: RefDataset, code: string, T: number, populationT: number, crisisTeamsLow: number): number | null {
  const parts: number[] = [];
  for (const spec of NORMS) {
    const norm = spec.name === 'crisis_teams' ? { ...spec, low: crisisTeamsLow } : spec;
    const keys = [...data.serviceKeys].filter((k) => norm.measures(...(k.split('/') as [string, string])));
    // "a norm whose measure has no row in the whole dataset is null for every region"
    if (keys.length === 0 && !(norm.countsBeds && data.beds.size > 0)) continue;
    let value = 0;
    if (norm.countsBeds) {
      const beds = valueAt(data.beds.get(code), T, false);
      if (beds === null) continue; // unknown at T: left out of the index
      value += beds.value;
    }
    for (const key of keys) value += valueAt(data.services.get(code)?.get(key), T, true)!.value;
    const per100k = (value / populationT) * 100000;
    parts.push(Math.min(per100k / norm.low, 1));
  }
  return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0) / parts.length;
}

/** SPEC §3's ranking order: metric descending, nulls last, ties by code in code-unit order. */
export function rankBy<T extends { region: string }>(rows: T[], metric: (r: T) => number | null): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => {
    const x = metric(a);
    const y = metric(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x;
    }
    return a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
  });
  return sorted.map((r, i) => ({ ...r, rank: i + 1 }));
}

/** Options of the reference report: the period (default: SPEC §3's B and T), the weights, the crisis-team norm. */
export interface RefOptions {
  from?: number | undefined;
  to?: number | undefined;
  weights?: Readonly<Record<string, RefWeight>> | undefined;
  /** The crisis-team norm's low end per 100k; default SPEC §4's exact 2/3 (a test may state the code's known deviation). */
  crisisTeamsLow?: number | undefined;
  /**
   * SPEC §3/§8 "missing is not zero": a region without one row in services.csv is excluded with
   * reason `community`. Default true; false states the code's known deviation (a test says why).
   */
  missingCommunityExcluded?: boolean | undefined;
}

/** The report of a dataset for a period and weights. */
export function referenceReport(data: RefDataset, options: RefOptions = {}): RefReport {
  const weights = options.weights ?? SPEC_WEIGHTS;
  const bedYears = [...data.beds.values()].flatMap((s) => [...s.keys()]);
  const B = options.from ?? Math.min(...bedYears);
  const T = options.to ?? Math.max(...bedYears);
  const ranked: Omit<RefRegion, 'rank'>[] = [];
  const excluded: RefReport['excluded'] = [];
  for (const { code, name } of data.regions) {
    const popT = valueAt(data.population.get(code), T, false);
    const popB = valueAt(data.population.get(code), B, false);
    const bedsB = valueAt(data.beds.get(code), B, false);
    const bedsT = valueAt(data.beds.get(code), T, false);
    const series = data.services.get(code);
    const unknown = [
      popT === null && 'population',
      bedsB === null && 'beds_from',
      bedsT === null && 'beds_to',
      series === undefined && (options.missingCommunityExcluded ?? true) && 'community',
    ].filter((x): x is string => x !== false);
    if (unknown.length > 0) {
      excluded.push({ region: code, reason: unknown.join(', ') });
      continue;
    }
    let carried = [popT!, bedsB!, bedsT!].some((v) => v.carried) || (popB?.carried ?? false);
    let startedLater = false;
    let communityB = 0;
    let communityT = 0;
    for (const [key, s] of series ?? []) {
      const [category, unit] = key.split('/') as [string, string];
      const w = weightOf(weights, category, unit);
      const atB = valueAt(s, B, true)!;
      const atT = valueAt(s, T, true)!;
      if (atB.carried || atT.carried) carried = true;
      if (atB.startedLater) startedLater = true;
      communityB += w * atB.value;
      communityT += w * atT.value;
    }
    const population = popT!.value;
    const bedChange = bedsT!.value - bedsB!.value;
    const bedsClosed = Math.max(0, -bedChange);
    const communityChange = communityT - communityB;
    const netChange = bedChange + communityChange;
    const vacuum = Math.max(0, -netChange);
    const capFrom = popB === null ? null : ((bedsB!.value + communityB) / popB.value) * 100000;
    const capTo = ((bedsT!.value + communityT) / population) * 100000;
    ranked.push({
      region: code,
      name,
      population,
      beds_from: bedsB!.value,
      beds_to: bedsT!.value,
      bed_change: bedChange,
      beds_closed: bedsClosed,
      community_from_be: communityB,
      community_to_be: communityT,
      community_change_be: communityChange,
      net_change_be: netChange,
      vacuum_be: vacuum,
      vacuum_per_100k: (vacuum / population) * 100000,
      replacement_ratio: bedsClosed === 0 ? null : communityChange / bedsClosed,
      capacity_per_100k_from: capFrom,
      capacity_per_100k_to: capTo,
      rate_drop_per_100k: capFrom === null ? null : capFrom - capTo,
      coverage_index: coverageIndex(data, code, T, population, options.crisisTeamsLow ?? SPEC_CRISIS_TEAMS_LOW),
      flags: [...(carried ? ['carried_forward'] : []), ...(startedLater ? ['service_started_later'] : [])],
    });
  }
  return {
    from: B,
    to: T,
    regions: rankBy(ranked, (r) => r.vacuum_per_100k),
    excluded,
    warnings: data.notice === null ? [] : [{ file: data.noticeFile, line: null, message: data.notice }],
  };
}
