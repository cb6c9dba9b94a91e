// `servicegap batch` in every format. CSV is the long table (one row per scenario and ranked
// region, every metric, the rank in the first scenario and the change against it); JSON adds the
// scenarios and the summary of rank changes; the table and Markdown show that summary and every
// region's rank in every scenario.
import { type BatchResult, type BatchRow, BatchResultSchema, BatchRowSchema } from '../core/batch-schema.js';
import { formatWarning } from '../core/issues.js';
import {
  chalkFor,
  csvRows,
  formatSignedInt,
  markdownTable,
  type ResearchContext,
  type ResearchRenderer,
  terminalTable,
  uniqueNotices,
} from './research-formats.js';
import { distinctWarnings } from '../core/distinct-texts.js';
import { lineText, lineTexts, textPieces } from './byte-pieces.js';
import { type MarkdownBlock, markdownText, markdownTexts } from './markdown.js';
import { schemaJson, schemaJsonPieces } from './json-pieces.js';
import { escapeMarkdown, terminalText } from './safe-cell.js';
import { provenanceLine } from '../core/run-provenance.js';
import { appendAll } from '../core/append-all.js';

/** CSV columns of the long table, from the schema. */
export const BATCH_CSV_COLUMNS = Object.keys(BatchRowSchema.shape) as (keyof BatchRow)[];

/** The arrays of a batch written item by item (json-pieces.ts): each scenario with its notices
 * (94,000 at 5,000 regions), the rows of every scenario × region. The whole text was held twice
 * over, with a parsed copy of the result (issue 18). */
const STREAMED = ['scenarios', 'rows', 'summary'] as const;

export const renderBatchJson: ResearchRenderer<BatchResult> = (b) => schemaJson(BatchResultSchema, b, STREAMED);

/** `renderBatchJson`'s text in pieces, made as they are written. */
export const renderBatchJsonPieces = (b: BatchResult): Iterable<Uint8Array> => schemaJsonPieces(BatchResultSchema, b, STREAMED);

export const renderBatchCsv: ResearchRenderer<BatchResult> = (b) => csvRows(BATCH_CSV_COLUMNS, b.rows);

const list = (codes: readonly string[]) => (codes.length === 0 ? '–' : codes.join(', '));

/** Per scenario: period, regions ranked, and its rank changes against the first. */
function summaryRows(b: BatchResult): string[][] {
  return b.scenarios.map((s, i) => {
    const sum = b.summary[i]!;
    return [s.name, `${s.from}–${s.to}`, String(s.ranked), String(sum.regions_moved), String(sum.largest_rank_change), list(sum.entered_top), list(sum.left_top)];
  });
}

function summaryHead(b: BatchResult): string[] {
  return ['Scenario', 'Period', 'Ranked', 'Moved', 'Largest Δ rank', `Entered top ${b.top}`, `Left top ${b.top}`];
}

/** Regions in the first scenario's rank order, then those only ranked elsewhere, by code. */
function regionOrder(b: BatchResult): { region: string; name: string }[] {
  const seen = new Map<string, { region: string; name: string; first: number | null }>();
  for (const row of b.rows) if (!seen.has(row.region)) seen.set(row.region, { region: row.region, name: row.name, first: row.rank_first });
  return [...seen.values()].sort(
    (x, y) => (x.first ?? Infinity) - (y.first ?? Infinity) || (x.region < y.region ? -1 : x.region > y.region ? 1 : 0),
  );
}

/** Rank matrix: a region's rank in each scenario, with its change against the first: "3 (+1)". */
function rankMatrix(b: BatchResult): { head: string[]; rows: string[][] } {
  const byKey = new Map(b.rows.map((r) => [`${r.scenario}\u0000${r.region}`, r]));
  const rows = regionOrder(b).map(({ region, name }) => [
    region,
    name,
    ...b.scenarios.map((s, i) => {
      const row = byKey.get(`${s.name}\u0000${region}`);
      if (row === undefined) return '–';
      return i === 0 || row.rank_change === null ? String(row.rank) : `${row.rank} (${formatSignedInt(row.rank_change)})`;
    }),
  ]);
  return { head: ['Region', 'Name', ...b.scenarios.map((s) => s.name)], rows };
}

const explain = (b: BatchResult) =>
  `Ranks by ${b.sort}; changes are against the first scenario, "${b.first}" (negative: towards rank 1). ` +
  'CSV and JSON carry every metric of every scenario.';

/** Each scenario's plausibility notice, as a line of the table, made as it is read. */
function* noticeLines(b: BatchResult): Generator<string> {
  for (const s of b.scenarios) for (const w of s.warnings) if (w.kind === 'plausibility') yield terminalText(`  ${s.name}: ${formatWarning(w)}`);
}

/** The batch table's lines: its notices (94,000 a scenario at 5,000 regions) one by one. */
function* batchTableLines(b: BatchResult, context: ResearchContext): Generator<string> {
  const chalk = chalkFor(context);
  const head = summaryHead(b);
  const matrix = rankMatrix(b);
  const lines = [
    `${b.scenarios.length} scenario${b.scenarios.length === 1 ? '' : 's'}:`,
    terminalTable(chalk, head, ['left', 'left', 'right', 'right', 'right', 'left', 'left'], summaryRows(b)),
    'Rank by scenario:',
    terminalTable(chalk, matrix.head, ['left', 'left', ...b.scenarios.map(() => 'right' as const)], matrix.rows),
    terminalText(explain(b)),
  ];
  const excluded = b.scenarios.flatMap((s) => s.excluded.map((e) => `  ${s.name}: ${e.region}: ${e.reason}`));
  if (excluded.length > 0) appendAll(lines, ['Excluded (not ranked):', ...excluded.map(terminalText)]);
  yield* lines;
  if (b.scenarios.some((s) => s.warnings.some((w) => w.kind === 'plausibility'))) {
    yield 'Plausibility notices (no number is changed):';
    yield* noticeLines(b);
  }
  // Scenarios that could not run (issue 16): named, each with its problems.
  for (const f of b.failed ?? []) yield terminalText(`Failed: scenario "${f.scenario}": ${f.problems.join('; ')}`);
  for (const notice of uniqueNotices(context)) yield chalk.italic(terminalText(notice));
  for (const p of b.provenance.scenarios) yield terminalText(`${p.scenario}: ${provenanceLine(p)}`);
}

export const renderBatchTable: ResearchRenderer<BatchResult> = (b, context) => lineText(batchTableLines(b, context));

/** `renderBatchTable`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderBatchTablePieces = (b: BatchResult, context: ResearchContext): Iterable<Uint8Array> => textPieces(lineTexts(batchTableLines(b, context)));

/** The batch's Markdown blocks, its warnings (every scenario's notices) a list made as it is read. */
function batchMarkdownBlocks(b: BatchResult, context: ResearchContext): MarkdownBlock[] {
  const matrix = rankMatrix(b);
  const blocks: MarkdownBlock[] = [
    `# Service vacuum: ${b.scenarios.length} scenario${b.scenarios.length === 1 ? '' : 's'}`,
    markdownTable(
      summaryHead(b),
      ['left', 'left', 'right', 'right', 'right', 'left', 'left'],
      summaryRows(b).map((r) => r.map((cell, i) => (i === 0 || i >= 5 ? escapeMarkdown(cell) : cell))),
    ),
    '## Rank by scenario',
    markdownTable(
      matrix.head,
      ['left', 'left', ...b.scenarios.map(() => 'right' as const)],
      matrix.rows.map((r) => r.map((cell, i) => (i < 2 ? escapeMarkdown(cell) : cell))),
    ),
    escapeMarkdown(explain(b)),
  ];
  const excluded = b.scenarios.flatMap((s) => s.excluded.map((e) => `${s.name}: ${e.region}: ${e.reason}`));
  if (excluded.length > 0) {
    blocks.push('## Excluded');
    blocks.push(excluded.map((e) => `- ${escapeMarkdown(e)}`).join('\n'));
  }
  if (b.scenarios.some((s) => s.warnings.length > 0)) {
    blocks.push('## Warnings');
    // Each distinct text once, found through hashes (distinct-texts.ts), not held.
    const all = b.scenarios.flatMap((s) => s.warnings);
    blocks.push({ lines: (function* () { for (const { text } of distinctWarnings(all)) yield `- ${escapeMarkdown(text)}`; })() });
  }
  if (b.failed !== undefined && b.failed.length > 0) {
    blocks.push('## Failed scenarios');
    blocks.push(b.failed.map((f) => `- ${escapeMarkdown(`${f.scenario}: ${f.problems.join('; ')}`)}`).join('\n'));
  }
  for (const notice of uniqueNotices(context)) blocks.push(`*${escapeMarkdown(notice)}*`);
  // Method and sources (SPEC §8): per scenario its config and weights not at their default, and
  // every input file with its hash; the JSON's provenance has the whole of it.
  blocks.push('## Method and sources');
  blocks.push(b.provenance.scenarios.map((p) => `- ${escapeMarkdown(`${p.scenario}: ${provenanceLine(p)}`)}`).join('\n'));
  const inputs = b.provenance.scenarios.flatMap((p) => p.inputs.map((i) => [escapeMarkdown(p.scenario), i.role, escapeMarkdown(i.path), String(i.rows), `\`${i.sha256}\``]));
  if (inputs.length > 0) blocks.push(markdownTable(['Scenario', 'Input', 'File', 'Rows', 'SHA-256'], ['left', 'left', 'left', 'right', 'left'], inputs));
  return blocks;
}

export const renderBatchMarkdown: ResearchRenderer<BatchResult> = (b, context) => markdownText(batchMarkdownBlocks(b, context));

/** `renderBatchMarkdown`'s text in pieces of UTF-8 bytes, made as they are written. */
export const renderBatchMarkdownPieces = (b: BatchResult, context: ResearchContext): Iterable<Uint8Array> =>
  textPieces(markdownTexts(batchMarkdownBlocks(b, context)));
