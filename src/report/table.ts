// The terminal table (cli-table3): rounded numbers (number-format.ts), the per-100k vacuum
// coloured by severity (core/severity.ts), then a flag legend, a summary, excluded regions, the
// --top note and the dataset's notice. Colour comes only from context.color: this file never
// reads the environment or the stream, and uses its own Chalk instance, never the global one.
// cli-table3's own styling (which asks @colors/colors, and so the environment) is switched off;
// the header is made bold here instead.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { severity } from '../core/severity.js';
import type { Provenance } from '../core/dataset.js';
import type { ExcludedRegion, Flag, Report, ReportRegion } from '../core/report-schema.js';
import { formatRankInterval, formatVacuumInterval, intervalSentence, ratesSentence } from './interval-text.js';
import { FLAG_CODES } from '../core/report-schema.js';
import {
  FLAG_DISPLAY,
  formatBeds,
  formatBedsRange,
  formatChange,
  formatPer100k,
  formatPercent,
  formatPopulation,
  formatRatio,
} from './number-format.js';
import type { RenderContext, Renderer } from './render-context.js';
import { terminalText } from './safe-cell.js';

// "Cov.": the coverage index against the planning norms at T (SPEC §7), as a percentage.
const HEAD = ['#', 'Region', 'Name', 'Pop.', 'Beds B→T', 'Δ beds', 'Δ community', 'Vacuum', 'per 100k', 'Repl.', 'Cov.', 'Flags'];
const ALIGN = ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'] as const;

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

function rowCells(r: ReportRegion, chalk: ChalkInstance, interval: boolean): string[] {
  const cells = [
    String(r.rank),
    terminalText(r.region),
    terminalText(r.name),
    formatPopulation(r.population, true),
    formatBedsRange(r.beds_from, r.beds_to),
    formatChange(r.bed_change),
    formatChange(r.community_change_be),
    formatBeds(r.vacuum_be),
    per100kCell(r.vacuum_per_100k, chalk),
    formatRatio(r.replacement_ratio),
    formatPercent(r.coverage_index),
    r.flags.map((f) => FLAG_DISPLAY[f].short).join(' '),
  ];
  // The intervals (issue 16) stand beside the figures they qualify.
  if (interval) cells.splice(INTERVAL_AT, 0, formatVacuumInterval(r), formatRankInterval(r));
  return cells;
}

/** Where the interval columns go: after "per 100k", which they qualify. */
const INTERVAL_AT = HEAD.indexOf('per 100k') + 1;

function heads(interval: boolean): { head: string[]; align: ('left' | 'right')[] } {
  const head = [...HEAD];
  const align: ('left' | 'right')[] = [...ALIGN];
  if (interval) {
    head.splice(INTERVAL_AT, 0, 'p5–p95', '# p5–p95');
    align.splice(INTERVAL_AT, 0, 'right', 'right');
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

export const renderTable: Renderer = (report, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const interval = report.interval !== undefined;
  const { head, align } = heads(interval);
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    colAligns: align,
    style: { head: [], border: [], compact: true },
  });
  for (const r of report.regions) table.push(rowCells(r, chalk, interval));

  const lines = [table.toString()];
  const used = FLAG_CODES.filter((f: Flag) => report.regions.some((r) => r.flags.includes(f)));
  if (used.length > 0) {
    lines.push(`Flags: ${used.map((f) => `${FLAG_DISPLAY[f].short} = ${f} (${FLAG_DISPLAY[f].meaning})`).join('; ')}.`);
  }
  lines.push(summary(report, context));
  if (report.interval !== undefined) lines.push(terminalText(intervalSentence(report.interval)));
  const rates = ratesSentence(report);
  if (rates !== undefined) lines.push(rates);
  if (report.weights !== undefined) lines.push(`Every weight at the ${report.weights} end of its range (--weights ${report.weights}).`);
  if (context.summary.ranked > report.regions.length) {
    lines.push(`Showing the top ${report.regions.length} of ${context.summary.ranked} ranked regions.`);
  }
  lines.push(...closingLines(report.excluded, context.provenance, chalk));
  return `${lines.join('\n')}\n`;
};

/** The lines that end a terminal table: excluded regions and the dataset's notice. */
export function closingLines(excluded: readonly ExcludedRegion[], provenance: Provenance | undefined, chalk: ChalkInstance): string[] {
  const lines: string[] = [];
  if (excluded.length > 0) {
    lines.push('Excluded (not ranked):');
    for (const e of excluded) lines.push(`  ${terminalText(e.region)}: ${terminalText(e.reason)}`);
  }
  const notice = provenance?.notice?.trim();
  if (notice) lines.push(chalk.italic(terminalText(notice)));
  return lines;
}
