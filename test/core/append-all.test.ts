// appendAll, and the terminal texts that append a run's notices with it: a list as long as a
// large run's notices (375,000 at 20,000 regions) overflowed the call stack as push(...items).
import { describe, expect, it } from 'vitest';
import { appendAll } from '../../src/core/append-all.js';
import type { Warning } from '../../src/core/issues.js';
import { closingLines, noticeLines } from '../../src/report/table.js';
import { Chalk } from 'chalk';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../e2e/run-cli.js';

const MANY = 400_000;

describe('appendAll', () => {
  it('appends every item in order, to the list it returns', () => {
    const into = ['a'];
    expect(appendAll(into, ['b', 'c'])).toBe(into);
    expect(into).toEqual(['a', 'b', 'c']);
    expect(appendAll(into, new Set(['d']))).toEqual(['a', 'b', 'c', 'd']);
  });

  it(`appends ${MANY.toLocaleString('en-US')} items`, () => {
    const items = Array.from({ length: MANY }, (_, i) => i);
    const into = [-1];
    appendAll(into, items);
    expect(into).toHaveLength(MANY + 1);
    expect(into[MANY]).toBe(MANY - 1);
  });
});

describe('the closing lines of a terminal table with a notice per series of 20,000 regions', () => {
  it('are made on a call stack where push(...notices) overflows (the built module, in a process with a small stack)', () => {
    // The test threads' stacks are larger than the command line's: a process of its own with a
    // stack of 200 KB, where pushing 100,000 items as arguments overflows, as the control shows.
    const script = `
      const { closingLines } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/report/table.js')).href)});
      const { Chalk } = await import('chalk');
      const warnings = Array.from({ length: 100000 }, (_, i) => ({ file: 'services.csv', line: null, message: 'R' + i, kind: 'plausibility' }));
      let control = 'no overflow';
      try { [].push(...warnings); } catch (e) { control = e.name; }
      const lines = [...closingLines({ excluded: [], warnings }, undefined, new Chalk({ level: 0 }))];
      console.log(JSON.stringify({ control, lines: lines.length }));`;
    const r = spawnSync(process.execPath, ['--stack-size=200', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ control: 'RangeError', lines: 100_001 });
  });

  it('lists every notice', () => {
    const warnings: Warning[] = Array.from({ length: MANY }, (_, i) => ({ file: 'services.csv', line: null, message: `R${i} crisis teams: 8 in 2019 → 2 in 2020`, kind: 'plausibility' }));
    expect([...noticeLines(warnings)]).toHaveLength(MANY + 1);
    const lines = [...closingLines({ excluded: [], warnings }, undefined, new Chalk({ level: 0 }))];
    expect(lines).toHaveLength(MANY + 1);
    expect(lines[0]).toBe('Plausibility notices (no number is changed):');
    expect(lines[MANY]).toBe(`  services.csv: R${MANY - 1} crisis teams: 8 in 2019 → 2 in 2020`);
  });
});
