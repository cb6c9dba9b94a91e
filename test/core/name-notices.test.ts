// The notices about names read in another form than the one known (core/name-notices.ts): one
// warning per file and kind, at the line the first such name was met, naming at most five names
// and counting the rest; each name once, at its first line.
import { describe, expect, it } from 'vitest';
import { NameNotices } from '../../src/core/name-notices.js';
import type { TaxonomyEntry } from '../../src/core/taxonomy.js';

const CODES = 'region codes read after Unicode normalisation (they look the same): ';
const LOOSE = 'service names matched a known name only loosely (plural or singular, hyphen or space, diacritics): ';
const UNITS = 'units given by a local name, read as SPEC units: ';
const entry: TaxonomyEntry = { name: 'ACT team', category: 'outreach', origin: 'builtin' };

describe('NameNotices', () => {
  it('none noted: no warnings', () => {
    expect(new NameNotices().warnings()).toEqual([]);
  });

  it('a region code read after normalisation: both forms quoted, what changed, its first line', () => {
    const n = new NameNotices();
    // "A\u200B" holds a zero-width space (U+200B): quoted with it as an escape (issues.ts
    // quoteValue), and named by what changed
    n.code('population.csv', 'A\u200b', 'A', 4);
    n.code('population.csv', 'A\u200b', 'A', 9);
    expect(n.warnings()).toEqual([
      { file: 'population.csv', line: 4, message: `${CODES}"A\\u200b" as "A", U+200B (zero-width space) removed (first on line 4)` },
    ]);
  });

  it('loose service names and unit aliases, each kind per file, in the order of kinds then files', () => {
    const n = new NameNotices();
    n.unitAlias('b.csv', { name: 'plasser', target: 'places', lang: 'nb', where: 'NO', source: 's', note: '' } as never, 3);
    n.looseName('b.csv', 'ACT teams', entry, 7);
    n.looseName('a.csv', 'ACT-team', entry, 2);
    n.looseName('b.csv', 'ACT teams', entry, 8);
    expect(n.warnings()).toEqual([
      { file: 'b.csv', line: 7, message: `${LOOSE}"ACT teams" as "ACT team" (outreach; first on line 7)` },
      { file: 'a.csv', line: 2, message: `${LOOSE}"ACT-team" as "ACT team" (outreach; first on line 2)` },
      { file: 'b.csv', line: 3, message: `${UNITS}"plasser" as places (nb; first on line 3)` },
    ]);
  });

  it("five names shown, the rest counted; the line is the first name's", () => {
    const n = new NameNotices();
    for (let i = 1; i <= 7; i++) n.looseName('s.csv', `n${i}`, entry, 10 + i);
    const [w] = n.warnings();
    // n1…n5 shown, n6 and n7 counted: "; and 2 more"
    expect(w!.line).toBe(11);
    expect(w!.message).toBe(`${LOOSE}${[1, 2, 3, 4, 5].map((i) => `"n${i}" as "ACT team" (outreach; first on line ${10 + i})`).join('; ')}; and 2 more`);
    const five = new NameNotices();
    for (let i = 1; i <= 5; i++) five.looseName('s.csv', `n${i}`, entry, i);
    expect(five.warnings()[0]!.message).not.toContain('more');
  });
});
