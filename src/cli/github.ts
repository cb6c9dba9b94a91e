// GitHub Actions: input errors as workflow annotations, and a Markdown summary of the report
// appended to the job's step summary (GITHUB_STEP_SUMMARY).
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { appendFile } from 'node:fs/promises';
import { type InputIssue, issueText } from '../core/issues.js';
import type { Report } from '../core/report-schema.js';
import { FileAccessError } from '../io/errors.js';
import type { RenderContext } from '../report/render-context.js';
import type { Terminal } from './terminal.js';

/** Rows of the ranking shown in the step summary. */
export const STEP_SUMMARY_TOP = 10;

export const inGitHubActions = (terminal: Terminal): boolean => terminal.env.GITHUB_ACTIONS === 'true';

// Workflow commands escape % CR LF in the message, and also : , in property values.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=services.csv,line=14,col=4::column "capacity": expected …` (col = field number). */
export function annotation(issue: InputIssue): string {
  const props = [`file=${escapeProperty(issue.file)}`];
  if (issue.line !== undefined) props.push(`line=${issue.line}`);
  if (issue.field !== undefined) props.push(`col=${issue.field}`);
  // The same text as on standard error: columns, message, and a grouped issue's other lines.
  return `::error ${props.join(',')}::${escapeData(issueText(issue))}`;
}

/** Append the headline and the top of the ranking to $GITHUB_STEP_SUMMARY, when it is set. */
export async function appendStepSummary(terminal: Terminal, report: Report, context: RenderContext): Promise<boolean> {
  const path = terminal.env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  const top = { ...report, regions: report.regions.slice(0, STEP_SUMMARY_TOP) };
  try {
    await appendFile(path, `${(await import('../report/markdown.js')).renderMarkdown(top, { ...context, color: false })}\n`);
  } catch (error) {
    throw new FileAccessError(path, 'write', error);
  }
  return true;
}
