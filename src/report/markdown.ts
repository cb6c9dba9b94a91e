// Markdown (GitHub-flavoured): a heading, a one-line headline, the ranked table with numbers
// right-aligned and rounded (number-format.ts), the categories each region does not report, then
// excluded regions, warnings, plausibility notices, the --top note, the dataset's notice and
// "Method and sources" (SPEC §8). Every piece of text that comes from the data is escaped
// (safe-cell.ts).
import { formatWarning, type Warning } from '../core/issues.js';
import type { RunProvenance } from '../core/provenance-schema.js';
import type { RankedRegion, Report, ReportRegion } from '../core/report-schema.js';
import { formatRankInterval, formatVacuumInterval, intervalSentence, ratesSentence } from './interval-text.js';
import {
  formatBeds,
  formatBedsRange,
  formatChange,
  formatPer100k,
  formatPercent,
  formatPopulation,
  formatRatio,
} from './number-format.js';
import { methodMarkdown } from './method-sources.js';
import type { RenderContext, Renderer } from './render-context.js';
import { escapeMarkdown } from './safe-cell.js';
import { textPieces } from './byte-pieces.js';
import { appendAll } from '../core/append-all.js';

type Column = { head: string; align: 'left' | 'right'; cell: (r: ReportRegion) => string };

const COLUMNS: readonly Column[] = [
  { head: 'Rank', align: 'right', cell: (r) => String(r.rank) },
  { head: 'Region', align: 'left', cell: (r) => escapeMarkdown(regionLabel(r)) },
  { head: 'Population', align: 'right', cell: (r) => formatPopulation(r.population) },
  { head: 'Beds B→T', align: 'right', cell: (r) => formatBedsRange(r.beds_from, r.beds_to) },
  { head: 'Bed change', align: 'right', cell: (r) => formatChange(r.bed_change) },
  { head: 'Community change (bed-eq.)', align: 'right', cell: (r) => formatChange(r.community_change_be) },
  { head: 'Vacuum (bed-eq.)', align: 'right', cell: (r) => formatBeds(r.vacuum_be) },
  { head: 'Vacuum per 100k', align: 'right', cell: (r) => formatPer100k(r.vacuum_per_100k) },
  { head: 'Replacement', align: 'right', cell: (r) => formatRatio(r.replacement_ratio) },
  { head: 'Coverage index', align: 'right', cell: (r) => formatPercent(r.coverage_index) },
  // Flag codes are a fixed enum: shown whole as code spans, which render literally.
  { head: 'Flags', align: 'left', cell: (r) => r.flags.map((f) => `\`${f}\``).join(', ') },
];

/** The columns with the intervals (issue 16) after the vacuum per 100k, which they qualify. */
const INTERVAL_COLUMNS: readonly Column[] = COLUMNS.flatMap((c) =>
  c.head === 'Vacuum per 100k'
    ? [c, { head: 'Per 100k p5–p95', align: 'right' as const, cell: formatVacuumInterval }, { head: 'Rank p5–p95', align: 'right' as const, cell: formatRankInterval }]
    : [c],
);

/** "Møre og Romsdal (NO-15)"; the code alone when the name is empty or the code itself. */
export function regionLabel(r: Pick<RankedRegion, 'region' | 'name'>): string {
  return r.name.trim() === '' || r.name === r.region ? r.region : `${r.name} (${r.region})`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function headline(report: Report, context: RenderContext): string {
  const { ranked, withVacuum, totalVacuumBe } = context.summary;
  if (ranked === 0) return 'No region could be ranked.';
  const verb = withVacuum === 1 ? 'has' : 'have';
  return (
    `**${withVacuum} of ${ranked} ranked regions ${verb} a service vacuum**, ${formatBeds(totalVacuumBe)} bed-equivalents in all; ` +
    `sorted by \`${report.sort}\`, highest first.`
  );
}

/** The report's Markdown as blocks (the ranked table and the long lists made line by line as they are written). */
function reportBlocks(report: Report, context: RenderContext): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  blocks.push(`# Service vacuum ${report.from}–${report.to}`);
  blocks.push(headline(report, context));
  if (report.weights !== undefined) blocks.push(`Every weight at the ${report.weights} end of its range (\`--weights ${report.weights}\`).`);

  const columns = report.interval === undefined ? COLUMNS : INTERVAL_COLUMNS;
  blocks.push({
    lines: (function* () {
      yield row(columns.map((c) => c.head));
      yield row(columns.map((c) => (c.align === 'right' ? '---:' : '---')));
      for (const r of report.regions) yield row(columns.map((c) => c.cell(r)));
    })(),
  });
  if (report.interval !== undefined) blocks.push(escapeMarkdown(intervalSentence(report.interval)));
  const rates = ratesSentence(report);
  if (rates !== undefined) blocks.push(escapeMarkdown(rates));

  if (context.summary.ranked > report.regions.length) {
    blocks.push(`Showing the top ${report.regions.length} of ${context.summary.ranked} ranked regions.`);
  }
  appendAll(blocks, notReportedBlocks(report.regions));
  appendAll(blocks, closingBlocks(report, [context.provenance?.notice]));
  return blocks;
}

export const renderMarkdown: Renderer = (report, context) => markdownText(reportBlocks(report, context));

/** The report's Markdown as UTF-8 bytes in pieces, made as they are written (the command line's output). */
export function renderMarkdownPieces(report: Report, context: RenderContext): Iterable<Uint8Array> {
  return textPieces(markdownTexts(reportBlocks(report, context)));
}

/**
 * A block of a Markdown document: its text, or its lines, made one at a time as they are written
 * (a table of 5,000 regions, 94,000 notices: held whole and joined, a report's Markdown took the
 * run to 454 MB; issue 18).
 */
export type MarkdownBlock = string | { readonly lines: Iterable<string> };

/** A document's text, in order: its blocks separated by a blank line, a list's lines by line feeds, a line feed at the end. */
export function* markdownTexts(blocks: readonly MarkdownBlock[]): Generator<string> {
  let first = true;
  for (const block of blocks) {
    if (!first) yield '\n\n';
    first = false;
    if (typeof block === 'string') {
      yield block;
      continue;
    }
    let firstLine = true;
    for (const line of block.lines) {
      yield firstLine ? line : `\n${line}`;
      firstLine = false;
    }
  }
  yield '\n';
}

/** The whole text of markdownTexts. */
export function markdownText(blocks: readonly MarkdownBlock[]): string {
  return [...markdownTexts(blocks)].join('');
}

/** Each item's line, made as it is read. */
function* linesOf<T>(items: Iterable<T>, line: (item: T) => string): Generator<string> {
  for (const item of items) yield line(item);
}

/** SPEC §8: per region with flag partial_community, the categories it has no row for that other regions report. */
export function notReportedBlocks(regions: readonly Pick<RankedRegion, 'region' | 'name' | 'categories_not_reported'>[]): string[] {
  const partial = regions.filter((r) => r.categories_not_reported.length > 0);
  if (partial.length === 0) return [];
  return [
    '## Categories not reported',
    'Other regions report these service categories; these regions have no row for them, so they count 0 there (flag `partial_community`):',
    partial.map((r) => `- ${escapeMarkdown(regionLabel(r))}: ${r.categories_not_reported.map((c) => `\`${c}\``).join(', ')}`).join('\n'),
  ];
}

/**
 * The blocks that end a Markdown report: excluded regions, warnings, plausibility notices, each
 * notice (the dataset's, in italics), then "Method and sources" when the report has its
 * provenance. Every Markdown renderer ends this way.
 */
export function closingBlocks(
  report: {
    readonly excluded: readonly { region: string; reason: string }[];
    readonly warnings: readonly Warning[];
    readonly provenance?: RunProvenance | undefined;
  },
  notices: readonly (string | undefined)[],
): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  if (report.excluded.length > 0) {
    blocks.push('## Excluded');
    blocks.push({ lines: linesOf(report.excluded, (e) => `- ${escapeMarkdown(`${e.region}: ${e.reason}`)}`) });
  }
  const warnings = report.warnings.filter((w) => w.kind !== 'plausibility');
  const plausibility = report.warnings.filter((w) => w.kind === 'plausibility');
  if (warnings.length > 0) {
    blocks.push('## Warnings');
    blocks.push({ lines: linesOf(warnings, (w) => `- ${escapeMarkdown(formatWarning(w))}`) });
  }
  if (plausibility.length > 0) {
    blocks.push('## Plausibility notices');
    blocks.push('Numbers that are computed as specified but may not mean what they seem. They change no number.');
    blocks.push({ lines: linesOf(plausibility, (w) => `- ${escapeMarkdown(formatWarning(w))}`) });
  }
  for (const notice of new Set(notices.map((n) => n?.trim()).filter((n): n is string => Boolean(n)))) {
    blocks.push(`*${escapeMarkdown(notice)}*`);
  }
  if (report.provenance !== undefined) appendAll(blocks, methodMarkdown(report.provenance));
  return blocks;
}
