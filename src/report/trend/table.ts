// The trend's terminal table: one line per region with its vacuum per 100k as a sparkline from B
// to T (sparkline.ts), the year the vacuum first opened, its peak, the final value (coloured by
// severity, as the report's table) and whether it is still open; then the legends, a summary,
// excluded regions and years, and the dataset's notice. Colour only from context.color.
import { Chalk, type ChalkInstance } from 'chalk';
import { lineText, lineTexts, textPieces } from '../byte-pieces.js';
import { tableText } from '../table-text.js';
import { FLAG_CODES } from '../../core/report-schema.js';
import type { TrendRegion, TrendReport } from '../../core/trend-schema.js';
import { FLAG_DISPLAY, formatPer100k, NULL_DISPLAY } from '../number-format.js';
import { terminalText } from '../safe-cell.js';
import { closingLines, per100kCell } from '../table.js';
import { SPARK_BARS, SPARK_GAP, sparkScale, vacuumSparkline } from '../sparkline.js';
import type { TrendRenderContext, TrendRenderer } from './context.js';
import { regionFlags } from './flags.js';

function rowCells(r: TrendRegion, report: TrendReport, max: number, chalk: ChalkInstance): string[] {
  const final = r.years.at(-1)!;
  return [
    String(r.rank),
    terminalText(r.region),
    terminalText(r.name),
    vacuumSparkline(r, report.from, report.to, max),
    r.first_vacuum_year === null ? NULL_DISPLAY : String(r.first_vacuum_year),
    r.peak_year === null ? NULL_DISPLAY : `${formatPer100k(r.peak_vacuum_per_100k)} (${r.peak_year})`,
    per100kCell(final.vacuum_per_100k, chalk),
    r.open ? 'yes' : 'no',
    regionFlags(r).map((f) => FLAG_DISPLAY[f].short).join(' '),
  ];
}

function summary(report: TrendReport, context: TrendRenderContext): string {
  const { ranked, opened, open } = context.summary;
  const period = `Service vacuum over time ${report.from}–${report.to}`;
  if (ranked === 0) return `${period}: no region could be ranked.`;
  return (
    `${period}: ${ranked} ${ranked === 1 ? 'region' : 'regions'} ranked; a vacuum opened in ${opened}, ` +
    `${open} still open in ${report.to} (ranked by ${report.sort} in ${report.to}; missing years: --fill ${report.fill}).`
  );
}

/** The trend table's lines, its closing lines (the notices) one by one (report/table.ts tableLines). */
function* trendTableLines(report: TrendReport, context: TrendRenderContext): Generator<string> {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const head = ['#', 'Region', 'Name', `Vacuum per 100k ${report.from}–${report.to}`, 'Opened', 'Peak (year)', `In ${report.to}`, 'Open', 'Flags'];
  const max = sparkScale(report);
  const table = tableText(
    {
      head: head.map((h) => chalk.bold(h)),
      colAligns: ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'left', 'left'],
      style: { head: [], border: [], compact: true },
    },
    report.regions.map((r) => rowCells(r, report, max, chalk)),
  );

  const lines = [table];
  lines.push(
    `Sparkline: one character per year; ${SPARK_BARS[0]} no vacuum, ${SPARK_BARS[1]}–${SPARK_BARS[7]} up to ` +
      `${formatPer100k(max)} per 100k (the largest peak shown), ${SPARK_GAP} not known.`,
  );
  const used = FLAG_CODES.filter((f) => report.regions.some((r) => regionFlags(r).includes(f)));
  if (used.length > 0) {
    lines.push(`Flags (any year): ${used.map((f) => `${FLAG_DISPLAY[f].short} = ${f} (${FLAG_DISPLAY[f].meaning})`).join('; ')}.`);
  }
  lines.push(summary(report, context));
  if (context.summary.ranked > report.regions.length) {
    lines.push(`Showing the top ${report.regions.length} of ${context.summary.ranked} ranked regions.`);
  }
  const gaps = report.regions.filter((r) => r.excluded_years.length > 0);
  if (gaps.length > 0) {
    lines.push('Years not known (no metrics for that year):');
    for (const r of gaps) {
      lines.push(`  ${terminalText(r.region)}: ${r.excluded_years.map((g) => `${g.year} (${terminalText(g.reason)})`).join(', ')}`);
    }
  }
  yield* lines;
  yield* closingLines(report, context.provenance, chalk);
}

export const renderTrendTable: TrendRenderer = (report, context) => lineText(trendTableLines(report, context));

/** `renderTrendTable`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderTrendTablePieces = (report: TrendReport, context: TrendRenderContext): Iterable<Uint8Array> => textPieces(lineTexts(trendTableLines(report, context)));
