// Plausibility notices in a JSON output's warnings, written as UTF-8 bytes (src/report/
// warning-bytes.ts, src/core/plausibility.ts noticeMessageBytes): the oracle is the item writer
// made from WarningSchema and, for whole outputs, JSON.stringify of the schema's parse.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WarningSchema } from '../../src/core/report-schema.js';
import { itemWriter } from '../../src/report/item-writer.js';
import { schemaJson, schemaJsonPieces } from '../../src/report/json-pieces.js';
import { warningItemBytes } from '../../src/report/warning-bytes.js';
import { CODES, mixedWarnings, noticesOf } from '../helpers/notices.js';
import { expectPiecesOfText } from '../helpers/pieces.js';

const asUtf8 = (bytes: string) => Buffer.from(bytes, 'latin1').toString('utf8');

describe('warningItemBytes', () => {
  const write = itemWriter(WarningSchema, '    ')!;

  it('is the item writer\'s text of a notice, in UTF-8 bytes, whatever its file and region are called', () => {
    const notices = noticesOf(CODES.length);
    expect(notices).toHaveLength(4 * CODES.length);
    for (const notice of notices) expect(asUtf8(warningItemBytes(notice, '    ')!)).toBe(write(notice));
    // Another depth, as JSON.stringify nests it.
    expect(asUtf8(warningItemBytes(notices[1]!, '  ')!)).toBe(JSON.stringify(notices[1], null, 2).replaceAll('\n', '\n  '));
  });

  it('leaves any other warning to the item writer: a copy, a plain warning, a notice with its line, kind or message changed', () => {
    const [a, b, c, d] = noticesOf(2);
    expect(warningItemBytes({ ...a! }, '    ')).toBeUndefined();
    expect(warningItemBytes({ file: 'x.csv', line: 3, message: 'm' }, '    ')).toBeUndefined();
    expect(warningItemBytes(null, '    ')).toBeUndefined();
    (b as { line: number | null }).line = 7;
    expect(warningItemBytes(b, '    ')).toBeUndefined();
    delete (c as { kind?: string }).kind;
    expect(warningItemBytes(c, '    ')).toBeUndefined();
    (d as { message: string }).message = 'changed';
    expect(warningItemBytes(d, '    ')).toBeUndefined();
  });
});

describe('a JSON output with many notices', () => {
  const Output = z.object({ title: z.string(), warnings: z.array(WarningSchema) });

  it('is JSON.stringify of its parse, in pieces or whole, notices changed by a caller and other warnings among them', () => {
    // A long array (the item writers take it from 200 items on).
    const value = { title: 'notices', warnings: mixedWarnings() };
    const whole = `${JSON.stringify(Output.parse(value), null, 2)}\n`;
    expect(schemaJson(Output, value, ['warnings'])).toBe(whole);
    expectPiecesOfText([...schemaJsonPieces(Output, value, ['warnings'])], whole, { wholeCharacters: true });
  });
});
