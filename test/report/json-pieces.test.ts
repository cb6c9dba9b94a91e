// A JSON output in pieces (src/report/json-pieces.ts) must be exactly what the whole output was:
// JSON.stringify of the schema's parse, two-space indent, a final line feed. JSON.stringify itself
// is the oracle, on random values (fast-check, fixed seed) and on the report, coverage and trend
// renderers' own outputs.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { config, z } from 'zod';
import { schemaJson, schemaJsonPieces } from '../../src/report/json-pieces.js';
import { renderJsonPieces } from '../../src/report/json.js';
import { renderOutput, renderOutputPieces } from '../../src/report/registry.js';
import { sampleContext, sampleReport } from './sample-report.js';

/** Pieces of UTF-8 as one text. */
const utf8 = (pieces: readonly Uint8Array[]) => Buffer.concat(pieces).toString('utf8');

/** The oracle: the whole output as the renderers made it before pieces. */
const whole = (schema: z.ZodType, value: unknown) => `${JSON.stringify(schema.parse(value), null, 2)}\n`;

const Item = z.object({ name: z.string(), value: z.number().nullable(), tags: z.array(z.string()), nested: z.unknown().optional() });
const Doc = z.object({
  title: z.string(),
  optional: z.string().optional(),
  items: z.array(Item),
  notes: z.array(z.string()),
  meta: z.record(z.string(), z.unknown()),
});
const STREAMED = ['items', 'notes'] as const;

const text = fc.string({ unit: 'binary', maxLength: 12 });
const item = fc.record(
  { name: text, value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })), tags: fc.array(text, { maxLength: 3 }), nested: fc.jsonValue({ maxDepth: 3 }) },
  { requiredKeys: ['name', 'value', 'tags'] },
);
const doc = fc.record(
  { title: text, optional: text, items: fc.array(item, { maxLength: 8 }), notes: fc.array(text, { maxLength: 5 }), meta: fc.dictionary(text, fc.jsonValue({ maxDepth: 2 })) },
  { requiredKeys: ['title', 'items', 'notes', 'meta'] },
);

describe('schemaJsonPieces', () => {
  it('gives exactly JSON.stringify(schema.parse(value), null, 2) + "\\n" for any value', () => {
    fc.assert(
      fc.property(doc, (value) => {
        expect(schemaJson(Doc, value, STREAMED)).toBe(whole(Doc, value));
        expect(utf8([...schemaJsonPieces(Doc, value, STREAMED)])).toBe(whole(Doc, value));
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it('keeps the schema\'s key order, leaves out an undefined member and writes an empty array as []', () => {
    const value = { meta: { b: 1, a: [] }, notes: [], items: [], optional: undefined, title: 'x' };
    const out = schemaJson(Doc, value, STREAMED);
    expect(out).toBe('{\n  "title": "x",\n  "items": [],\n  "notes": [],\n  "meta": {\n    "b": 1,\n    "a": []\n  }\n}\n');
    expect(out).toBe(whole(Doc, value));
  });

  it('indents the items of a streamed array as JSON.stringify does, line breaks and "→" in strings included', () => {
    const value = { title: 't', items: [{ name: 'a\nb → c', value: 1.5, tags: ['x'], nested: { deep: [1, { e: null }] } }], notes: ['æøå', 'القاهرة'], meta: {} };
    expect(schemaJson(Doc, value, STREAMED)).toBe(whole(Doc, value));
  });

  it('passes a long array on in several pieces, each made only when the one before was taken', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ name: `item ${i} →`, value: i / 7, tags: ['a', 'b'] }));
    const value = { title: 'long', items, notes: [], meta: {} };
    const made: number[] = [];
    const parsing = z.object({ ...Doc.shape, items: z.array(Item.transform((x) => (made.push(made.length), x))) });
    const pieces = schemaJsonPieces(parsing, value, STREAMED);
    const first = pieces.next();
    expect(first.done).toBe(false);
    // The first piece needed only the first items, not all 3,000.
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThan(items.length);
    const rest = [...pieces];
    expect(rest.length).toBeGreaterThan(1);
    expect(made.length).toBe(items.length);
    expect(utf8([first.value as Uint8Array, ...rest])).toBe(whole(Doc, value));
  });

  it('gives UTF-8 pieces that end between characters, a member longer than a piece included', () => {
    // 400,000 UTF-16 units of two-, three- and four-byte UTF-8 in members outside the streamed
    // arrays (more than a piece's buffer of 1 MiB takes), then items with "→" and Arabic, enough
    // for several buffers.
    const long = 'æ→😀'.repeat(100_000);
    const items = Array.from({ length: 20_000 }, (_, i) => ({ name: `القاهرة ${i} →`, value: i, tags: ['😀'] }));
    const value = { title: long, items, notes: [long], meta: { long } };
    const pieces = [...schemaJsonPieces(Doc, value, STREAMED)];
    expect(pieces.length).toBeGreaterThan(20);
    // Each piece is whole UTF-8 on its own (a fatal decoder throws on a character cut in two).
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const piece of pieces) expect(() => strict.decode(piece)).not.toThrow();
    expect(utf8(pieces)).toBe(whole(Doc, value));
    expect(schemaJson(Doc, value, STREAMED)).toBe(whole(Doc, value));
  });

  it('throws when an item breaks its schema, as the whole parse did', () => {
    const value = { title: 't', items: [{ name: 'a', value: 1, tags: [] }, { name: 2, value: 1, tags: [] }], notes: [], meta: {} };
    expect(() => schemaJson(Doc, value as never, STREAMED)).toThrow(z.ZodError);
    expect(() => Doc.parse(value)).toThrow(z.ZodError);
  });
});

describe('schemaJsonPieces with zod\'s compiled parsers off (as the command line has them)', () => {
  it('checks a long array by a compiled copy of its item schema: the same text, the same refusals, the setting kept', () => {
    // Schemas made jitless, as cli/zod-jitless.ts makes every schema of the command line.
    const before = config().jitless;
    config({ jitless: true });
    try {
      // Objects inside the item too (a trend region's years), through an array and an optional.
      // The tags' length check is one the item writer does not know (item-writer.ts), so zod checks these items.
      const Part = z.object({ year: z.number().int(), share: z.number().min(0).nullable() });
      const JitlessItem = z.object({ name: z.string(), value: z.number().nullable(), tags: z.array(z.string()).max(3), parts: z.array(Part), best: Part.optional() });
      const JitlessDoc = z.object({ title: z.string(), items: z.array(JitlessItem), notes: z.array(z.string()), meta: z.record(z.string(), z.unknown()) });
      const items = Array.from({ length: 2500 }, (_, i) => ({
        name: `→ ${i}`,
        value: i % 3 === 0 ? null : i / 7,
        tags: i % 2 ? ['a'] : [],
        parts: Array.from({ length: i % 4 }, (_, k) => ({ year: 2000 + k, share: k === 1 ? null : k / 3, extra: 'dropped too' })),
        ...(i % 5 === 0 ? { best: { year: 2001, share: 0.5 } } : {}),
        extra: 'dropped',
      }));
      const value = { title: 'many', items, notes: ['æ'], meta: {} };
      // zod makes a compiled parser with `new Function(…, "… function (payload, ctx) …")` (zod/v4/core/doc.js).
      let compiled = 0;
      const Made = globalThis.Function;
      globalThis.Function = new Proxy(Made, {
        construct(target, args: unknown[]) {
          if (/function \(payload, ctx\)/.test(String(args.at(-1)))) compiled++;
          return Reflect.construct(target, args) as object;
        },
      });
      let out: string;
      try {
        out = schemaJson(JitlessDoc, value, ['items', 'notes']);
      } finally {
        globalThis.Function = Made;
      }
      // The item's parser and the one of the objects inside it (an object schema used twice is copied twice).
      expect(compiled).toBe(3);
      expect(out).toBe(whole(JitlessDoc, value));
      expect(out).not.toContain('dropped');
      expect(config().jitless).toBe(true);
      // A bad item far down the array is refused as the whole parse refuses it.
      const bad = { ...value, items: [...items.slice(0, 2400), { name: 7, value: 1, tags: [], parts: [] }] };
      expect(() => schemaJson(JitlessDoc, bad as never, ['items', 'notes'])).toThrow(z.ZodError);
      expect(() => JitlessDoc.parse(bad)).toThrow(z.ZodError);
      // And a check deep inside (share ≥ 0 of a part) still holds in the copy.
      const badPart = { ...value, items: [...items.slice(0, 2400), { name: 'x', value: 1, tags: [], parts: [{ year: 2000, share: -1 }] }] };
      expect(() => schemaJson(JitlessDoc, badPart, ['items', 'notes'])).toThrow(z.ZodError);
      expect(() => JitlessDoc.parse(badPart)).toThrow(z.ZodError);
    } finally {
      config({ jitless: before });
    }
  });
});

describe('schemaJsonPieces with an item writer', () => {
  const Element = z.object({ name: z.string(), value: z.number().nullable(), tags: z.array(z.string()) });
  const Long = z.object({ title: z.string(), items: z.array(Element), notes: z.array(z.string()) });
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `→ ${i}`, value: i % 3 ? i / 7 : null, tags: i % 2 ? ['a'] : [], extra: 'dropped' }));

  it('writes the items of a long array without zod\'s parse, the same text; a short one through zod', () => {
    for (const [n, parses] of [
      [300, 0],
      [150, 150],
    ] as const) {
      const parse = vi.spyOn(Element, 'parse');
      try {
        const value = { title: 't', items: many(n), notes: ['æ'] };
        const out = schemaJson(Long, value, ['items', 'notes']);
        expect(parse).toHaveBeenCalledTimes(parses);
        expect(out).toBe(whole(Long, value));
        expect(out).not.toContain('dropped');
      } finally {
        parse.mockRestore();
      }
    }
  });

  it('writes a long array\'s items as UTF-8 bytes into the pieces: the same text, names in any script, over many pieces', () => {
    // 40,000 items (about 3.5 MB, several buffers of 1 MiB) through the byte writer
    // (item-writer.ts itemByteWriter), names beyond ASCII in each: their bytes copied as they
    // are, never cut between two pieces.
    const names = ['Åland', 'القاهرة', 'Troms og Finnmark →', '😀 \ud800', 'a"b\\c\n'];
    const items = Array.from({ length: 40_000 }, (_, i) => ({ name: `${names[i % names.length]} ${i}`, value: i % 3 ? i / 7 : null, tags: i % 2 ? ['ø', 'a'] : [] }));
    const value = { title: 'Møre', items, notes: ['æ'] };
    const parse = vi.spyOn(Element, 'parse');
    try {
      const pieces = [...schemaJsonPieces(Long, value, ['items', 'notes'])];
      expect(parse).not.toHaveBeenCalled();
      expect(pieces.length).toBeGreaterThan(3);
      const strict = new TextDecoder('utf-8', { fatal: true });
      for (const piece of pieces) expect(() => strict.decode(piece)).not.toThrow();
      expect(utf8(pieces)).toBe(whole(Long, value));
    } finally {
      parse.mockRestore();
    }
  });

  it('refuses a bad item far down a long array with zod\'s own error', () => {
    const parse = vi.spyOn(Element, 'parse');
    try {
      const value = { title: 't', items: [...many(250), { name: 'x', value: Number.NaN, tags: [] }], notes: [] };
      expect(() => schemaJson(Long, value, ['items', 'notes'])).toThrow(z.ZodError);
      expect(() => Long.parse(value)).toThrow(/items.*250.*value|expected number/s);
      // Only the bad item went to zod.
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('renderOutputPieces', () => {
  it('a report as JSON: pieces that join to renderOutput\'s text', async () => {
    const output = { kind: 'report', format: 'json', data: sampleReport(), context: sampleContext() } as const;
    const pieces = await renderOutputPieces(output);
    expect(typeof pieces).toBe('object');
    const parts: Uint8Array[] = [];
    for await (const piece of pieces as AsyncIterable<Uint8Array>) parts.push(piece);
    expect(utf8(parts)).toBe(await renderOutput(output));
    expect(utf8(parts)).toBe(utf8([...renderJsonPieces(sampleReport())]));
  });

  it('a format without pieces: the whole text, as renderOutput gives it', async () => {
    const output = { kind: 'report', format: 'csv', data: sampleReport(), context: sampleContext() } as const;
    expect(await renderOutputPieces(output)).toBe(await renderOutput(output));
  });
});
