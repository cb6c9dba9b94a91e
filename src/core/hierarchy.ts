// Regions in a tree: regions.csv's `parent` column (municipality → county or health trust →
// country). Pure; no IO. The loader checks the tree (cycles, the same figure at two levels of one
// branch); `selectLevel` turns a dataset into the units one analysis ranks, each with the figures
// of its whole branch summed (never its rates averaged).
//
// Levels count from the top: level 1 is the regions without a parent (the roots), level 2 their
// children, and so on.
//
// Each kind of figure at one level per branch: population, beds and each service series (a
// category in a unit) may each be given at any level, but a kind given for a region may not be
// given for a region inside it too (that would count the same residents, beds or services twice;
// the loader rejects it). Different kinds at different levels are what analysts have —
// population by county, beds by health region — and are summed up the tree to the unit ranked,
// with a notice. A region with figures of its own (of any kind) is a *data leaf*: the regions
// inside it are never ranked. A region without children is a data leaf whether or not it has figures.
//
// The units ranked:
// - by default, the data leaves: the regions without children, and the regions with figures of
//   their own; figures given for regions inside a data leaf are summed up to it (with a notice).
// - `--level N`: every region at level N, with its branch summed, and every data leaf above
//   level N as itself, so that every figure is counted exactly once.
// - `--rollup`: one level above the deepest data leaves (`--level D − 1`): in a regular tree,
//   where every municipality is at the same depth, exactly the parents of the leaves.
import { type Dataset, inputFileName, type RegionInfo, type YearSeries } from './dataset.js';
import { type InputIssue, quoteValue, type Warning } from './issues.js';
import { OptionError } from './errors.js';
import { codesWithData, regroup, type Target } from './regroup.js';
import { appendAll } from './append-all.js';
import { markFilled } from './filled-parts.js';
import { CARRIED, type FillMode, filledFrom, INTERPOLATED, valueAt } from './series.js';

/** Which units of the regions' tree to rank: `--level N` or `--rollup` (default: the data leaves). */
export interface LevelChoice {
  /** Rank the regions at this level (1 = regions without a parent). */
  readonly level?: number | undefined;
  /** Rank one level above the deepest data leaves. */
  readonly rollup?: boolean | undefined;
  /** How a region's missing year counts in its unit's sum: as it counts for the region (SPEC §3; default carry). */
  readonly fill?: FillMode | undefined;
}

/** A level that the regions' tree does not have, or --level with --rollup: a usage error (exit 2). */
export class LevelError extends OptionError {
  override readonly name = 'LevelError';
  constructor(message: string) {
    // An OptionError (SPEC §8: the library's typed usage error), about --level / --rollup.
    super('level', message);
  }
}

/** Where a region's first figure was read: for messages about data at two levels. */
export interface DataOrigin {
  readonly file: string;
  readonly line: number;
  /** The code in the file, when the crosswalk moved its figures to this region. */
  readonly via?: string | undefined;
}

/**
 * Every loop among parent links, each as its codes in parent order from the first one met
 * (regions.csv order). A region that is its own parent is a loop of one.
 */
export function findCycles(parents: ReadonlyMap<string, string | undefined>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of parents.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: string | undefined = start;
    // Stryker disable next-line ConditionalExpression: `code !== undefined` is for the type checker: Map.has(undefined) is false
    while (code !== undefined && parents.has(code) && !done.has(code) && !onPath.has(code)) {
      path.push(code);
      onPath.add(code);
      code = parents.get(code);
    }
    // Stryker disable next-line ConditionalExpression: `code !== undefined` is for the type checker: onPath never holds undefined
    if (code !== undefined && onPath.has(code)) cycles.push(path.slice(path.indexOf(code)));
    for (const c of path) done.add(c);
  }
  return cycles;
}

interface Tree {
  /** Children of each region, in regions.csv order. */
  readonly children: Map<string, string[]>;
  readonly depth: Map<string, number>;
  /** Regions without a parent (a parent not among the regions counts as none), in order. */
  readonly roots: string[];
}

function buildTree(regions: ReadonlyMap<string, RegionInfo>): Tree {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const region of regions.values()) {
    const parent = region.parent;
    // Stryker disable next-line ConditionalExpression: `parent === undefined` is for the type checker: Map.has(undefined) is false
    if (parent === undefined || !regions.has(parent)) roots.push(region.code);
    else {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(region.code);
    }
  }
  const depth = new Map<string, number>();
  const stack = roots.map((code) => ({ code, depth: 1 }));
  while (stack.length > 0) {
    const { code, depth: d } = stack.pop()!;
    depth.set(code, d);
    for (const child of children.get(code) ?? []) stack.push({ code: child, depth: d + 1 });
  }
  if (depth.size !== regions.size) {
    const looped = [...regions.keys()].filter((code) => !depth.has(code));
    throw new Error(`the regions' parent links loop: ${looped.join(', ')}`);
  }
  return { children, depth, roots };
}

function describeOrigin(origin: DataOrigin): string {
  const via = origin.via === undefined ? '' : `, as ${quoteValue(origin.via)} mapped by the crosswalk`;
  return `${origin.file} line ${origin.line}${via}`;
}

/** "population", "beds", "services crisis/teams" (a kind of figure) in words for a message. */
function describeKind(kind: string): { what: string; counted: string } {
  if (kind === 'population') return { what: 'population', counted: 'residents' };
  if (kind === 'beds') return { what: 'beds', counted: 'beds' };
  // Stryker disable next-line Regex: every other kind is "services <category>/<unit>", where "services " occurs once
  const series = kind.replace(/^services /, '');
  return { what: `services ${series.replace('/', ' in ')}`, counted: 'services' };
}

/**
 * One kind of figure (`kind`: "population", "beds", "services crisis/teams") at two levels of one
 * branch: a region with it, and regions inside it with it too. One issue per such region, on the
 * line of its first figure, naming the regions inside it. `kind` "rates": figures of any kind
 * given as rates per 100,000 (--rates), which cannot be summed up the tree at all.
 */
export function mixedLevelIssues(
  regions: ReadonlyMap<string, RegionInfo>,
  origins: ReadonlyMap<string, DataOrigin>,
  kind = 'figures',
): InputIssue[] {
  const inside = new Map<string, string[]>();
  for (const code of origins.keys()) {
    const seen = new Set<string>([code]);
    let parent = regions.get(code)?.parent;
    // Stryker disable next-line ConditionalExpression: `parent !== undefined` is for the type checker: an undefined parent is then seen, and the walk ends a step later
    while (parent !== undefined && !seen.has(parent)) {
      if (origins.has(parent)) {
        let list = inside.get(parent);
        if (!list) inside.set(parent, (list = []));
        list.push(code);
        break;
      }
      seen.add(parent);
      parent = regions.get(parent)?.parent;
    }
  }
  const issues: InputIssue[] = [];
  for (const [parent, codes] of inside) {
    const origin = origins.get(parent)!;
    const shown = codes.slice(0, 3).map((c) => `${quoteValue(c)} (${describeOrigin(origins.get(c)!)})`);
    const more = codes.length > shown.length ? ` and ${codes.length - shown.length} more` : '';
    const { what, counted } = kind === 'figures' || kind === 'rates' ? { what: kind, counted: 'residents, beds or services' } : describeKind(kind);
    const why =
      kind === 'rates'
        ? 'Rates per 100,000 (--rates) cannot be summed up the tree: give each branch of the tree all its figures at one level only.'
        : `The same ${counted} would be counted twice: give each branch of the tree its ${what} at one level ` +
          'only (other figures may be at other levels: they are summed up the tree).';
    issues.push({
      file: origin.file,
      line: origin.line,
      columns: ['region'],
      message:
        `region ${quoteValue(parent)} has ${what} of its own${origin.via === undefined ? '' : ` (${describeOrigin(origin)})`} and so ${codes.length === 1 ? 'does' : 'do'} ` +
        `${codes.length === 1 ? 'a region' : 'regions'} inside it: ${shown.join(', ')}${more}. ${why}`,
    });
  }
  return issues;
}

/** What fillPartialYears did to a unit's sums: the years filled, the years left unknown, the regions that lacked a figure. */
interface PartialYears {
  readonly filled: number[];
  readonly unknown: number[];
  readonly lacking: string[];
}

/**
 * A unit's sums of one kind of figure, made whole in the years in which some of its regions have
 * no figure (missing is not zero, SPEC §8). Summed as rows are (regroup.ts), such a year counted
 * the region as 0: a vacuum or a drop made of a region that did not report, which the regions
 * ranked one by one do not have. Here each region with a series of the kind counts, in every
 * year the unit has figures for, as SPEC §3 values it for that year — its own figure, else its
 * latest earlier one (carried forward; or as --fill says), a service 0 before it began — and the
 * unit's year keeps that rule (filled-parts.ts: its flags, a trend's year and `explain` say so).
 * A year in which a region's beds or population are unknown (before its first figure, or under
 * --fill none) is unknown for the unit: left out of its series, so SPEC §3 fills it for the unit.
 * Returns what was done, for the warning; undefined when every region has every year.
 */
function fillPartialYears(
  members: readonly string[],
  seriesOf: (code: string) => YearSeries | undefined,
  summed: YearSeries | undefined,
  kind: 'service' | 'stock',
  fill: FillMode,
): PartialYears | undefined {
  const parts: { code: string; series: YearSeries }[] = [];
  for (const code of members) {
    const series = seriesOf(code);
    if (series !== undefined && series.size > 0) parts.push({ code, series });
  }
  // With one part (or none) nothing is lacking.
  if (parts.length < 2 || summed === undefined) return undefined;
  const all = new Set<number>();
  for (const { series } of parts) for (const year of series.keys()) all.add(year);
  const filled: number[] = [];
  const unknown: number[] = [];
  const lacking = new Set<string>();
  for (const year of [...all].sort((a, b) => a - b)) {
    if (parts.every(({ series }) => series.has(year))) continue;
    let total = 0;
    let state = 0;
    let known = true;
    const sources = new Map<string, readonly number[]>();
    for (const { code, series } of parts) {
      if (series.has(year)) {
        total += series.get(year)!;
        sources.set(code, [year]);
        continue;
      }
      const at = valueAt(series, year, kind, fill);
      // A service not yet begun is 0 (SPEC §3), a figure like any other: not a gap.
      if (at?.startedLater) continue;
      lacking.add(code);
      if (at === undefined) {
        known = false;
        break;
      }
      total += at.value;
      state |= at.interpolated ? INTERPOLATED : CARRIED;
      sources.set(code, filledFrom(series, year, at.interpolated === true));
    }
    if (!known) {
      summed.delete(year);
      unknown.push(year);
    } else if (state !== 0) {
      summed.set(year, total);
      markFilled(summed, year, { state, sources });
      filled.push(year);
    }
  }
  return filled.length === 0 && unknown.length === 0 ? undefined : { filled, unknown, lacking: [...lacking] };
}

/** The years of a list, the first five and how many more. */
function someYears(years: readonly number[]): string {
  return `${years.slice(0, 5).join(', ')}${years.length > 5 ? ` and ${years.length - 5} more years` : ''}`;
}

/** The warning of fillPartialYears' work on one kind of a unit's figures. */
function partialYearsWarning(
  unit: RegionInfo,
  done: PartialYears,
  what: string,
  file: string,
  label: string,
): Warning {
  const codes = `${done.lacking.slice(0, 3).map((c) => quoteValue(c)).join(', ')}${done.lacking.length > 3 ? ` and ${done.lacking.length - 3} more` : ''}`;
  const one = done.lacking.length === 1;
  const said: string[] = [];
  if (done.filled.length > 0) said.push(`in ${someYears(done.filled)} ${one ? 'it counts its' : 'they count their'} latest earlier figure (carried forward, or as --fill says; flag carried_forward)`);
  if (done.unknown.length > 0) said.push(`in ${someYears(done.unknown)} the sum is unknown, as ${one ? 'its figure is' : 'their figures are'}`);
  return {
    file,
    line: null,
    message:
      `${label}: the ${what} of ${quoteValue(unit.code)} sums regions of which ${codes} ${one ? 'has' : 'have'} no figure in some years, never counted as 0 for that (SPEC §8): ` +
      `${said.join('; ')}. Give every region a figure for the same years to sum only figures given`,
  };
}

/** The largest of the numbers, 0 for none (a loop: spreading 200,000 depths into Math.max overflows the stack). */
function maxOf(values: readonly number[]): number {
  let max = 0;
  // Stryker disable next-line EqualityOperator: taking an equal value again leaves the same largest
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The level `choice` asks for, checked against the tree; undefined for the default (data leaves). */
function chooseLevel(choice: LevelChoice, leafDepths: readonly number[], deepest: number): number | undefined {
  if (choice.level !== undefined && choice.rollup) throw new LevelError('give --level or --rollup, not both');
  if (choice.rollup) {
    const deepestLeaf = maxOf(leafDepths);
    if (deepestLeaf < 2) {
      throw new LevelError('--rollup: no region in regions.csv has a parent (column "parent"), so there is no level above the regions to rank');
    }
    return deepestLeaf - 1;
  }
  if (choice.level === undefined) return undefined;
  if (!Number.isInteger(choice.level) || choice.level < 1 || choice.level > Math.max(1, deepest)) {
    throw new LevelError(
      `--level ${choice.level}: the regions' tree has ${deepest <= 1 ? 'only level 1' : `levels 1 to ${deepest}`} ` +
        '(1 = the regions without a parent)',
    );
  }
  return choice.level;
}

interface Plan {
  readonly tree: Tree;
  /** Regions not inside a data leaf, top down in regions.csv order. */
  readonly visible: readonly string[];
  readonly dataLeaf: ReadonlySet<string>;
  /** The level ranked; undefined: the data leaves. */
  readonly level: number | undefined;
}

/**
 * The regions from `starts` down, each before the regions inside it and siblings in regions.csv
 * order (the order a partial sum's warning names the regions lacking a year in); below a region
 * for which `stop` is true the walk does not go. A stack, not recursion: a tree may be 100,000 deep.
 */
function* topDown(tree: Tree, starts: readonly string[], stop: (code: string) => boolean = () => false): Generator<string> {
  const stack = [...starts].reverse();
  while (stack.length > 0) {
    const code = stack.pop()!;
    yield code;
    if (!stop(code)) for (const child of [...(tree.children.get(code) ?? [])].reverse()) stack.push(child);
  }
}

function plan(dataset: Dataset, choice: LevelChoice): Plan {
  const tree = buildTree(dataset.regions);
  const withData = codesWithData(dataset);
  // Data leaves, and every region not inside one (the only candidates for a unit).
  const isDataLeaf = (code: string) => !tree.children.has(code) || withData.has(code);
  const visible = [...topDown(tree, tree.roots, isDataLeaf)];
  const dataLeaf = new Set(visible.filter(isDataLeaf));
  const depthOf = (code: string) => tree.depth.get(code)!;
  const level = chooseLevel(choice, [...dataLeaf].map(depthOf), maxOf(visible.map(depthOf)));
  return { tree, visible, dataLeaf, level };
}

/** A region's level in the regions' tree (1 = a region without a parent); undefined for a code not among them. */
export function regionLevel(regions: ReadonlyMap<string, RegionInfo>, code: string): number | undefined {
  return buildTree(regions).depth.get(code);
}

/**
 * The units ranked by one analysis (see the file comment), each with the figures of its branch
 * summed. A dataset whose regions have no parent links is returned as it is.
 */
export function selectLevel(dataset: Dataset, choice: LevelChoice = {}): Dataset {
  return levelSelection(dataset, choice).dataset;
}

/** `selectLevel`'s units and the level `choice` ranks in this dataset (--rollup resolved to a
 * number; undefined: the data leaves), from one plan of the tree (an analysis needs both, and its
 * provenance names the level; a plan of 5,000 regions takes 3–9 ms). */
export function levelSelection(dataset: Dataset, choice: LevelChoice = {}): { readonly dataset: Dataset; readonly level: number | undefined } {
  const { tree, visible, dataLeaf, level } = plan(dataset, choice);
  // No parent links: every region is a data leaf at level 1, ranked as it is.
  if (tree.children.size === 0) return { dataset, level };
  const depthOf = (code: string) => tree.depth.get(code)!;
  // At a level: the regions at it, and the data leaves above it (a data leaf at it is one of those at it).
  const isUnit = (code: string) => (level === undefined ? dataLeaf.has(code) : dataLeaf.has(code) ? depthOf(code) <= level : depthOf(code) === level);

  // Each unit with its branch: the unit and every region below it, top down.
  const unitOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const code of visible) {
    if (!isUnit(code)) continue;
    const branch = [...topDown(tree, [code])];
    for (const member of branch) unitOf.set(member, code);
    members.set(code, branch);
  }

  const regions = new Map<string, RegionInfo>();
  for (const [code, info] of dataset.regions) if (members.has(code)) regions.set(code, info);
  const targets = new Map<string, readonly Target[]>();
  const assign = (code: string): readonly Target[] => {
    let list = targets.get(code);
    // Stryker disable next-line ConditionalExpression: a memo; working a code's unit out again gives the same target
    if (!list) {
      const unit = unitOf.get(code);
      targets.set(code, (list = unit === undefined ? [] : [{ code: unit, share: 1 }]));
    }
    return list;
  };
  const result = regroup(dataset, regions, assign);

  const label = level === undefined ? 'summed up the tree' : choice.rollup ? `--rollup (level ${level})` : `--level ${level}`;
  const fill = choice.fill ?? 'carry';
  for (const [code, branch] of members) {
    // A unit that is a branch of one region (most units) sums nothing: no sets of years to build.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; fillPartialYears finds nothing lacking with one part
    if (branch.length < 2) continue;
    const unit = dataset.regions.get(code)!;
    const population = fillPartialYears(branch, (c) => dataset.population.get(c), result.population.get(code), 'stock', fill);
    if (population) result.warnings.push(partialYearsWarning(unit, population, 'population', inputFileName(dataset, 'population'), label));
    const { beds } = dataset;
    if (beds.shape === 'stock' && result.beds.shape === 'stock') {
      const done = fillPartialYears(branch, (c) => beds.byRegion.get(c), result.beds.byRegion.get(code), 'stock', fill);
      if (done) result.warnings.push(partialYearsWarning(unit, done, 'beds', inputFileName(dataset, 'beds'), label));
    }
    // Each service series (a category in a unit) on its own: a region that never had the series
    // has none to lack, and one that began it later counts 0 before (SPEC §3).
    const keys = new Set<string>();
    for (const member of branch) for (const key of dataset.services.get(member)?.keys() ?? []) keys.add(key);
    for (const key of [...keys].sort()) {
      const done = fillPartialYears(branch, (c) => dataset.services.get(c)?.get(key)?.years, result.services.get(code)?.get(key)?.years, 'service', fill);
      if (done) result.warnings.push(partialYearsWarning(unit, done, `services ${key}`, inputFileName(dataset, 'services'), label));
    }
  }
  // By default nobody asked for a sum: say where figures given below a ranked region were summed up to it.
  if (level === undefined) appendAll(result.warnings, summedUpNotices(dataset, members));
  return { dataset: result, level };
}

/**
 * One notice per kind of figure that was given for regions inside the units ranked and summed up
 * to them (default ranking): `population is given for regions inside the regions ranked and summed
 * up to them: "H1" from "C1", "C2"; …`.
 */
function summedUpNotices(dataset: Dataset, members: ReadonlyMap<string, readonly string[]>): Warning[] {
  const kinds: { what: string; file: string; has: (code: string) => boolean }[] = [
    { what: 'population', file: 'population.csv', has: (code) => (dataset.population.get(code)?.size ?? 0) > 0 },
    {
      what: 'beds',
      file: 'beds.csv',
      has: (code) => dataset.beds.shape !== 'none' && (dataset.beds.byRegion.get(code)?.size ?? 0) > 0,
    },
    { what: 'services', file: 'services.csv', has: (code) => [...(dataset.services.get(code)?.values() ?? [])].some((s) => s.years.size > 0) },
  ];
  // Regions named in regions.csv order.
  const order = new Map([...dataset.regions.keys()].map((code, i) => [code, i]));
  const warnings: Warning[] = [];
  for (const kind of kinds) {
    const summed: string[] = [];
    for (const [unit, branch] of members) {
      const below = branch.filter((code) => code !== unit && kind.has(code)).sort((a, b) => order.get(a)! - order.get(b)!);
      if (below.length === 0) continue;
      const shown = below.slice(0, 3).map((c) => quoteValue(c)).join(', ');
      summed.push(`${quoteValue(unit)} from ${shown}${below.length > 3 ? ` and ${below.length - 3} more` : ''}`);
    }
    if (summed.length === 0) continue;
    warnings.push({
      file: kind.file,
      line: null,
      message:
        `${kind.what} is given for regions inside the regions ranked, and summed up to them: ${summed.slice(0, 3).join('; ')}` +
        `${summed.length > 3 ? `; and ${summed.length - 3} more regions` : ''}`,
    });
  }
  return warnings;
}
