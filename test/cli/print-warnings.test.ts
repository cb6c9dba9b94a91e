// printWarnings: each distinct warning once on standard error, in order, its GitHub annotation
// after it — a few hundred lines to a write (a large run has hundreds of thousands of notices),
// the next written only once standard error has taken the last.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { printWarnings } from '../../src/cli/github.js';
import type { Terminal } from '../../src/cli/terminal.js';
import type { Warning } from '../../src/core/issues.js';

function terminal(env: Record<string, string> = {}) {
  const stderr = new PassThrough();
  stderr.resume(); // read as it comes, as a terminal or a file takes it
  const writes: string[] = [];
  const write = stderr.write.bind(stderr);
  stderr.write = ((chunk: string, ...rest: never[]) => {
    writes.push(chunk);
    return write(chunk, ...rest);
  }) as typeof stderr.write;
  const t: Terminal = { stdout: new PassThrough(), stderr, stdin: Readable.from(['']), env, cwd: '/' };
  return { terminal: t, writes };
}

/** `count` warnings, one in three a repeat of an earlier one, some without a file, one with a control character. */
function warnings(count = 1000): Warning[] {
  const list: Warning[] = [];
  for (let i = 0; i < count; i++) {
    const n = i % 3 === 2 ? i - 2 : i; // a repeat of the warning two before
    list.push({ file: n % 7 === 0 ? '' : 'services.csv', line: n % 5 === 0 ? null : n, message: `R${n} Tromsø → ×${n}${n === 4 ? '\u0007' : ''}` });
  }
  return list;
}

describe('printWarnings', () => {
  it('writes each distinct line once, in order, as one line at a time did', async () => {
    const { terminal: t, writes } = terminal();
    const list = warnings();
    await printWarnings(t, list, 'a: ');
    // The lines as the CLI wrote them before: each first one, controls made visible (U+FFFD).
    const seen = new Set<string>();
    let expected = '';
    for (const w of list) {
      const line = `warning: a: ${w.line === null ? w.file : `${w.file}:${w.line}`}: ${w.message}`;
      if (seen.has(line)) continue;
      seen.add(line);
      expected += `${line.replace('\u0007', '\ufffd')}\n`;
    }
    expect(writes.join('')).toBe(expected);
    expect(seen.size).toBe(667); // 1,000 less the 333 repeats (i = 2, 5, …, 998)
    // 667 lines, 256 to a write.
    expect(writes.length).toBe(3);
  });

  it('in GitHub Actions puts the annotation of a warning with a file right after its line', async () => {
    const { terminal: t, writes } = terminal({ GITHUB_ACTIONS: 'true' });
    const list = warnings().slice(0, 9);
    await printWarnings(t, list);
    const lines = writes.join('').split('\n');
    // Warnings 0..8 less the repeats at 2, 5, 8 (of R0, R3, R6): R0, R1, R3, R4, R6, R7. R0 and R7
    // name no file (n % 7 === 0), so they have no annotation; R0 has no line either (n % 5 === 0).
    expect(lines).toEqual([
      'warning: : R0 Tromsø → ×0',
      'warning: services.csv:1: R1 Tromsø → ×1',
      '::warning file=services.csv,line=1::R1 Tromsø → ×1',
      'warning: services.csv:3: R3 Tromsø → ×3',
      '::warning file=services.csv,line=3::R3 Tromsø → ×3',
      'warning: services.csv:4: R4 Tromsø → ×4\ufffd',
      '::warning file=services.csv,line=4::R4 Tromsø → ×4\ufffd',
      'warning: services.csv:6: R6 Tromsø → ×6',
      '::warning file=services.csv,line=6::R6 Tromsø → ×6',
      'warning: :7: R7 Tromsø → ×7',
      '',
    ]);
  });

  it('writes nothing for no warnings', async () => {
    const { terminal: t, writes } = terminal();
    await printWarnings(t, []);
    expect(writes).toEqual([]);
  });

  it('waits while standard error is full (a pipe whose reader is behind), and goes on as it is read', async () => {
    const stderr = new PassThrough({ highWaterMark: 1024 }); // nobody reads yet
    const t: Terminal = { stdout: new PassThrough(), stderr, stdin: Readable.from(['']), env: {}, cwd: '/' };
    const list = warnings(6000); // 4,000 distinct lines, about 190 KB
    let done = false;
    const printing = printWarnings(t, list).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    // The stream holds the lines written before it was full — a write of 256 lines, or one on each
    // side of the PassThrough —, not all 4,000: the rest wait for room.
    expect(done).toBe(false);
    const held = stderr.writableLength + stderr.readableLength;
    const chunks: Buffer[] = [];
    stderr.on('data', (c: Buffer) => chunks.push(c));
    await printing;
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.split('\n');
    expect(lines).toHaveLength(4000 + 1);
    const bytesOf = (n: number) => Buffer.byteLength(lines.slice(0, n).join('\n')) + 1;
    expect(held).toBeGreaterThanOrEqual(bytesOf(256));
    expect(held).toBeLessThanOrEqual(bytesOf(512));
    expect(held).toBeLessThan(Buffer.byteLength(text) / 5);
    expect(lines[0]).toBe('warning: : R0 Tromsø → ×0');
    expect(lines[3999]).toBe('warning: services.csv:5998: R5998 Tromsø → ×5998'); // 5999 repeats 5997
  });

  it('does not wait for standard error whose reader has gone', async () => {
    const stderr = new PassThrough({ highWaterMark: 1024 }); // never read
    const t: Terminal = { stdout: new PassThrough(), stderr, stdin: Readable.from(['']), env: {}, cwd: '/' };
    stderr.on('error', () => {});
    const printing = printWarnings(t, warnings());
    await new Promise((r) => setTimeout(r, 10));
    stderr.destroy();
    await expect(printing).resolves.toBeUndefined();
    // Destroyed before it starts: nothing to wait for either.
    await expect(printWarnings(t, warnings())).resolves.toBeUndefined();
  });
});
