// Reading numbers in CSV cells the way the file wrote them, never by guessing.
//
// A NumberFormat says which decimal mark and which thousands separator a file uses. With an
// explicit format, a cell either follows it or is an error. With `decimal: 'auto'` (what the
// loader uses for files separated by ";", tab or "|", where spreadsheets in many locales write a
// decimal comma) a cell may use either mark, as long as it can only be read one way: "12,5" and
// "12.5" are 12.5, but "1,234" and "1.234" could be a decimal or a thousands group and are an
// error that names the options that settle it. Thousands separators are never guessed: they are
// only accepted when the format names them.
//
// Missing-value markers ("", NA, N/A, "..", ":" as Eurostat writes it, "-") are recognised so that
// a message can say "missing value" instead of "not a number"; which columns accept them is the
// schemas' decision (src/core/schemas.ts).

/** A decimal mark: point or comma. */
export type DecimalMark = '.' | ',';
/** The thousands separators a number format can name ('none' for no grouping). */
export const THOUSANDS_SEPARATORS = ['none', 'space', '.', ','] as const;
/** One of `THOUSANDS_SEPARATORS`. */
export type ThousandsSeparator = (typeof THOUSANDS_SEPARATORS)[number];

/** How a file writes numbers: its decimal mark and thousands separator. */
export interface NumberFormat {
  /** The decimal mark, or 'auto': either mark, and a number that reads two ways is an error. */
  readonly decimal: DecimalMark | 'auto';
  /** How digits are grouped: 'none', 'space' (space, no-break space or narrow no-break space), '.' or ','. */
  readonly thousands: ThousandsSeparator;
}

/** Plain decimals with a point, no grouping: what servicegap writes and what it reads by default. */
export const DEFAULT_NUMBER_FORMAT: NumberFormat = { decimal: '.', thousands: 'none' };

/** The largest magnitude accepted in any number cell: sums of millions of such cells stay exact
 * enough and finite, and no real count of beds, places or people comes near it. */
export const MAX_MAGNITUDE = 1e12;

/** The smallest number servicegap divides by (a population, a norm's low end): the other end of
 * MAX_MAGNITUDE's range. A positive population of 1e-320 made every rate per 100,000 of its
 * region infinite, which no output can hold; no real population or norm comes near it. */
export const MIN_DIVISOR = 1e-12;

/** The result of reading one cell as a number: its value, or why it could not be read. */
export type NumberReading =
  | { readonly ok: true; readonly value: number }
  | {
      readonly ok: false;
      /** missing: a missing-value marker; invalid: not a number in this format; ambiguous: reads
       * two ways; too-large: beyond MAX_MAGNITUDE or not finite. */
      readonly problem: 'missing' | 'invalid' | 'ambiguous' | 'too-large';
      /** For invalid and ambiguous cells: which options would read the cell, and as what. */
      readonly hint?: string | undefined;
    };

const MISSING = /^(?:|na|n\/a|\.\.|-|:(?:\s*[a-z]{1,3})?)$/i;

/** Is the (trimmed) cell one of the markers spreadsheets and statistics offices use for "no value":
 * empty, NA, N/A, "..", "-", or ":" (Eurostat, optionally with a flag letter such as ": c")? */
export function isMissingValue(text: string): boolean {
  const trimmed = text.trim();
  // Every marker is at most three characters long, or begins with ":" (a quick no for names).
  if (trimmed.length > 3 && trimmed.charCodeAt(0) !== 0x3a) return false;
  return MISSING.test(trimmed);
}

// Plain decimal notation with a point: the fast path for the common case.
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPLIT = /^([+-]?)([^eE]*)((?:[eE][+-]?\d+)?)$/;
const DIGITS = /^\d*$/;
const GROUPS: Record<Exclude<ThousandsSeparator, 'none'>, RegExp> = {
  space: /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/,
  '.': /^\d{1,3}(?:\.\d{3})+$/,
  ',': /^\d{1,3}(?:,\d{3})+$/,
};
const GROUP_CHARS = /[ \u00a0\u202f.,]/g;

/** The value of a trimmed cell in one explicit format (possibly not finite), or undefined. */
function readExplicit(text: string, decimal: DecimalMark, thousands: ThousandsSeparator): number | undefined {
  if (decimal === '.' && PLAIN.test(text)) return Number(text);
  const parts = SPLIT.exec(text);
  if (!parts) return undefined;
  const [, sign, mantissa, exponent] = parts as unknown as [string, string, string, string];
  const at = mantissa.indexOf(decimal);
  const whole = at === -1 ? mantissa : mantissa.slice(0, at);
  const fraction = at === -1 ? undefined : mantissa.slice(at + 1);
  if (fraction !== undefined && !DIGITS.test(fraction)) return undefined;
  let digits: string;
  if (DIGITS.test(whole)) digits = whole;
  else if (thousands !== 'none' && GROUPS[thousands].test(whole)) digits = whole.replace(GROUP_CHARS, '');
  else return undefined;
  if (digits === '' && !fraction) return undefined;
  // Number() reads ".5" and "-.5e3" as they are: an empty whole part needs no "0".
  return Number(`${sign}${digits}${fraction ? `.${fraction}` : ''}${exponent}`);
}

const ALTERNATIVES: readonly { decimal: DecimalMark; thousands: ThousandsSeparator; options: string }[] = [
  { decimal: ',', thousands: 'none', options: '--decimal ,' },
  { decimal: '.', thousands: 'none', options: '--decimal .' },
  { decimal: '.', thousands: ',', options: '--thousands ,' },
  { decimal: ',', thousands: '.', options: '--decimal , --thousands .' },
  { decimal: '.', thousands: 'space', options: '--thousands space' },
  { decimal: ',', thousands: 'space', options: '--decimal , --thousands space' },
];

/** "--decimal , reads it as 12.5" / "--decimal , reads it as 1.234, --thousands , as 1234".
 * The file's own format needs no skipping: it did not read the cell, so it adds no reading. */
function hintFor(text: string): string | undefined {
  const readings: string[] = [];
  const seen = new Set<number>();
  for (const alt of ALTERNATIVES) {
    const value = readExplicit(text, alt.decimal, alt.thousands);
    if (value === undefined || !Number.isFinite(value) || seen.has(value)) continue;
    seen.add(value);
    readings.push(`${alt.options} ${readings.length === 0 ? 'reads it as' : 'as'} ${String(value)}`);
  }
  return readings.length > 0 ? readings.join(', ') : undefined;
}

// A number that is either a decimal or one thousands group: "1,234", "-12.500" (never "0,125").
const AMBIGUOUS = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

/** Read one cell as a number in the given format (see the file comment). */
export function readNumber(cell: string, format: NumberFormat = DEFAULT_NUMBER_FORMAT): NumberReading {
  const text = cell.trim();
  if (MISSING.test(text)) return { ok: false, problem: 'missing' };
  let decimal = format.decimal;
  // A thousands separator fixes the decimal mark: it is the other one.
  if (decimal === 'auto' && (format.thousands === '.' || format.thousands === ',')) decimal = format.thousands === '.' ? ',' : '.';
  let value: number | undefined;
  if (decimal === 'auto') {
    const point = text.includes('.');
    const comma = text.includes(',');
    if (point && comma) value = undefined;
    else if (format.thousands === 'none' && AMBIGUOUS.test(text)) {
      return { ok: false, problem: 'ambiguous', hint: hintFor(text) };
    } else value = readExplicit(text, comma ? ',' : '.', format.thousands);
  } else value = readExplicit(text, decimal, format.thousands);
  if (value === undefined) return { ok: false, problem: 'invalid', hint: hintFor(text) };
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) return { ok: false, problem: 'too-large' };
  return { ok: true, value };
}

/** The value of a valid number cell in `format`, else undefined: readNumber without the object,
 * for the hot path (plain decimals with a point are read directly). */
export function readNumberValue(cell: string, format: NumberFormat = DEFAULT_NUMBER_FORMAT): number | undefined {
  if (format.decimal !== ',') {
    // Digits with at most one point inside them, no sign, no space: the same in every format
    // that does not take the point for a thousands separator or a decimal comma — except that
    // 'auto' refuses "1.234" (ambiguous), so there the point is left to readNumber.
    const n = cell.length;
    let whole = 0;
    let i = 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut only; stopping it early or one step late leaves the cell to the general reader below, which gives the same value
    for (; i < n; i++) {
      const c = cell.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      whole = whole * 10 + c;
    }
    if (i === n && n > 0 && n <= 12) return whole;
    if (format.decimal === '.' && format.thousands === 'none' && i > 0 && i <= 12 && i < n && cell.charCodeAt(i) === 0x2e && n <= 16) {
      let j = i + 1;
      while (j < n && cell.charCodeAt(j) >= 48 && cell.charCodeAt(j) <= 57) j++;
      if (j === n) return Number(cell);
    }
  }
  if (format.decimal === '.' && format.thousands === 'none') {
    const text = cell.trim();
    if (PLAIN.test(text)) {
      const value = Number(text);
      return Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE ? value : undefined;
    }
  }
  const reading = readNumber(cell, format);
  return reading.ok ? reading.value : undefined;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);
const ZERO = 0x30;
const POINT = 0x2e;
const COMMA = 0x2c;

/**
 * The value of a number cell given as UTF-8 bytes [from, to) when it is written plainly — digits,
 * at most one decimal mark of the format between or after them, no sign, no space, at most 12
 * digits before the mark and 15 in all — else NaN, and the caller reads the cell as text
 * (readNumberValue). Whenever it answers a number, readNumberValue answers the same for the same
 * text: the digits make an integer below 2⁵³ and a power of ten up to 10¹⁵, both exact, so their
 * quotient is rounded once, as Number() rounds the decimal (test/core/numbers.test.ts).
 */
export function readNumberBytes(bytes: Uint8Array, from: number, to: number, format: NumberFormat): number {
  let i = from;
  let whole = 0;
  for (; i < to; i++) {
    const digit = bytes[i]! - ZERO;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  const wholeDigits = i - from;
  if (wholeDigits === 0 || wholeDigits > 12) return NaN;
  if (i === to) return whole;
  // A decimal mark: only where the format has no thousands separator to confuse it with.
  if (format.thousands !== 'none') return NaN;
  const mark = bytes[i]!;
  if (format.decimal === 'auto' ? mark !== POINT && mark !== COMMA : mark !== (format.decimal === '.' ? POINT : COMMA)) return NaN;
  let fraction = 0;
  let j = i + 1;
  for (; j < to; j++) {
    const digit = bytes[j]! - ZERO;
    if (digit < 0 || digit > 9) return NaN;
    fraction = fraction * 10 + digit;
  }
  const fractionDigits = to - i - 1;
  if (wholeDigits + fractionDigits > 15) return NaN;
  // "1,234" and "1.234" read two ways under 'auto': an error that readNumber words.
  if (format.decimal === 'auto' && fractionDigits === 3 && wholeDigits <= 3 && bytes[from] !== ZERO) return NaN;
  // No digit after the mark ("12."): fraction 0 over 10⁰ = 1, the whole number.
  return decimalValue(whole, fraction, fractionDigits);
}

/** whole.fraction, the fraction's digits read as a whole number ("12.05": 12, 5, 2): the one formula
 * of every reader of plain decimals, so that they give the same double. */
export function decimalValue(whole: number, fraction: number, fractionDigits: number): number {
  return (whole * POWERS_OF_TEN[fractionDigits]! + fraction) / POWERS_OF_TEN[fractionDigits]!;
}

/**
 * The byte of the decimal mark a byte reader may read as it scans (readNumberBytes gives the same
 * number for digits, this mark and digits), or −1 when readNumberBytes must look: a format with a
 * thousands separator, or one that takes either mark ("1,234" then reads two ways).
 */
export function plainDecimalByte(format: NumberFormat): number {
  if (format.thousands !== 'none' || format.decimal === 'auto') return -1;
  return format.decimal === '.' ? POINT : COMMA;
}

/** The finite number a cell holds in plain decimal notation (a point, no grouping), or undefined. */
export function parseNumber(text: string): number | undefined {
  const reading = readNumber(text);
  return reading.ok ? reading.value : undefined;
}

/** "decimal point", "decimal comma", "decimal point or comma"; with the thousands separator. */
export function describeNumberFormat(format: NumberFormat): string {
  const decimal =
    format.decimal === 'auto'
      ? 'decimal point or comma (numbers that read two ways, like 1,234, are errors)'
      : format.decimal === ','
        ? 'decimal comma'
        : 'decimal point';
  const thousands =
    format.thousands === 'none'
      ? 'no thousands separator'
      : `thousands separated by ${format.thousands === 'space' ? 'spaces' : `"${format.thousands}"`}`;
  return `${decimal}, ${thousands}`;
}
