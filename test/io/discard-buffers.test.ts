// Buffers given back at once when a parallel reading is done (io/discard-buffers.ts): detached,
// their memory freed without waiting for a collection; and what the readers hand over to be
// discarded — the buffers given back to them and not taken again, never one still out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discardBuffers } from '../../src/io/discard-buffers.js';
import { PieceColumns, recyclable } from '../../src/io/piece-columns.js';
import { PieceSource } from '../../src/io/piece-source.js';

const dir = mkdtempSync(join(tmpdir(), 'sg-discard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('discardBuffers', () => {
  it('detaches the buffers and frees their memory before any collection', async () => {
    // The count is the process's (other test files' threads allocate too): 256 MB are discarded,
    // and at least 200 MB of it must be seen to go.
    const buffers = Array.from({ length: 8 }, () => new ArrayBuffer(32 << 20));
    const held = process.memoryUsage().arrayBuffers;
    discardBuffers(buffers);
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
    // The closed port drops its message on a later turn of the event loop; the buffers are still
    // referenced here, so no collection could have freed them.
    for (let i = 0; i < 300 && held - process.memoryUsage().arrayBuffers < 200 << 20; i++) await new Promise((r) => setTimeout(r, 10));
    expect(held - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(200 << 20);
    expect(buffers).toHaveLength(8);
  });

  it('nothing to discard is nothing done; a buffer that cannot be transferred is left whole, without an error', () => {
    expect(() => discardBuffers([])).not.toThrow();
    // Buffer.from of a short text is a slice of Node's shared pool, which cannot be transferred
    // (Node 20 leaves it out of the transfer; later versions throw, which is caught).
    const pooled = Buffer.from('region');
    expect(() => discardBuffers([new ArrayBuffer(16), pooled.buffer])).not.toThrow();
    expect(pooled.buffer.byteLength).toBeGreaterThan(0);
    expect(pooled.toString()).toBe('region');
  });
});

describe('what the readers hand over to be discarded', () => {
  it('PieceSource: the buffers given back, once; not the one whose piece is still out', async () => {
    const path = join(dir, 'rest.csv');
    writeFileSync(path, 'a,1\n'.repeat(100));
    async function* unused(): AsyncGenerator<Uint8Array> {}
    const source = new PieceSource({ carry: new Uint8Array(0), source: unused(), firstLine: 2, lastRecordEnd: 1, file: { path, name: 'rest.csv', position: 0 } }, 40, 100);
    const first = await source.next();
    const second = await source.next();
    source.release(first!.bytes);
    await source.close();
    const free = source.takeFreeBuffers();
    expect(free).toEqual([first!.bytes.buffer]);
    expect(free).not.toContain(second!.bytes.buffer);
    expect(source.takeFreeBuffers()).toEqual([]);
  });

  it('PieceColumns: the arrays given back and not taken again, once', () => {
    const columns = new PieceColumns('services');
    const taken = columns.take();
    const next = columns.take();
    columns.recycle(recyclable(taken));
    expect(columns.takeSpareBuffers()).toEqual(recyclable(taken));
    expect(columns.takeSpareBuffers()).toEqual([]);
    // Arrays given back and taken again for the piece being collected are never among them.
    columns.recycle(recyclable(next));
    columns.take();
    expect(columns.takeSpareBuffers()).toEqual([]);
    expect(columns.take().key.buffer).toBe(next.key.buffer);
  });
});
