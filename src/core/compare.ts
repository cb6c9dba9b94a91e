// Two reports side by side (issue 6, `servicegap compare A B`): per region every metric in A, in
// B and its change B − A, the change of rank, and the regions entering and leaving the top N.
// Pure; what A and B are (data folders, configs, periods) is the caller's business.
import {
  COMPARE_METRICS,
  type ComparedRegion,
  type CompareSide,
  type Comparison,
} from './compare-schema.js';
import { textSet } from './distinct-texts.js';
import { messageGetter } from './message-getter.js';
import { OptionError } from './errors.js';
import { checkWhole } from './option-checks.js';
import type { RankedRegion, Report } from './report-schema.js';
import { changeOf } from './formulas.js';

/** N of "entered / left the top N" when none is given. */
export const DEFAULT_COMPARE_TOP = 10;

/** Options of `compare`: N of "top N" and how to label the two sides. */
export interface CompareOptions {
  /** N of "top N"; default 10. */
  readonly top?: number | undefined;
  /** How to describe side A (default: label "A", kind "same"). */
  readonly a?: Pick<CompareSide, 'label' | 'kind'> | undefined;
  /** How to describe side B (default: label "B", kind "same"). */
  readonly b?: Pick<CompareSide, 'label' | 'kind'> | undefined;
}

/** Avoid "-0" from subtracting equal numbers the other way round. */
const clean = (x: number): number => (x === 0 ? 0 : x);

/** B − A; 0 when the two are equal but for the rounding of their sums (formulas.ts NOISE). */
const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : clean(changeOf(b, a));

function comparedRegion(a: RankedRegion | undefined, b: RankedRegion | undefined): ComparedRegion {
  const either = (b ?? a)!;
  const row: Record<string, unknown> = {
    region: either.region,
    name: either.name,
    present: a && b ? 'both' : a ? 'a_only' : 'b_only',
    rank_a: a?.rank ?? null,
    rank_b: b?.rank ?? null,
    rank_change: delta(a?.rank, b?.rank),
  };
  for (const m of COMPARE_METRICS) {
    row[`${m}_a`] = a?.[m] ?? null;
    row[`${m}_b`] = b?.[m] ?? null;
    row[`${m}_delta`] = delta(a?.[m], b?.[m]);
  }
  return row as ComparedRegion;
}

/**
 * Codes of the regions in B's top N that are not in A's (by rank in B), and of those in A's top
 * N that are not in B's (by rank in A). Each list is a ranking, so already in rank order.
 */
export function topChanges(
  a: readonly Pick<RankedRegion, 'region' | 'rank'>[],
  b: readonly Pick<RankedRegion, 'region' | 'rank'>[],
  top: number,
): { entered: string[]; left: string[] } {
  const topCodes = (list: typeof a) =>
    new Set(list.filter((r) => r.rank <= top).map((r) => r.region));
  const inA = topCodes(a);
  const inB = topCodes(b);
  const byRank = (list: typeof a) => [...list].filter((r) => r.rank <= top).sort((x, y) => x.rank - y.rank);
  return {
    entered: byRank(b).filter((r) => !inA.has(r.region)).map((r) => r.region),
    left: byRank(a).filter((r) => !inB.has(r.region)).map((r) => r.region),
  };
}

/** Where a side's warning keeps the warning it stands for (not enumerable: JSON, zod, spread and
 * `toEqual` see a plain side warning). */
const OF = Symbol('warning of a side');

/** Every side warning's message, read from the warning it stands for when it is read. */
const SIDE_MESSAGE = messageGetter((side: { readonly [OF]: Report['warnings'][number] }) => side[OF].message);

/**
 * `{ side, ...w }`, its message read from `w` when it is read instead of copied: a plausibility
 * notice writes its message each time it is read (plausibility.ts), and copied, both sides'
 * messages were 188,000 texts held at 5,000 regions, 76 MB (issue 18).
 */
function sideWarning(side: 'a' | 'b' | 'both', w: Report['warnings'][number]): Comparison['warnings'][number] {
  // Every property added in the same order, the getter as a new property (as plausibility.ts does).
  const out = { side, file: w.file, line: w.line };
  Object.defineProperty(out, 'message', SIDE_MESSAGE);
  if (w.kind !== undefined) (out as { kind?: string }).kind = w.kind;
  Object.defineProperty(out, OF, { value: w });
  return out as Comparison['warnings'][number];
}

/**
 * Compare report B with report A (both sorted by the same metric). Changes are B − A: a negative
 * `rank_change` is a move towards rank 1. Regions ranked in only one report have null changes.
 */
export function compare(a: Report, b: Report, options: CompareOptions = {}): Comparison {
  if (a.sort !== b.sort) throw new OptionError('sort', `--sort: the reports are sorted differently (${a.sort}, ${b.sort}): compare needs one sort metric`);
  const top = checkWhole('top', options.top, 1) ?? DEFAULT_COMPARE_TOP;

  const inA = new Map(a.regions.map((r) => [r.region, r]));
  const inB = new Map(b.regions.map((r) => [r.region, r]));
  const regions: ComparedRegion[] = [
    ...b.regions.map((r) => comparedRegion(inA.get(r.region), r)),
    ...a.regions.filter((r) => !inB.has(r.region)).map((r) => comparedRegion(r, undefined)),
  ];
  // Each report's regions are already in rank order, and ranks are unique.

  const { entered, left } = topChanges(a.regions, b.regions, top);

  const key = (w: Report['warnings'][number]) => JSON.stringify([w.file, w.line, w.message]);
  // Sets of the keys without the keys themselves (distinct-texts.ts): 188,000 of them at 5,000 regions.
  const warningsB = textSet(b.warnings.length, (i) => key(b.warnings[i]!));
  const warningsA = textSet(a.warnings.length, (i) => key(a.warnings[i]!));
  const warnings: Comparison['warnings'] = [
    ...a.warnings.map((w) => sideWarning(warningsB.has(key(w)) ? 'both' : 'a', w)),
    ...b.warnings.filter((w) => !warningsA.has(key(w))).map((w) => sideWarning('b', w)),
  ];

  return {
    servicegap: b.servicegap,
    sort: b.sort,
    top,
    a: { label: options.a?.label ?? 'A', kind: options.a?.kind ?? 'same', from: a.from, to: a.to },
    b: { label: options.b?.label ?? 'B', kind: options.b?.kind ?? 'same', from: b.from, to: b.to },
    regions,
    entered_top: entered,
    left_top: left,
    excluded: [
      ...a.excluded.map((e) => ({ side: 'a' as const, ...e })),
      ...b.excluded.map((e) => ({ side: 'b' as const, ...e })),
    ],
    warnings,
    provenance: { a: a.provenance, b: b.provenance },
  };
}
