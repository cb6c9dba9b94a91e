// Warnings made when they are first read (issue 18, memory). A report or a trend of a noisy
// dataset has a plausibility notice or more per series — 93,787 at 5,000 regions of the
// benchmark's data, 15 MB as a list at a report's peak — and the command line's JSON only writes
// them: its writer takes them one at a time from `itemsToWrite`, each made as it is written
// and dropped after, so no list of them is ever made. Everyone else reads `warnings`, an own
// enumerable property: a getter until first read, which then makes the list and leaves a plain
// property holding it in its place, so a spread, JSON.stringify, zod, a library caller and every
// other renderer see the same array as before. The warnings are made from the dataset, which the
// run keeps to its end anyway.
import type { RankedReport } from './analyze.js';
import type { Warning } from './issues.js';

/** Objects whose warnings have not been read yet, and how to make them. */
const PENDING = new WeakMap<object, () => Iterable<Warning>>();
/** The warnings made, for an object that a caller froze before reading them (the getter stays). */
const MADE = new WeakMap<object, readonly Warning[]>();
/** Of objects whose warnings have not been read yet: those held, and the notices made after them (withNoticesWhenRead). */
const PARTS = new WeakMap<object, WarningParts>();

/** A record's warnings not made yet: the dataset's, held, then its notices, made again each time `more()` is called. */
export interface WarningParts {
  readonly held: readonly Warning[];
  readonly more: () => Iterable<Warning>;
}

/** The warnings of `parts`, in order: those held, then those `more()` makes. */
export function* partsInOrder({ held, more }: WarningParts): Generator<Warning> {
  yield* held;
  yield* more();
}

/**
 * `target`, its `warnings` made by `make` when first read (`make` gives the same warnings, in
 * the same order, each time it is called). Setting `warnings` replaces them, as on any object.
 */
export function withWarningsWhenRead<T extends { readonly warnings: readonly Warning[] }>(target: T, make: () => Iterable<Warning>): T {
  const settle = (warnings: readonly Warning[]) => {
    PENDING.delete(target);
    PARTS.delete(target);
    // A plain property from now on; on an object a caller has frozen, the getter stays (and gives this list).
    if (!Reflect.defineProperty(target, 'warnings', { value: warnings, enumerable: true, writable: true, configurable: true })) MADE.set(target, warnings);
  };
  Object.defineProperty(target, 'warnings', {
    enumerable: true,
    configurable: true,
    get() {
      const made = MADE.get(target);
      if (made !== undefined) return made;
      const warnings = [...make()];
      settle(warnings);
      return warnings;
    },
    set: settle,
  });
  PENDING.set(target, make);
  return target;
}

/**
 * `ranked.report` with `ranked.notices()` after its warnings (analyze.ts withNotices), made when
 * its warnings are first read — or one at a time as its JSON is written, never all at once.
 */
export function withNoticesWhenRead<R extends { readonly warnings: readonly Warning[] }>(ranked: RankedReport<R>): R {
  const { report, notices } = ranked;
  const parts: WarningParts = { held: report.warnings, more: notices };
  const target = withWarningsWhenRead({ ...report }, () => partsInOrder(parts));
  PARTS.set(target, parts);
  return target;
}

/**
 * The parts of `record`'s warnings while nothing has read them (withNoticesWhenRead): what the
 * command line prints on standard error after the output, the notices made a second time
 * instead of held through it — a list of 93,787 notices took a default run's peak over 200 MB
 * (issue 18). Undefined once they are read (the list is then there to print).
 */
export function warningParts(record: object): WarningParts | undefined {
  return PARTS.get(record);
}

/**
 * The items of `record[key]` to write: the array itself, or — for warnings not read yet
 * (withWarningsWhenRead) — the warnings one at a time as they are made, without keeping them.
 */
export function itemsToWrite(record: object, key: string): Iterable<unknown> {
  const make = key === 'warnings' ? PENDING.get(record) : undefined;
  return make !== undefined ? make() : ((record as Record<string, unknown>)[key] as Iterable<unknown>);
}

/** Whether `record`'s warnings are still to be made when read (for tests: nothing read them). */
export function warningsPending(record: object): boolean {
  return PENDING.has(record);
}
