// Warnings of runs that analyse more than once (compare, batch): each distinct warning once.
import { formatWarning, type Warning } from '../core/issues.js';

/** Each warning whose text differs from every earlier one's, in order. */
export function uniqueWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const line = formatWarning(w);
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}
