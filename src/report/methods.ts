// `servicegap methods` (issue 16): a methods paragraph, in Markdown, for the run it describes —
// what a paper's Methods section needs to let a reader repeat the figures: the data and period,
// the formulas of SPEC §3 in words, each weight in force for the services in the data with its
// range and source, the norms, how the intervals were drawn, and the version. Every fact comes
// from the run (report, weights, norms), none is written by hand here.
import type { NormTable } from '../core/norms.js';
import type { Report } from '../core/report-schema.js';
import type { WeightTable } from '../core/weights.js';
import { escapeMarkdown } from './safe-cell.js';

/** What the methods text describes besides the report: the weights, norms, inputs and what the data holds. */
export interface MethodsContext {
  readonly weights: WeightTable;
  readonly norms: NormTable;
  /** The (category, unit) pairs the data has service figures for, as `category/unit` keys: the weights listed. */
  readonly serviceKeys: ReadonlySet<string>;
  /** How the beds were given: stocks at B and T, or closure events. */
  readonly bedsShape: 'stock' | 'events' | 'none';
  /** The inputs as the user named them (a folder, or files), for the first sentence. */
  readonly inputs: string;
  /** The fill rule (SPEC §3: carry by default). */
  readonly fill: string;
}

const num = (x: number) => String(x);
const range = (low: number, high: number) => (low === high ? num(low) : `${num(low)}–${num(high)}`);

/** The methods paragraph and its lists, in Markdown. */
export function renderMethods(report: Report, context: MethodsContext): string {
  const { weights, norms } = context;
  const rates = report.scale === 'rates';
  const used = context.serviceKeys;
  const beds = context.bedsShape === 'events' ? 'closure events (beds closed, negative = opened) dated after B and up to T' : 'the institutional psychiatric beds at the end of B and of T';
  const p: string[] = [];
  p.push('## Methods', '');
  p.push(
    escapeMarkdown(
      `The service vacuum was computed with servicegap ${report.servicegap} from ${context.inputs}, ` +
        `for ${report.regions.length} ranked region${report.regions.length === 1 ? '' : 's'} (${report.excluded.length} not ranked for unknown inputs), ` +
        `between the baseline year B = ${report.from} and the target year T = ${report.to}.`,
    ) +
      ' ' +
      escapeMarkdown(
        `For each region, the change in institutional beds was taken from ${beds}. ` +
          'Community capacity was converted to bed-equivalents by multiplying each service series (the capacity of one service category in one unit) by its weight and summing over series, at B and at T; ' +
          `a year with no figure took the latest earlier figure (fill rule: ${context.fill}), and a service that began after B counted 0 at B. ` +
          'The net change is the bed change plus the change in community bed-equivalents; the vacuum is the part of the net change below zero (care capacity lost and not replaced), ' +
          (rates
            ? 'and, as the input was already per 100,000 residents (no population file), every figure is a rate per 100,000. '
            : 'and the vacuum per 100,000 is the vacuum divided by the population at T, times 100,000. ') +
          `Regions were ranked by ${report.sort}, highest first, ties by region code.`,
      ),
  );
  if (report.interval !== undefined) {
    const i = report.interval;
    p.push(
      '',
      escapeMarkdown(
        `Uncertainty from the weights was expressed as the 5th–95th percentile of each region's vacuum per 100,000 and of its rank over ${i.draws} draws (seed ${i.seed}, generator ${i.generator}) in which ` +
          (i.correlation === 'category'
            ? 'every weight with a range was drawn uniformly within it, one uniform number per service category shared by its weights; '
            : 'every weight with a range was drawn independently and uniformly within it; ') +
          'percentiles are nearest-rank. The reported figures themselves (the point estimates) use every weight at its stated value. ' +
          'Each draw is evaluated exactly (the same arithmetic as the point estimate), not approximated.',
      ),
    );
  }
  p.push('', '**Weights** (bed-equivalents per unit of capacity; services present in the data):', '');
  const rows = [...weights.values()].filter((w) => used.has(`${w.category}/${w.unit}`));
  for (const w of rows) {
    p.push(`- ${escapeMarkdown(`${w.category} / ${w.unit}: ${num(w.value)} (range ${range(w.low, w.high)}${w.origin === 'config' ? ', set in the config' : ''}). Source: ${w.source}.`)}`);
  }
  if (rows.length === 0) p.push('- (the data has no community services)');
  p.push('', '**Planning norms** (per 100,000 residents, for the coverage index at T):', '');
  for (const n of norms) p.push(`- ${escapeMarkdown(`${n.norm} (${n.description}, in ${n.unitLabel}): ${range(n.low, n.high)}. Source: ${n.source}.`)}`);
  p.push('', escapeMarkdown(`Software: servicegap ${report.servicegap} (cite with CITATION.cff). The JSON report of the same run (report --format json) carries the same settings as data.`), '');
  return `${p.join('\n')}\n`;
}
