// The coverage terminal table (SPEC §7): one row per region, least covered first, the coverage
// index and one column per norm with its coverage as a percentage, coloured by band
// (core/coverage-band.ts): red under the norm's low end, green within its range, cyan above its
// high end. Below: each region's gaps in the norm's own unit, the norms with their ranges and
// sources, a summary, excluded regions and the dataset's notice. As table.ts: colour only from
// context.color through its own Chalk instance; cli-table3's styling off.
import { Chalk, type ChalkInstance } from 'chalk';
import { tableText } from '../table-text.js';
import { type CoverageBand, coverageBand } from '../../core/coverage-band.js';
import type { CoverageReport, NormCoverage, RankedCoverage } from '../../core/coverage-schema.js';
import { summarizeCoverage } from '../../core/coverage-summary.js';
import type { NormTable } from '../../core/norms.js';
import type { CoverageRenderContext, CoverageRenderer } from './context.js';
import { formatGap, formatNormRange, formatPercent, formatPopulation, NULL_DISPLAY } from '../number-format.js';
import { terminalText } from '../safe-cell.js';
import { closingLines } from '../table.js';
import { appendAll } from '../../core/append-all.js';
import { lineText, lineTexts, textPieces } from '../byte-pieces.js';

const BAND_COLOUR: Record<Exclude<CoverageBand, 'unknown'>, 'red' | 'green' | 'cyan'> = {
  under: 'red',
  within: 'green',
  above: 'cyan',
};

function coverageCell(n: NormCoverage | undefined, chalk: ChalkInstance): string {
  if (n === undefined) return NULL_DISPLAY;
  const band = coverageBand(n);
  const text = formatPercent(n.coverage);
  return band === 'unknown' ? text : chalk[BAND_COLOUR[band]](text);
}

/** "4.8 crisis teams short (crisis_teams 17%)" for every norm the region is under. */
function gapPhrases(region: RankedCoverage, norms: NormTable): string[] {
  return region.norms.flatMap((n) => {
    if (n.gap === null || !(n.gap > 0)) return [];
    const label = norms.find((x) => x.norm === n.norm)?.unitLabel ?? n.norm;
    return [`${formatGap(n.gap, label)} (${n.norm} ${formatPercent(n.coverage)})`];
  });
}

/** The coverage table's lines, its closing lines (the notices) one by one (report/table.ts tableLines). */
function* coverageTableLines(report: CoverageReport, context: CoverageRenderContext): Generator<string> {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const normNames = context.norms.map((n) => n.norm);
  const head = ['#', 'Region', 'Name', 'Pop.', 'Index', ...normNames];
  const table = tableText(
    {
      head: head.map((h) => chalk.bold(terminalText(h))),
      colAligns: ['right', 'left', 'left', 'right', 'right', ...normNames.map(() => 'right' as const)],
      style: { head: [], border: [], compact: true },
    },
    report.regions.map((r) => [
      String(r.rank),
      terminalText(r.region),
      terminalText(r.name),
      formatPopulation(r.population, true),
      formatPercent(r.coverage_index),
      ...normNames.map((name) => coverageCell(r.norms.find((n) => n.norm === name), chalk)),
    ]),
  );

  const lines = [table];
  const gaps = report.regions.flatMap((r) => {
    const phrases = gapPhrases(r, context.norms);
    return phrases.length === 0 ? [] : [`  ${terminalText(r.region)}: ${terminalText(phrases.join('; '))}`];
  });
  if (gaps.length > 0) appendAll(lines, [`Short of a norm's low end at ${report.to}:`, ...gaps]);

  lines.push('Norms (coverage = per 100k ÷ the low end; index = mean of coverage capped at 100%):');
  for (const n of context.norms) {
    lines.push(
      `  ${terminalText(n.norm)}: ${formatNormRange(n.low, n.high)} ${terminalText(n.unitLabel)} per 100k, ` +
        `counting ${terminalText(n.description)}; source: ${terminalText(n.source)}`,
    );
  }
  if (context.color) lines.push(`Colours: ${chalk.red('under the low end')}, ${chalk.green('within the range')}, ${chalk.cyan('above the high end')}.`);
  if (report.regions.some((r) => r.norms.some((n) => n.coverage === null))) {
    lines.push(
      `${NULL_DISPLAY} = unknown at ${report.to} (no bed stock for the region at or before it, or nothing in the data measures the norm), left out of the index.`,
    );
  }

  const { ranked, under } = summarizeCoverage(report);
  lines.push(
    ranked === 0
      ? `Coverage against norms at ${report.to}: no region could be ranked.`
      : `Coverage against norms at ${report.to}: ${ranked} ${ranked === 1 ? 'region' : 'regions'} ranked, least covered first; ` +
          `${under} ${under === 1 ? 'is' : 'are'} under the low end of at least one norm.`,
  );
  yield* lines;
  yield* closingLines(report, context.provenance, chalk);
}

export const renderCoverageTable: CoverageRenderer = (report, context) => lineText(coverageTableLines(report, context));

/** `renderCoverageTable`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderCoverageTablePieces = (report: CoverageReport, context: CoverageRenderContext): Iterable<Uint8Array> =>
  textPieces(lineTexts(coverageTableLines(report, context)));
