// Plausibility notices in a JSON output's warnings, written as UTF-8 bytes (src/report/
// warning-bytes.ts, src/core/plausibility.ts noticeMessageBytes): the oracle is the item writer
// made from WarningSchema and, for whole outputs, JSON.stringify of the schema's parse.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Dataset, ServiceSeries } from '../../src/core/dataset.js';
import type { Warning } from '../../src/core/issues.js';
import { plausibilityNotices } from '../../src/core/plausibility.js';
import { WarningSchema } from '../../src/core/report-schema.js';
import { resolveWeights } from '../../src/core/weights.js';
import { itemWriter } from '../../src/report/item-writer.js';
import { schemaJson, schemaJsonPieces } from '../../src/report/json-pieces.js';
import { warningItemBytes } from '../../src/report/warning-bytes.js';
import { expectPiecesOfText } from '../helpers/pieces.js';

// The bytes writer as the JSON pieces call it, watched (the same function): which items went the bytes way.
vi.mock('../../src/report/warning-bytes.js', async (importOriginal) => {
  const original = await importOriginal<{ warningItemBytes: typeof warningItemBytes }>();
  return { ...original, warningItemBytes: vi.fn(original.warningItemBytes) };
});

const FILES = { population: 'befolkning/Førde → 2024.csv', beds: 'beds.csv', services: 'services "data"/tjenester.csv' };
const CODES = ['R1', 'Førde "HF"', 'القاهرة', 'x\\y', 'a\ud800b', 'tab\tnewline\n'];

/** `n` regions (codes cycling through CODES, numbered), each with four notices: beds ×5, crisis teams ×0.2, a weight-0 cmhc fte, and a population +50 % between B and T. */
function noticesOf(n: number): Warning[] {
  const codes = Array.from({ length: n }, (_, i) => `${CODES[i % CODES.length]} ${i}`);
  const services = (): Map<string, ServiceSeries> =>
    new Map<string, ServiceSeries>([
      ['crisis/teams', { category: 'crisis', unit: 'teams', years: new Map([[2000, 10], [2004, 2]]) }],
      ['cmhc/fte', { category: 'cmhc', unit: 'fte', years: new Map([[2000, 3.25], [2004, 4.5]]) }],
    ]);
  const dataset: Dataset = {
    regions: new Map(codes.map((code) => [code, { code, name: code }])),
    population: new Map(codes.map((code) => [code, new Map([[2000, 1000], [2004, 1500]])])),
    beds: { shape: 'stock', byRegion: new Map(codes.map((code) => [code, new Map([[2000, 10], [2004, 50]])])) },
    services: new Map(codes.map((code) => [code, services()])),
    serviceNames: new Map(),
    warnings: [],
  };
  return plausibilityNotices(dataset, { regions: codes, period: { from: 2000, to: 2004 }, weights: resolveWeights(), files: FILES });
}

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
    // 4 × 120 = 480 notices: a long array (the item writers take it from 200 items on).
    const warnings: Warning[] = [{ file: 'regions.csv', line: 2, message: 'a warning → "quoted"' }, ...noticesOf(120)];
    (warnings[5] as { message: string }).message = 'changed → by a caller';
    (warnings[9] as { line: number | null }).line = 12;
    const value = { title: 'notices', warnings };
    const whole = `${JSON.stringify(Output.parse(value), null, 2)}\n`;
    const watched = vi.mocked(warningItemBytes);
    watched.mockClear();
    // The whole text (the library's renderOutput) is made as text: no bytes.
    expect(schemaJson(Output, value, ['warnings'])).toBe(whole);
    expect(watched).not.toHaveBeenCalled();
    expectPiecesOfText([...schemaJsonPieces(Output, value, ['warnings'])], whole, { wholeCharacters: true });
    // In pieces every warning is offered to the bytes writer; the 478 notices as made go that way,
    // the plain warning and the two a caller changed through the item writer.
    expect(watched).toHaveBeenCalledTimes(481);
    expect(watched.mock.results.filter((r) => r.value !== undefined)).toHaveLength(478);
  });
});
