// Coverage in Markdown (GitHub-flavoured): a heading, a headline, the ranked table (coverage index
// and one column per norm, as percentages), then every region × norm with its value, per 100k,
// the norm's range, coverage and gap in the norm's own unit, the norms with their sources,
// excluded regions, warnings and the dataset's notice. Text from the data or the config is escaped.
import { textPieces } from '../byte-pieces.js';
import { closingBlocks, type MarkdownBlock, markdownText, markdownTexts } from '../markdown.js';
import type { CoverageReport } from '../../core/coverage-schema.js';
import { summarizeCoverage } from '../../core/coverage-summary.js';
import type { CoverageRenderContext, CoverageRenderer } from './context.js';
import {
  formatNormRange,
  formatPer100k,
  formatPercent,
  formatPopulation,
  formatQuantity,
  NULL_DISPLAY,
} from '../number-format.js';
import { escapeMarkdown } from '../safe-cell.js';
import { appendAll } from '../../core/append-all.js';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const align = (right: readonly boolean[]) => row(right.map((r) => (r ? '---:' : '---')));

function regionLabel(r: { region: string; name: string }): string {
  return escapeMarkdown(r.name.trim() === '' || r.name === r.region ? r.region : `${r.name} (${r.region})`);
}

function headline(report: CoverageReport): string {
  const { ranked, under } = summarizeCoverage(report);
  if (ranked === 0) return 'No region could be ranked.';
  const verb = under === 1 ? 'is' : 'are';
  return `**${under} of ${ranked} ranked regions ${verb} under the low end of at least one norm**; least covered first.`;
}

/** The coverage's Markdown as blocks (its two long tables made line by line as they are written). */
function coverageBlocks(report: CoverageReport, context: CoverageRenderContext): MarkdownBlock[] {
  const norms = context.norms;
  const blocks: MarkdownBlock[] = [`# Coverage against norms, ${report.to}`, headline(report)];

  blocks.push({
    lines: (function* () {
      yield row(['Rank', 'Region', 'Population', 'Coverage index', ...norms.map((n) => escapeMarkdown(n.norm))]);
      yield align([true, false, true, true, ...norms.map(() => true)]);
      for (const r of report.regions) {
        yield row([
          String(r.rank),
          regionLabel(r),
          formatPopulation(r.population),
          formatPercent(r.coverage_index),
          ...norms.map((n) => formatPercent(r.norms.find((x) => x.norm === n.norm)?.coverage ?? null)),
        ]);
      }
    })(),
  });

  blocks.push('## Per norm');
  blocks.push({
    lines: (function* () {
      yield row(['Region', 'Norm', 'Value', 'Per 100k', 'Norm per 100k', 'Coverage', 'Gap']);
      yield align([false, false, true, true, true, true, false]);
      for (const r of report.regions) {
        for (const n of r.norms) {
          const label = norms.find((x) => x.norm === n.norm)?.unitLabel ?? '';
          const gap = n.gap === null ? NULL_DISPLAY : n.gap > 0 ? escapeMarkdown(`${formatQuantity(n.gap)} ${label} short`) : 'none';
          yield row([
            escapeMarkdown(r.region),
            escapeMarkdown(n.norm),
            formatQuantity(n.value),
            formatPer100k(n.per_100k),
            formatNormRange(n.norm_low, n.norm_high),
            formatPercent(n.coverage),
            gap,
          ]);
        }
      }
    })(),
  });

  blocks.push('## Norms');
  blocks.push(
    'Per 100,000 population. Coverage = per 100k ÷ the low end; the index is the mean over norms with a known ' +
      'coverage of min(coverage, 100%). Norms are planning references, not entitlements.',
  );
  blocks.push(
    [
      row(['Norm', 'Measured as', 'Low–high per 100k', 'Unit', 'Source']),
      align([false, false, true, false, false]),
      ...norms.map((n) =>
        row([
          escapeMarkdown(n.norm),
          escapeMarkdown(n.description),
          formatNormRange(n.low, n.high),
          escapeMarkdown(n.unitLabel),
          escapeMarkdown(n.source),
        ]),
      ),
    ].join('\n'),
  );

  appendAll(blocks, closingBlocks(report, [context.provenance?.notice]));
  return blocks;
}

export const renderCoverageMarkdown: CoverageRenderer = (report, context) => markdownText(coverageBlocks(report, context));

/** The coverage's Markdown as UTF-8 bytes in pieces, made as they are written (the command line's output). */
export function renderCoverageMarkdownPieces(report: CoverageReport, context: CoverageRenderContext): Iterable<Uint8Array> {
  return textPieces(markdownTexts(coverageBlocks(report, context)));
}
