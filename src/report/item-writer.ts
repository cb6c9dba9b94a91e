// One item of a long JSON array, checked and written in one pass: exactly
// `JSON.stringify(schema.parse(item), null, 2)` with every line after the first indented, by a
// function made once from the schema. A trend of 5,000 regions writes 150,000 yearly objects of
// 19 numbers; zod's parse makes a copy of each, JSON.stringify walks the copy, and the indented
// text is copied again to nest it (json-pieces.ts) — two thirds of the trend's JSON time (issue
// 18). No package writes JSON.stringify's own indented text from a schema (fast-json-stringify
// writes compact JSON and checks nothing), so it is made here, for the few kinds of schema the
// reports use, each checked exactly as zod checks it:
//   string; number (finite), with .int() (a safe integer) and .min/.max/.gt/.lt; boolean; null;
//   literal; enum of strings; nullable; optional; array; object (plain z.object: unknown keys
//   are left out, the schema's key order kept).
// A schema with anything else in it (refinements, transforms, defaults, coercion, unions,
// records, tuples, catch-alls …) gets no writer: the caller parses with zod as before. An item
// the writer finds wrong gets undefined: the caller parses it with zod, which throws zod's own
// error. test/report/item-writer.test.ts holds the writer to zod and JSON.stringify on random
// good and broken items.
//
// A writer of bytes (itemByteWriter) writes the same text as its UTF-8 bytes, one character per
// byte (core/json-string-bytes.ts), which a piece of output takes with a Latin-1 copy instead of
// UTF-8 encoding (byte-pieces.ts addBytes): the text is ASCII but for the strings from the data,
// and those are encoded one at a time as they are written. A trend of 5,000 regions writes 110 MB
// of items so.
import type { z } from 'zod';
import { jsonStringBytes } from '../core/json-string-bytes.js';

/** Writes one item (its text, or undefined when it breaks the schema). */
export type ItemWriter = (item: unknown) => string | undefined;

/** The parts of a zod definition the writer reads. */
interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: unknown;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly values?: readonly unknown[];
  readonly entries?: Record<string, unknown>;
}

interface CheckDef {
  readonly check: string;
  readonly format?: string;
  readonly value?: unknown;
  readonly inclusive?: boolean;
}

/** The keys a definition of each kind may have and still mean what the writer does; any other
 * key (coerce, a default's value, a catch-all …) changes what zod accepts or gives. */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  string: [],
  number: [],
  boolean: [],
  null: [],
  literal: ['values'],
  enum: ['entries'],
  nullable: ['innerType'],
  optional: ['innerType'],
  array: ['element'],
  object: ['shape', 'catchall'],
};

class Unsupported extends Error {}

/** Writes the code that checks and writes schemas of the supported kinds. */
class WriterCode {
  private names = 0;
  /** `bytes`: the code writes UTF-8 bytes, one character per byte (itemByteWriter). */
  constructor(private readonly bytes: boolean) {}
  /** Values the code refers to (enum members), passed in as `k`. */
  readonly constants: unknown[] = [];
  /** Declarations of the writer's own state, kept between items (each number member's last value and text). */
  readonly closure: string[] = [];

  name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  /** A piece of the written text (brackets, line breaks, quoted keys) as a literal of the code. */
  private out(text: string): string {
    return str(this.bytes ? binary(new TextEncoder().encode(text)) : text);
  }

  /** Code that checks `value` (a variable) against `schema` and appends its text to `s`, lines after the first indented by `indent`; `return` when it does not hold. */
  value(schema: z.ZodType, value: string, indent: string): string {
    const def = supportedDef(schema);
    switch (def.type) {
      case 'string':
        return `if (typeof ${value} !== 'string') return; s += str(${value});`;
      case 'number':
        // zod's z.number() takes finite numbers only. str(n) is JSON.stringify's text (−0 → "0"),
        // the same as '' + n, but '' + n goes through V8's number-to-string cache, which keeps each
        // text it makes alive until the next scavenge promotes it to the old generation: 45 MB of
        // dead texts there per trend JSON of 5,000 regions (2.85 M numbers), 5 MB with str(n); peak
        // RSS 282 → 242 MB and no slower (issue 18; bench/RESULTS.md).
        //
        // Each number member also keeps its last value and its text (c, t, in the writer's
        // closure; c starts undefined, which no number equals; −0 === 0, both written "0"): in a
        // trend, a region's starting community capacity and rate are the same in each of its
        // years, a fifth of the fractional numbers (115 ns each to make into text). With the small
        // whole numbers' texts (numberText), the trend JSON of 5,000 regions renders in 385 ms
        // instead of 435 (medians of render-only runs, issue 18); the same bytes.
        {
          const c = this.name('c');
          const t = this.name('t');
          this.closure.push(`let ${c}, ${t};`);
          return `if (typeof ${value} !== 'number' || ${value} - ${value} !== 0${this.numberChecks(def, value)}) return; if (${value} !== ${c}) { ${c} = ${value}; ${t} = num(${value}); } s += ${t};`;
        }
      case 'boolean':
        return `if (${value} === true) s += 'true'; else if (${value} === false) s += 'false'; else return;`;
      case 'null':
        return `if (${value} !== null) return; s += 'null';`;
      case 'literal': {
        const values = def.values ?? [];
        if (values.length === 0 || !values.every(isPlainLiteral)) throw new Unsupported('literal');
        return `if (!(${values.map((v) => `${value} === ${literalCode(v)}`).join(' || ')})) return; s += str(${value});`;
      }
      case 'enum': {
        const members = Object.values(def.entries ?? {});
        if (!members.every((m) => typeof m === 'string')) throw new Unsupported('enum');
        const set = this.constant(new Set(members));
        return `if (!${set}.has(${value})) return; s += str(${value});`;
      }
      case 'nullable':
        return `if (${value} === null) s += 'null'; else { ${this.value(def.innerType!, value, indent)} }`;
      case 'optional':
        // In an array (or as the item itself) an undefined is written as null, as JSON.stringify does.
        return `if (${value} === undefined) s += 'null'; else { ${this.value(def.innerType!, value, indent)} }`;
      case 'array':
        return this.array(def.element!, value, indent);
      default:
        return this.object(def, value, indent);
    }
  }

  private constant(value: unknown): string {
    this.constants.push(value);
    return `k[${this.constants.length - 1}]`;
  }

  /** The extra conditions under which a number breaks its checks (each `|| …`). */
  private numberChecks(def: Def, value: string): string {
    let code = '';
    for (const check of def.checks ?? []) {
      const c = check._zod.def;
      const keys = Object.keys(c).filter((k) => !['type', 'check', 'abort', 'error'].includes(k));
      if (c.check === 'number_format' && c.format === 'safeint' && keys.join() === 'format') code += ` || !Number.isSafeInteger(${value})`;
      else if ((c.check === 'greater_than' || c.check === 'less_than') && typeof c.value === 'number' && keys.sort().join() === 'inclusive,value') {
        const op = c.check === 'greater_than' ? (c.inclusive ? '<' : '<=') : c.inclusive ? '>' : '>=';
        code += ` || ${value} ${op} ${literalCode(c.value)}`;
      } else throw new Unsupported(`number check ${c.check}`);
    }
    return code;
  }

  private array(element: z.ZodType, value: string, indent: string): string {
    const i = this.name('i');
    const e = this.name('e');
    const inner = `${indent}  `;
    return (
      `if (!Array.isArray(${value})) return; ` +
      `if (${value}.length === 0) s += '[]'; else { ` +
      `for (let ${i} = 0; ${i} < ${value}.length; ${i}++) { const ${e} = ${value}[${i}]; s += ${i} === 0 ? ${this.out(`[\n${inner}`)} : ${this.out(`,\n${inner}`)}; ${this.value(element, e, inner)} } ` +
      `s += ${this.out(`\n${indent}]`)}; }`
    );
  }

  private object(def: Def, value: string, indent: string): string {
    if (def.catchall !== undefined) throw new Unsupported('object catchall');
    const inner = `${indent}  `;
    const entries = Object.entries(def.shape ?? {});
    const check = `if (typeof ${value} !== 'object' || ${value} === null || Array.isArray(${value})) return; `;
    if (entries.length === 0) return `${check}s += '{}';`;
    // Before each member: "{" and a line break for the first written, a comma and a line break
    // after. Known while writing the code until an optional member (which may be left out) could
    // have been the first; from there on a variable holds it.
    const open = `{\n${inner}`;
    const next = `,\n${inner}`;
    let before: string | undefined;
    let written = false;
    let code = check;
    for (const [key, schema] of entries) {
      // Read as item["__proto__"], this key would be the prototype, not the member zod reads.
      if (key === '__proto__') throw new Unsupported('member __proto__');
      const v = this.name('v');
      const name = `${JSON.stringify(key)}: `;
      const member = supportedDef(schema);
      const optional = member.type === 'optional';
      let head: string;
      if (before !== undefined) head = `s += ${before} + ${this.out(name)}; ${before} = ${this.out(next)}; `;
      else if (written || !optional) head = `s += ${this.out((written ? next : open) + name)}; `;
      else {
        before = this.name('b');
        code += `let ${before} = ${this.out(open)}; `;
        head = `s += ${before} + ${this.out(name)}; ${before} = ${this.out(next)}; `;
      }
      // An optional member that is undefined is left out, as JSON.stringify leaves it out.
      if (optional) code += `const ${v} = ${value}[${str(key)}]; if (${v} !== undefined) { ${head}${this.value(member.innerType!, v, inner)} } `;
      else {
        code += `const ${v} = ${value}[${str(key)}]; ${head}${this.value(schema, v, inner)} `;
        written = true;
      }
    }
    const close = this.out(`\n${indent}}`);
    if (written) return `${code}s += ${close};`;
    return `${code}s += ${before} === ${this.out(open)} ? '{}' : ${close};`;
  }
}

const str = (text: string): string => JSON.stringify(text);

/** Bytes as a string of one character per byte. */
const binary = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** JSON.stringify's text of a string, a literal or null, as UTF-8 bytes one per character: only a string can hold other than ASCII. */
function jsonBytes(value: unknown): string {
  return typeof value === 'string' ? `"${jsonStringBytes(value)}"` : JSON.stringify(value);
}

/** The schema's definition, when it is of a kind the writer knows and has nothing beyond it. */
function supportedDef(schema: z.ZodType): Def {
  const def = schema._zod.def as unknown as Def;
  const known = KNOWN_KEYS[def.type];
  if (known === undefined) throw new Unsupported(def.type);
  for (const key of Object.keys(def)) {
    if (key === 'type' || key === 'error' || known.includes(key)) continue;
    // Checks: none, or a number's (numberChecks takes the ones it knows).
    if (key === 'checks' && (def.type === 'number' || (def.checks ?? []).length === 0)) continue;
    throw new Unsupported(`${def.type}.${key}`);
  }
  return def;
}

function isPlainLiteral(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value));
}

function literalCode(value: unknown): string {
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/** Texts of the whole numbers 0–9,999, each made the first time it is written. */
const SMALL_WHOLE = new Array<string | undefined>(10_000);

/**
 * A number's JSON text (JSON.stringify's: −0 → "0"). Years, bed counts, changes and zeros are
 * small whole numbers, made into text once each instead of once per item: nearly half of a
 * trend's 2.5 M numbers are whole, about 40 ns each to make into text, 15 ns from the table
 * (issue 18). At most 10,000 short texts are kept, in the old generation once made.
 */
function numberText(n: number): string {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: any number's text kept under its own key is its text; the bounds keep the table small
  if (n >= 0 && n < 10_000 && (n | 0) === n) return (SMALL_WHOLE[n] ??= JSON.stringify(n));
  return JSON.stringify(n);
}

const made = new WeakMap<z.ZodType, Map<string, ItemWriter | null>>();

/**
 * The writer of items of `schema` nested under `indent` (the text of each line after the first
 * starts with it), or undefined when the schema has a part the writer does not know.
 */
export function itemWriter(schema: z.ZodType, indent: string): ItemWriter | undefined {
  return writerOf(schema, indent, false);
}

/**
 * `itemWriter`'s text as UTF-8 bytes, one character per byte (json-string-bytes.ts): what a
 * piece of output takes with addBytes (byte-pieces.ts).
 */
export function itemByteWriter(schema: z.ZodType, indent: string): ItemWriter | undefined {
  return writerOf(schema, indent, true);
}

function writerOf(schema: z.ZodType, indent: string, bytes: boolean): ItemWriter | undefined {
  let byStyle = made.get(schema);
  if (byStyle === undefined) made.set(schema, (byStyle = new Map()));
  const key = `${bytes ? 'bytes' : 'text'} ${indent}`;
  let writer = byStyle.get(key);
  if (writer === undefined) {
    writer = null;
    try {
      const code = new WriterCode(bytes);
      const body = `let s = ''; ${code.value(schema, 'item', indent)} return s;`;
      // The code is made above from the schema's kinds, its keys (quoted by JSON.stringify) and constants passed in as `k`;
      // `str` writes a string or a literal (JSON.stringify's text, or its bytes), `num` a number (numberText).
      const make = new Function('str', 'num', 'k', `${code.closure.join(' ')} return function writeItem(item) { ${body} };`) as (str: (v: unknown) => string, num: (n: number) => string, k: unknown[]) => ItemWriter;
      writer = make(bytes ? jsonBytes : JSON.stringify, numberText, code.constants);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
    byStyle.set(key, writer);
  }
  return writer ?? undefined;
}
