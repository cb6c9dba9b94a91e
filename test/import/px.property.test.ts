// The hand-written PC-Axis reader against an independent writer (this file): random tables with
// codes and labels in any script (quotes excepted: PX has no escape for them), VALUES wrapped over
// several lines at random, long texts split into continued strings, cells as numbers, missing
// symbols and nil, separated by spaces, tabs, commas or line breaks, and half of them in KEYS
// layout with random stub rows left out. Every cell must come back with its codes, value and status.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPx } from '../../src/core/import/read-px.js';
import type { ImportIssue } from '../../src/core/import/table.js';

const SYMBOLS = ['.', '..', '...', '....', '.....', '......', '-'];
const name = fc.stringMatching(/^[A-Za-zÆØÅæøåÄÖäö\u0600-\u06ff0-9 _-]{1,12}$/).filter((s) => s.trim() === s && s !== '');
const cell = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => ({ text: String(n), value: n, status: undefined as string | undefined })),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((d) => Number(d.toFixed(3))).map((n) => ({ text: String(n), value: Number(String(n)), status: undefined })),
  fc.constantFrom(...SYMBOLS).map((s) => ({ text: `"${s}"`, value: null, status: s })),
);

interface Variable {
  readonly name: string;
  readonly codes: readonly string[];
  readonly labels: readonly string[];
}

const variable = (tag: string) =>
  fc.uniqueArray(name, { minLength: 1, maxLength: 4 }).chain((labels) =>
    fc.record({ name: fc.constant(`${tag}`), labels: fc.constant(labels), codes: fc.constant(labels.map((_, i) => `${tag}${i}`)) }),
  );

/** Quoted items joined by commas, wrapped onto new lines at the positions chosen. */
function quotedList(items: readonly string[], breaks: readonly boolean[]): string {
  return items.map((it, i) => `${i > 0 && breaks[i % breaks.length] ? '\n' : ''}"${it}"`).join(',');
}

/** A long text split into continued strings (PX's 256-characters-a-line habit). */
function continued(text: string, at: number): string {
  const cut = Math.min(Math.max(1, at), text.length);
  return `"${text.slice(0, cut)}"\n"${text.slice(cut)}"`;
}

describe('PC-Axis reader: random files from an independent writer', () => {
  it('reads back every cell, with or without KEYS', () => {
    fc.assert(
      fc.property(
        fc.array(variable('S'), { minLength: 1, maxLength: 2 }),
        fc.array(variable('H'), { minLength: 1, maxLength: 2 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(' ', '\t', ',', '\n'),
        fc.boolean(),
        fc.array(cell, { minLength: 256, maxLength: 256 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (stubRaw, headRaw, breaks, sep, keyed, cells, keepRow) => {
          const stub = stubRaw.map((v, i) => ({ ...v, name: `stub ${i}`, codes: v.codes.map((c) => `s${i}${c}`) }));
          const head = headRaw.map((v, i) => ({ ...v, name: `head ${i}`, codes: v.codes.map((c) => `h${i}${c}`) }));
          const vars: Variable[] = [...stub, ...head];
          const lines = [
            'CHARSET="ANSI";',
            `TITLE=${continued('A title that is long enough to be split; with a semicolon', 17)};`,
            `STUB=${stub.map((v) => `"${v.name}"`).join(',')};`,
            `HEADING=${head.map((v) => `"${v.name}"`).join(',')};`,
          ];
          for (const v of vars) {
            lines.push(`VALUES("${v.name}")=${quotedList(v.labels, breaks)};`);
            lines.push(`CODES("${v.name}")=${quotedList(v.codes, [...breaks].reverse())};`);
          }
          if (keyed) lines.push(`KEYS("${stub[0]!.name}")=CODES;`);
          const sizes = vars.map((v) => v.codes.length);
          const total = sizes.reduce((a, b) => a * b, 1);
          const perKey = total / sizes[0]!;
          const expected: { codes: string[]; value: number | null; status: string | undefined }[] = [];
          const codesOf = (index: number) => {
            const out: string[] = [];
            let rest = index;
            for (let k = vars.length - 1; k >= 0; k--) {
              out[k] = vars[k]!.codes[rest % sizes[k]!]!;
              rest = Math.floor(rest / sizes[k]!);
            }
            return out;
          };
          const data: string[] = [];
          for (let row = 0; row < sizes[0]!; row++) {
            if (keyed && !keepRow[row]) continue; // a KEYS file may leave a stub row out
            const texts: string[] = [];
            for (let j = 0; j < perKey; j++) {
              const index = row * perKey + j;
              const c = cells[index % cells.length]!;
              texts.push(c.text);
              expected.push({ codes: codesOf(index), value: c.value, status: c.status });
            }
            data.push(keyed ? `"${stub[0]!.codes[row]}",${texts.join(',')}` : texts.join(sep));
          }
          const text = `${lines.join('\n')}\nDATA=\n${data.join('\n')}\n;\n`;
          const issues: ImportIssue[] = [];
          const table = readPx(text, 'random.px', issues);
          expect(issues).toEqual([]);
          expect(table!.dimensions.map((d) => d.categories.map((c) => c.label))).toEqual(vars.map((v) => v.labels));
          expect(table!.observations.map((o) => ({ codes: o.codes, value: o.value, status: o.status }))).toEqual(expected);
          expect(table!.title).toBe('A title that is long enough to be split; with a semicolon');
        },
      ),
      { numRuns: 300, seed: 20 },
    );
  });
});
