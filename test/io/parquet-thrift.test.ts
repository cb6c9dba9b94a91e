// The page-header reader (src/io/parquet-thrift.ts) against an encoder written here from the
// Thrift compact protocol's specification (thrift/doc/specs/thrift-compact-protocol.md): random
// page headers — a data page (v1 or v2) or a dictionary page, with the fields other writers add
// (a CRC, page statistics with binary bounds and booleans, an index page header, fields of every
// type a future version might add: byte, i16, i64, double, lists and sets of every element type,
// maps, nested structs, ids that need a long form) — must read back to the fields the reader
// keeps, and end exactly where the header ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPageHeader } from '../../src/io/parquet-thrift.js';

type Value =
  | { t: 'bool'; v: boolean }
  | { t: 'byte'; v: number }
  | { t: 'i16' | 'i32'; v: number }
  | { t: 'i64'; v: bigint }
  | { t: 'double'; v: number }
  | { t: 'binary'; v: Uint8Array }
  | { t: 'list' | 'set'; element: Value['t']; v: Value[] }
  | { t: 'map'; key: Value['t']; value: Value['t']; v: [Value, Value][] }
  | { t: 'struct'; v: [number, Value][] };

const TYPE: Record<Value['t'], number> = { bool: 1, byte: 3, i16: 4, i32: 5, i64: 6, double: 7, binary: 8, list: 9, set: 10, map: 11, struct: 12 };

/** An encoder of the compact protocol, independent of the reader. */
class Out {
  bytes: number[] = [];
  varint(n: bigint): void {
    let x = n;
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x > 0n) b |= 0x80;
      this.bytes.push(b);
    } while (x > 0n);
  }
  zigzag(n: bigint, bits: bigint): void {
    this.varint(n >= 0n ? n << 1n : ((-n) << 1n) - 1n);
    void bits;
  }
  value(v: Value, inContainer: boolean): void {
    switch (v.t) {
      case 'bool':
        if (inContainer) this.bytes.push(v.v ? 1 : 2);
        return; // in a struct the field's type says it
      case 'byte':
        this.bytes.push(v.v & 0xff);
        return;
      case 'i16':
      case 'i32':
        this.zigzag(BigInt(v.v), 32n);
        return;
      case 'i64':
        this.zigzag(v.v, 64n);
        return;
      case 'double': {
        const b = new Uint8Array(8);
        new DataView(b.buffer).setFloat64(0, v.v, true);
        this.bytes.push(...b);
        return;
      }
      case 'binary':
        this.varint(BigInt(v.v.length));
        this.bytes.push(...v.v);
        return;
      case 'list':
      case 'set':
        if (v.v.length < 15) this.bytes.push((v.v.length << 4) | TYPE[v.element]);
        else {
          this.bytes.push(0xf0 | TYPE[v.element]);
          this.varint(BigInt(v.v.length));
        }
        for (const e of v.v) this.value(e, true);
        return;
      case 'map':
        this.varint(BigInt(v.v.length));
        if (v.v.length > 0) this.bytes.push((TYPE[v.key] << 4) | TYPE[v.value]);
        for (const [k, x] of v.v) {
          this.value(k, true);
          this.value(x, true);
        }
        return;
      case 'struct':
        this.struct(v.v);
    }
  }
  struct(fields: readonly [number, Value][]): void {
    let last = 0;
    for (const [id, v] of fields) {
      const type = v.t === 'bool' ? (v.v ? 1 : 2) : TYPE[v.t];
      if (id > last && id - last <= 15) this.bytes.push(((id - last) << 4) | type);
      else {
        this.bytes.push(type);
        this.zigzag(BigInt(id), 16n);
      }
      last = id;
      this.value(v, false);
    }
    this.bytes.push(0);
  }
}

const scalar = (t: Value['t']): fc.Arbitrary<Value> => {
  switch (t) {
    case 'bool':
      return fc.boolean().map((v) => ({ t, v }));
    case 'byte':
      return fc.integer({ min: -128, max: 127 }).map((v) => ({ t, v }));
    case 'i16':
      return fc.integer({ min: -32768, max: 32767 }).map((v) => ({ t, v }));
    case 'i32':
      return fc.integer().map((v) => ({ t, v }));
    case 'i64':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => ({ t, v }));
    case 'double':
      return fc.double().map((v) => ({ t, v }));
    default:
      return fc.uint8Array({ maxLength: 40 }).map((v) => ({ t: 'binary' as const, v }));
  }
};
const SCALARS: Value['t'][] = ['bool', 'byte', 'i16', 'i32', 'i64', 'double', 'binary'];
const anyValue: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS).chain(scalar),
    fc.constantFrom(...SCALARS).chain((element) => fc.record({ t: fc.constantFrom<'list' | 'set'>('list', 'set'), element: fc.constant(element), v: fc.array(scalar(element), { maxLength: 20, size: 'max' }) })),
    fc.tuple(fc.constantFrom(...SCALARS), fc.constantFrom(...SCALARS)).chain(([key, value]) => fc.record({ t: fc.constant('map' as const), key: fc.constant(key), value: fc.constant(value), v: fc.array(fc.tuple(scalar(key), scalar(value)), { maxLength: 4 }) })),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), tie('value')), { maxLength: 4 }).map((fs) => ({ t: 'struct' as const, v: sortFields(fs) })),
  ),
})).value;

function sortFields(fields: [number, Value][]): [number, Value][] {
  const seen = new Set<number>();
  return fields.filter(([id]) => !seen.has(id) && seen.add(id)).sort((a, b) => a[0] - b[0]);
}

const i32 = (v: number): Value => ({ t: 'i32', v });
const header = fc.record({
  kind: fc.constantFrom(0, 2, 3),
  uncompressed: fc.integer({ min: 0, max: 1 << 30 }),
  compressed: fc.integer({ min: 0, max: 1 << 30 }),
  values: fc.integer({ min: 0, max: 1 << 30 }),
  encoding: fc.constantFrom(0, 2, 3, 8),
  defLength: fc.integer({ min: 0, max: 1 << 20 }),
  compressedFlag: fc.option(fc.boolean(), { nil: undefined }),
  crc: fc.option(fc.integer(), { nil: undefined }),
  statistics: fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), anyValue), { maxLength: 6 }),
  extra: fc.array(fc.tuple(fc.integer({ min: 9, max: 300 }), anyValue), { maxLength: 3 }),
});

describe('readPageHeader', () => {
  it('reads the fields it keeps and ends where the header ends, whatever other fields the header holds', () => {
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 8 }), (h, after) => {
        const stats: Value = { t: 'struct', v: sortFields(h.statistics) };
        const fields: [number, Value][] = [
          [1, i32(h.kind)],
          [2, i32(h.uncompressed)],
          [3, i32(h.compressed)],
        ];
        if (h.crc !== undefined) fields.push([4, i32(h.crc)]);
        if (h.kind === 0) fields.push([5, { t: 'struct', v: [[1, i32(h.values)], [2, i32(h.encoding)], [3, i32(3)], [4, i32(3)], [5, stats]] }]);
        if (h.kind === 2) fields.push([7, { t: 'struct', v: [[1, i32(h.values)], [2, i32(0)], [3, { t: 'bool', v: true }]] }]);
        if (h.kind === 3) {
          const v2: [number, Value][] = [[1, i32(h.values)], [2, i32(0)], [3, i32(h.values)], [4, i32(h.encoding)], [5, i32(h.defLength)], [6, i32(0)]];
          if (h.compressedFlag !== undefined) v2.push([7, { t: 'bool', v: h.compressedFlag }]);
          v2.push([8, stats]);
          fields.push([8, { t: 'struct', v: v2 }]);
        }
        fields.push(...sortFields(h.extra));
        const out = new Out();
        out.struct(fields);
        const bytes = Uint8Array.from([...out.bytes, ...after]);
        const r = { view: new DataView(bytes.buffer), offset: 0 };
        const read = readPageHeader(r);
        expect(r.offset).toBe(out.bytes.length);
        expect(read.type).toBe(h.kind);
        expect(read.uncompressed_page_size).toBe(h.uncompressed);
        expect(read.compressed_page_size).toBe(h.compressed);
        if (h.kind === 2) expect(read.dictionary_num_values).toBe(h.values);
        else {
          expect(read.num_values).toBe(h.values);
          expect(read.encoding).toBe(h.encoding);
        }
        if (h.kind === 3) {
          expect(read.definition_levels_byte_length).toBe(h.defLength);
          expect(read.is_compressed).toBe(h.compressedFlag);
        }
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });
});
