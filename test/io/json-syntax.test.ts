// Config and scenario syntax errors located by line and column (src/io/json-syntax.ts).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/issues.js';
import { parseConfig } from '../../src/io/config-file.js';
import { lineColumn, parseJsonLocated } from '../../src/io/json-syntax.js';

describe('JSON syntax errors', () => {
  it('lineColumn counts from 1; a column is the offset after the last line break', () => {
    // "ab\ncd": offset 4 is "d", line 2, column 2
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('x', 0)).toEqual({ line: 1, column: 1 });
  });

  it.each([
    // a trailing comma: line 3 `    "crisis": { "teams": 5, }` — the } is at column 29
    ['{\n  "weights": {\n    "crisis": { "teams": 5, }\n  }\n}\n', 3, 'column 29: expected a property name in double quotes, found "}"'],
    // a missing comma between two properties: the second name starts line 3, column 3
    ['{\n  "fill": "carry"\n  "sort": "vacuum_per_100k"\n}', 3, 'column 3: expected a comma between two items'],
    // cut short
    ['{ "weights": {', 1, 'column 15: expected a closing brace }, found the end of the file'],
    // a comment
    ['{\n// note\n}', 2, 'column 1: expected no comment'],
  ])('%j → line %i, %s', (text, line, message) => {
    const result = parseJsonLocated(text, 'c.json');
    expect('issues' in result).toBe(true);
    const [issue] = (result as { issues: { line?: number; message: string }[] }).issues;
    expect(issue!.line).toBe(line);
    expect(issue!.message.startsWith(message)).toBe(true);
  });

  it('a config file with a syntax error is an InputError with the line', () => {
    try {
      parseConfig('{\n  "weights": [,]\n}', 'servicegap.config.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues[0]).toMatchObject({ file: 'servicegap.config.json', line: 2 });
    }
  });

  it('valid JSON parses as JSON.parse does', () => {
    expect(parseJsonLocated('{"a": [1, 2.5, "ø"]}', 'x')).toEqual({ value: { a: [1, 2.5, 'ø'] } });
  });
});
