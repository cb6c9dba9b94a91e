// Where a JSON file (config, scenario file) breaks, as a line and a column (issue 16). JSON.parse
// says where only in some of its messages, as a character offset; jsonc-parser (the parser of
// VS Code, strict mode: no comments, no trailing commas) gives every syntax error with its offset,
// which is turned into a 1-based line and column (in UTF-16 code units, as editors count them).
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { InputIssue } from '../core/issues.js';

/** What each of jsonc-parser's error codes means, in words. */
const EXPECTED: Readonly<Record<string, string>> = {
  InvalidSymbol: 'a JSON value (a string in double quotes, a number, true, false, null, an object or an array)',
  InvalidNumberFormat: 'a number such as 12 or 0.5',
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: 'a colon after the property name',
  CommaExpected: 'a comma between two items',
  CloseBraceExpected: 'a closing brace }',
  CloseBracketExpected: 'a closing bracket ]',
  EndOfFileExpected: 'the end of the file after the JSON value',
  InvalidCommentToken: 'no comment (JSON has none)',
  UnexpectedEndOfComment: 'no comment (JSON has none)',
  UnexpectedEndOfString: 'a closing double quote',
  UnexpectedEndOfNumber: 'a digit',
  InvalidUnicode: 'a \\uXXXX escape with four hex digits',
  InvalidEscapeCharacter: 'a valid escape (\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t, \\uXXXX)',
  InvalidCharacter: 'no control character inside a string (write \\n or \\t)',
};

/** The 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Parse JSON text; on a syntax error, the problems (each with its line, and its column in the
 * message), or undefined when the text is valid JSON and `value` holds it.
 */
export function parseJsonLocated(text: string, file: string): { value: unknown } | { issues: InputIssue[] } {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // jsonc-parser also accepts what JSON.parse refuses in a few corners; JSON.parse has the last word.
  if (errors.length === 0) {
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { issues: [{ file, message: `expected a JSON object: ${(error as Error).message}` }] };
    }
  }
  return {
    // The first error only: the ones after it are mostly its echoes (a stray comma is also "a value expected").
    issues: errors.slice(0, 1).map((e) => {
      const { line, column } = lineColumn(text, e.offset);
      const code = printParseErrorCode(e.error);
      const found = e.offset >= text.length ? 'the end of the file' : JSON.stringify(text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 20))));
      return { file, line, message: `column ${column}: expected ${EXPECTED[code] ?? code}, found ${found}` };
    }),
  };
}
