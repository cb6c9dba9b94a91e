// Trend Markdown (GitHub-flavoured): a heading, a headline, one row per region with its
// sparkline, first year, peak and final value, then the vacuum per 100k year by year (one column
// per year), excluded regions and years, warnings and the dataset's notice. Numbers rounded as in
// the report (number-format.ts); text from the data escaped (safe-cell.ts).
import type { TrendRegion, TrendReport } from '../../core/trend-schema.js';
import { textPieces } from '../byte-pieces.js';
import { closingBlocks, type MarkdownBlock, markdownText, markdownTexts, regionLabel } from '../markdown.js';
import { formatPer100k, NULL_DISPLAY } from '../number-format.js';
import { escapeMarkdown } from '../safe-cell.js';
import { SPARK_BARS, SPARK_GAP, sparkScale, vacuumSparkline } from '../sparkline.js';
import type { TrendRenderContext, TrendRenderer } from './context.js';
import { regionFlags } from './flags.js';
import { appendAll } from '../../core/append-all.js';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const align = (aligns: readonly ('left' | 'right')[]) => row(aligns.map((a) => (a === 'right' ? '---:' : '---')));

function headline(report: TrendReport, context: TrendRenderContext): string {
  const { ranked, opened, open } = context.summary;
  if (ranked === 0) return 'No region could be ranked.';
  return (
    `**A vacuum opened in ${opened} of ${ranked} ranked regions; ${open} ${open === 1 ? 'is' : 'are'} still open in ${report.to}.** ` +
    `Each year compares with the baseline ${report.from}; ranked by \`${report.sort}\` in ${report.to}; missing years: \`--fill ${report.fill}\`.`
  );
}

function summaryRow(r: TrendRegion, report: TrendReport, max: number): string {
  const final = r.years.at(-1)!;
  return row([
    String(r.rank),
    escapeMarkdown(regionLabel(r)),
    `\`${vacuumSparkline(r, report.from, report.to, max)}\``,
    r.first_vacuum_year === null ? NULL_DISPLAY : String(r.first_vacuum_year),
    formatPer100k(r.peak_vacuum_per_100k),
    r.peak_year === null ? NULL_DISPLAY : String(r.peak_year),
    formatPer100k(final.vacuum_per_100k),
    r.open ? 'yes' : 'no',
    regionFlags(r).map((f) => `\`${f}\``).join(', '),
  ]);
}

/** The trend's Markdown as blocks (its two tables and the list of unknown years made line by line as they are written). */
function trendBlocks(report: TrendReport, context: TrendRenderContext): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  blocks.push(`# Service vacuum over time ${report.from}–${report.to}`);
  blocks.push(headline(report, context));

  const max = sparkScale(report);
  blocks.push({
    lines: (function* () {
      yield row(['Rank', 'Region', 'Vacuum per 100k', 'Opened', 'Peak per 100k', 'Peak year', `${report.to} per 100k`, 'Open', 'Flags']);
      yield align(['right', 'left', 'left', 'right', 'right', 'right', 'right', 'left', 'left']);
      for (const r of report.regions) yield summaryRow(r, report, max);
    })(),
  });
  blocks.push(
    `Sparkline: one character per year ${report.from}–${report.to}; ${SPARK_BARS[0]} no vacuum, ` +
      `${SPARK_BARS[1]}–${SPARK_BARS[7]} up to ${formatPer100k(max)} per 100k, ${SPARK_GAP} not known.`,
  );
  if (context.summary.ranked > report.regions.length) {
    blocks.push(`Showing the top ${report.regions.length} of ${context.summary.ranked} ranked regions.`);
  }

  const years: number[] = [];
  for (let y = report.from; y <= report.to; y++) years.push(y);
  blocks.push('## Vacuum per 100k by year');
  blocks.push({
    lines: (function* () {
      yield row(['Region', ...years.map(String)]);
      yield align(['left', ...years.map(() => 'right' as const)]);
      for (const r of report.regions) {
        const byYear = new Map(r.years.map((y) => [y.year, y.vacuum_per_100k]));
        yield row([escapeMarkdown(regionLabel(r)), ...years.map((y) => (byYear.has(y) ? formatPer100k(byYear.get(y)!) : NULL_DISPLAY))]);
      }
    })(),
  });

  const gaps = report.regions.filter((r) => r.excluded_years.length > 0);
  if (gaps.length > 0) {
    blocks.push('## Years not known');
    blocks.push(gaps.map((r) => `- ${escapeMarkdown(`${r.region}: ${r.excluded_years.map((g) => `${g.year} (${g.reason})`).join(', ')}`)}`).join('\n'));
  }
  appendAll(blocks, closingBlocks(report, [context.provenance?.notice]));
  return blocks;
}

export const renderTrendMarkdown: TrendRenderer = (report, context) => markdownText(trendBlocks(report, context));

/** The trend's Markdown as UTF-8 bytes in pieces, made as they are written (the command line's output). */
export function renderTrendMarkdownPieces(report: TrendReport, context: TrendRenderContext): Iterable<Uint8Array> {
  return textPieces(markdownTexts(trendBlocks(report, context)));
}
