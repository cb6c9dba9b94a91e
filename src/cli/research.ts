// What the research commands (report --sensitivity, compare, batch) share: choosing a format,
// the notices of the datasets used (warnings are printed by github.ts's printWarnings).
import { formatFromPath } from '../report/format-from-path.js';
import { isResearchFormat, RESEARCH_FORMATS, type ResearchFormat } from '../report/research-format-names.js';
import { usageError } from './exit-codes.js';

/** --format, else the --out extension, else the table; only the formats research outputs have. */
export function pickResearchFormat(format: string | undefined, out: string | undefined, what: string): ResearchFormat {
  const chosen = format ?? (out === undefined || out === '-' ? 'table' : formatFromPath(out));
  if (chosen === undefined) {
    throw usageError(`--out ${out}: cannot tell the format from the extension; give --format (${RESEARCH_FORMATS.join(', ')})`);
  }
  if (!isResearchFormat(chosen)) throw usageError(`${what} comes as ${RESEARCH_FORMATS.join(', ')}, not ${chosen}`);
  return chosen;
}
