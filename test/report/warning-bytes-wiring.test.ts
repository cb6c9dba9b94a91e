// Which warnings of a JSON output go the bytes way (src/report/json-pieces.ts with
// src/report/warning-bytes.ts): the bytes writer is watched (vi.mock: the same function, its calls
// and results recorded), so this file runs with a module graph of its own (vitest.config.ts,
// ISOLATED). That the text is the same either way is warning-bytes.test.ts's.
import { expect, it, vi } from 'vitest';
import { z } from 'zod';
import { WarningSchema } from '../../src/core/report-schema.js';
import { schemaJson, schemaJsonPieces } from '../../src/report/json-pieces.js';
import { warningItemBytes } from '../../src/report/warning-bytes.js';
import { mixedWarnings, noticesOf } from '../helpers/notices.js';

vi.mock('../../src/report/warning-bytes.js', async (importOriginal) => {
  const original = await importOriginal<{ warningItemBytes: typeof warningItemBytes }>();
  return { ...original, warningItemBytes: vi.fn(original.warningItemBytes) };
});

const Output = z.object({ title: z.string(), warnings: z.array(WarningSchema) });

it('a long array of warnings in pieces: each offered to the bytes writer, the notices as made taken; the whole text and a short array never', () => {
  // 481 warnings: 478 notices as made, a plain warning and two notices a caller changed.
  const value = { title: 'notices', warnings: mixedWarnings() };
  const watched = vi.mocked(warningItemBytes);

  watched.mockClear();
  [...schemaJsonPieces(Output, value, ['warnings'])];
  expect(watched).toHaveBeenCalledTimes(481);
  expect(watched.mock.results.filter((r) => r.value !== undefined)).toHaveLength(478);

  // The whole text (the library's renderOutput) is made as text.
  watched.mockClear();
  schemaJson(Output, value, ['warnings']);
  expect(watched).not.toHaveBeenCalled();

  // Below 200 items (the item writers' threshold) each warning goes through zod.
  watched.mockClear();
  [...schemaJsonPieces(Output, { title: 'few', warnings: noticesOf(10) }, ['warnings'])];
  expect(watched).not.toHaveBeenCalled();
});
