// Warnings made when first read (src/core/lazy-warnings.ts), and the JSON writer that writes them
// as they are made without keeping them (src/report/json-pieces.ts): the same warnings and the
// same bytes as a list made at once, the list made once for everyone who reads it, and nothing
// made for the JSON but the pieces it writes (issue 18: 15 MB of notices at a report's peak).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Warning } from '../../src/core/issues.js';
import { itemsToWrite, warningParts, warningsPending, withNoticesWhenRead, withWarningsWhenRead } from '../../src/core/lazy-warnings.js';
import { WarningSchema } from '../../src/core/report-schema.js';
import { schemaJson, schemaJsonPieces } from '../../src/report/json-pieces.js';

const warning = (i: number): Warning => ({ file: `f${i % 3}.csv`, line: i % 5 === 0 ? null : i, message: `message ${i} → "quoted" ø` });

/** A record with `n` warnings made when read, and how many times they were made. */
function lazyRecord(n: number) {
  const made = { times: 0 };
  const record = withWarningsWhenRead({ title: 'x', warnings: [] as Warning[], count: n }, function* () {
    made.times++;
    for (let i = 0; i < n; i++) yield warning(i);
  });
  return { record, made };
}

const Schema = z.object({ title: z.string(), warnings: z.array(WarningSchema), count: z.number() });

describe('withWarningsWhenRead', () => {
  it('makes the warnings on first read, once, and leaves a plain property holding them', () => {
    const { record, made } = lazyRecord(4);
    expect(warningsPending(record)).toBe(true);
    expect(made.times).toBe(0);
    const first = record.warnings;
    expect(first).toEqual([0, 1, 2, 3].map(warning));
    expect(record.warnings).toBe(first);
    expect(made.times).toBe(1);
    expect(warningsPending(record)).toBe(false);
    expect(Object.getOwnPropertyDescriptor(record, 'warnings')).toMatchObject({ value: first, enumerable: true, writable: true });
  });

  it('a spread, JSON.stringify and the keys see them where they were', () => {
    const { record } = lazyRecord(2);
    expect(Object.keys(record)).toEqual(['title', 'warnings', 'count']);
    expect(JSON.parse(JSON.stringify(record))).toEqual({ title: 'x', warnings: [warning(0), warning(1)], count: 2 });
    const { record: other } = lazyRecord(2);
    expect({ ...other }).toEqual({ title: 'x', warnings: [warning(0), warning(1)], count: 2 });
  });

  it('an object frozen before its warnings are read still gives them, the same list each time, made once', () => {
    const { record, made } = lazyRecord(2);
    Object.freeze(record);
    const first = record.warnings;
    expect(first).toEqual([warning(0), warning(1)]);
    expect(record.warnings).toBe(first);
    expect(made.times).toBe(1);
    expect(JSON.parse(JSON.stringify(record)).warnings).toEqual([warning(0), warning(1)]);
    expect(warningsPending(record)).toBe(false);
  });

  it('setting the warnings replaces them, and nothing is made', () => {
    const { record, made } = lazyRecord(3);
    (record as { warnings: readonly Warning[] }).warnings = [warning(9)];
    expect(record.warnings).toEqual([warning(9)]);
    expect(made.times).toBe(0);
    expect(warningsPending(record)).toBe(false);
  });

  it('itemsToWrite: the warnings made afresh each time while not read, never kept; the array once read; other keys as they are', () => {
    const { record, made } = lazyRecord(3);
    expect([...itemsToWrite(record, 'warnings')]).toEqual([0, 1, 2].map(warning));
    expect([...itemsToWrite(record, 'warnings')]).toEqual([0, 1, 2].map(warning));
    expect(made.times).toBe(2);
    expect(warningsPending(record)).toBe(true);
    const read = record.warnings;
    expect(itemsToWrite(record, 'warnings')).toBe(read);
    expect(made.times).toBe(3);
    const plain = { warnings: [warning(1)], regions: [1, 2] };
    expect(itemsToWrite(plain, 'warnings')).toBe(plain.warnings);
    expect(itemsToWrite(plain, 'regions')).toBe(plain.regions);
  });

  it('withNoticesWhenRead: the report’s own warnings, then the notices, on a copy; the report itself untouched', () => {
    const report = { servicegap: '1', warnings: [warning(0)] as readonly Warning[] };
    const lazy = withNoticesWhenRead({ report, notices: () => [warning(1), warning(2)] });
    expect(lazy).not.toBe(report);
    expect(lazy.warnings).toEqual([warning(0), warning(1), warning(2)]);
    expect(report.warnings).toEqual([warning(0)]);
  });

  it('warningParts: the held warnings and the notices made again, while nothing has read them; none once read', () => {
    const report = { servicegap: '1', warnings: [warning(0)] as readonly Warning[] };
    let made = 0;
    const lazy = withNoticesWhenRead({
      report,
      notices: function* () {
        made++;
        yield warning(1);
        yield warning(2);
      },
    });
    const parts = warningParts(lazy)!;
    expect(parts.held).toEqual([warning(0)]);
    expect([...parts.more()]).toEqual([warning(1), warning(2)]);
    expect([...parts.more()]).toEqual([warning(1), warning(2)]);
    expect(made).toBe(2);
    expect(warningsPending(lazy)).toBe(true);
    expect(lazy.warnings).toHaveLength(3);
    expect(warningParts(lazy)).toBeUndefined();
    expect(warningParts(report)).toBeUndefined();
  });
});

describe('the JSON of warnings not read yet', () => {
  // Around the writer's thresholds: an item writer from 200 items, a compiled schema from 2,000,
  // the first 2,000 taken ahead to know which (json-pieces.ts).
  it.each([0, 1, 199, 200, 1999, 2000, 2001, 4500])('%i warnings: the bytes of the same record with the list, and the list never made', (n) => {
    const { record, made } = lazyRecord(n);
    const written = Buffer.concat([...schemaJsonPieces(Schema, record, ['warnings'])]).toString('utf8');
    expect(warningsPending(record)).toBe(true);
    expect(made.times).toBe(1);
    // The reference: JSON.stringify of zod's parse of the record with its warnings as a list.
    const listed = { title: 'x', warnings: Array.from({ length: n }, (_, i) => warning(i)), count: n };
    expect(written).toBe(`${JSON.stringify(Schema.parse(listed), null, 2)}\n`);
    expect(schemaJson(Schema, listed, ['warnings'])).toBe(written);
  });
});
