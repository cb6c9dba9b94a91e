// Warnings of runs that analyse more than once (compare, batch): each distinct warning once.
import { DistinctTexts } from '../core/distinct-texts.js';
import { formatWarning, type Warning } from '../core/issues.js';

export { DistinctTexts } from '../core/distinct-texts.js';

/** Each warning whose text differs from every earlier one's, in order. */
export function uniqueWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new DistinctTexts((i) => formatWarning(warnings[i]!));
  return warnings.filter((w, i) => seen.firstTime(formatWarning(w), i));
}
