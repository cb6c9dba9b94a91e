// Crosswalks (crosswalk.csv): old region codes mapped to current ones before anything is
// computed, so a series runs on across a reform (Norway's 2020 county and municipal mergers,
// Finland's 2023 wellbeing services counties, a trust merger). Pure; no IO.
//
// One row `from, to, share[, year]` sends `share` of every figure of `from` (population, beds,
// closures, each service series) to `to`, where it is added to `to`'s own figures of the same
// year (regroup.ts).
// - A merge: each old code to the new one with share 1. A split: one old code to several, shares
//   summing to 1 (a code that lives on maps a share to itself). The shares of each `from` (and
//   year) must sum to 1 ± 1e-9, so that nothing is lost or made up.
// - `year` is the year of the reform: the row applies to figures of years before it; figures of
//   that year and later stay with `from`. A row without a year applies to every year. A code's
//   rows either all have a year or none do. When a code has rows for several reform years, the
//   figures of a year follow the first reform after it.
// - `to` is a region of regions.csv, or a code the crosswalk itself maps on (a chain of
//   reforms: 0719 Andebu → 0710 Sandefjord in 2017 → 3804 Sandefjord in 2020); chains are
//   followed for the figure's year, multiplying the shares. A loop is an error. The share a code
//   keeps of itself at a reform is that code as it is from the reform year on, so its later
//   reforms apply to it too.
// - `from` codes need not be in regions.csv, but every figure must end on a code that is.
import { type z } from 'zod';
import type { Dataset, RegionInfo } from './dataset.js';
import { describeLines, type InputIssue, quoteValue } from './issues.js';
import { regroup, type Target } from './regroup.js';
import type { RowSchemas } from './schemas.js';
import { nearest } from './suggest.js';

/** Shares of one `from` (and year) may miss 1 by at most this much. */
export const SHARE_TOLERANCE = 1e-9;

/** A checked crosswalk.csv row (RowSchemas['crosswalk'] in core/schemas.ts). */
export type CrosswalkRowInput = z.output<RowSchemas['crosswalk']>;

/** A checked crosswalk.csv row, with the line it was read from. */
export interface CrosswalkRow extends CrosswalkRowInput {
  readonly line: number;
}

interface Group {
  readonly from: string;
  /** The reform year: the group applies to figures of earlier years; undefined = every year. */
  readonly year: number | undefined;
  readonly targets: readonly { readonly code: string; readonly share: number }[];
  readonly lines: readonly number[];
}

/** A checked crosswalk: the file it came from and its rows grouped by `from` code (and reform year). */
export interface Crosswalk {
  readonly file: string;
  /** `from` code → its groups: one without a year, or several by reform year ascending. */
  readonly groups: ReadonlyMap<string, readonly Group[]>;
}

const yearLabel = (year: number | undefined) => (year === undefined ? '' : ` (year ${year})`);

/** Check the rows and group them; every problem is an issue on its line. */
export function buildCrosswalk(
  rows: readonly CrosswalkRow[],
  regions: ReadonlyMap<string, RegionInfo>,
  file: string,
): { crosswalk: Crosswalk; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const seen = new Map<string, number>();
  const byFrom = new Map<string, Map<number | undefined, CrosswalkRow[]>>();
  for (const row of rows) {
    const key = `${row.from}\u0000${row.to}\u0000${row.year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        file,
        line: row.line,
        columns: ['from', 'to'],
        message: `${quoteValue(row.from)} → ${quoteValue(row.to)}${yearLabel(row.year)} is listed twice (first on line ${first})`,
      });
      continue;
    }
    seen.set(key, row.line);
    let byYear = byFrom.get(row.from);
    if (!byYear) byFrom.set(row.from, (byYear = new Map()));
    let list = byYear.get(row.year);
    if (!list) byYear.set(row.year, (list = []));
    list.push(row);
  }

  const groups = new Map<string, Group[]>();
  for (const [from, byYear] of byFrom) {
    const dated = [...byYear.keys()].filter((y) => y !== undefined);
    if (dated.length > 0 && byYear.has(undefined)) {
      const undated = byYear.get(undefined)!;
      issues.push({
        file,
        line: undated[0]!.line,
        columns: ['year'],
        message:
          `the rows of ${quoteValue(from)} mix rows with a year and without one ` +
          `(${describeLines(undated.map((r) => r.line), undated.length)} ${undated.length === 1 ? 'has' : 'have'} none): give every row of a code a year, or none`,
      });
      continue;
    }
    const list: Group[] = [];
    for (const [year, members] of byYear) {
      const sum = members.reduce((s, r) => s + r.share, 0);
      const lines = members.map((r) => r.line);
      // Stryker disable next-line EqualityOperator: a sum near 1 minus 1 is a multiple of 2⁻⁵³, never exactly the tolerance 1e-9
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
        issues.push({
          file,
          line: lines[0],
          columns: ['share'],
          message:
            `the shares of ${quoteValue(from)}${yearLabel(year)} sum to ${Number(sum.toPrecision(12))}, expected 1 (±${SHARE_TOLERANCE}) ` +
            `(${describeLines(lines, lines.length)}): every figure of ${quoteValue(from)} must go somewhere, once`,
        });
      }
      list.push({ from, year, targets: members.map((r) => ({ code: r.to, share: r.share })), lines });
    }
    list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    groups.set(from, list);
  }

  // Every `to` is a region, or a code the crosswalk maps on in turn.
  for (const row of rows) {
    if (regions.has(row.to) || groups.has(row.to)) continue;
    const hint = nearest(row.to, regions.keys());
    issues.push({
      file,
      line: row.line,
      columns: ['to'],
      message: `unknown region ${quoteValue(row.to)} (not in regions.csv, and not mapped on by the crosswalk)${hint ? `; did you mean ${quoteValue(hint)}?` : ''}`,
    });
  }

  // No loops: A → B → A would send figures round for ever (a code mapping a share to itself is no loop).
  const next = new Map<string, string[]>();
  for (const [from, list] of groups) next.set(from, [...new Set(list.flatMap((g) => g.targets.map((t) => t.code)))].filter((c) => c !== from));
  // Depth-first with an explicit stack (a chain of thousands of reforms must not overflow the
  // call stack): `path` holds the codes being followed, each with the index of its next target.
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  for (const start of groups.keys()) {
    // Stryker disable next-line ConditionalExpression: a code walked already has only finished targets: walking it again finds nothing
    if (state.has(start)) continue;
    const path: { code: string; next: number }[] = [{ code: start, next: 0 }];
    state.set(start, 'open');
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const targets = next.get(top.code) ?? [];
      if (top.next >= targets.length) {
        state.set(top.code, 'done');
        path.pop();
        continue;
      }
      const to = targets[top.next++]!;
      const seen = state.get(to);
      // Stryker disable next-line ConditionalExpression: walking a finished code again finds no loop not already reported; it only costs time
      if (seen === 'done') continue;
      if (seen === 'open') {
        const codes = path.map((p) => p.code);
        const loop = [...codes.slice(codes.indexOf(to)), to];
        if (!reported.has(to)) {
          loop.forEach((c) => reported.add(c));
          issues.push({
            file,
            line: groups.get(to)![0]!.lines[0],
            columns: ['from', 'to'],
            message: `the crosswalk loops: ${loop.map((c) => quoteValue(c)).join(' → ')}; map each old code to the current one`,
          });
        }
        continue;
      }
      state.set(to, 'open');
      path.push({ code: to, next: 0 });
    }
  }

  return { crosswalk: { file, groups }, issues };
}

/** The group that applies to figures of `code` in `year`, if any. */
function groupFor(crosswalk: Crosswalk, code: string, year: number): Group | undefined {
  const list = crosswalk.groups.get(code);
  if (!list) return undefined;
  return list[0]!.year === undefined ? list[0] : list.find((g) => g.year! > year);
}

/** Where the figures of a code in a year end, chains followed and shares multiplied (memoised). */
export function crosswalkResolver(crosswalk: Crosswalk): (code: string, year: number) => readonly Target[] {
  const memo = new Map<string, readonly Target[]>();
  const keyOf = (code: string, year: number) => `${code}\u0000${year}`;
  // What a target of a group resolves through. The share a code keeps of itself is that code as
  // it is from the reform on: later reforms of the code still apply to it. A year-less group
  // applies to every year, so what it keeps stays.
  const step = (group: Group, target: string, code: string, year: number): { code: string; year: number } | undefined =>
    target !== code ? { code: target, year } : group.year === undefined ? undefined : { code, year: group.year };

  return (code: string, year: number): readonly Target[] => {
    // Post-order over the chain with an explicit stack: a chain of thousands of reforms must not
    // overflow the call stack. A pair is resolved once every pair it leads to is.
    const stack: { code: string; year: number }[] = [{ code, year }];
    while (stack.length > 0) {
      const at = stack[stack.length - 1]!;
      const key = keyOf(at.code, at.year);
      // Stryker disable next-line ConditionalExpression: a memo; working a pair out again gives the same targets
      if (memo.has(key)) {
        stack.pop();
        continue;
      }
      const group = groupFor(crosswalk, at.code, at.year);
      if (!group) {
        memo.set(key, [{ code: at.code, share: 1 }]);
        stack.pop();
        continue;
      }
      const pendingBefore = stack.length;
      for (const t of group.targets) {
        const to = step(group, t.code, at.code, at.year);
        if (to !== undefined && !memo.has(keyOf(to.code, to.year))) stack.push(to);
      }
      if (stack.length > pendingBefore) continue; // resolve what it leads to first
      const shares = new Map<string, number>();
      for (const t of group.targets) {
        const to = step(group, t.code, at.code, at.year);
        const ends = to === undefined ? [{ code: at.code, share: 1 }] : memo.get(keyOf(to.code, to.year))!;
        for (const end of ends) shares.set(end.code, (shares.get(end.code) ?? 0) + t.share * end.share);
      }
      memo.set(key, [...shares].map(([c, share]) => ({ code: c, share })));
      stack.pop();
    }
    return memo.get(keyOf(code, year))!;
  };
}

export interface CrosswalkResult {
  /** The dataset in current codes: only the regions of regions.csv hold figures. */
  readonly dataset: Dataset;
  /** Each code of the data → the regions its figures went to (itself when not mapped). */
  readonly mappedInto: ReadonlyMap<string, ReadonlySet<string>>;
  /** Figures that end on a code not in regions.csv: code of the data → years → where they ended. */
  readonly stranded: ReadonlyMap<string, ReadonlyMap<number, string>>;
}

/**
 * Move every figure of the dataset to current codes (see the file comment). A crosswalk code
 * with no figures in the data gets a warning in the new dataset (probably a typo).
 */
export function applyCrosswalk(dataset: Dataset, crosswalk: Crosswalk): CrosswalkResult {
  const resolve = crosswalkResolver(crosswalk);
  const mappedInto = new Map<string, Set<string>>();
  const stranded = new Map<string, Map<number, string>>();
  const assign = (code: string, year: number): readonly Target[] => {
    const targets = resolve(code, year);
    const lost = targets.find((t) => !dataset.regions.has(t.code));
    if (lost) {
      let years = stranded.get(code);
      if (!years) stranded.set(code, (years = new Map()));
      years.set(year, lost.code);
      return [];
    }
    let into = mappedInto.get(code);
    if (!into) mappedInto.set(code, (into = new Set()));
    for (const t of targets) into.add(t.code);
    return targets;
  };
  const result = regroup(dataset, dataset.regions, assign);

  for (const [from, list] of crosswalk.groups) {
    if (mappedInto.has(from) || stranded.has(from)) continue;
    const lines = list.flatMap((g) => g.lines);
    result.warnings.push({
      file: crosswalk.file,
      line: lines[0] ?? null,
      message: `${quoteValue(from)} has no figures in the data: its crosswalk ${lines.length === 1 ? 'row was' : 'rows were'} not used (${describeLines(lines, lines.length)})`,
    });
  }
  return { dataset: result, mappedInto, stranded };
}

/** One issue per code whose figures end outside regions.csv, on the line of its first figure. */
export function strandedIssues(
  stranded: CrosswalkResult['stranded'],
  crosswalk: Crosswalk,
  origin: (code: string) => { file: string; line: number } | undefined,
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [code, byYear] of stranded) {
    const where = origin(code);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const shown = `${years.slice(0, 5).join(', ')}${years.length > 5 ? ` and ${years.length - 5} more` : ''}`;
    const end = byYear.get(years[0]!)!;
    const lastReform = crosswalk.groups.get(code)?.at(-1)?.year;
    const reason =
      end !== code
        ? `they end on ${quoteValue(end)} through the crosswalk, and ${quoteValue(end)} is not in regions.csv`
        : lastReform !== undefined
          ? `the crosswalk maps ${quoteValue(code)} only for years before ${lastReform}, and ${quoteValue(code)} is not in regions.csv`
          : `the crosswalk keeps a share of ${quoteValue(code)} as ${quoteValue(code)}, which is not in regions.csv`;
    issues.push({
      file: where?.file ?? crosswalk.file,
      line: where?.line,
      columns: ['region'],
      message: `the figures of ${quoteValue(code)} for ${shown} belong to no region: ${reason}`,
    });
  }
  return issues;
}
