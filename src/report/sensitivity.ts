// `servicegap report --sensitivity N` in every format. JSON and CSV carry unrounded numbers;
// the table and Markdown round per-100k values to 1 decimal and show a region's rank as
// "rank 3 (2–6)": the median rank over the draws, and its 5th–95th percentile range.
import { closingBlocks, type MarkdownBlock, markdownText, markdownTexts } from './markdown.js';
import { lineText, lineTexts, textPieces } from './byte-pieces.js';
import { schemaJson, schemaJsonPieces } from './json-pieces.js';
import { noticeLines } from './table.js';
import { provenanceLine } from '../core/run-provenance.js';
import { severity } from '../core/severity.js';
import {
  type SensitivityRegion,
  SensitivityRegionSchema,
  type SensitivityReport,
  SensitivityReportSchema,
} from '../core/sensitivity-schema.js';
import { formatPer100k, formatPopulation } from './number-format.js';
import {
  chalkFor,
  csvRows,
  formatShare,
  markdownTable,
  regionLabel,
  type ResearchContext,
  type ResearchRenderer,
  terminalTable,
  uniqueNotices,
} from './research-formats.js';
import { escapeMarkdown, terminalText } from './safe-cell.js';
import { appendAll } from '../core/append-all.js';

/** CSV columns: the report's region columns, then the sensitivity columns, from the schema. */
export const SENSITIVITY_CSV_COLUMNS = Object.keys(SensitivityRegionSchema.shape) as (keyof SensitivityRegion)[];

/** "rank 3 (2–6)": median rank, 5th–95th percentile. */
export function formatRankRange(r: Pick<SensitivityRegion, 'rank_p5' | 'rank_p50' | 'rank_p95'>): string {
  return `rank ${r.rank_p50} (${r.rank_p5}–${r.rank_p95})`;
}

/** "5.7 (3.1–9.8)": median vacuum per 100k, 5th–95th percentile. */
export function formatVacuumRange(r: Pick<SensitivityRegion, 'vacuum_per_100k_p5' | 'vacuum_per_100k_p50' | 'vacuum_per_100k_p95'>): string {
  return `${formatPer100k(r.vacuum_per_100k_p50)} (${formatPer100k(r.vacuum_per_100k_p5)}–${formatPer100k(r.vacuum_per_100k_p95)})`;
}

/** "1,000 draws (seed 1) of 8 weights, each uniform in its low–high range; percentiles by nearest rank." */
function settingsLine(report: SensitivityReport): string {
  const s = report.sensitivity;
  const n = s.varied_weights.length;
  const how = s.correlation === 'category' ? 'each uniform in its low–high range, one number per category shared by its weights' : 'each uniform in its low–high range';
  return (
    `${formatPopulation(s.draws, true)} draws (seed ${s.seed}) of ${n} weight${n === 1 ? '' : 's'}, ${how}; ` +
    `percentiles by nearest rank; ranks by ${report.sort}.`
  );
}

function variedLine(report: SensitivityReport): string {
  const varied = report.sensitivity.varied_weights;
  if (varied.length === 0) return 'No weight has a range (low = high everywhere): every draw is the same.';
  return `Drawn: ${varied.map((w) => `${w.category}/${w.unit} ${w.low}–${w.high}`).join(', ')}.`;
}

/** The arrays of a sensitivity report written item by item (json-pieces.ts), as a report's are. */
const STREAMED = ['regions', 'excluded', 'warnings'] as const;

export const renderSensitivityJson: ResearchRenderer<SensitivityReport> = (report) => schemaJson(SensitivityReportSchema, report, STREAMED);

/** `renderSensitivityJson`'s text in pieces, made as they are written. */
export const renderSensitivityJsonPieces = (report: SensitivityReport): Iterable<Uint8Array> => schemaJsonPieces(SensitivityReportSchema, report, STREAMED);

export const renderSensitivityCsv: ResearchRenderer<SensitivityReport> = (report) => csvRows(SENSITIVITY_CSV_COLUMNS, report.regions);

const head = (top: number) => ['#', 'Region', 'Name', 'per 100k', 'per 100k p50 (p5–p95)', 'Rank p50 (p5–p95)', `Top ${top}`];
/** "share of draws ranked 10th or better" */
const topMeaning = (top: number) => `share of draws in which the region ranked ${ordinal(top)} or better`;
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
const ALIGN = ['right', 'left', 'left', 'right', 'right', 'right', 'right'] as const;

/** The sensitivity table's lines, its notices one by one (report/table.ts tableLines). */
function* sensitivityTableLines(report: SensitivityReport, context: ResearchContext): Generator<string> {
  const chalk = chalkFor(context);
  const colour = (v: number) => {
    const text = formatPer100k(v);
    const band = severity(v);
    return { styled: band === 'none' ? chalk.green(text) : band === 'moderate' ? chalk.yellow(text) : chalk.red(text) };
  };
  const rows = report.regions.map((r) => [
    String(r.rank),
    r.region,
    r.name,
    colour(r.vacuum_per_100k),
    formatVacuumRange(r),
    formatRankRange(r),
    formatShare(r.top_share),
  ]);
  const top = report.sensitivity.top;
  const lines = [terminalTable(chalk, head(top), ALIGN, rows)];
  lines.push(`Sensitivity of the service vacuum ${report.from}–${report.to} to the weights: ${settingsLine(report)}`);
  lines.push(terminalText(variedLine(report)));
  lines.push(`Columns # and per 100k: every weight at its value. Top ${top}: ${topMeaning(top)}.`);
  if (report.excluded.length > 0) {
    lines.push('Excluded (not ranked):');
    for (const e of report.excluded) lines.push(`  ${terminalText(e.region)}: ${terminalText(e.reason)}`);
  }
  yield* lines;
  yield* noticeLines(report.warnings);
  for (const notice of uniqueNotices(context)) yield chalk.italic(terminalText(notice));
  yield terminalText(provenanceLine(report.provenance));
}

export const renderSensitivityTable: ResearchRenderer<SensitivityReport> = (report, context) => lineText(sensitivityTableLines(report, context));

/** `renderSensitivityTable`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderSensitivityTablePieces = (report: SensitivityReport, context: ResearchContext): Iterable<Uint8Array> =>
  textPieces(lineTexts(sensitivityTableLines(report, context)));

/** The sensitivity report's Markdown blocks (its notices a list made as it is read: markdown.ts closingBlocks). */
function sensitivityMarkdownBlocks(report: SensitivityReport, context: ResearchContext): MarkdownBlock[] {
  const top = report.sensitivity.top;
  const blocks: MarkdownBlock[] = [`# Service vacuum ${report.from}–${report.to}: sensitivity to the weights`];
  blocks.push(escapeMarkdown(settingsLine(report)));
  blocks.push(
    markdownTable(
      ['Rank', 'Region', 'Vacuum per 100k', 'Per 100k p50 (p5–p95)', 'Rank p50 (p5–p95)', `Top ${top} share`],
      ['right', 'left', 'right', 'right', 'right', 'right'],
      report.regions.map((r) => [
        String(r.rank),
        escapeMarkdown(regionLabel(r.region, r.name)),
        formatPer100k(r.vacuum_per_100k),
        formatVacuumRange(r),
        formatRankRange(r),
        formatShare(r.top_share),
      ]),
    ),
  );
  blocks.push(
    escapeMarkdown(
      `Rank and vacuum per 100k: every weight at its value. ${variedLine(report)} ` +
        `Top ${top} share: ${topMeaning(top)}.`,
    ),
  );
  appendAll(blocks, closingBlocks(report, context.notices ?? []));
  return blocks;
}

export const renderSensitivityMarkdown: ResearchRenderer<SensitivityReport> = (report, context) => markdownText(sensitivityMarkdownBlocks(report, context));

/** `renderSensitivityMarkdown`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderSensitivityMarkdownPieces = (report: SensitivityReport, context: ResearchContext): Iterable<Uint8Array> =>
  textPieces(markdownTexts(sensitivityMarkdownBlocks(report, context)));
