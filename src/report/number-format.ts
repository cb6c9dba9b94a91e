// Display rounding for the human formats (terminal table, Markdown), SPEC §6. CSV and JSON never
// use this file: they carry unrounded numbers.
//
// Rules:
// - per-100k values: 1 decimal ("8.3", "0.0");
// - ratios: 2 decimals ("0.33");
// - beds and bed-equivalents: at most 1 decimal, a trailing ".0" trimmed ("12", "12.5"); the
//   terminal table groups their thousands as it does population's ("1,234.5");
// - "% lost" (a share of the baseline capacity): a percentage with 1 decimal ("12.3%");
// - changes (bed change, community change): as beds, with "+" on a positive value ("+20", "-60");
// - coverage (a ratio to a norm's low end) and the coverage index: a whole percentage ("85%"),
//   the same precision as a ratio's 2 decimals;
// - counts in a norm's own unit (value, gap): as beds;
// - a norm's range per 100k: each end rounded to 3 decimals with trailing zeros trimmed
//   ("28.1–41.7"; the crisis-team norm, exactly 100000 / 150000 = 0.6666…, prints "0.667");
//   one number when low = high. JSON and CSV carry the exact value;
// - population: no decimals. Markdown shows plain digits ("483000") so a pasted table stays a
//   number in a spreadsheet; the terminal table groups thousands with a comma ("483,000"): ASCII,
//   one column wide in every terminal and font (a narrow no-break space is not in every font and
//   some terminals measure it differently).
// - null: an en dash "–".
// - never "-0": a value that rounds to zero is printed without a sign.
import type { Flag } from '../core/report-schema.js';

/** How a null (unknown / not applicable) number is shown. */
export const NULL_DISPLAY = '–';

/** `value` rounded to `decimals` places, never "-0" / "-0.0". */
export function toFixedNoNegZero(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** Per-100k values: 1 decimal. */
export function formatPer100k(value: number | null): string {
  return value === null ? NULL_DISPLAY : toFixedNoNegZero(value, 1);
}

/** Ratios: 2 decimals. */
export function formatRatio(value: number | null): string {
  return value === null ? NULL_DISPLAY : toFixedNoNegZero(value, 2);
}

/** Digits grouped by thousands with commas: "12345.5" → "12,345.5" (ASCII: one column wide everywhere). */
function groupThousands(text: string): string {
  return text.replace(/^(-?)(\d+)/, (_, sign: string, digits: string) => sign + digits.replace(/\B(?=(\d{3})+$)/g, ','));
}

/** Beds and bed-equivalents: at most 1 decimal, trailing ".0" trimmed; thousands grouped when `grouped`. */
export function formatBeds(value: number | null, grouped = false): string {
  if (value === null) return NULL_DISPLAY;
  let text = toFixedNoNegZero(value, 1);
  if (text.endsWith('.0')) text = text.slice(0, -2);
  return grouped ? groupThousands(text) : text;
}

/** Any count in its own unit (a norm's value or gap): rounded as formatBeds rounds beds. */
export function formatQuantity(value: number | null): string {
  return formatBeds(value);
}

/** A coverage ratio as a whole percentage: 0.8183 → "82%". */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? NULL_DISPLAY : `${toFixedNoNegZero(ratio * 100, 0)}%`;
}

/** A norm's value per 100k: rounded to 3 decimals, trailing zeros trimmed ("28.1", "0.667", "10"). */
export function formatNormValue(value: number): string {
  return String(Number(toFixedNoNegZero(value, 3)));
}

/** A norm's range per 100k: "28.1–41.7"; one number when low = high (each end as formatNormValue). */
export function formatNormRange(low: number, high: number): string {
  return low === high ? formatNormValue(low) : `${formatNormValue(low)}–${formatNormValue(high)}`;
}

/** A gap in the norm's own unit: "26.6 supported-living places short"; "< 0.1" when it rounds to 0. */
export function formatGap(gap: number, unitLabel: string): string {
  const text = formatQuantity(gap);
  return `${gap > 0 && text === '0' ? '< 0.1' : text} ${unitLabel} short`;
}

/** A change in beds or bed-equivalents: as formatBeds, with "+" when it is above zero. */
export function formatChange(value: number | null, grouped = false): string {
  const text = formatBeds(value, grouped);
  return value !== null && value > 0 && text !== '0' ? `+${text}` : text;
}

/** A share as a percentage with 1 decimal: 0.1234 → "12.3%" ("% lost", core/share-lost.ts). */
export function formatShare(ratio: number | null): string {
  return ratio === null ? NULL_DISPLAY : `${toFixedNoNegZero(ratio * 100, 1)}%`;
}

/** Population (or any count): no decimals; grouped with commas when `grouped`. */
export function formatPopulation(value: number | null, grouped = false): string {
  if (value === null) return NULL_DISPLAY;
  const text = toFixedNoNegZero(value, 0);
  return grouped ? text.replace(/\B(?=(\d{3})+$)/g, ',') : text;
}

/** "260 → 200"; both unknown (an events beds file): "–"; "1,260 → 1,200" when `grouped`. */
export function formatBedsRange(from: number | null, to: number | null, grouped = false): string {
  if (from === null && to === null) return NULL_DISPLAY;
  return `${formatBeds(from, grouped)} → ${formatBeds(to, grouped)}`;
}

/** Short flag codes for narrow columns, with what each flag means (SPEC §3). */
export const FLAG_DISPLAY: Record<Flag, { short: string; meaning: string }> = {
  carried_forward: { short: 'CF', meaning: 'a value carried forward from an earlier year entered a metric' },
  service_started_later: { short: 'SL', meaning: 'a service series counted 0 at the baseline year' },
  interpolated: { short: 'IP', meaning: 'a value interpolated between two known years entered a metric, under --fill linear' },
  no_community_data: { short: 'NC', meaning: 'no row in services.csv: community capacity counted as 0 on the user’s word (--missing-community zero)' },
  partial_community: { short: 'PC', meaning: 'no row for a service category that other regions report' },
};
