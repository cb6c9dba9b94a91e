// `servicegap explain REGION` (SPEC §8): the whole arithmetic of SPEC §3 for one region, as the
// report did it. Pure. The values are the ones regionMetrics read (it records them when asked:
// metrics.ts MetricsWorking), each with the rule that picked it (exact year, carried forward,
// started later, interpolated) and the input rows of the year(s) it came from (a RowTrace made
// while loading, core/explain-trace.ts). Each step then states a metric's formula and computes
// it again from the values shown, in the order the metrics are computed, so the numbers can be
// checked by hand; a test checks they equal the report's to the last digit. The rank comes from
// the report itself (analyze, with the same options).
import { type AnalyzeOptions, analyze, checkAnalyzeOptions, explainPeriod } from './analyze.js';
import type { Category } from './categories.js';
import type { CommunityTerm } from './community.js';
import { categoriesNotReported } from './completeness.js';
import { regionNormCoverage } from './coverage.js';
import { buildCrosswalk, type CrosswalkRow, crosswalkResolver } from './crosswalk.js';
import type { Dataset, RegionInfo, YearSeries } from './dataset.js';
import { OptionError } from './errors.js';
import { filledYears } from './filled-parts.js';
import { bedsScaleOf, changeOf, netChangeOf, roundingToZero } from './formulas.js';
import type { ExplainStep, Explanation, ExplainedService, SeriesValue, SourceRow } from './explain-schema.js';
import type { TracedRow, TraceRole } from './explain-trace.js';
import { levelSelection, regionLevel } from './hierarchy.js';
import { newWorking, regionMetrics } from './metrics.js';
import { type NormTable, resolveNorms } from './norms.js';
import { weightRecords } from './run-provenance.js';
import { type FillMode, filledFrom, type ValueAtYear } from './series.js';
import { nearest } from './suggest.js';
import { weightKey, type WeightTable, resolveWeights } from './weights.js';

/** What the loader's trace collected (core/explain-trace.ts), for the rows behind each value. */
export interface ExplainTrace {
  readonly rows: readonly TracedRow[];
  readonly crosswalk: readonly CrosswalkRow[];
  readonly crosswalkFile?: string | undefined;
}

/** Options of `explainRegion`: those of `analyze`, the trace of the load and the taxonomy's lookup of service names. */
export interface ExplainOptions extends AnalyzeOptions {
  readonly trace?: ExplainTrace | undefined;
  /** The category of a local service name (Taxonomy.lookup), to match traced service rows to their series. */
  readonly lookup?: ((service: string) => Category | undefined) | undefined;
}

const PER = 100_000;
const clean = (x: number): number => (x === 0 ? 0 : x);

/** A number as an operand: full precision (the last digit counts), negative ones in parentheses. */
function operand(x: number): string {
  return x < 0 ? `(${x})` : String(x);
}

/** The region and the regions inside it, in regions.csv order. */
function branch(regions: ReadonlyMap<string, RegionInfo>, code: string): string[] {
  const inside = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of regions.values()) {
      // Stryker disable next-line ConditionalExpression: `inside` holds codes only, so a region without a parent never matches anyway
      if (r.parent !== undefined && inside.has(r.parent) && !inside.has(r.code)) {
        inside.add(r.code);
        grew = true;
      }
    }
  }
  return [...regions.keys()].filter((c) => inside.has(c));
}

/** The years a value came from, by its rule (series.ts valueAt). */
function sourceYears(series: YearSeries | undefined, year: number, at: ValueAtYear | undefined): number[] {
  if (at === undefined || at.startedLater) return [];
  if (!at.carried && !at.interpolated) return [year];
  // A carried or interpolated value came from years of the series (valueAt): they exist here.
  return filledFrom(series!, year, at.interpolated === true);
}

function ruleOf(at: ValueAtYear | undefined): SeriesValue['rule'] {
  if (at === undefined) return 'unknown';
  if (at.startedLater) return 'service_started_later';
  if (at.interpolated) return 'interpolated';
  return at.carried ? 'carried_forward' : 'exact';
}

/** Which traced rows feed a series: its role, and for services its category and unit. */
interface SeriesKey {
  readonly role: TraceRole;
  readonly category?: Category | undefined;
  readonly unit?: string | undefined;
}

/**
 * Explain one region (or --level / --rollup unit) of a dataset: every value, rule, row, weight,
 * product and sum behind its metrics, and its rank. An OptionError when the region is not one of
 * the units the options rank (with the nearest code, or the --level that ranks it).
 */
export function explainRegion(input: Dataset, code: string, options: ExplainOptions = {}): Explanation {
  checkAnalyzeOptions(options);
  const report = analyze(input, options);
  const { dataset, level } = levelSelection(input, options);
  const info = dataset.regions.get(code);
  if (info === undefined) throw notAUnit(input, dataset, code);
  const weights: WeightTable = options.weights ?? resolveWeights();
  const norms: NormTable = options.norms ?? resolveNorms();
  const fill: FillMode = options.fill ?? 'carry';
  const missingCommunity = options.missingCommunity ?? 'exclude';
  const period = explainPeriod(dataset, options.from, options.to);
  const { from: B, to: T } = period;
  const working = newWorking();
  const outcome = regionMetrics(dataset, info, period, weights, { norms, fill, missingCommunity, working });

  // The rows behind the values: the region's branch, and old codes a crosswalk maps onto it. The
  // loader's rows with a resolver of the codes they were read under; without a trace no rows are cited.
  // A unit ranked is always a region of regions.csv (selectLevel keeps a subset of them).
  const members = branch(input.regions, code);
  const memberSet = new Set(members);
  const trace = options.trace;
  const traced = trace && {
    rows: trace.rows,
    // Stryker disable next-line LogicalOperator,StringLiteral: the file name only labels problems of the crosswalk, which the loader has reported already; the resolver never reads it
    resolve: crosswalkResolver(buildCrosswalk(trace.crosswalk, input.regions, trace.crosswalkFile ?? 'crosswalk.csv').crosswalk),
  };
  // `sources`: for a unit's figure made up with its regions' filled figures (filled-parts.ts), the
  // year(s) each region's figure came from; a row counts only for a region at its own year.
  const rowsOf = (key: SeriesKey, years: readonly number[], sources?: ReadonlyMap<string, readonly number[]>): SourceRow[] => {
    if (traced === undefined) return [];
    const out: SourceRow[] = [];
    for (const row of traced.rows) {
      if (row.role !== key.role || !years.includes(row.year)) continue;
      if (key.role === 'services' && (row.unit !== key.unit || options.lookup?.(row.service!) !== key.category)) continue;
      // The share of the row's figure that ends in the branch.
      let share = 0;
      for (const t of traced.resolve(row.region, row.year)) if (memberSet.has(t.code) && (sources === undefined || sources.get(t.code)?.includes(row.year))) share += t.share;
      if (share === 0) continue;
      out.push({ file: row.file, line: row.line, region: row.region, value: row.value, share, ...(row.service === undefined ? {} : { service: row.service }) });
    }
    return out;
  };
  const seriesValue = (series: YearSeries | undefined, year: number, at: ValueAtYear | undefined, key: SeriesKey): SeriesValue => {
    // A unit's figure of a year made up with some of its regions' earlier figures (filled-parts.ts):
    // the years they came from, for each region its own — for the year itself, or the year(s) the
    // unit's own value was carried or interpolated from.
    const filled = filledYears(series);
    const unitYears = at !== undefined && series?.has(year) === true ? [year] : sourceYears(series, year, at);
    let sources: Map<string, number[]> | undefined;
    if (filled !== undefined && unitYears.some((y) => filled.has(y))) {
      const bySource = (sources = new Map<string, number[]>());
      const add = (code: string, ys: readonly number[]) => bySource.set(code, [...(bySource.get(code) ?? []), ...ys]);
      for (const y of unitYears) {
        const own = filled.get(y);
        if (own === undefined) for (const code of memberSet) add(code, [y]);
        else for (const [code, ys] of own.sources) add(code, ys);
      }
    }
    const years = sources === undefined ? unitYears : [...new Set([...sources.values()].flat())].sort((a, b) => a - b);
    return { year, value: at?.value ?? null, rule: ruleOf(at), source_years: years, rows: rowsOf(key, years, sources) };
  };

  // Beds: a stock at B and T, or the closures of each year B < year ≤ T.
  const bedSeries = dataset.beds.shape === 'none' ? undefined : dataset.beds.byRegion.get(code);
  const stock = dataset.beds.shape === 'stock';
  const beds: Explanation['beds'] = {
    shape: dataset.beds.shape,
    from: stock ? seriesValue(bedSeries, B, working.bedsFrom, { role: 'beds' }) : null,
    to: stock ? seriesValue(bedSeries, T, working.bedsTo, { role: 'beds' }) : null,
    closures: working.closures.map((c) => ({ year: c.year, beds_closed: c.closed, rows: rowsOf({ role: 'beds' }, [c.year]) })),
  };

  const populationSeries = dataset.population.get(code);
  const population: Explanation['population'] = {
    to: seriesValue(populationSeries, T, working.populationTo, { role: 'population' }),
    // Looked up only for the rate view of a stock, once the region is known to be ranked (metrics.ts).
    from: outcome.kind === 'ranked' && stock ? seriesValue(populationSeries, B, working.populationFrom, { role: 'population' }) : null,
  };

  // Community: each service series at B and T, in the order the sums were made.
  const byKey = new Map(weightRecords(weights).map((w) => [weightKey(w.category, w.unit), w]));
  const service = (from: CommunityTerm, to: CommunityTerm): ExplainedService => {
    const s = from.series;
    const key = { role: 'services' as const, category: s.category, unit: s.unit };
    return {
      category: s.category,
      unit: s.unit,
      weight: byKey.get(weightKey(s.category, s.unit)) ?? { category: s.category, unit: s.unit, value: from.weight, low: from.weight, high: from.weight, source: 'no weight', set_by: 'default' },
      from: seriesValue(s.years, B, from.at, key),
      to: seriesValue(s.years, T, to.at, key),
      from_be: from.be ?? null,
      to_be: to.be ?? null,
    };
  };
  const series = working.termsFrom.map((term, i) => service(term, working.termsTo[i]!));
  const community: Explanation['community'] = {
    // regionMetrics always records it (metrics.ts), ranked or not.
    has_data: working.hasCommunityData!,
    series,
    categories_not_reported: categoriesNotReported(dataset, code),
  };

  const ranked = report.regions.find((r) => r.region === code);
  const sort = report.sort;
  const rank: Explanation['rank'] =
    ranked === undefined
      ? null
      : {
          rank: ranked.rank,
          of: report.regions.length,
          sort,
          value: ranked[sort],
          above: neighbour(report.regions[ranked.rank - 2], sort),
          below: neighbour(report.regions[ranked.rank], sort),
        };

  const notices = report.warnings.filter((w) => w.kind !== 'plausibility' || w.message.startsWith(`${code} `) || w.message.startsWith(`${code}:`));
  return {
    servicegap: report.servicegap,
    region: code,
    name: info.name,
    level: level ?? null,
    members,
    from: B,
    to: T,
    from_rule: period.fromRule,
    to_rule: period.toRule,
    sort,
    fill,
    missing_community: missingCommunity,
    status: outcome.kind,
    reason: outcome.kind === 'excluded' ? outcome.reason : null,
    beds,
    population,
    community,
    steps: outcome.kind === 'ranked' ? steps(beds, population, community, dataset, code, T, norms) : [],
    metrics: outcome.kind === 'ranked' ? outcome.metrics : null,
    rank,
    warnings: notices,
    provenance: report.provenance,
  };
}

function neighbour(r: { rank: number; region: string } | undefined, sort: string): { rank: number; region: string; value: number | null } | null {
  if (r === undefined) return null;
  return { rank: r.rank, region: r.region, value: (r as unknown as Record<string, number | null>)[sort] ?? null };
}

/** The region asked for is not a unit of this run: unknown, or inside (or above) the units ranked. */
function notAUnit(input: Dataset, dataset: Dataset, code: string): OptionError {
  if (!input.regions.has(code)) {
    const hint = nearest(code, input.regions.keys());
    return new OptionError('region', `REGION: unknown region ${JSON.stringify(code)} (not in regions.csv)${hint ? `; did you mean ${JSON.stringify(hint)}?` : ''}`);
  }
  // The region is in the tree (checked above), and the tree has no loop (selectLevel has built it).
  const level = regionLevel(input.regions, code)!;
  const ranked = [...dataset.regions.keys()];
  const shown = ranked.slice(0, 5).map((c) => JSON.stringify(c)).join(', ');
  return new OptionError(
    'region',
    `REGION: region ${JSON.stringify(code)} is not one of the units this run ranks (${shown}${ranked.length > 5 ? ', …' : ''}): ` +
      `it lies inside one of them or has regions inside it; --level ${level} ranks its level`,
  );
}

/** The steps of SPEC §3 for a ranked region, each computed from the values shown. */
function steps(
  beds: Explanation['beds'],
  population: Explanation['population'],
  community: Explanation['community'],
  dataset: Dataset,
  code: string,
  T: number,
  norms: NormTable,
): ExplainStep[] {
  const out: ExplainStep[] = [];
  const step = (metric: string, formula: string, computation: string, value: number | null) => {
    out.push({ metric, formula, computation, value });
    return value;
  };
  // A result that rounding of decimals took to 0 (formulas.ts NOISE) shows what it was.
  const rounded = (computation: string, raw: number, value: number) => (raw !== 0 && value === 0 ? `${computation} = ${raw} (within rounding of 0: counted as 0)` : computation);
  const stock = beds.shape === 'stock';
  let bedChange: number;
  if (stock) {
    const from = beds.from!.value!;
    const to = beds.to!.value!;
    const value = clean(changeOf(to, from));
    bedChange = step('bed_change', 'beds_to − beds_from', rounded(`${operand(to)} − ${operand(from)}`, to - from, value), value)!;
  } else if (beds.shape === 'events') {
    let closed = 0;
    let size = 0;
    for (const c of beds.closures) {
      closed += c.beds_closed;
      size += Math.abs(c.beds_closed);
    }
    const terms = beds.closures.map((c) => operand(c.beds_closed)).join(' + ') || '0';
    const value = clean(-roundingToZero(closed, size));
    bedChange = step('bed_change', '−Σ beds_closed with B < year ≤ T', rounded(`−(${terms})`, -closed, value), value)!;
  } else bedChange = step('bed_change', 'no beds file: 0', '0', 0)!;
  const bedsClosed = step('beds_closed', 'max(0, −bed_change)', `max(0, ${operand(-bedChange)})`, clean(Math.max(0, -bedChange)))!;

  const sum = (be: (s: ExplainedService) => number | null): number => {
    let total = 0;
    for (const s of community.series) total += be(s) ?? 0;
    return total;
  };
  // No series: the region has no row in services.csv (each of its rows makes a series,
  // community.ts), so it is ranked only under --missing-community zero.
  const terms = (value: (s: ExplainedService) => SeriesValue) =>
    community.series.length === 0
      ? '0 (no row in services.csv: counted as 0, --missing-community zero)'
      : community.series.map((s) => `${operand(s.weight.value)} × ${operand(value(s).value!)}`).join(' + ');
  const communityFrom = step('community_from_be', 'Σ w(category, unit) × capacity at B', terms((s) => s.from), clean(sum((s) => s.from_be)))!;
  const communityTo = step('community_to_be', 'Σ w(category, unit) × capacity at T', terms((s) => s.to), clean(sum((s) => s.to_be)))!;
  const communityChangeValue = clean(changeOf(communityTo, communityFrom));
  const communityChange = step(
    'community_change_be',
    'community_to_be − community_from_be',
    rounded(`${operand(communityTo)} − ${operand(communityFrom)}`, communityTo - communityFrom, communityChangeValue),
    communityChangeValue,
  )!;
  // SPEC §3's own formula (formulas.ts), rounding against the beds and community figures it is made from.
  const bedsScale = bedsScaleOf({ bedChange, bedsFrom: stock ? beds.from!.value! : null, bedsTo: stock ? beds.to!.value! : null });
  const netValue = clean(netChangeOf(bedChange, communityFrom, communityTo, bedsScale));
  const net = step('net_change_be', 'bed_change + community_change_be', rounded(`${operand(bedChange)} + ${operand(communityChange)}`, bedChange + communityChange, netValue), netValue)!;
  const vacuum = step('vacuum_be', 'max(0, −net_change_be)', `max(0, ${operand(-net)})`, clean(Math.max(0, -net)))!;
  const pop = population.to.value!;
  step('vacuum_per_100k', 'vacuum_be / population × 100000', `${operand(vacuum)} / ${operand(pop)} × 100000`, clean((vacuum / pop) * PER));
  step(
    'replacement_ratio',
    'community_change_be / beds_closed (null when beds_closed = 0)',
    bedsClosed === 0 ? 'beds_closed = 0: null' : `${operand(communityChange)} / ${operand(bedsClosed)}`,
    bedsClosed === 0 ? null : clean(communityChange / bedsClosed),
  );
  const popFrom = population.from?.value ?? null;
  const capFrom =
    stock && popFrom !== null
      ? step(
          'capacity_per_100k_from',
          '(beds_from + community_from_be) / population at B × 100000',
          `(${operand(beds.from!.value!)} + ${operand(communityFrom)}) / ${operand(popFrom)} × 100000`,
          ((beds.from!.value! + communityFrom) / popFrom) * PER,
        )
      : step('capacity_per_100k_from', '(beds_from + community_from_be) / population at B × 100000', stock ? 'population at B unknown: null' : 'no bed stock: null', null);
  const capTo = stock
    ? step(
        'capacity_per_100k_to',
        '(beds_to + community_to_be) / population × 100000',
        `(${operand(beds.to!.value!)} + ${operand(communityTo)}) / ${operand(pop)} × 100000`,
        ((beds.to!.value! + communityTo) / pop) * PER,
      )
    : step('capacity_per_100k_to', '(beds_to + community_to_be) / population × 100000', 'no bed stock: null', null);
  // A capacity at B means a bed stock, and with it a capacity at T.
  step(
    'rate_drop_per_100k',
    'capacity_per_100k_from − capacity_per_100k_to',
    capFrom === null ? 'null' : rounded(`${operand(capFrom)} − ${operand(capTo!)}`, capFrom - capTo!, clean(changeOf(capFrom, capTo!))),
    capFrom === null ? null : clean(changeOf(capFrom, capTo!)),
  );
  // The coverage index (SPEC §7) at T: the mean over the norms measured of min(coverage, 1).
  const perNorm = regionNormCoverage(dataset, code, T, pop, norms);
  const known = perNorm.filter((n) => n.coverage !== null);
  let total = 0;
  for (const n of known) total += Math.min(n.coverage!, 1);
  step(
    'coverage_index',
    'mean over the norms measured of min(per_100k / norm_low, 1)',
    known.length === 0
      ? 'no norm measured: null'
      : `(${known.map((n) => `min(${operand(n.per_100k!)} / ${operand(n.norm_low)}, 1)`).join(' + ')}) / ${known.length}`,
    known.length === 0 ? null : total / known.length,
  );
  return out;
}
