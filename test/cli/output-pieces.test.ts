// An output in pieces written to standard output by the command line (src/cli/output.ts emit):
// to the process's own standard output, each piece's buffer is cut again once the stream has
// called back (its bytes are then out of the process, core/piece-buffers.ts); to any other
// stream (a library caller's PassThrough, which hands the very chunks on to its reader) never,
// so what that reader holds keeps its bytes.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { emit } from '../../src/cli/output.js';
import type { Terminal } from '../../src/cli/terminal.js';
import { piecesNotingMemory } from '../helpers/pieces.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

/** About 6 MB of text: six 1 MiB buffers of pieces. */
const lines = Array.from({ length: 200_000 }, (_, i) => `${i},Åland → مسقط ${i % 11}\n`);
const expected = Buffer.from(lines.join(''), 'utf8');

function terminal(stdout: NodeJS.WritableStream, stdoutFd?: number): Terminal {
  return { stdout, stdoutFd, stderr: new PassThrough(), stdin: Readable.from(['']), env: {}, cwd: process.cwd() };
}

describe('emit: pieces to standard output', () => {
  const folder = temporaryFolder('servicegap-emit-');

  it("cuts the buffers again on the process's own standard output (here a FIFO's descriptor), the bytes unchanged", async () => {
    // A FIFO opened for reading and writing: not a regular file, so the pieces go through the
    // stream, as to a pipe. The stream takes a copy when it calls back, as a descriptor's write
    // has by then.
    const fifo = join(folder.path, 'stdout.fifo');
    execFileSync('mkfifo', [fifo]);
    const fd = openSync(fifo, 'r+');
    try {
      const written: Buffer[] = [];
      const stdout = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          setImmediate(() => {
            written.push(Buffer.from(chunk));
            callback();
          });
        },
      });
      const memories = new Set<ArrayBufferLike>();
      await emit(terminal(stdout, fd), piecesNotingMemory(lines, memories), undefined, 'json');
      expect(Buffer.concat(written).equals(expected)).toBe(true);
      expect(memories.size).toBeLessThanOrEqual(2);
    } finally {
      closeSync(fd);
    }
  });

  it('leaves the buffers alone on a stream that is not the process\'s (a PassThrough whose reader keeps the chunks)', async () => {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const memories = new Set<ArrayBufferLike>();
    await emit(terminal(stdout), piecesNotingMemory(lines, memories), undefined, 'json');
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    // A buffer for each MiB of text: none cut twice.
    expect(memories.size).toBeGreaterThanOrEqual(Math.floor(expected.length / 2 ** 20));
  });
});
