// The small helpers every importer shares: where a message points (formatLocation), offsets to
// line and column (lineLocator), `DIM=CODE` options (splitAssignment) and preset look-up
// (findPreset). Expected values worked by hand from each input.
import { describe, expect, it } from 'vitest';
import { splitAssignment } from '../../src/core/import/mapping.js';
import { findPreset } from '../../src/core/import/presets.js';
import { formatLocation, lineLocator } from '../../src/core/import/table.js';

describe('formatLocation', () => {
  it('file:line:column, file:line, file, each with the JSON path after it in parentheses', () => {
    expect(formatLocation('a.px', { line: 3, column: 7 })).toBe('a.px:3:7');
    expect(formatLocation('a.px', { line: 3 })).toBe('a.px:3');
    expect(formatLocation('a.px', {})).toBe('a.px');
    // A column without a line says nothing on its own.
    expect(formatLocation('a.px', { column: 7 })).toBe('a.px');
    expect(formatLocation('d.json', { line: 2, column: 5, path: '/value/3' })).toBe('d.json:2:5 (/value/3)');
    expect(formatLocation('d.json', { path: '/value/3' })).toBe('d.json (/value/3)');
  });
});

describe('lineLocator', () => {
  it('offsets → 1-based line and column, on every line of a text', () => {
    // "ab\ncde\n\nf": line starts at 0, 3, 7, 8.
    const locate = lineLocator('ab\ncde\n\nf');
    expect([0, 1, 2, 3, 5, 6, 7, 8, 9].map((o) => `${locate(o).line}:${locate(o).column}`)).toEqual(['1:1', '1:2', '1:3', '2:1', '2:3', '2:4', '3:1', '4:1', '4:2']);
  });

  it('a text without line breaks is one line; a long text finds the right line by its search', () => {
    expect(lineLocator('abc')(2)).toEqual({ line: 1, column: 3 });
    // 1000 lines of "xx\n": line k (1-based) starts at 3(k-1).
    const locate = lineLocator('xx\n'.repeat(1000));
    expect(locate(0)).toEqual({ line: 1, column: 1 });
    expect(locate(3 * 499 + 1)).toEqual({ line: 500, column: 2 });
    expect(locate(3 * 999 + 2)).toEqual({ line: 1000, column: 3 });
    expect(locate(3 * 1000)).toEqual({ line: 1001, column: 1 });
    expect(locate(3 * 640 - 1)).toEqual({ line: 640, column: 3 });
  });
});

describe('splitAssignment', () => {
  it('name and value around the first "=", trimmed; none without a name before "="', () => {
    expect(splitAssignment('Alder=018,019')).toEqual(['Alder', '018,019']);
    expect(splitAssignment(' unit = beds ')).toEqual(['unit', 'beds']);
    expect(splitAssignment('a=b=c')).toEqual(['a', 'b=c']);
    expect(splitAssignment('x=')).toEqual(['x', '']);
    expect(splitAssignment('=x')).toBeUndefined();
    expect(splitAssignment('x')).toBeUndefined();
  });
});

describe('findPreset', () => {
  it('by name in any case; an unknown name gives none', () => {
    expect(findPreset('ssb-13942')?.name).toBe('ssb-13942');
    expect(findPreset('SSB-13982')?.name).toBe('ssb-13982');
    expect(findPreset('ssb')).toBeUndefined();
  });
});
