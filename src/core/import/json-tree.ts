// A JSON text parsed with the offset of every node (jsonc-parser), so a reader can say where in
// the file a value is wrong: syntax errors and shape errors by line and column. Pure; no IO.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { ImportIssue } from './table.js';
import { lineLocator } from './table.js';

export interface JsonTree {
  readonly tree: Node;
  /** The parsed value (the same text through JSON.parse). */
  readonly value: unknown;
  readonly locate: (offset: number) => { line: number; column: number };
}

/** Parse strict JSON; every syntax error (up to ten) goes to `issues` with its line and column. */
export function parseJsonTree(text: string, file: string, issues: ImportIssue[], what: string): JsonTree | undefined {
  const locate = lineLocator(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || tree === undefined) {
    for (const e of errors.slice(0, 10)) issues.push({ file, at: locate(e.offset), message: `not valid JSON: ${printParseErrorCode(e.error)}` });
    if (errors.length === 0) issues.push({ file, at: {}, message: `expected ${what}, the file is empty` });
    return undefined;
  }
  return { tree, value: JSON.parse(text) as unknown, locate };
}
