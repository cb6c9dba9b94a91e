// Reference implementations of the research outputs (README "Research workflows"): compare,
// batch and report --sensitivity, built on the SPEC §3 reference (spec-report.ts) and written
// from the README's rules, importing nothing from src/.
import { type RefDataset, type RefOptions, type RefRegion, type RefReport, type RefWeight, rankBy, referenceReport, SPEC_WEIGHTS } from './spec-report.js';

/** The metrics compare puts side by side: SPEC §3's table and the coverage index. */
export const COMPARED_METRICS = [
  'population', 'beds_from', 'beds_to', 'bed_change', 'beds_closed', 'community_from_be', 'community_to_be',
  'community_change_be', 'net_change_be', 'vacuum_be', 'vacuum_per_100k', 'replacement_ratio',
  'capacity_per_100k_from', 'capacity_per_100k_to', 'rate_drop_per_100k', 'coverage_index',
] as const;

const change = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : b - a;

/** Codes in B's top N not in A's (in B's rank order), and in A's top N not in B's (in A's order). */
function topMoves(a: RefRegion[], b: RefRegion[], top: number): { entered: string[]; left: string[] } {
  const inTop = (list: RefRegion[]) => list.filter((r) => r.rank <= top).sort((x, y) => x.rank - y.rank);
  const codesA = new Set(inTop(a).map((r) => r.region));
  const codesB = new Set(inTop(b).map((r) => r.region));
  return {
    entered: inTop(b).filter((r) => !codesA.has(r.region)).map((r) => r.region),
    left: inTop(a).filter((r) => !codesB.has(r.region)).map((r) => r.region),
  };
}

/**
 * `compare A B`: per region (B's ranking, then regions ranked only in A) rank and every metric in
 * A, in B and B − A; changes null when a side is missing; entered and left the top N.
 */
export function referenceCompare(a: RefReport, b: RefReport, top = 10): { regions: Record<string, unknown>[] } & Record<string, unknown> {
  const byCode = (r: RefReport) => new Map(r.regions.map((x) => [x.region, x]));
  const mapA = byCode(a);
  const mapB = byCode(b);
  const row = (x: RefRegion | undefined, y: RefRegion | undefined): Record<string, unknown> => {
    const out: Record<string, unknown> = {
      region: (y ?? x)!.region,
      name: (y ?? x)!.name,
      present: x && y ? 'both' : x ? 'a_only' : 'b_only',
      rank_a: x?.rank ?? null,
      rank_b: y?.rank ?? null,
      rank_change: change(x?.rank, y?.rank),
    };
    for (const m of COMPARED_METRICS) {
      out[`${m}_a`] = x?.[m] ?? null;
      out[`${m}_b`] = y?.[m] ?? null;
      out[`${m}_delta`] = change(x?.[m], y?.[m]);
    }
    return out;
  };
  const { entered, left } = topMoves(a.regions, b.regions, top);
  const warning = (side: string) => (w: RefReport['warnings'][number]) => ({ side, ...w });
  const same = (w: RefReport['warnings'][number]) => (o: RefReport['warnings'][number]) => o.file === w.file && o.message === w.message;
  return {
    sort: 'vacuum_per_100k',
    top,
    regions: [
      ...b.regions.map((y) => row(mapA.get(y.region), y)),
      ...a.regions.filter((x) => !mapB.has(x.region)).map((x) => row(x, undefined)),
    ],
    entered_top: entered,
    left_top: left,
    excluded: [...a.excluded.map((e) => ({ side: 'a', ...e })), ...b.excluded.map((e) => ({ side: 'b', ...e }))],
    warnings: [
      ...a.warnings.map((w) => warning(b.warnings.some(same(w)) ? 'both' : 'a')(w)),
      ...b.warnings.filter((w) => !a.warnings.some(same(w))).map(warning('b')),
    ],
  };
}

/** A config's `weights` (SPEC §8: a plain number keeps the default range when inside it, else widens it). */
type ConfigWeights = Record<string, Record<string, number | RefWeight>>;

export function withConfigWeights(config: ConfigWeights | undefined): Record<string, RefWeight> {
  const table: Record<string, RefWeight> = { ...SPEC_WEIGHTS };
  for (const [category, units] of Object.entries(config ?? {})) {
    for (const [unit, given] of Object.entries(units)) {
      const key = `${category}/${unit}`;
      if (typeof given === 'number') {
        const base = table[key] ?? { value: 0, low: 0, high: 0 };
        table[key] = { value: given, low: Math.min(base.low, given), high: Math.max(base.high, given) };
      } else {
        table[key] = { value: given.value, low: given.low, high: given.high };
      }
    }
  }
  return table;
}

/** One scenario of a batch, already resolved to its dataset. */
export interface RefScenario {
  name: string;
  data: RefDataset;
  from?: number | undefined;
  to?: number | undefined;
  weights?: ConfigWeights | undefined;
}

/**
 * `batch`: every scenario's ranked regions in one long table with `rank_first` and `rank_change`
 * (against the first scenario), each scenario's period, exclusions and warnings, and a summary per
 * scenario (regions whose rank moved, the largest move, entered and left the top N).
 */
export function referenceBatch(scenarios: RefScenario[], options: Pick<RefOptions, 'missingCommunity'> = {}, top = 10): { rows: Record<string, unknown>[] } & Record<string, unknown> {
  const reports = scenarios.map((s) => ({
    name: s.name,
    report: referenceReport(s.data, { ...options, from: s.from, to: s.to, weights: withConfigWeights(s.weights) }),
  }));
  const first = reports[0]!;
  const firstRank = new Map(first.report.regions.map((r) => [r.region, r.rank]));
  return {
    sort: 'vacuum_per_100k',
    top,
    first: first.name,
    scenarios: reports.map(({ name, report }) => ({
      name,
      from: report.from,
      to: report.to,
      ranked: report.regions.length,
      excluded: report.excluded,
      warnings: report.warnings,
    })),
    rows: reports.flatMap(({ name, report }) =>
      report.regions.map((r) => {
        const before = firstRank.get(r.region) ?? null;
        return { scenario: name, from: report.from, to: report.to, ...r, rank_first: before, rank_change: before === null ? null : r.rank - before };
      }),
    ),
    summary: reports.map(({ name, report }) => {
      const moves = report.regions
        .filter((r) => firstRank.has(r.region) && firstRank.get(r.region) !== r.rank)
        .map((r) => Math.abs(r.rank - firstRank.get(r.region)!));
      const { entered, left } = topMoves(first.report.regions, report.regions, top);
      return { scenario: name, regions_moved: moves.length, largest_rank_change: Math.max(0, ...moves), entered_top: entered, left_top: left };
    }),
  };
}

// The generator README names ("mulberry32, seeded for draw i by a hash of the seed and i"), in
// its published form (Tommy Ettinger's mulberry32; MurmurHash3's fmix32 as the hash, combined
// with i × 0x9E3779B9). The draws can only be checked given the same generator: what this checks
// is everything the code does with the numbers (which weights, in which order, the range, the
// analysis per draw, the ranking, the nearest-rank percentiles, the top-10 share).
function fmix32(h: number): number {
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile (README): x_k of the sorted values with k = ⌈p/100 × n⌉. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

/**
 * `report --sensitivity N --seed S`: the report at the weights' values, plus per region the 5th,
 * 50th and 95th percentiles of vacuum_per_100k and rank over N draws of every weight with
 * low < high uniformly from [low, high) (one number per weight, weights in code-unit order of
 * `category/unit`), and the share of draws ranking it 10th or better.
 */
export function referenceSensitivity(data: RefDataset, draws: number, seed: number, options: Pick<RefOptions, 'missingCommunity'> = {}): Record<string, unknown> {
  const base = referenceReport(data, options);
  const varied = Object.keys(SPEC_WEIGHTS).filter((k) => SPEC_WEIGHTS[k]!.low < SPEC_WEIGHTS[k]!.high).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const vacuum = new Map<string, number[]>(base.regions.map((r) => [r.region, []]));
  const ranks = new Map<string, number[]>(base.regions.map((r) => [r.region, []]));
  for (let i = 0; i < draws; i++) {
    const random = mulberry32(fmix32((fmix32(seed) + Math.imul(i, 0x9e3779b9)) >>> 0));
    const weights: Record<string, RefWeight> = { ...SPEC_WEIGHTS };
    for (const key of varied) {
      const w = SPEC_WEIGHTS[key]!;
      weights[key] = { ...w, value: w.low + random() * (w.high - w.low) };
    }
    const drawn = referenceReport(data, { ...options, from: base.from, to: base.to, weights });
    for (const r of rankBy(drawn.regions, (x) => x.vacuum_per_100k)) {
      vacuum.get(r.region)?.push(r.vacuum_per_100k);
      ranks.get(r.region)?.push(r.rank);
    }
  }
  const ascending = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return {
    from: base.from,
    to: base.to,
    sort: 'vacuum_per_100k',
    sensitivity: {
      draws,
      seed,
      distribution: 'uniform',
      // Weights drawn independently of each other (research's --correlation none, the default).
      correlation: 'none',
      percentile_method: 'nearest-rank',
      generator: 'mulberry32',
      // The share of draws in which a region ranks in the top N (N = 10 by default: top_share).
      top: 10,
      varied_weights: varied.map((key) => {
        const [category, unit] = key.split('/') as [string, string];
        return { category, unit, ...SPEC_WEIGHTS[key]! };
      }),
    },
    regions: base.regions.map((r) => {
      const v = ascending(vacuum.get(r.region)!);
      const k = ascending(ranks.get(r.region)!);
      return {
        ...r,
        vacuum_per_100k_p5: percentile(v, 5),
        vacuum_per_100k_p50: percentile(v, 50),
        vacuum_per_100k_p95: percentile(v, 95),
        rank_p5: percentile(k, 5),
        rank_p50: percentile(k, 50),
        rank_p95: percentile(k, 95),
        top_share: k.filter((x) => x <= 10).length / draws,
      };
    }),
    excluded: base.excluded,
    warnings: base.warnings,
  };
}
