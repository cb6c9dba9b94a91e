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
import { jsonStringBytes } from './json-string-bytes.js';
import { messageGetter } from './message-getter.js';
import type { Period } from './metrics.js';
import { type FillMode, knownPairs, valueAt } from './series.js';
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
export function show(x: number): string {
  // A whole number or one of hundredths below 10,000 (beds, capacities with a decimal or two, the
  // factors: most figures) is written from integers: the shortest text of such a double is its
  // hundredths' (no other text of two decimals or fewer is as near), at most 6 significant
  // digits, and V8's double-to-text took three times as long (issue 18).
  const hundredths = Math.round(x * 100);
  if (hundredths / 100 === x && hundredths < 1e6 && hundredths > -1e6) return hundredthsText(hundredths);
  // A number whose shortest text has at most 6 significant digits is that text rounded to 6
  // (the rounding moves it by far less than half a unit of the 6th digit): most figures are, and
  // a large dataset writes hundreds of thousands of them (issue 18).
  const text = String(x);
  return significantDigits(text) <= 6 ? text : String(Number(x.toPrecision(6)));
}

/** "-12.05" for −1205 hundredths: the whole part, and the hundredths without trailing zeros. */
function hundredthsText(hundredths: number): string {
  const size = hundredths < 0 ? -hundredths : hundredths;
  const cents = size % 100;
  const text = `${(size - cents) / 100}${cents === 0 ? '' : cents % 10 === 0 ? `.${cents / 10}` : cents < 10 ? `.0${cents}` : `.${cents}`}`;
  return hundredths < 0 ? `-${text}` : text;
}

/** The significant digits of a number's text ("0.0120" → 3; Infinity for an exponent). */
function significantDigits(text: string): number {
  let digits = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x65 /* e */) return Infinity;
    if (c < 0x30 || c > 0x39) continue; // sign, point
    if (leading && c === 0x30) continue;
    leading = false;
    digits++;
  }
  return digits;
}

/** "+23 %" / "-40 %": a relative change, whole per cent. */
function percent(from: number, to: number): string {
  const p = Math.round(((to - from) / from) * 100);
  return `${p > 0 ? '+' : ''}${p} %`;
}

/**
 * How a message is written: as text (its `message`), or as the content of its JSON string in
 * UTF-8 bytes, one character per byte (`noticeMessageBytes`, for the JSON output). The words of
 * the messages are printable ASCII without `"` or `\` (the same in both; tested), numbers too;
 * the arrow, the multiplication sign and the names from the data are written by the style.
 */
interface TextStyle {
  readonly arrow: string;
  readonly times: string;
  /** A name from the data (a region's code, a category, a unit). */
  readonly name: (text: string) => string;
}

const AS_TEXT: TextStyle = { arrow: '→', times: '×', name: (text) => text };
/** "→" is E2 86 92 in UTF-8, "×" C3 97. */
const AS_JSON_BYTES: TextStyle = { arrow: '\xe2\x86\x92', times: '\xc3\x97', name: jsonStringBytes };

/** A notice's format: writes its message in a style from its values (at most eight). */
type Format = (style: TextStyle, ...values: never[]) => string;

/**
 * A plausibility notice: a warning whose message is written each time it is read, by its format
 * from its values. A large dataset has a notice or more per series — hundreds of thousands —, and
 * a message held as text takes over 400 bytes (V8 keeps a string with "→" in it at two bytes a
 * character), then most of a report's memory (issue 18). `message` is an own, enumerable property
 * (a getter), so JSON.stringify, zod, spread and structured clone all see the text; the format and
 * the values are private fields, which none of them sees (nor `toEqual`), kept in the object
 * itself: 160 bytes a notice, against 224 with the values in an array and the array and the
 * format in two hidden properties, and made in a third of the time.
 */
class PlausibilityNotice {
  declare readonly file: string;
  declare readonly line: null;
  declare readonly message: string;
  declare readonly kind: 'plausibility';
  /** Undefined once a caller has set the message. */
  #format: Format | undefined;
  readonly #a: unknown;
  readonly #b: unknown;
  readonly #c: unknown;
  readonly #d: unknown;
  readonly #e: unknown;
  readonly #f: unknown;
  readonly #g: unknown;
  readonly #h: unknown;

  /** Every notice's message: one descriptor, so that every notice has one shape. */
  static readonly #MESSAGE: PropertyDescriptor = (() => {
    const descriptor = messageGetter((notice: PlausibilityNotice) => notice.#write(AS_TEXT)!);
    const set = descriptor.set!;
    return {
      ...descriptor,
      set(this: PlausibilityNotice, message: string) {
        set.call(this, message);
        this.#format = undefined;
      },
    };
  })();

  constructor(file: string, format: Format, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown, f?: unknown, g?: unknown, h?: unknown) {
    this.#format = format;
    this.#a = a;
    this.#b = b;
    this.#c = c;
    this.#d = d;
    this.#e = e;
    this.#f = f;
    this.#g = g;
    this.#h = h;
    // The warning's keys in WarningSchema's order, the getter defined as a new property (turning
    // a data property into a getter would make V8 keep the object as a dictionary, twice the size).
    (this as { file: string }).file = file;
    (this as { line: null }).line = null;
    Object.defineProperty(this, 'message', PlausibilityNotice.#MESSAGE);
    (this as { kind: string }).kind = 'plausibility';
  }

  #write(style: TextStyle): string | undefined {
    const format = this.#format as ((style: TextStyle, ...values: unknown[]) => string) | undefined;
    return format?.(style, this.#a, this.#b, this.#c, this.#d, this.#e, this.#f, this.#g, this.#h);
  }

  /** `noticeMessageBytes`. */
  static bytes(warning: object): string | undefined {
    return #format in warning ? warning.#write(AS_JSON_BYTES) : undefined;
  }
}

/**
 * The message of `warning`, a plausibility notice made here whose message no one has set, as the
 * characters between the quotes of `JSON.stringify(warning.message)` in UTF-8 bytes, one character
 * per byte (json-string-bytes.ts); undefined for any other warning (a copy of a notice is one).
 */
export function noticeMessageBytes(warning: Warning): string | undefined {
  return PlausibilityNotice.bytes(warning);
}

/** A notice of `file` whose message `format` writes from `values` (PlausibilityNotice). */
function notice<V extends unknown[]>(file: string, format: (style: TextStyle, ...values: V) => string, ...values: V): Warning {
  const [a, b, c, d, e, f, g, h] = values;
  return new PlausibilityNotice(file, format as unknown as Format, a, b, c, d, e, f, g, h);
}

/** The first pair of consecutive reported years of `series` whose values differ by more than the factor. */
function definitionChange(series: YearSeries | undefined, period: Period): { y1: number; v1: number; y2: number; v2: number; more: number } | undefined {
  if (series === undefined) return undefined;
  // Its years in one loop into shared arrays (series.ts knownPairs), no call per year: this runs
  // for every series of the dataset (issue 18).
  const { years, values, count } = knownPairs(series);
  let found: { y1: number; v1: number; y2: number; v2: number; more: number } | undefined;
  for (let k = 1; k < count; k++) {
    const y1 = years[k - 1]!;
    const v1 = values[k - 1]!;
    const y2 = years[k]!;
    const v2 = values[k]!;
    const step = y1 < period.to && y2 > period.from && v1 > 0 && v2 > 0;
    // Compared by multiplying, not dividing: exactly a factor 3 (30 → 10) is not more than 3.
    if (step && (v2 > DEFINITION_CHANGE_FACTOR * v1 || v1 > DEFINITION_CHANGE_FACTOR * v2)) {
      if (found === undefined) found = { y1, v1, y2, v2, more: 0 };
      else found.more++;
    }
  }
  return found;
}

function definitionText(t: TextStyle, region: string, what: string, y1: number, v1: number, y2: number, v2: number, more: number): string {
  const factor = v2 / v1;
  return (
    `${t.name(region)} ${t.name(what)}: ${show(v1)} in ${y1} ${t.arrow} ${show(v2)} in ${y2} (${t.times}${show(Number(factor.toFixed(2)))}), more than a factor ${DEFINITION_CHANGE_FACTOR} ` +
    `between two reported years${more > 0 ? ` (and ${more} more such step${more === 1 ? '' : 's'})` : ''}: a change of definition or coverage? ` +
    'Check the source; the numbers are used as given'
  );
}

function serviceDefinitionText(t: TextStyle, region: string, category: string, unit: string, y1: number, v1: number, y2: number, v2: number, more: number): string {
  return definitionText(t, region, `${category} ${unit}`, y1, v1, y2, v2, more);
}

function weightZeroText(t: TextStyle, code: string, category: string, unit: string, v1: number, v2: number, from: number, to: number): string {
  const change = v1 === 0 ? `${v2 > 0 ? '+' : ''}${show(v2)} (none at the baseline)` : percent(v1, v2);
  return (
    `${t.name(code)}: ${t.name(category)} ${t.name(unit)} ${change} is not counted: weight 0 ` +
    `(${show(v1)} in ${from} ${t.arrow} ${show(v2)} in ${to}; ` +
    `a config can set weights.${t.name(category)}.${t.name(unit)} to count it)`
  );
}

function populationText(t: TextStyle, code: string, v1: number, v2: number, from: number, to: number): string {
  return (
    `${t.name(code)}: population ${show(v1)} in ${from} ${t.arrow} ${show(v2)} in ${to} (${percent(v1, v2)}), ` +
    `more than ${POPULATION_CHANGE_PERCENT} % between B and T: do both figures count the same area? ` +
    'The per-100k rates of B and T rest on them'
  );
}

function definitionNotice(file: string, region: string, what: string, series: YearSeries | undefined, period: Period): Warning | undefined {
  const c = definitionChange(series, period);
  if (c === undefined) return undefined;
  return notice(file, definitionText, region, what, c.y1, c.v1, c.y2, c.v2, c.more);
}

/**
 * Every plausibility notice for `options.regions` of `dataset` (the dataset as analysed: after
 * --level / --rollup), in region order, each region's notices in the order of the list above.
 */
export function plausibilityNotices(dataset: Dataset, options: NoticeOptions): Warning[] {
  return [...eachPlausibilityNotice(dataset, options)];
}

/**
 * `plausibilityNotices` one at a time, as they are made: a report's JSON writes them so, none
 * kept once written (core/lazy-warnings.ts), where the list of 93,787 notices of a noisy dataset
 * took 15 MB at a report's peak (issue 18). The same notices each time it is iterated.
 */
export function* eachPlausibilityNotice(dataset: Dataset, options: NoticeOptions): Generator<Warning, void, undefined> {
  const { period, weights, files } = options;
  const fill = options.fill ?? 'carry';
  for (const code of options.regions) {
    const population = definitionNotice(files.population, code, 'population', dataset.population.get(code), period);
    if (population !== undefined) yield population;
    if (dataset.beds.shape === 'stock') {
      const beds = definitionNotice(files.beds, code, 'institutional beds', dataset.beds.byRegion.get(code), period);
      if (beds !== undefined) yield beds;
    }
    const services = dataset.services.get(code);
    for (const series of services?.values() ?? []) {
      // The series' name ("crisis_team fte") is made only when the series has a notice.
      const c = definitionChange(series.years, period);
      if (c !== undefined) yield notice(files.services, serviceDefinitionText, code, series.category, series.unit, c.y1, c.v1, c.y2, c.v2, c.more);
    }
    if (options.seriesOnly) continue;
    for (const series of services?.values() ?? []) {
      if ((weights.get(weightKey(series.category, series.unit))?.value ?? 0) !== 0) continue;
      const from = valueAt(series.years, period.from, 'service', fill);
      const to = valueAt(series.years, period.to, 'service', fill);
      if (from === undefined || to === undefined || from.value === to.value) continue;
      yield notice(files.services, weightZeroText, code, series.category, series.unit, from.value, to.value, period.from, period.to);
    }
    const series = dataset.population.get(code);
    const popFrom = valueAt(series, period.from, 'stock', fill);
    const popTo = valueAt(series, period.to, 'stock', fill);
    // By multiplying, so that exactly 30 % (100,000 → 130,000) is not more than 30 %.
    if (popFrom !== undefined && popTo !== undefined && popFrom.value > 0 && Math.abs(popTo.value - popFrom.value) * 100 > POPULATION_CHANGE_PERCENT * popFrom.value) {
      yield notice(files.population, populationText, code, popFrom.value, popTo.value, period.from, period.to);
    }
  }
}
