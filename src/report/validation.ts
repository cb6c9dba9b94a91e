// `servicegap validate` as data: `--format json` (servicegap's own shape) and `--format sarif`
// (SARIF 2.1.0, the OASIS format GitHub code scanning reads: each input error becomes an alert
// on its file, line and column). The text format is the command's one-line summary.
// SARIF: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html; what GitHub reads:
// https://docs.github.com/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatIssue, type InputIssue, issueText, type Warning } from '../core/issues.js';
import { VERSION } from '../version.js';

/** Formats of `servicegap validate`: the summary line, servicegap's JSON, SARIF 2.1.0. */
export const VALIDATION_FORMATS = ['text', 'json', 'sarif'] as const;
/** One of `VALIDATION_FORMATS`. */
export type ValidationFormat = (typeof VALIDATION_FORMATS)[number];

/** What validate found: every input error (none when valid), the warnings, and a summary when valid. */
export interface ValidationResult {
  /** No input error (warnings may remain). */
  readonly valid: boolean;
  /** The files read, by role (only known when the data are valid). */
  readonly files: Readonly<Record<string, string>>;
  /** What the data hold, when valid: regions, the beds' shape and years, service series and mapped names. */
  readonly summary?:
    | {
        readonly regions: number;
        readonly beds: { readonly shape: 'stock' | 'events' | 'none'; readonly from: number | null; readonly to: number | null };
        readonly service_series: number;
        readonly service_names: number;
      }
    | undefined;
  /** Every input error, with its character column where known. */
  readonly issues: readonly InputIssue[];
  /** The warnings about the data. */
  readonly warnings: readonly Warning[];
}

/** What the validation renderers receive besides the result: the folder SARIF's file URIs are relative to (the repository's). */
export interface ValidationContext {
  /** The folder SARIF's file URIs are relative to. */
  readonly root: string;
}

/**
 * The text format: for valid data the one-line summary
 * (`ok: 4 files, 21 regions, beds as stock 2015–2025, 42 service series from 2 service names`),
 * else each problem on its line, as standard error shows them.
 */
export function renderValidationText(result: ValidationResult): string {
  if (!result.valid || result.summary === undefined) return result.issues.map((i) => `${formatIssue(i)}\n`).join('');
  const { regions, beds, service_series: series, service_names: names } = result.summary;
  const years = beds.from === null ? '' : ` ${beds.from}–${beds.to}`;
  const bedText = beds.shape === 'none' ? 'no beds file' : `beds as ${beds.shape === 'stock' ? 'stock' : 'closure events'}${years}`;
  return `ok: ${Object.values(result.files).length} files, ${regions} regions, ${bedText}, ${series} service series from ${names} service names\n`;
}

/** servicegap's JSON: `{ servicegap, valid, files, summary, issues: [{ file, line, column, columns, message }], warnings }`. */
export function renderValidationJson(result: ValidationResult): string {
  const doc = {
    servicegap: VERSION,
    valid: result.valid,
    files: result.files,
    summary: result.summary ?? null,
    issues: result.issues.map((i) => ({ file: i.file, line: i.line ?? null, column: i.column ?? null, columns: i.columns ?? [], message: i.message })),
    warnings: result.warnings.map((w) => ({ file: w.file, line: w.line, message: w.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const RULES = [
  {
    id: 'invalid-input',
    name: 'InvalidInputData',
    shortDescription: { text: 'Invalid input data' },
    fullDescription: { text: 'A value, row or file that servicegap cannot use: the report is not made until it is fixed (exit 3).' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'input-warning',
    name: 'InputWarning',
    shortDescription: { text: 'Input warning' },
    fullDescription: { text: 'Something in the input that does not stop the report but that its reader should know.' },
    defaultConfiguration: { level: 'warning' },
  },
] as const;

/**
 * A file's URI as SARIF wants it: relative to `root` (the repository, where code scanning looks
 * for it) with "/" and percent-encoded segments; a file outside `root` as a file: URL.
 */
export function sarifUri(file: string, root: string): string {
  const rel = isAbsolute(file) ? relative(root, file) : file;
  if (isAbsolute(rel) || rel.startsWith(`..${sep}`) || rel === '..') return pathToFileURL(file).href;
  return rel.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}

function sarifResult(ruleIndex: 0 | 1, file: string, line: number | null | undefined, column: number | undefined, text: string, root: string) {
  const region = line === undefined || line === null ? undefined : { startLine: line, ...(column === undefined ? {} : { startColumn: column }) };
  return {
    ruleId: RULES[ruleIndex].id,
    ruleIndex,
    level: RULES[ruleIndex].defaultConfiguration.level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(file, root) }, ...(region ? { region } : {}) } }],
  };
}

/** SARIF 2.1.0: one run of servicegap, one result per input error and warning. `root`: the folder file URIs are relative to. */
export function renderValidationSarif(result: ValidationResult, { root }: ValidationContext): string {
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'servicegap', version: VERSION, semanticVersion: VERSION, rules: RULES } },
        results: [
          ...result.issues.map((i) => sarifResult(0, i.file, i.line, i.column, issueText(i), root)),
          ...result.warnings.map((w) => sarifResult(1, w.file, w.line, undefined, w.message, root)),
        ],
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
