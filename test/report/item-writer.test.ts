// The item writer (src/report/item-writer.ts) must write exactly what zod's parse and
// JSON.stringify write together, and refuse exactly what zod refuses. zod and JSON.stringify are
// the oracle: random items made from each schema (fast-check, fixed seeds), with any part of
// them sometimes replaced by a wrong value, keys in another order and keys the schema does not
// know; the schemas of the report, trend and coverage arrays, and small ones for the kinds the
// reports do not use yet.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CoverageReportSchema } from '../../src/core/coverage-schema.js';
import { ReportSchema } from '../../src/core/report-schema.js';
import { TrendReportSchema } from '../../src/core/trend-schema.js';
import { itemByteWriter, itemWriter } from '../../src/report/item-writer.js';

/** The oracle: zod's parse, JSON.stringify's text with two-space indent, nested under `indent`. */
function oracle(schema: z.ZodType, value: unknown, indent: string): string | undefined {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return undefined;
  const text = JSON.stringify(parsed.data, null, 2) as string | undefined;
  return (text ?? 'null').replaceAll('\n', `\n${indent}`);
}

interface TestDef {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  values?: unknown[];
  entries?: Record<string, string>;
}

/** Values that break most schemas, or nearly fit them. */
const wrong = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0.5, 2 ** 53, -(2 ** 53), 1e21, 5e-324, null, undefined, '', '1', true, false, [], {}, [1], { a: 1 }),
  fc.anything({ maxDepth: 2 }),
);

/** Good values of `schema` (strings with lone surrogates, line breaks and quotes; numbers at the edges), each part now and then replaced by a wrong one. */
function items(schema: z.ZodType, breakOneIn: number): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as TestDef;
  const good = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'string':
        return fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('→ æøå', 'القاهرة', 'a"b\\c\n\u2028', '\ud800'));
      case 'number':
        // Good numbers are the ones the schema's checks (integer, bounds) take; `wrong` brings the others.
        return fc
          .oneof(fc.integer({ min: -3, max: 3000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 1, 2 ** 53 - 1, 1e21, 5e-324, 0.1 + 0.2))
          .filter((n) => schema.safeParse(n).success);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'literal':
        return fc.constantFrom(...def.values!);
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries!));
      case 'nullable':
        return fc.option(items(def.innerType!, breakOneIn), { nil: null });
      case 'optional':
        return fc.option(items(def.innerType!, breakOneIn), { nil: undefined });
      case 'array':
        return fc.array(items(def.element!, breakOneIn), { maxLength: 3 });
      case 'object': {
        const shape = def.shape!;
        const required = Object.keys(shape).filter((k) => (shape[k]!._zod.def as unknown as TestDef).type !== 'optional');
        const record = fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, items(s, breakOneIn)])), { requiredKeys: required as never[] });
        // Keys in another order, and keys the schema does not know (zod leaves them out).
        return fc.tuple(record, fc.boolean(), fc.dictionary(fc.constantFrom('extra', 'x y', 'rank2'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })).map(([r, reverse, extra]) => {
          const entries = Object.entries(r as Record<string, unknown>);
          return Object.fromEntries([...(reverse ? entries.reverse() : entries), ...Object.entries(extra)]);
        });
      }
      default:
        throw new Error(`no test values for ${def.type}`);
    }
  })();
  return fc.oneof({ arbitrary: good, weight: breakOneIn - 1 }, { arbitrary: wrong, weight: 1 });
}

/** The items of a report's arrays (the schemas the writer serves in the command line). */
const element = (schema: z.ZodObject, key: string) => (schema.shape[key] as z.ZodArray<z.ZodType>).element;
const REAL: [string, z.ZodType][] = [
  ['report region', element(ReportSchema, 'regions')],
  ['warning', element(ReportSchema, 'warnings')],
  ['trend region', element(TrendReportSchema, 'regions')],
  ['coverage region', element(CoverageReportSchema, 'regions')],
];

/** Kinds the report schemas use rarely or not yet: booleans, nulls, literals of several kinds, nested optionals, checks of every direction. */
const SMALL: [string, z.ZodType][] = [
  ['literals and booleans', z.object({ a: z.literal(['x', 5, true, null]), b: z.boolean(), c: z.null(), d: z.enum(['p', 'q']).optional() })],
  ['optional members first', z.object({ a: z.string().optional(), b: z.number().optional(), c: z.array(z.number().gt(0).lt(10).optional()) })],
  ['only optional members', z.object({ a: z.number().int().optional(), b: z.object({}).optional() })],
  ['nested arrays', z.array(z.array(z.number().max(2).nullable()))],
  ['a number alone', z.number().int().min(-1).max(5)],
  ['an optional item', z.string().optional()],
  ['keys beyond ASCII', z.object({ 'æøå → القاهرة': z.string(), '😀"\\': z.array(z.enum(['→', 'b'])).optional(), plain: z.literal(['ø', 1]) })],
];

/** The schemas above whose text is ASCII whatever the item: no string in them but ASCII literals and enum members. */
const ASCII_ONLY = ['literals and booleans', 'only optional members', 'nested arrays', 'a number alone'];

/** A text of one character per byte read as the UTF-8 bytes it holds (undefined stays so). */
function fromBytes(bytes: string | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  // Every character a byte: Latin-1 would otherwise write some other byte for it.
  expect(bytes).toMatch(/^[\x00-\xff]*$/);
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('itemWriter', () => {
  for (const [name, schema] of [...REAL, ...SMALL]) {
    it(`writes what zod and JSON.stringify write, and refuses what zod refuses: ${name}`, () => {
      const write = itemWriter(schema, '    ');
      expect(write).toBeDefined();
      let written = 0;
      let refused = 0;
      fc.assert(
        fc.property(items(schema, name.includes('region') ? 100 : 8), (value) => {
          const expected = oracle(schema, value, '    ');
          expect(write!(value)).toBe(expected);
          if (expected === undefined) refused++;
          else written++;
        }),
        { seed: 1812, numRuns: 400 },
      );
      // Both sides of the property were reached.
      expect(written).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(20);
    });
  }

  for (const [name, schema] of [...REAL, ...SMALL]) {
    it(`writes the same text as UTF-8 bytes, one character per byte, and refuses the same items: ${name}`, () => {
      const text = itemWriter(schema, '    ')!;
      const bytes = itemByteWriter(schema, '    ');
      expect(bytes).toBeDefined();
      let beyondAscii = 0;
      fc.assert(
        fc.property(items(schema, name.includes('region') ? 100 : 8), (value) => {
          const expected = text(value);
          const written = bytes!(value);
          expect(fromBytes(written)).toBe(expected);
          if (written !== undefined && written !== expected) beyondAscii++;
        }),
        { seed: 1813, numRuns: 400 },
      );
      // Texts beyond ASCII were among them (names in Arabic, arrows, Latin-1 letters), where the
      // schema holds a string that may have them.
      if (ASCII_ONLY.includes(name)) expect(beyondAscii).toBe(0);
      else expect(beyondAscii).toBeGreaterThan(5);
    });
  }

  it('writes bytes for every kind of string: a name, an enum member, a literal, a key, one after another alike and not', () => {
    const schema = z.object({ name: z.string(), kind: z.enum(['æ', 'b']), lit: z.literal('→'), 'ø': z.array(z.string()) });
    const write = itemByteWriter(schema, '')!;
    for (const name of ['Åland', 'Åland', 'Oslo', 'القاهرة', '\ud800 lone', 'a"b\\c\n', 'Åland']) {
      const item = { name, kind: 'æ', lit: '→', 'ø': [name, 'x'] };
      expect(fromBytes(write(item)), name).toBe(JSON.stringify(item, null, 2));
    }
    // "Å" is C3 85 in UTF-8: two characters of the bytes' text.
    expect(write({ name: 'Å', kind: 'b', lit: '→', 'ø': [] })).toContain('"name": "\xc3\x85"');
    expect(itemByteWriter(schema, '')).toBe(write);
    expect(itemByteWriter(schema, '')).not.toBe(itemWriter(schema, ''));
  });

  it('nests under the indent it was made for, and keeps one writer per schema and indent', () => {
    const schema = z.object({ a: z.array(z.number()), b: z.object({ c: z.string() }) });
    const value = { b: { c: 'x' }, a: [1, -0] };
    expect(itemWriter(schema, '')!(value)).toBe('{\n  "a": [\n    1,\n    0\n  ],\n  "b": {\n    "c": "x"\n  }\n}');
    expect(itemWriter(schema, '  ')!(value)).toBe(oracle(schema, value, '  '));
    expect(itemWriter(schema, '  ')).toBe(itemWriter(schema, '  '));
    expect(itemWriter(schema, '  ')).not.toBe(itemWriter(schema, ''));
  });

  it("writes each number as JSON.stringify does when a member repeats, changes or returns to its last value, across the small whole numbers' edges", () => {
    // The writer keeps each number member's last value and text, and the texts of 0–9,999: a
    // member's text must follow its value from item to item, whatever came before.
    const schema = z.object({ a: z.number(), b: z.array(z.number()) });
    const write = itemWriter(schema, '  ')!;
    const values = [0, -0, 0, 1, 1, 9999, 10_000, 9999, -1, 0.5, 0.5, 2 ** 31, -(2 ** 31), 2 ** 32, 1e21, 5e-324, 1.7976931348623157e308, 63.0698, 63.0698, 104.78643810027604, 0];
    for (let i = 0; i < values.length; i++) {
      const item = { a: values[i], b: [values[i], values[values.length - 1 - i], values[i]] };
      expect(write(item), `item ${i}`).toBe(oracle(schema, item, '  '));
    }
    // A refused item between two alike leaves the member's next text right.
    expect(write({ a: 7, b: [] })).toBe(oracle(schema, { a: 7, b: [] }, '  '));
    expect(write({ a: Number.NaN, b: [] })).toBeUndefined();
    expect(write({ a: 7, b: [Infinity] })).toBeUndefined();
    expect(write({ a: 7, b: [7, 8] })).toBe('{\n    "a": 7,\n    "b": [\n      7,\n      8\n    ]\n  }');
  });

  it('writes no code for a schema with a part whose meaning it does not know: zod parses those', () => {
    const unsupported: z.ZodType[] = [
      z.string().min(1),
      z.string().transform((s) => s.length),
      z.coerce.number(),
      z.number().multipleOf(2),
      z.union([z.string(), z.number()]),
      z.record(z.string(), z.number()),
      z.tuple([z.number()]),
      z.unknown(),
      z.object({ a: z.string() }).refine(() => true),
      z.object({ a: z.string() }).catchall(z.number()),
      z.strictObject({ a: z.string() }),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.string().default('x') }),
      z.array(z.string()).min(1),
      z.literal(undefined),
      z.enum({ one: 1, two: 2 }),
      z.object({ ['__proto__']: z.string() }),
    ];
    for (const schema of unsupported) expect(itemWriter(schema, '')).toBeUndefined();
  });
});
