// jsonStringBytes (src/core/json-string-bytes.ts): the characters between the quotes of
// JSON.stringify(text), as UTF-8 bytes one per character. The oracle is JSON.stringify itself and
// Node's UTF-8 decoder: the bytes, read as UTF-8, are that text exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringBytes } from '../../src/core/json-string-bytes.js';

/** What a Latin-1 write puts in a buffer, read back as UTF-8. */
const asUtf8 = (bytes: string) => Buffer.from(bytes, 'latin1').toString('utf8');
const inQuotes = (text: string) => JSON.stringify(text).slice(1, -1);

function check(text: string): void {
  const bytes = jsonStringBytes(text);
  expect([...bytes].every((c) => c.charCodeAt(0) < 256)).toBe(true);
  expect(asUtf8(bytes)).toBe(inQuotes(text));
}

describe('jsonStringBytes', () => {
  it('is JSON.stringify\'s text between the quotes, in UTF-8 bytes, for any text (lone surrogates and control characters included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', '"', '\\', '\n', '\u0000', '\u007f', 'ø', 'Å', '→', 'م', '😀', '\u2028', '\ud800', '\udfff'), fc.string({ unit: 'binary', maxLength: 2 })), maxLength: 30 }), (text) => {
          check(text);
        }),
      { seed: 18, numRuns: 500 },
    );
  });

  it('gives printable ASCII without quote or backslash back as it is; escapes the rest as JSON.stringify does', () => {
    const plain = 'R01564 crisis_team fte ~!#$%&()*+,-./:;<=>?@[]^_`{|}';
    expect(jsonStringBytes(plain)).toBe(plain);
    expect(jsonStringBytes('a"b\\c\td')).toBe('a\\"b\\\\c\\td');
    // ø is C3 B8, → E2 86 92, 😀 F0 9F 98 80 in UTF-8.
    expect(jsonStringBytes('Førde → 😀')).toBe('F\xc3\xb8rde \xe2\x86\x92 \xf0\x9f\x98\x80');
    expect(jsonStringBytes('\ud800x')).toBe('\\ud800x');
  });

  it('gives each of several texts its own bytes, however they alternate (the last one is remembered)', () => {
    const texts = ['Førde', 'Førde', 'القاهرة', 'Førde', 'plain', 'القاهرة', 'القاهرة'];
    for (const text of texts) check(text);
  });

  it('encodes a long text whole (its bytes are turned into characters 8,192 at a time)', () => {
    // 30,000 bytes of UTF-8: "ø" is 2 bytes, "→" 3, so slices end inside characters too.
    check('ø→'.repeat(6_000));
  });
});
