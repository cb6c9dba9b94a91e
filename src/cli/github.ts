// GitHub Actions: workflow commands on standard error (the runner reads them on both streams;
// on stdout they would land in `--format json > gap.json`), and the job's step summary.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
//
// - `::error file=…,line=…,col=…::` for each input error; `col` is the character column where
//   the field starts in its line (InputIssue.column), 1-based, as the annotation wants.
// - `::warning file=…[,line=…]::` for each warning that names a file.
// - `::error title=servicegap gate::…` for a tripped gate (--fail-above, --fail-if-any-excluded).
// - The report's Markdown summary and the gates' result are appended to $GITHUB_STEP_SUMMARY; a
//   summary that cannot be written is a warning, and the run keeps its own exit code.
import { appendFile } from 'node:fs/promises';
import { FileAccessError, type InputIssue, issueText } from '../app/errors.js';
import type { GateResult } from '../app/report.js';
import { distinctWarnings, distinctWarningsMadeAgain, type WarningParts } from '../app/warnings.js';
import { neutralizeControls, type Report, type Warning } from '../app/vocabulary.js';
import type { RenderContext } from '../report/render-context.js';
import { escapeMarkdown } from '../report/safe-cell.js';
import { note, noteLines } from './output.js';
import type { Terminal } from './terminal.js';

/** Warning lines written to standard error in one write. */
const NOTE_LINES = 256;

/** Rows of the ranking shown in the step summary. */
export const STEP_SUMMARY_TOP = 10;

export const inGitHubActions = (terminal: Terminal): boolean => terminal.env.GITHUB_ACTIONS === 'true';

// Workflow commands escape % CR LF in the message, and also : , in property values.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Where an annotation points: a file, and in it a line and a character column (1-based). */
export interface AnnotationPlace {
  readonly file?: string | undefined;
  readonly line?: number | null | undefined;
  readonly col?: number | undefined;
  readonly title?: string | undefined;
}

/** One workflow command line (no line end), controls in the text neutralised. */
export function annotation(level: 'error' | 'warning' | 'notice', message: string, place: AnnotationPlace = {}): string {
  const props: string[] = [];
  if (place.title !== undefined) props.push(`title=${escapeProperty(place.title)}`);
  if (place.file !== undefined) props.push(`file=${escapeProperty(place.file)}`);
  if (place.file !== undefined && place.line !== undefined && place.line !== null) {
    props.push(`line=${place.line}`);
    if (place.col !== undefined) props.push(`col=${place.col}`);
  }
  return neutralizeControls(`::${level}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(message)}`);
}

/** `::error file=services.csv,line=14,col=23::column "capacity": expected …` */
export function issueAnnotation(issue: InputIssue): string {
  return annotation('error', issueText(issue), { file: issue.file, line: issue.line, col: issue.column });
}

/** `::warning file=beds.csv,line=7::…` for a warning that names a file. */
export function warningAnnotation(warning: Warning): string {
  return annotation('warning', warning.message, { file: warning.file, line: warning.line });
}

/** In GitHub Actions, one annotation line per input error, on standard error. */
export function annotateIssues(terminal: Terminal, issues: readonly InputIssue[]): void {
  if (inGitHubActions(terminal)) for (const issue of issues) terminal.stderr.write(`${issueAnnotation(issue)}\n`);
}

/** Each distinct warning once on standard error (`prefix` before it), and in GitHub Actions its
 * annotation. Lines are written a few hundred at a time (a large run has hundreds of thousands of
 * notices, and a write each was a system call each), and the next lines wait until standard error
 * has taken the last: a pipe (a CI runner's log, `2>&1 | tee`) takes them as its reader reads, and
 * lines written faster than that were held in memory meanwhile — 100 MB for the 93,787 notices of
 * 5,000 regions (issue 18). Resolves when every line is handed on, or standard error has closed. */
export async function printWarnings(terminal: Terminal, warnings: readonly Warning[] | WarningParts, prefix = ''): Promise<void> {
  const github = inGitHubActions(terminal);
  let lines: string[] = [];
  // Warnings not made yet are made again here (a report's notices: core/lazy-warnings.ts), not held through the output.
  const distinct = isList(warnings) ? distinctWarnings(warnings) : distinctWarningsMadeAgain(warnings);
  for (const { warning: w, text } of distinct) {
    lines.push(`warning: ${prefix}${text}`);
    if (github && w.file !== '') lines.push(warningAnnotation(prefix === '' ? w : { ...w, message: `${prefix}${w.message}` }));
    if (lines.length >= NOTE_LINES) {
      await noteLines(terminal, lines);
      lines = [];
    }
  }
  await noteLines(terminal, lines);
}

const isList = (warnings: readonly Warning[] | WarningParts): warnings is readonly Warning[] => Array.isArray(warnings);

/** In GitHub Actions, one `::error` per tripped gate, on standard error. */
export function annotateGates(terminal: Terminal, gates: GateResult): void {
  if (inGitHubActions(terminal)) for (const message of gates.messages) terminal.stderr.write(`${annotation('error', message, { title: 'servicegap gate' })}\n`);
}

function gateBlock(gates: GateResult): string {
  if (gates.checked.length === 0) return '';
  if (!gates.tripped) return `**Gates passed:** ${gates.checked.map((g) => `\`${g}\``).join(', ')}.\n`;
  return `**Gate tripped** (exit 1):\n\n${gates.messages.map((f) => `- ${escapeMarkdown(f)}`).join('\n')}\n`;
}

/**
 * Append the headline, the top of the ranking and the gates' result to $GITHUB_STEP_SUMMARY,
 * when it is set. A summary that cannot be written is a warning: the run's exit code stays.
 */
export async function appendStepSummary(terminal: Terminal, report: Report, context: RenderContext, gates: GateResult): Promise<boolean> {
  const path = terminal.env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  const top = { ...report, regions: report.regions.slice(0, STEP_SUMMARY_TOP) };
  const markdown = (await import('../report/markdown.js')).renderMarkdown(top, { ...context, color: false });
  const gateText = gateBlock(gates);
  try {
    await appendFile(path, `${markdown}${gateText ? `\n${gateText}` : ''}\n`);
  } catch (error) {
    const message = `the step summary was not written: ${new FileAccessError(path, 'write', error).message}`;
    note(terminal, `warning: ${message}`);
    if (inGitHubActions(terminal)) terminal.stderr.write(`${annotation('warning', message)}\n`);
    return false;
  }
  return true;
}
