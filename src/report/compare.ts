// `servicegap compare A B` in every format. JSON and CSV carry every metric in A, in B and its
// change (unrounded); the table and Markdown show the rank, the vacuum per 100k and the vacuum
// in bed-equivalents (and the sort metric, when it is another), then who entered and left the
// top N.
import {
  type ComparedRegion,
  ComparedRegionSchema,
  type CompareSide,
  type Comparison,
  ComparisonSchema,
} from '../core/compare-schema.js';
import { formatWarning } from '../core/issues.js';
import type { SortMetric } from '../core/report-schema.js';
import { formatBeds, formatChange, formatPer100k, formatRatio } from './number-format.js';
import {
  type Align,
  chalkFor,
  csvRows,
  formatSignedInt,
  markdownTable,
  regionLabel,
  type ResearchContext,
  type ResearchRenderer,
  terminalTable,
  uniqueNotices,
} from './research-formats.js';
import { schemaJson, schemaJsonPieces } from './json-pieces.js';
import { lineText, lineTexts, textPieces } from './byte-pieces.js';
import { type MarkdownBlock, markdownText, markdownTexts } from './markdown.js';
import { escapeMarkdown, terminalText } from './safe-cell.js';
import { methodMarkdown } from './method-sources.js';
import { provenanceLine } from '../core/run-provenance.js';
import { appendAll } from '../core/append-all.js';

/** CSV columns, from the schema: region, name, presence, ranks, then A, B and Δ of every metric. */
export const COMPARE_CSV_COLUMNS = Object.keys(ComparedRegionSchema.shape) as (keyof ComparedRegion)[];

/** The arrays of a comparison written item by item (json-pieces.ts): both sides' warnings are
 * 188,000 notices at 5,000 regions, which the whole text held twice over (issue 18). */
const STREAMED = ['regions', 'excluded', 'warnings'] as const;

export const renderCompareJson: ResearchRenderer<Comparison> = (c) => schemaJson(ComparisonSchema, c, STREAMED);

/** `renderCompareJson`'s text in pieces, made as they are written. */
export const renderCompareJsonPieces = (c: Comparison): Iterable<Uint8Array> => schemaJsonPieces(ComparisonSchema, c, STREAMED);

export const renderCompareCsv: ResearchRenderer<Comparison> = (c) => csvRows(COMPARE_CSV_COLUMNS, c.regions);

/** How a metric is rounded for people (number-format.ts rules). */
function formatMetric(metric: SortMetric, value: number | null): string {
  if (metric.includes('per_100k')) return formatPer100k(value);
  if (metric === 'replacement_ratio') return formatRatio(value);
  return formatBeds(value);
}

function formatMetricChange(metric: SortMetric, value: number | null): string {
  if (metric.includes('per_100k') || metric === 'replacement_ratio') {
    const text = formatMetric(metric, value);
    return value !== null && value > 0 && Number(text) !== 0 ? `+${text}` : text;
  }
  return formatChange(value);
}

const arrow = (a: string, b: string) => `${a} → ${b}`;
const rankText = (rank: number | null) => (rank === null ? '–' : String(rank));

interface Column {
  readonly head: string;
  readonly align: Align;
  readonly cell: (r: ComparedRegion) => string;
}

function columns(c: Comparison): Column[] {
  const metrics: SortMetric[] = ['vacuum_per_100k', 'vacuum_be'];
  if (!metrics.includes(c.sort)) metrics.push(c.sort);
  const label: Partial<Record<SortMetric, string>> = { vacuum_per_100k: 'Vacuum per 100k', vacuum_be: 'Vacuum (bed-eq.)' };
  return [
    { head: 'Rank A → B', align: 'right', cell: (r) => arrow(rankText(r.rank_a), rankText(r.rank_b)) },
    { head: 'Δ rank', align: 'right', cell: (r) => formatSignedInt(r.rank_change) },
    ...metrics.flatMap((m): Column[] => [
      { head: `${label[m] ?? m} A → B`, align: 'right', cell: (r) => arrow(formatMetric(m, r[`${m}_a`]), formatMetric(m, r[`${m}_b`])) },
      { head: 'Δ', align: 'right', cell: (r) => formatMetricChange(m, r[`${m}_delta`]) },
    ]),
  ];
}

function sideLine(name: 'A' | 'B', side: CompareSide): string {
  const what = { data: 'data folder', config: 'config file', years: 'period', same: 'the common inputs' }[side.kind];
  return `${name}: ${side.label} (${what}), ${side.from}–${side.to}`;
}

function topLines(c: Comparison): string[] {
  const list = (codes: readonly string[]) => (codes.length === 0 ? 'none' : codes.join(', '));
  return [`Entered the top ${c.top}: ${list(c.entered_top)}.`, `Left the top ${c.top}: ${list(c.left_top)}.`];
}

/** Whether regions share a value of the sort metric on either side: their order is by code. */
function hasTies(c: Comparison): boolean {
  return (['a', 'b'] as const).some((side) => {
    const values = c.regions.map((r) => r[`${c.sort}_${side}`]).filter((v): v is number => v !== null);
    return new Set(values).size < values.length;
  });
}

const TIE_NOTE = 'Regions with equal values (e.g. no vacuum) are ranked by code (SPEC §3): their rank changes say nothing.';

const presenceNote = (r: ComparedRegion) => (r.present === 'a_only' ? ' [A only]' : r.present === 'b_only' ? ' [B only]' : '');

/** The comparison table's lines: both sides' notices (188,000 at 5,000 regions) one by one. */
function* compareTableLines(c: Comparison, context: ResearchContext): Generator<string> {
  const chalk = chalkFor(context);
  const cols = columns(c);
  const rows = c.regions.map((r) => [r.region, `${r.name}${presenceNote(r)}`, ...cols.map((col) => col.cell(r))]);
  const lines = [
    terminalText(sideLine('A', c.a)),
    terminalText(sideLine('B', c.b)),
    terminalTable(chalk, ['Region', 'Name', ...cols.map((col) => col.head)], ['left', 'left', ...cols.map((col) => col.align)], rows),
    `Changes are B − A; ranks by ${c.sort} (a negative Δ rank is a move towards rank 1).`,
    ...(hasTies(c) ? [TIE_NOTE] : []),
    ...topLines(c).map(terminalText),
  ];
  if (c.excluded.length > 0) {
    lines.push('Excluded (not ranked):');
    for (const e of c.excluded) lines.push(`  ${e.side.toUpperCase()} ${terminalText(e.region)}: ${terminalText(e.reason)}`);
  }
  yield* lines;
  if (c.warnings.some((w) => w.kind === 'plausibility')) {
    yield 'Plausibility notices (no number is changed):';
    for (const w of c.warnings) if (w.kind === 'plausibility') yield `  ${w.side === 'both' ? 'A, B' : w.side.toUpperCase()}: ${terminalText(formatWarning(w))}`;
  }
  for (const notice of uniqueNotices(context)) yield chalk.italic(terminalText(notice));
  yield terminalText(`A: ${provenanceLine(c.provenance.a)}`);
  yield terminalText(`B: ${provenanceLine(c.provenance.b)}`);
}

export const renderCompareTable: ResearchRenderer<Comparison> = (c, context) => lineText(compareTableLines(c, context));

/** `renderCompareTable`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderCompareTablePieces = (c: Comparison, context: ResearchContext): Iterable<Uint8Array> => textPieces(lineTexts(compareTableLines(c, context)));

/** The comparison's Markdown blocks, its warnings a list made as it is read. */
function compareMarkdownBlocks(c: Comparison, context: ResearchContext): MarkdownBlock[] {
  const cols = columns(c);
  const blocks: MarkdownBlock[] = [
    `# Service vacuum: ${escapeMarkdown(c.b.label)} against ${escapeMarkdown(c.a.label)}`,
    [sideLine('A', c.a), sideLine('B', c.b)].map((l) => `- ${escapeMarkdown(l)}`).join('\n'),
    markdownTable(
      ['Region', ...cols.map((col) => col.head)],
      ['left', ...cols.map((col) => col.align)],
      c.regions.map((r) => [escapeMarkdown(regionLabel(r.region, r.name) + presenceNote(r)), ...cols.map((col) => col.cell(r))]),
    ),
    `Changes are B − A; ranks by \`${c.sort}\` (a negative Δ rank is a move towards rank 1).${hasTies(c) ? ` ${escapeMarkdown(TIE_NOTE)}` : ''}`,
    topLines(c).map((l) => `- ${escapeMarkdown(l)}`).join('\n'),
  ];
  if (c.excluded.length > 0) {
    blocks.push('## Excluded');
    blocks.push(c.excluded.map((e) => `- ${escapeMarkdown(`${e.side.toUpperCase()} ${e.region}: ${e.reason}`)}`).join('\n'));
  }
  if (c.warnings.length > 0) {
    blocks.push('## Warnings');
    blocks.push({ lines: (function* () { for (const w of c.warnings) yield `- ${escapeMarkdown(`${w.side === 'both' ? 'A, B' : w.side.toUpperCase()}: ${formatWarning(w)}`)}`; })() });
  }
  for (const notice of uniqueNotices(context)) blocks.push(`*${escapeMarkdown(notice)}*`);
  appendAll(blocks, [...methodMarkdown(c.provenance.a, '## Method and sources: A'), ...methodMarkdown(c.provenance.b, '## Method and sources: B')]);
  return blocks;
}

export const renderCompareMarkdown: ResearchRenderer<Comparison> = (c, context) => markdownText(compareMarkdownBlocks(c, context));

/** `renderCompareMarkdown`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderCompareMarkdownPieces = (c: Comparison, context: ResearchContext): Iterable<Uint8Array> =>
  textPieces(markdownTexts(compareMarkdownBlocks(c, context)));
