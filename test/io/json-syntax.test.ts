// Config and scenario syntax errors located by line and column (issue 16; src/io/json-file.ts,
// which never quotes the file's bytes in a message).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/issues.js';
import { parseConfig } from '../../src/io/config-file.js';
import { parseJson } from '../../src/io/json-file.js';

/** The one issue of the InputError `parse` throws. */
function issueOf(parse: () => unknown): { line?: number; message: string } {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues[0]!;
  }
  throw new Error('expected an InputError');
}

describe('JSON syntax errors', () => {
  it.each([
    // a trailing comma: line 3 `    "crisis": { "teams": 5, }` — the } is at column 29
    ['{\n  "weights": {\n    "crisis": { "teams": 5, }\n  }\n}\n', 3, 'column 29: not valid JSON (property name expected)'],
    // a missing comma between two properties: the second name starts line 3, column 3
    ['{\n  "fill": "carry"\n  "sort": "vacuum_per_100k"\n}', 3, 'column 3: not valid JSON (comma expected)'],
    // cut short: '{ "weights": {' is 14 characters, the brace is missing at column 15
    ['{ "weights": {', 1, 'column 15: not valid JSON (close brace expected)'],
    // a comment at the start of line 2
    ['{\n// note\n}', 2, 'column 1: not valid JSON (invalid comment token)'],
  ])('%j → line %i, %s', (text, line, message) => {
    const issue = issueOf(() => parseJson(text, 'c.json'));
    expect(issue.line).toBe(line);
    expect(issue.message.startsWith(message)).toBe(true);
  });

  it('a config file with a syntax error is an InputError with the line', () => {
    expect(issueOf(() => parseConfig('{\n  "weights": [,]\n}', 'servicegap.config.json'))).toMatchObject({ file: 'servicegap.config.json', line: 2 });
  });

  it('valid JSON parses as JSON.parse does', () => {
    expect(parseJson('{"a": [1, 2.5, "ø"]}', 'x')).toEqual({ a: [1, 2.5, 'ø'] });
  });
});
