// Making untrusted text (region names and codes, file names, messages) safe in each output.
//
// CSV: formula injection (OWASP "CSV Injection"). A spreadsheet runs a cell that begins with
// `=`, `+`, `-` or `@` (and, after a tab or carriage return, what follows) as a formula. Such a
// TEXT cell gets a leading single quote, which spreadsheets show as text. Numbers are never
// changed: -60 stays -60, because the check looks at the value's type, not at its characters.
//
// Markdown (GitHub-flavoured): text is escaped so GitHub renders it literally. A backslash before
// an ASCII punctuation character renders that character (CommonMark §2.4), so `\|` keeps a pipe
// from splitting a table cell, `\\` is a backslash, and `\*`, `\_`, `` \` ``, `\[`, `\]`, `\<`,
// `\>`, `\~`, `\&` stop emphasis, code, links, raw HTML, strikethrough and entities. Line breaks
// and tabs become spaces (a cell is one line). A text that begins with `=`, `+`, `-` or `@` gets a
// backslash before that character instead of the CSV quote: GitHub shows the text unchanged (no
// stray quote), `\@` keeps GitHub from turning it into a mention, and the raw .md no longer has a
// cell beginning with a formula character.
//
// HTML: every piece of text and every attribute value goes through escapeHtml, which replaces
// the five characters that can end a text run or an attribute (`&`, `<`, `>`, `"`, `'`) with
// character references (OWASP XSS prevention, rule #1 and #2: quoted attributes only). Control
// characters that HTML forbids and the bidirectional overrides are replaced by U+FFFD (the same
// sanitiser as the terminal's), so a name cannot smuggle in markup, reorder a line or break the
// document, and `<script>` in a region name shows as text.
//
// Terminal: control characters (C0, DEL, C1, which includes ESC) and the bidirectional override
// characters in text are replaced (core/control-chars.ts, the one sanitiser), so data cannot move
// the cursor, colour the screen, reorder a line or break the table's lines. Markdown text goes
// through the same sanitiser before it is escaped: a report read with `cat` is a terminal too.

import { neutralizeControls, oneLineText } from '../core/control-chars.js';

const CSV_FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell's text before RFC 4180 quoting: numbers as JavaScript's shortest round-trip form
 * (with a decimal comma when asked; the digits are the same), null as empty, text neutralised
 * against formula injection. */
export function csvCellText(value: string | number | null, decimal: '.' | ',' = '.'): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // JSON.stringify's text of a finite number is String's, without V8's number-to-string cache,
    // which keeps every text it makes alive until it is moved to the old generation (a trend's
    // 2.85 million numbers: about 45 MB there; item-writer.ts).
    const text = Number.isFinite(value) ? JSON.stringify(value) : String(value);
    return decimal === '.' ? text : text.replace('.', ',');
  }
  return CSV_FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field that holds the delimiter, a double quote, CR or LF; double its quotes. */
export function quoteCsvField(text: string, delimiter: ',' | ';' = ','): string {
  const special = delimiter === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV cell, neutralised and quoted (by default: comma-separated, decimal point). */
export function csvCell(value: string | number | null, delimiter: ',' | ';' = ',', decimal: '.' | ',' = '.'): string {
  return quoteCsvField(csvCellText(value, decimal), delimiter);
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&]/g;

/** Text escaped for a Markdown table cell or a one-line paragraph (see the file comment). */
export function escapeMarkdown(text: string): string {
  const oneLine = oneLineText(text).trim();
  const escaped = oneLine.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
  return /^[=+\-@]/.test(escaped) ? `\\${escaped}` : escaped;
}

/** Text safe to print in a terminal: whitespace controls → space, other controls → U+FFFD. */
export function terminalText(text: string): string {
  return oneLineText(text);
}

const HTML_SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an HTML element or a quoted attribute value (see the file comment). */
export function escapeHtml(text: string | number): string {
  // A carriage return becomes the line feed an HTML parser would make of it anyway.
  return neutralizeControls(
    String(text)
      .replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!)
      .replace(/\r\n?/g, '\n'),
  );
}
