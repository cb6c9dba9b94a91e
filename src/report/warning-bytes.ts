// A plausibility notice as an item of a JSON output's `warnings`, written as UTF-8 bytes one per
// character (core/json-string-bytes.ts): the text the item writer makes of it from WarningSchema
// (item-writer.ts), made without the notice's message as text (issue 18: at 5,000 regions a
// report has about 94,000 notices, and their JSON was a tenth of its time). Any other warning,
// or a notice a caller has changed, is left to the item writer.
import type { Warning } from '../core/issues.js';
import { jsonStringBytes } from '../core/json-string-bytes.js';
import { noticeMessageBytes } from '../core/plausibility.js';

// Every notice of a file names it: its bytes made once (jsonStringBytes remembers only the last
// text, and the regions' names in the messages come in between).
let lastFile: string | undefined;
let lastFileBytes = '';

/**
 * The bytes of `item` as an item of a streamed array of WarningSchema under `indent` (the text of
 * each line after the first starts with it), or undefined when it is not a plausibility notice
 * as made (its file a string, no line, its message its own).
 */
export function warningItemBytes(item: unknown, indent: string): string | undefined {
  const warning = item as Warning;
  if (typeof warning !== 'object' || warning === null || typeof warning.file !== 'string' || warning.line !== null || warning.kind !== 'plausibility') return undefined;
  const message = noticeMessageBytes(warning);
  if (message === undefined) return undefined;
  if (warning.file !== lastFile) {
    lastFile = warning.file;
    lastFileBytes = jsonStringBytes(warning.file);
  }
  const inner = `${indent}  `;
  return `{\n${inner}"file": "${lastFileBytes}",\n${inner}"line": null,\n${inner}"message": "${message}",\n${inner}"kind": "plausibility"\n${indent}}`;
}
