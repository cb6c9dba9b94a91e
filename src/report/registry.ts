// The one renderer registry: every kind of output × every format it comes in → its renderer.
// Each renderer is loaded when it is first asked for, so a JSON report in CI does not load the
// HTML renderer's chart libraries, the terminal table or the Excel library (the command line's
// start-up). A text format renders to a string; a workbook (xlsx) to bytes, asynchronously.
import type { Output, OutputKind } from './output.js';
import type { WorkbookFormat } from './render-context.js';
import type { TidyFormat } from './tidy/formats.js';

/** The output of one kind. */
export type OutputOf<K extends OutputKind> = Extract<Output, { kind: K }>;
/** The formats an output kind comes in. */
export type FormatOf<K extends OutputKind> = OutputOf<K>['format'];
/** What a renderer of format F gives: the full text, or for a workbook its bytes (a promise: the Excel library loads on first use),
 * or for a tidy format (issue 16) CSV text or Parquet bytes (a promise: the Parquet writer loads on first use). */
export type RenderedOf<F extends string> = F extends WorkbookFormat ? Promise<Uint8Array> : F extends TidyFormat ? Promise<string | Uint8Array> : string;
/** A renderer of one kind of output in one format (by default: any of its formats): its data and context to the full output. */
export type RendererOf<K extends OutputKind, F extends string = FormatOf<K>> = (
  data: OutputOf<K>['data'],
  context: OutputOf<K>['context'],
) => RenderedOf<F>;

type Loaders = { readonly [K in OutputKind]: { readonly [F in FormatOf<K>]: () => Promise<RendererOf<K, F>> } };

const LOADERS: Loaders = {
  report: {
    table: async () => (await import('./table.js')).renderTable,
    csv: async () => (await import('./csv.js')).renderCsv,
    excel: async () => (await import('./csv.js')).renderExcelCsv,
    json: async () => (await import('./json.js')).renderJson,
    markdown: async () => (await import('./markdown.js')).renderMarkdown,
    html: async () => (await import('./html.js')).renderHtml,
    xlsx: async () => (await import('./xlsx.js')).renderXlsx,
    long: async () => (await import('./tidy/render.js')).renderReportLong,
    parquet: async () => (await import('./tidy/render.js')).renderReportParquet,
  },
  coverage: {
    table: async () => (await import('./coverage/table.js')).renderCoverageTable,
    csv: async () => (await import('./coverage/csv.js')).renderCoverageCsv,
    json: async () => (await import('./coverage/json.js')).renderCoverageJson,
    markdown: async () => (await import('./coverage/markdown.js')).renderCoverageMarkdown,
    html: async () => (await import('./coverage/html.js')).renderCoverageHtml,
    xlsx: async () => (await import('./xlsx.js')).renderCoverageXlsx,
    long: async () => (await import('./tidy/render.js')).renderCoverageLong,
    parquet: async () => (await import('./tidy/render.js')).renderCoverageParquet,
  },
  trend: {
    table: async () => (await import('./trend/table.js')).renderTrendTable,
    csv: async () => (await import('./trend/csv.js')).renderTrendCsv,
    json: async () => (await import('./trend/json.js')).renderTrendJson,
    markdown: async () => (await import('./trend/markdown.js')).renderTrendMarkdown,
    html: async () => (await import('./trend/html.js')).renderTrendHtml,
    xlsx: async () => (await import('./trend/xlsx.js')).renderTrendXlsx,
    long: async () => (await import('./tidy/render.js')).renderTrendLong,
    parquet: async () => (await import('./tidy/render.js')).renderTrendParquet,
  },
  sensitivity: {
    table: async () => (await import('./sensitivity.js')).renderSensitivityTable,
    csv: async () => (await import('./sensitivity.js')).renderSensitivityCsv,
    json: async () => (await import('./sensitivity.js')).renderSensitivityJson,
    markdown: async () => (await import('./sensitivity.js')).renderSensitivityMarkdown,
  },
  compare: {
    table: async () => (await import('./compare.js')).renderCompareTable,
    csv: async () => (await import('./compare.js')).renderCompareCsv,
    json: async () => (await import('./compare.js')).renderCompareJson,
    markdown: async () => (await import('./compare.js')).renderCompareMarkdown,
  },
  batch: {
    table: async () => (await import('./batch.js')).renderBatchTable,
    csv: async () => (await import('./batch.js')).renderBatchCsv,
    json: async () => (await import('./batch.js')).renderBatchJson,
    markdown: async () => (await import('./batch.js')).renderBatchMarkdown,
  },
  listing: {
    table: async () => (await import('./listing.js')).listingRenderer('table'),
    csv: async () => (await import('./listing.js')).listingRenderer('csv'),
    json: async () => (await import('./listing.js')).listingRenderer('json'),
    markdown: async () => (await import('./listing.js')).listingRenderer('markdown'),
  },
  methods: {
    markdown: async () => (await import('./methods.js')).renderMethods,
  },
  validation: {
    text: async () => (await import('./validation.js')).renderValidationText,
    json: async () => (await import('./validation.js')).renderValidationJson,
    sarif: async () => (await import('./validation.js')).renderValidationSarif,
  },
  explain: {
    text: async () => (await import('./explain.js')).renderExplainText,
    json: async () => (await import('./explain.js')).renderExplainJson,
  },
};

/** The renderer of one kind of output in one format (loaded on first use). */
export function loadRenderer<K extends OutputKind, F extends FormatOf<K>>(kind: K, format: F): Promise<RendererOf<K, F>> {
  const byFormat = LOADERS[kind] as unknown as Readonly<Record<string, () => Promise<RendererOf<K, F>>>>;
  const load = Object.hasOwn(byFormat, format) ? byFormat[format] : undefined;
  if (load === undefined) throw new RangeError(`no ${format} renderer for ${kind} output`);
  return load();
}

/** The formats each kind of output comes in, as the registry has them. */
export function registeredFormats(kind: OutputKind): string[] {
  return Object.keys(LOADERS[kind]);
}

/**
 * Render an output (what every run returns) to the full text of its format, or for a workbook
 * (format 'xlsx') to its bytes.
 */
export async function renderOutput<O extends Output>(output: O): Promise<Awaited<RenderedOf<O['format']>>> {
  const render = (await loadRenderer(output.kind, output.format)) as (data: Output['data'], context: Output['context']) => string | Promise<string | Uint8Array>;
  return (await render(output.data, output.context)) as Awaited<RenderedOf<O['format']>>;
}

/** A renderer in pieces: the output's UTF-8 bytes, or undefined when this output is not written
 * in pieces (a long table going to Parquet), which renderOutput then renders whole. */
type PieceRenderer<K extends OutputKind> = (data: OutputOf<K>['data'], context: OutputOf<K>['context']) => Iterable<Uint8Array> | undefined;

/** The outputs that can be rendered in pieces: the JSON of the large results (json-pieces.ts), their
 * Markdown and HTML pages, a trend's CSV, the long tables' CSV (tidy/render.ts). */
const PIECE_LOADERS: { readonly [K in OutputKind]?: { readonly [F in FormatOf<K>]?: () => Promise<PieceRenderer<K>> } } = {
  report: {
    table: async () => (await import('./table.js')).renderTablePieces,
    json: async () => (await import('./json.js')).renderJsonPieces,
    markdown: async () => (await import('./markdown.js')).renderMarkdownPieces,
    html: async () => (await import('./html.js')).renderHtmlPieces,
    long: async () => (await import('./tidy/render.js')).renderReportLongPieces,
  },
  coverage: {
    table: async () => (await import('./coverage/table.js')).renderCoverageTablePieces,
    json: async () => (await import('./coverage/json.js')).renderCoverageJsonPieces,
    markdown: async () => (await import('./coverage/markdown.js')).renderCoverageMarkdownPieces,
    html: async () => (await import('./coverage/html.js')).renderCoverageHtmlPieces,
    long: async () => (await import('./tidy/render.js')).renderCoverageLongPieces,
  },
  sensitivity: {
    json: async () => (await import('./sensitivity.js')).renderSensitivityJsonPieces,
    table: async () => (await import('./sensitivity.js')).renderSensitivityTablePieces,
    markdown: async () => (await import('./sensitivity.js')).renderSensitivityMarkdownPieces,
  },
  compare: {
    json: async () => (await import('./compare.js')).renderCompareJsonPieces,
    table: async () => (await import('./compare.js')).renderCompareTablePieces,
    markdown: async () => (await import('./compare.js')).renderCompareMarkdownPieces,
  },
  batch: {
    json: async () => (await import('./batch.js')).renderBatchJsonPieces,
    table: async () => (await import('./batch.js')).renderBatchTablePieces,
    markdown: async () => (await import('./batch.js')).renderBatchMarkdownPieces,
  },
  trend: {
    table: async () => (await import('./trend/table.js')).renderTrendTablePieces,
    json: async () => (await import('./trend/json.js')).renderTrendJsonPieces,
    csv: async () => (await import('./trend/csv.js')).renderTrendCsvPieces,
    markdown: async () => (await import('./trend/markdown.js')).renderTrendMarkdownPieces,
    html: async () => (await import('./trend/html.js')).renderTrendHtmlPieces,
    long: async () => (await import('./tidy/render.js')).renderTrendLongPieces,
  },
};

/**
 * Render an output as `renderOutput` does, but where its renderer can give the text in pieces
 * (the terminal table, JSON, Markdown and HTML of a report, coverage or trend; a trend's CSV; a long
 * table's CSV; the JSON, table and Markdown of a sensitivity run, a comparison or a batch), as pieces of UTF-8
 * bytes made while they are written: a writer (the command line's standard output, `writeOutput`)
 * then never holds the whole text.
 */
export async function renderOutputPieces(output: Output): Promise<string | Uint8Array | AsyncIterable<Uint8Array>> {
  const byFormat = PIECE_LOADERS[output.kind] as Readonly<Record<string, () => Promise<PieceRenderer<OutputKind>>>> | undefined;
  const load = byFormat !== undefined && Object.hasOwn(byFormat, output.format) ? byFormat[output.format] : undefined;
  const pieces = load === undefined ? undefined : (await load())(output.data, output.context);
  if (pieces === undefined) return renderOutput(output);
  return (async function* () {
    yield* pieces;
  })();
}
