// Plausibility notices (SPEC §8): warnings about numbers that are computed correctly but may not
// mean what the reader thinks. They never change a number or an exit code; they are listed in
// every format and counted in the JSON `warnings` (with `kind: "plausibility"`). Pure.
//
// 1. A series (a region's population, institutional beds, or capacity of one category in one
//    unit) whose value changes by more than a factor 3 between two consecutive reported years
//    (years that have a figure; the years between may have none): possibly a change of
//    definition, e.g. a source that switched from all psychiatric beds to mental-hospital beds
//    only. Only pairs that bear on the period are checked (the earlier year before T, the later
//    after B). A step from or to 0 is not a factor and is not flagged: a facility that opens or
//    closes is what the data is for.
// 2. A series with weight 0 whose value changed between B and T: it is counted for coverage but
//    adds nothing to the vacuum (`cmhc fte +23 % is not counted: weight 0`).
// 3. A region whose population changes by more than 30 % between B and T: the per-100k rates of
//    B and T may describe different areas (a boundary change) or a data error.
import type { Dataset, YearSeries } from './dataset.js';
import type { Warning } from './issues.js';
import type { Period } from './metrics.js';
import { type FillMode, valueAt } from './series.js';
import { weightKey, type WeightTable } from './weights.js';

/** A change above this factor between two consecutive reported years is a notice. */
export const DEFINITION_CHANGE_FACTOR = 3;
/** A population change above this many per cent between B and T is a notice. */
export const POPULATION_CHANGE_PERCENT = 30;

/** How a notice names each input file (as the warnings name them). */
export interface NoticeFiles {
  readonly population: string;
  readonly beds: string;
  readonly services: string;
}

/** Options of `plausibilityNotices`. */
export interface NoticeOptions {
  /** The regions to check (codes of the dataset's regions): the ranked ones. */
  readonly regions: Iterable<string>;
  readonly period: Period;
  readonly weights: WeightTable;
  readonly fill?: FillMode | undefined;
  readonly files: NoticeFiles;
  /** Only the definition-change check (coverage, which looks at T alone: pass B = −Infinity). */
  readonly seriesOnly?: boolean | undefined;
}

/** A number in a message: at most 6 significant digits, no exponent for ordinary sizes. */
function show(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** "+23 %" / "-40 %": a relative change, whole per cent. */
function percent(from: number, to: number): string {
  const p = Math.round(((to - from) / from) * 100);
  return `${p > 0 ? '+' : ''}${p} %`;
}

const notice = (file: string, message: string): Warning => ({ file, line: null, message, kind: 'plausibility' });

/** The first pair of consecutive reported years of `series` whose values differ by more than the factor. */
function definitionChange(series: YearSeries | undefined, period: Period): { y1: number; v1: number; y2: number; v2: number; more: number } | undefined {
  if (series === undefined) return undefined;
  const years = [...series.keys()].sort((a, b) => a - b);
  let found: { y1: number; v1: number; y2: number; v2: number } | undefined;
  let more = 0;
  for (let i = 1; i < years.length; i++) {
    const y1 = years[i - 1]!;
    const y2 = years[i]!;
    if (!(y1 < period.to && y2 > period.from)) continue;
    const v1 = series.get(y1)!;
    const v2 = series.get(y2)!;
    if (v1 <= 0 || v2 <= 0) continue;
    // Compared by multiplying, not dividing: exactly a factor 3 (30 → 10) is not more than 3.
    if (v2 <= DEFINITION_CHANGE_FACTOR * v1 && v1 <= DEFINITION_CHANGE_FACTOR * v2) continue;
    if (found === undefined) found = { y1, v1, y2, v2 };
    else more++;
  }
  return found === undefined ? undefined : { ...found, more };
}

function definitionNotice(file: string, region: string, what: string, series: YearSeries | undefined, period: Period): Warning | undefined {
  const c = definitionChange(series, period);
  if (c === undefined) return undefined;
  const factor = c.v2 / c.v1;
  return notice(
    file,
    `${region} ${what}: ${show(c.v1)} in ${c.y1} → ${show(c.v2)} in ${c.y2} (×${show(Number(factor.toFixed(2)))}), more than a factor ${DEFINITION_CHANGE_FACTOR} ` +
      `between two reported years${c.more > 0 ? ` (and ${c.more} more such step${c.more === 1 ? '' : 's'})` : ''}: a change of definition or coverage? ` +
      'Check the source; the numbers are used as given',
  );
}

/**
 * Every plausibility notice for `options.regions` of `dataset` (the dataset as analysed: after
 * --level / --rollup), in region order, each region's notices in the order of the list above.
 */
export function plausibilityNotices(dataset: Dataset, options: NoticeOptions): Warning[] {
  const { period, weights, files } = options;
  const fill = options.fill ?? 'carry';
  const out: Warning[] = [];
  const add = (w: Warning | undefined) => {
    if (w !== undefined) out.push(w);
  };
  for (const code of options.regions) {
    add(definitionNotice(files.population, code, 'population', dataset.population.get(code), period));
    if (dataset.beds.shape === 'stock') add(definitionNotice(files.beds, code, 'institutional beds', dataset.beds.byRegion.get(code), period));
    const services = dataset.services.get(code);
    for (const series of services?.values() ?? []) {
      add(definitionNotice(files.services, code, `${series.category} ${series.unit}`, series.years, period));
    }
    if (options.seriesOnly) continue;
    for (const series of services?.values() ?? []) {
      if ((weights.get(weightKey(series.category, series.unit))?.value ?? 0) !== 0) continue;
      const from = valueAt(series.years, period.from, 'service', fill);
      const to = valueAt(series.years, period.to, 'service', fill);
      if (from === undefined || to === undefined || from.value === to.value) continue;
      const change = from.value === 0 ? `${to.value > 0 ? '+' : ''}${show(to.value)} (none at the baseline)` : percent(from.value, to.value);
      out.push(
        notice(
          files.services,
          `${code}: ${series.category} ${series.unit} ${change} is not counted: weight 0 ` +
            `(${show(from.value)} in ${period.from} → ${show(to.value)} in ${period.to}; ` +
            `a config can set weights.${series.category}.${series.unit} to count it)`,
        ),
      );
    }
    const series = dataset.population.get(code);
    const popFrom = valueAt(series, period.from, 'stock', fill);
    const popTo = valueAt(series, period.to, 'stock', fill);
    // By multiplying, so that exactly 30 % (100,000 → 130,000) is not more than 30 %.
    if (popFrom !== undefined && popTo !== undefined && popFrom.value > 0 && Math.abs(popTo.value - popFrom.value) * 100 > POPULATION_CHANGE_PERCENT * popFrom.value) {
      out.push(
        notice(
          files.population,
          `${code}: population ${show(popFrom.value)} in ${period.from} → ${show(popTo.value)} in ${period.to} (${percent(popFrom.value, popTo.value)}), ` +
            `more than ${POPULATION_CHANGE_PERCENT} % between B and T: do both figures count the same area? ` +
            'The per-100k rates of B and T rest on them',
        ),
      );
    }
  }
  return out;
}
