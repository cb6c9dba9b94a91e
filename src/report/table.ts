// The terminal table (cli-table3): rounded numbers (number-format.ts), the per-100k vacuum
// coloured by severity (core/severity.ts), then a flag legend, the categories regions do not
// report, a summary, the --top note, excluded regions, plausibility notices, the dataset's notice
// and one line on the method (config, weights not at their default; SPEC §8). Colour comes only from context.color: this file never
// reads the environment or the stream, and uses its own Chalk instance, never the global one.
// cli-table3's own styling (which asks @colors/colors, and so the environment) is switched off;
// the header is made bold here instead.
import { Chalk, type ChalkInstance } from 'chalk';
import { severity } from '../core/severity.js';
import type { Provenance } from '../core/dataset.js';
import { formatWarning, type Warning } from '../core/issues.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import type { ExcludedRegion, Flag, RankedRegion, Report, ReportRegion } from '../core/report-schema.js';
import { provenanceLine } from '../core/run-provenance.js';
import { FLAG_CODES, type SortMetric } from '../core/report-schema.js';
import { shareLost } from '../core/share-lost.js';
import { formatRankInterval, formatVacuumInterval, intervalSentence, ratesSentence } from './interval-text.js';
import {
  FLAG_DISPLAY,
  formatBeds,
  formatBedsRange,
  formatChange,
  formatPer100k,
  formatPercent,
  formatPopulation,
  formatRatio,
  formatShare,
} from './number-format.js';
import type { RenderContext, Renderer } from './render-context.js';
import { terminalText } from './safe-cell.js';
import { tableText } from './table-text.js';
import { lineText, lineTexts, textPieces } from './byte-pieces.js';

// "% lost": the vacuum as a share of the baseline capacity (core/share-lost.ts). "Cov.": the
// coverage index against the planning norms at T (SPEC §7), as a percentage.
const HEAD = ['#', 'Region', 'Name', 'Pop.', 'Beds B→T', 'Δ beds', 'Δ community', 'Vacuum', 'per 100k', '% lost', 'Repl.', 'Cov.', 'Flags'];
const ALIGN = ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'] as const;

/** The sort metrics the columns above show; any other --sort gets a column of its own, before the flags. */
const SHOWN_METRICS: ReadonlySet<SortMetric> = new Set<SortMetric>([
  'population',
  'beds_from',
  'beds_to',
  'bed_change',
  'community_change_be',
  'vacuum_be',
  'vacuum_per_100k',
  'replacement_ratio',
  'coverage_index',
]);

/** The head and the cell of a sort metric's own column. */
const SORT_COLUMNS: Readonly<Record<SortMetric, { head: string; cell: (r: RankedRegion) => string }>> = {
  vacuum_per_100k: { head: 'per 100k', cell: (r) => formatPer100k(r.vacuum_per_100k) },
  vacuum_be: { head: 'Vacuum', cell: (r) => formatBeds(r.vacuum_be, true) },
  population: { head: 'Pop.', cell: (r) => formatPopulation(r.population, true) },
  beds_from: { head: 'Beds B', cell: (r) => formatBeds(r.beds_from, true) },
  beds_to: { head: 'Beds T', cell: (r) => formatBeds(r.beds_to, true) },
  bed_change: { head: 'Δ beds', cell: (r) => formatChange(r.bed_change, true) },
  beds_closed: { head: 'Beds closed', cell: (r) => formatBeds(r.beds_closed, true) },
  community_from_be: { head: 'Community B', cell: (r) => formatBeds(r.community_from_be, true) },
  community_to_be: { head: 'Community T', cell: (r) => formatBeds(r.community_to_be, true) },
  community_change_be: { head: 'Δ community', cell: (r) => formatChange(r.community_change_be, true) },
  net_change_be: { head: 'Net change', cell: (r) => formatChange(r.net_change_be, true) },
  replacement_ratio: { head: 'Repl.', cell: (r) => formatRatio(r.replacement_ratio) },
  capacity_per_100k_from: { head: 'Cap./100k B', cell: (r) => formatPer100k(r.capacity_per_100k_from) },
  capacity_per_100k_to: { head: 'Cap./100k T', cell: (r) => formatPer100k(r.capacity_per_100k_to) },
  rate_drop_per_100k: { head: 'Rate drop/100k', cell: (r) => formatPer100k(r.rate_drop_per_100k) },
  coverage_index: { head: 'Cov.', cell: (r) => formatPercent(r.coverage_index) },
};

export function per100kCell(value: number, chalk: ChalkInstance): string {
  const text = formatPer100k(value);
  switch (severity(value)) {
    case 'none':
      return chalk.green(text);
    case 'moderate':
      return chalk.yellow(text);
    case 'severe':
      return chalk.red(text);
  }
}

function rowCells(r: ReportRegion, chalk: ChalkInstance, interval: boolean, extra: SortMetric | undefined): string[] {
  const cells = [
    String(r.rank),
    terminalText(r.region),
    terminalText(r.name),
    formatPopulation(r.population, true),
    formatBedsRange(r.beds_from, r.beds_to, true),
    formatChange(r.bed_change, true),
    formatChange(r.community_change_be, true),
    formatBeds(r.vacuum_be, true),
    per100kCell(r.vacuum_per_100k, chalk),
    formatShare(shareLost(r)),
    formatRatio(r.replacement_ratio),
    formatPercent(r.coverage_index),
  ];
  // The intervals (issue 16) stand beside the figures they qualify.
  if (interval) cells.splice(INTERVAL_AT, 0, formatVacuumInterval(r), formatRankInterval(r));
  if (extra !== undefined) cells.push(SORT_COLUMNS[extra].cell(r));
  cells.push(r.flags.map((f) => FLAG_DISPLAY[f].short).join(' '));
  return cells;
}

/** Where the interval columns go: after "per 100k", which they qualify. */
const INTERVAL_AT = HEAD.indexOf('per 100k') + 1;

/** The table's head: the interval columns (issue 16) after "per 100k", a sort metric's own column before the flags. */
function heads(interval: boolean, extra: SortMetric | undefined): { head: string[]; align: ('left' | 'right')[] } {
  const head = [...HEAD];
  const align: ('left' | 'right')[] = [...ALIGN];
  if (interval) {
    head.splice(INTERVAL_AT, 0, 'p5–p95', '# p5–p95');
    align.splice(INTERVAL_AT, 0, 'right', 'right');
  }
  if (extra !== undefined) {
    head.splice(head.length - 1, 0, SORT_COLUMNS[extra].head);
    align.splice(align.length - 1, 0, 'right');
  }
  return { head, align };
}

function summary(report: Report, context: RenderContext): string {
  const { ranked, withVacuum, totalVacuumBe } = context.summary;
  const period = `Service vacuum ${report.from}–${report.to}`;
  if (ranked === 0) return `${period}: no region could be ranked.`;
  const verb = withVacuum === 1 ? 'has' : 'have';
  return (
    `${period}: ${ranked} ${ranked === 1 ? 'region' : 'regions'} ranked; ${withVacuum} ${verb} a vacuum, ` +
    `${formatBeds(totalVacuumBe)} bed-equivalents in all (sorted by ${report.sort}).`
  );
}

/**
 * The terminal table's lines: the table and the lines under it, then the closing lines one by
 * one — a large run's notices are hundreds of thousands of lines, which the command line writes
 * as they are made instead of holding them and their joined text (issue 18).
 */
function* tableLines(report: Report, context: RenderContext): Generator<string> {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const interval = report.interval !== undefined;
  // The metric ranked by is always on screen (--sort rate_drop_per_100k gets its own column).
  const extra = SHOWN_METRICS.has(report.sort) ? undefined : report.sort;
  const { head, align } = heads(interval, extra);
  const table = tableText(
    { head: head.map((h) => chalk.bold(h)), colAligns: align, style: { head: [], border: [], compact: true } },
    report.regions.map((r) => rowCells(r, chalk, interval, extra)),
  );

  const lines = [table];
  const used = FLAG_CODES.filter((f: Flag) => report.regions.some((r) => r.flags.includes(f)));
  if (used.length > 0) {
    lines.push(`Flags: ${used.map((f) => `${FLAG_DISPLAY[f].short} = ${f} (${FLAG_DISPLAY[f].meaning})`).join('; ')}.`);
  }
  const partial = report.regions.filter((r) => r.categories_not_reported.length > 0);
  if (partial.length > 0) {
    lines.push('Categories not reported (PC; other regions report them, these count 0 there):');
    for (const r of partial) lines.push(`  ${terminalText(r.region)}: ${r.categories_not_reported.join(', ')}`);
  }
  lines.push(summary(report, context));
  if (report.interval !== undefined) lines.push(terminalText(intervalSentence(report.interval)));
  const rates = ratesSentence(report);
  if (rates !== undefined) lines.push(rates);
  if (report.weights !== undefined) lines.push(`Every weight at the ${report.weights} end of its range (--weights ${report.weights}).`);
  if (context.summary.ranked > report.regions.length) {
    lines.push(`Showing the top ${report.regions.length} of ${context.summary.ranked} ranked regions.`);
  }
  yield* lines;
  yield* closingLines(report, context.provenance, chalk);
}

export const renderTable: Renderer = (report, context) => lineText(tableLines(report, context));

/** `renderTable`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderTablePieces = (report: Report, context: RenderContext): Iterable<Uint8Array> => textPieces(lineTexts(tableLines(report, context)));

/**
 * The lines that end a terminal table: excluded regions, plausibility notices (the other
 * warnings go to standard error only), the dataset's notice and one line on the method.
 */
export function* closingLines(
  report: { readonly excluded: readonly ExcludedRegion[]; readonly warnings: readonly Warning[]; readonly provenance?: RunProvenance | undefined },
  dataset: Provenance | undefined,
  chalk: ChalkInstance,
): Generator<string> {
  if (report.excluded.length > 0) {
    yield 'Excluded (not ranked):';
    for (const e of report.excluded) yield `  ${terminalText(e.region)}: ${terminalText(e.reason)}`;
  }
  yield* noticeLines(report.warnings);
  const notice = dataset?.notice?.trim();
  if (notice) yield chalk.italic(terminalText(notice));
  if (report.provenance !== undefined) yield terminalText(provenanceLine(report.provenance));
}

/** The plausibility notices among `warnings` (SPEC §8), as terminal lines under a heading. */
export function* noticeLines(warnings: readonly Warning[], prefix = ''): Generator<string> {
  const plausibility = warnings.filter((w) => w.kind === 'plausibility');
  if (plausibility.length === 0) return;
  yield 'Plausibility notices (no number is changed):';
  for (const w of plausibility) yield `  ${prefix}${terminalText(formatWarning(w))}`;
}
