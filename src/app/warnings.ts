// Warnings of runs that analyse more than once (compare, batch): each distinct warning once.
import { distinctWarnings } from '../core/distinct-texts.js';
import type { Warning } from '../core/issues.js';

export { distinctWarnings, distinctWarningsMadeAgain } from '../core/distinct-texts.js';
export { warningParts, type WarningParts } from '../core/lazy-warnings.js';

/** Each warning whose text differs from every earlier one's, in order. */
export function uniqueWarnings(warnings: readonly Warning[]): Warning[] {
  return Array.from(distinctWarnings(warnings), (d) => d.warning);
}
