// A JSON output written in pieces: exactly `JSON.stringify(schema.parse(value), null, 2) + "\n"`,
// but the large arrays of the top-level object (a report's regions and warnings, a trend's regions)
// are checked and written one item at a time (by an item writer made from the item's schema,
// item-writer.ts, when the array is long and the schema one it knows; else by zod's parse and
// JSON.stringify). A report of hundreds of thousands of warnings or a trend of every region ×
// year is then never held as a parsed copy, nor as one string (which V8 stores at two bytes a
// character as soon as one "→" is in it), nor as one buffer: the peak is one item, and the
// writer passes each piece on as it comes (issue 18). The pieces are UTF-8 bytes, each item's text
// encoded into the piece as it is written: joining the texts of a piece into one string first and
// encoding that took a second pass over every character (trend on 5,000 regions, 145 MB: 8 %
// of its time). A long array's items are written as their bytes already (item-writer.ts
// itemByteWriter) and copied into the piece as they are: the JSON of a trend of 5,000 regions
// rendered in 802 ms instead of 901 (medians of ten alternating, each build rendering the run its
// own library made; a report's and a coverage's within noise).
import { config, type z } from 'zod';
import { itemsToWrite } from '../core/lazy-warnings.js';
import { WarningSchema } from '../core/report-schema.js';
import { BytePieces, type PieceBuilder } from './byte-pieces.js';
import { itemByteWriter, itemWriter } from './item-writer.js';
import { warningItemBytes } from './warning-bytes.js';

/** Items written as UTF-8 bytes when they can be (a builder that takes bytes): by their schema. */
const BYTE_WRITERS = new Map<z.ZodType, (item: unknown, indent: string) => string | undefined>([[WarningSchema, warningItemBytes]]);

/** The whole text as one string (schemaJson). */
class WholeText implements PieceBuilder<string> {
  private readonly parts: string[] = [];

  add(text: string): undefined {
    this.parts.push(text);
    return undefined;
  }

  end(text: string): string {
    this.parts.push(text);
    return this.parts.join('');
  }

}

/** `JSON.stringify(value, null, 2)` as it reads nested under `indent` (every line after the first indented). */
function nested(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
}

/**
 * From this many items on, a streamed array's items are checked by a compiled copy of their schema.
 * The command line turns zod's compiled parsers off (cli/zod-jitless.ts: compiling costs more than
 * it saves for the few parses a command does), but a report with 100,000 warnings parses one
 * schema that many times, and the compiled parser takes well under half the time (issue 18;
 * docs/performance.md). Same schema, same checks: zod compiles the parser from the schema itself.
 */
const COMPILE_FROM = 2000;
/** From this many items on, a streamed array is written by an item writer (item-writer.ts), made
 * from the item's schema at a cost of about a hundred items parsed by zod. */
const WRITE_FROM = 200;
const compiled = new WeakMap<z.ZodType, z.ZodType>();

function itemSchema(schema: z.ZodType, items: number): z.ZodType {
  if (items < COMPILE_FROM || !config().jitless) return schema;
  let fast = compiled.get(schema);
  if (fast === undefined) {
    // zod reads the setting when a schema is made: a copy made while it is off compiles its parser.
    config({ jitless: false });
    try {
      fast = compiledCopy(schema);
    } finally {
      config({ jitless: true });
    }
    compiled.set(schema, fast);
  }
  return fast;
}

/** What compiledCopy reads of a schema's definition. */
interface CopiedDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
}

/**
 * A copy of `schema` made now, and of the object schemas inside it through arrays, optionals and
 * nullables (a trend region's years), each from its own definition: the same checks, and, with
 * zod's setting off, compiled parsers. Any other kind of schema is used as it is.
 */
function compiledCopy(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as unknown as CopiedDef;
  const copy = (changed: Partial<CopiedDef>) => schema.clone({ ...def, ...changed } as never);
  if (def.type === 'object') return copy({ shape: Object.fromEntries(Object.entries(def.shape!).map(([key, value]) => [key, compiledCopy(value)])) });
  if (def.type === 'array') return copy({ element: compiledCopy(def.element!) });
  if (def.type === 'optional' || def.type === 'nullable') return copy({ innerType: compiledCopy(def.innerType!) });
  return schema;
}

/**
 * The pieces of `JSON.stringify(schema.parse(value), null, 2) + "\n"` (the same characters, as
 * UTF-8 bytes), where the arrays named by `streamed` (top-level keys of the schema, each a
 * `z.array`) are checked by their item schema item by item, as they are written. The rest of the
 * object goes through the schema at once, so the key order is the schema's. A piece ends between
 * two texts, never inside a character.
 */
export function schemaJsonPieces<S extends z.ZodObject>(schema: S, value: z.input<S>, streamed: readonly (keyof S['shape'] & string)[]): Generator<Uint8Array> {
  return jsonPieces(schema, value, streamed, new BytePieces());
}

/** The whole text of `schemaJsonPieces` (the library's `renderOutput`, which returns one string). */
export function schemaJson<S extends z.ZodObject>(schema: S, value: z.input<S>, streamed: readonly (keyof S['shape'] & string)[]): string {
  return [...jsonPieces(schema, value, streamed, new WholeText())].join('');
}

function* jsonPieces<S extends z.ZodObject, P>(schema: S, value: z.input<S>, streamed: readonly (keyof S['shape'] & string)[], pieces: PieceBuilder<P>): Generator<P> {
  const record = value as Record<string, unknown>;
  const lazyKeys: readonly string[] = streamed;
  // The object without the streamed arrays (each an empty array in its place, which keeps its key's
  // position), never reading them: warnings not read yet are made as they are written (itemsToWrite).
  const emptied: Record<string, unknown> = {};
  for (const key of Object.keys(record)) emptied[key] = lazyKeys.includes(key) ? [] : record[key];
  const shell = schema.parse(emptied) as Record<string, unknown>;

  let entries = 0;
  for (const [key, member] of Object.entries(shell)) {
    const lazy = lazyKeys.includes(key);
    const text = lazy ? undefined : nested(member, '  ');
    if (!lazy && text === undefined) continue; // JSON.stringify leaves out an undefined member
    let piece = pieces.add(`${entries === 0 ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `);
    if (piece !== undefined) yield piece;
    entries++;
    if (!lazy) {
      piece = pieces.add(text!);
      if (piece !== undefined) yield piece;
      continue;
    }
    const items = itemsToWrite(record, key);
    const element = (schema.shape[key] as unknown as z.ZodArray<z.ZodType>).element;
    yield* itemPieces(element, items, pieces);
  }
  yield pieces.end(entries === 0 ? '{}\n' : '\n}\n');
}


/**
 * The text of a streamed array (`[]`, or its items one per line under a two-space key), in pieces.
 * `items` is an array, or items made as they are iterated (core/lazy-warnings.ts): of those the
 * first COMPILE_FROM are taken ahead, to write a short list as a short array is written.
 */
function* itemPieces<P>(element: z.ZodType, items: Iterable<unknown>, pieces: PieceBuilder<P>): Generator<P> {
  const iterator = Array.isArray(items) ? undefined : items[Symbol.iterator]();
  const first: readonly unknown[] = iterator === undefined ? (items as readonly unknown[]) : takeAhead(iterator, COMPILE_FROM);
  /** How many items there are, or at least (more may come from the iterator). */
  const count = iterator === undefined || first.length < COMPILE_FROM ? first.length : Infinity;
  if (count === 0) {
    const piece = pieces.add('[]');
    if (piece !== undefined) yield piece;
    return;
  }
  // A long array's items are checked and written in one pass (item-writer.ts) when the schema
  // allows, as UTF-8 bytes when the pieces take them; an item the writer refuses, or a schema it
  // does not know, goes through zod.
  const long = count >= WRITE_FROM;
  const writeBytes = long && pieces.addBytes !== undefined ? itemByteWriter(element, '    ') : undefined;
  // (a plausibility notice has a writer of its own: warning-bytes.ts)
  const writeSpecial = writeBytes !== undefined ? BYTE_WRITERS.get(element) : undefined;
  const write = long && writeBytes === undefined ? itemWriter(element, '    ') : undefined;
  let item: z.ZodType | undefined;
  let piece: P | undefined;
  /** The items after the first, still to come. */
  const rest = count === Infinity ? iterator : undefined;
  for (let i = 0; ; i++) {
    let value: unknown;
    if (i < first.length) value = first[i];
    else {
      const next = rest?.next();
      if (next === undefined || next.done === true) break;
      value = next.value;
    }
    const bytes = writeSpecial?.(value, '    ') ?? writeBytes?.(value);
    let text = bytes === undefined ? write?.(value) : undefined;
    if (bytes === undefined && text === undefined) {
      item ??= itemSchema(element, count);
      text = nested(item.parse(value), '    ') ?? 'null';
    }
    // The separator and the item's text each written as they are (not joined into a third string first).
    piece = pieces.add(i === 0 ? '[\n    ' : ',\n    ');
    if (piece !== undefined) yield piece;
    piece = bytes === undefined ? pieces.add(text!) : pieces.addBytes!(bytes);
    if (piece !== undefined) yield piece;
  }
  piece = pieces.add('\n  ]');
  if (piece !== undefined) yield piece;
}

/** Up to `n` items of `iterator`, taken now. */
function takeAhead(iterator: Iterator<unknown>, n: number): unknown[] {
  const taken: unknown[] = [];
  while (taken.length < n) {
    const next = iterator.next();
    if (next.done === true) break;
    taken.push(next.value);
  }
  return taken;
}
