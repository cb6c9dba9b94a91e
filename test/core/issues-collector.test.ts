// How a list of input problems is arranged for a reader (core/issues.ts, IssueCollector): the same
// problem on many lines is one issue listing its lowest lines; a problem met twice on one line is
// kept twice; at most maxPerFile distinct problems per file, the rest counted; sorted by file, then
// line, whole-file problems first. Every expected list below is worked from the rules by hand.
import { describe, expect, it } from 'vitest';
import { describeLines, formatIssue, formatWarning, InputError, type InputIssue, issueLocation, IssueCollector, issueText, quoteValue } from '../../src/core/issues.js';

const bad = (line: number | undefined, extra: Partial<InputIssue> = {}): InputIssue => ({ file: 'services.csv', line, columns: ['unit'], message: 'bad unit', ...extra });

describe('IssueCollector: grouping', () => {
  it('the same problem found two and three times on one line is kept each time, not grouped', () => {
    const c = new IssueCollector();
    c.add(bad(4));
    c.add(bad(4));
    c.add(bad(4));
    c.add(bad(6));
    // three separate issues at line 4 (none grouped with another), then line 6 joins the first group
    const issues = c.list();
    expect(issues).toHaveLength(3);
    expect(issues.map((i) => [i.line, i.lines, i.lineCount])).toEqual([
      [4, [4, 6], 2],
      [4, undefined, undefined],
      [4, undefined, undefined],
    ]);
    expect(c.size).toBe(3);
  });

  it('keeps the five lowest lines in order, whatever order they arrive in, and counts all', () => {
    const c = new IssueCollector();
    for (const line of [10, 9, 8, 7, 6, 5, 4]) c.add(bad(line));
    // seven lines: the lowest five 4–8 listed, 2 more counted
    expect(c.list()).toEqual([{ ...bad(4), lines: [4, 5, 6, 7, 8], lineCount: 7 }]);
    expect(formatIssue(c.list()[0]!)).toBe('services.csv:4: column "unit": bad unit (lines 4, 5, 6, 7, 8 and 2 more)');
  });

  it('a line above the five kept is counted but not listed; a line below them displaces the highest', () => {
    const c = new IssueCollector();
    for (const line of [2, 3, 4, 5, 6, 20, 1]) c.add(bad(line));
    // 20 is counted only; 1 enters first and pushes 6 out: 1–5 of 7 lines
    expect(c.list()[0]).toMatchObject({ line: 1, lines: [1, 2, 3, 4, 5], lineCount: 7 });
  });

  it('a line between two kept lines goes in its place', () => {
    const c = new IssueCollector();
    for (const line of [2, 8, 5]) c.add(bad(line));
    expect(c.list()[0]).toMatchObject({ line: 2, lines: [2, 5, 8], lineCount: 3 });
  });

  it('a different field, column or message is a different problem; a group key groups different messages', () => {
    const c = new IssueCollector();
    c.add(bad(2, { field: 5 }));
    c.add(bad(3, { field: 6 }));
    c.add(bad(4, { columns: ['capacity'] }));
    c.add(bad(5, { message: 'other' }));
    c.add(bad(6, { message: 'got "x"', group: 'g' }));
    c.add(bad(7, { message: 'got "y"', group: 'g' }));
    const issues = c.list();
    expect(issues.map((i) => [i.line, i.message, i.lineCount])).toEqual([
      [2, 'bad unit', undefined],
      [3, 'bad unit', undefined],
      [4, 'bad unit', undefined],
      [5, 'other', undefined],
      // the group's first message is the one kept
      [6, 'got "x"', 2],
    ]);
  });

  it('two columns with the same names in another split are different problems', () => {
    const c = new IssueCollector();
    c.add(bad(2, { columns: ['ab', 'c'] }));
    c.add(bad(3, { columns: ['a', 'bc'] }));
    expect(c.list()).toHaveLength(2);
  });

  it("whole-file problems are never grouped and come before the file's lines", () => {
    const c = new IssueCollector();
    c.add(bad(3));
    c.add({ file: 'services.csv', message: 'no header' });
    c.add({ file: 'services.csv', message: 'no header' });
    expect(c.list().map((i) => [i.line, i.message])).toEqual([
      [undefined, 'no header'],
      [undefined, 'no header'],
      [3, 'bad unit'],
    ]);
  });

  it('a whole-file problem is not grouped with the same problem on a line', () => {
    const c = new IssueCollector();
    c.add(bad(3));
    c.add(bad(undefined));
    c.add(bad(5));
    // the file's problem first, then lines 3 and 5 grouped
    expect(c.list()).toEqual([bad(undefined), { ...bad(3), lines: [3, 5], lineCount: 2 }]);
  });
});

describe('IssueCollector: order', () => {
  it('sorts by the files as read, then files not named in the order their first problem came, then by line', () => {
    const c = new IssueCollector();
    c.add({ file: 'z.csv', line: 9, message: 'm1' });
    c.add({ file: 'y.csv', line: 5, message: 'm2' });
    c.add({ file: 'b.csv', line: 8, message: 'm3' });
    c.add({ file: 'a.csv', line: 7, message: 'm4' });
    c.add({ file: 'b.csv', line: 2, message: 'm5' });
    c.add({ file: 'z.csv', line: 1, message: 'm6' });
    expect(c.list(['a.csv', 'b.csv']).map((i) => `${i.file}:${i.line}`)).toEqual(['a.csv:7', 'b.csv:2', 'b.csv:8', 'z.csv:1', 'z.csv:9', 'y.csv:5']);
    // without a file order: the order of each file's first problem
    expect(c.list().map((i) => `${i.file}:${i.line}`)).toEqual(['z.csv:1', 'z.csv:9', 'y.csv:5', 'b.csv:2', 'b.csv:8', 'a.csv:7']);
  });

  it('problems on one line keep the order they were found in', () => {
    const c = new IssueCollector();
    for (const m of ['c', 'a', 'b']) c.add({ file: 'f.csv', line: 3, message: m });
    expect(c.list().map((i) => i.message)).toEqual(['c', 'a', 'b']);
  });
});

describe('IssueCollector: at most maxPerFile distinct problems per file', () => {
  it('counts the rest once per distinct problem, per file, with a closing line', () => {
    const c = new IssueCollector(2);
    c.add({ file: 'a.csv', line: 2, message: 'p1' });
    expect(c.isFull('a.csv')).toBe(false);
    c.add({ file: 'a.csv', line: 3, message: 'p2' });
    expect(c.isFull('a.csv')).toBe(true);
    expect(c.isFull('b.csv')).toBe(false);
    // p3 on three lines and p4: two problems more, p3 counted once
    c.add({ file: 'a.csv', line: 4, message: 'p3' });
    c.add({ file: 'a.csv', line: 5, message: 'p3' });
    c.add({ file: 'a.csv', line: 6, message: 'p3' });
    c.add({ file: 'a.csv', line: 7, message: 'p4' });
    // a problem already shown still gathers its lines
    c.add({ file: 'a.csv', line: 8, message: 'p1' });
    c.add({ file: 'b.csv', line: 2, message: 'p1' });
    // a.csv: 2 shown + 2 dropped; b.csv: 1
    expect(c.size).toBe(5);
    expect(c.list(['a.csv', 'b.csv'])).toEqual([
      { file: 'a.csv', line: 2, message: 'p1', lines: [2, 8], lineCount: 2 },
      { file: 'a.csv', line: 3, message: 'p2' },
      { file: 'b.csv', line: 2, message: 'p1' },
      { file: 'a.csv', message: '2 more problems not shown (4 in all)' },
    ]);
  });

  it('whole-file problems beyond the limit are each counted: they are never one problem', () => {
    const c = new IssueCollector(1);
    c.add({ file: 'a.csv', line: 2, message: 'p1' });
    // the file is full: two different whole-file problems, then one met again on its line 2
    c.add({ file: 'a.csv', message: 'no header row' });
    c.add({ file: 'a.csv', message: 'not UTF-8' });
    c.add({ file: 'a.csv', line: 2, message: 'p1' });
    // 1 shown; dropped: the two whole-file problems and p1 met a second time on line 2 = 3
    expect(c.size).toBe(4);
    expect(c.list()).toEqual([
      { file: 'a.csv', line: 2, message: 'p1' },
      { file: 'a.csv', message: '3 more problems not shown (4 in all)' },
    ]);
  });

  it('a file whose only problems were dropped still has its place in the order', () => {
    const c = new IssueCollector(0);
    c.add({ file: 'x.csv', line: 2, message: 'p' });
    c.add({ file: 'w.csv', line: 2, message: 'p' });
    expect(c.list().map((i) => `${i.file}: ${i.message}`)).toEqual(['x.csv: 1 more problems not shown (1 in all)', 'w.csv: 1 more problems not shown (1 in all)']);
  });

  it('the default keeps 1,000 distinct problems per file', () => {
    const c = new IssueCollector();
    for (let line = 2; line < 1002; line++) c.add({ file: 'a.csv', line, message: `p${line}` });
    expect(c.isFull('a.csv')).toBe(true);
    c.add({ file: 'a.csv', line: 1002, message: 'one more' });
    const issues = c.list();
    // 1,000 kept, then the closing line
    expect(issues).toHaveLength(1001);
    expect(issues.at(-1)).toEqual({ file: 'a.csv', message: '1 more problems not shown (1001 in all)' });
  });
});

describe('issue text', () => {
  it('names one column, or several, and says "rows" for a worksheet (a cell) and "lines" for a text file', () => {
    expect(issueText({ file: 'f', line: 2, columns: ['a', 'b'], message: 'm' })).toBe('columns "a", "b": m');
    expect(issueText({ file: 'f', line: 2, columns: [], message: 'm' })).toBe('m');
    expect(issueText({ file: 'f', line: 2, cell: 'B2', lines: [2, 3], lineCount: 2, message: 'm' })).toBe('m (rows 2, 3)');
    expect(issueText({ file: 'f', line: 2, lines: [2, 3], lineCount: 2, message: 'm' })).toBe('m (lines 2, 3)');
    // a count of one lists no lines
    expect(issueText({ file: 'f', line: 2, lines: [2], lineCount: 1, message: 'm' })).toBe('m');
  });

  it('is located at the cell of a worksheet, the line of a text file, or the file', () => {
    expect(issueLocation({ file: 's.xlsx!Sheet1', line: 14, cell: 'D14', message: 'm' })).toBe('s.xlsx!Sheet1:D14');
    expect(issueLocation({ file: 's.csv', line: 14, message: 'm' })).toBe('s.csv:14');
    expect(issueLocation({ file: 's.csv', message: 'm' })).toBe('s.csv');
  });

  it('a warning is "file:line: message", or "file: message" when it has no line', () => {
    expect(formatWarning({ file: 'beds.csv', line: 7, message: 'a gap of 3 years' })).toBe('beds.csv:7: a gap of 3 years');
    expect(formatWarning({ file: 'crosswalk.csv', line: null, message: 'not used' })).toBe('crosswalk.csv: not used');
  });

  it('InputError: one issue is its own message, several are counted', () => {
    const one = new InputError([{ file: 's.csv', line: 3, columns: ['unit'], message: 'bad unit' }]);
    expect(one.message).toBe('s.csv:3: column "unit": bad unit');
    expect(one.name).toBe('InputError');
    const two = new InputError([
      { file: 's.csv', line: 3, message: 'a' },
      { file: 'b.csv', message: 'b' },
    ]);
    expect(two.message).toBe('2 problems in the input data');
    expect(two.issues).toHaveLength(2);
  });

  it('quoteValue shows characters that take no space as \\u escapes; joiners, which shape letters, stay', () => {
    // "2" and a zero-width space: quoted as "2" it would not say why it is no number.
    expect(quoteValue('2\u200b')).toBe('"2\\u200b"');
    expect(quoteValue('\ufeffNO-03\u00ad\u2060\u180e\u2064')).toBe('"\\ufeffNO-03\\u00ad\\u2060\\u180e\\u2064"');
    // Persian with a zero-width non-joiner, an emoji sequence with a zero-width joiner: as they are.
    expect(quoteValue('خدمات\u200cاجتماعی')).toBe('"خدمات\u200cاجتماعی"');
    expect(quoteValue('👩\u200d⚕️')).toBe('"👩\u200d⚕️"');
    // Controls and bidirectional overrides as before.
    expect(quoteValue('a\u001bb\u202ec')).toBe('"a\\u001bb\\u202ec"');
  });

  it('quoteValue shortens a value only beyond its limit (40 characters by default)', () => {
    expect(quoteValue('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
    expect(quoteValue('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quoteValue('abcd', 3)).toBe('"abc…"');
  });

  it('describeLines: as many lines as shown, none more; fewer listed than the total', () => {
    expect(describeLines([1, 2, 3], 3)).toBe('lines 1, 2, 3');
    expect(describeLines([1, 2, 3], 3, 2)).toBe('lines 1, 2 and 1 more');
    expect(describeLines([4], 1, 5, 'row')).toBe('row 4');
  });
});
