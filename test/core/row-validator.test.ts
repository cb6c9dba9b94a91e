// RowValidator (src/core/row-validator.ts): one raw row → its typed row, or each problem located
// (file, line, column) and worded with the cell it got — in the number format of the file at hand.
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../src/core/issues.js';
import { RowValidator, type RowKind } from '../../src/core/row-validator.js';

/** Check one row and collect its issues. */
function check<K extends RowKind>(validator: RowValidator, kind: K, raw: Record<string, string | undefined>) {
  const issues: InputIssue[] = [];
  const row = validator.check(kind, raw, 'services.csv', 7, (issue) => issues.push(issue));
  return { row, issues };
}

const services = (capacity: string, unit = 'places') => ({ region: 'NO-03', year: '2015', service: 'DPS', capacity, unit });

describe('RowValidator', () => {
  it('reads a valid row through the compiled checker', () => {
    expect(check(new RowValidator(), 'services', services('12.5'))).toEqual({
      row: { region: 'NO-03', year: 2015, service: 'DPS', capacity: 12.5, unit: 'places' },
      issues: [],
    });
  });

  it('words a failing row in the format it was given, not the default one', () => {
    // "1.234,5" is 1234.5 with a decimal comma and "." for thousands: only the unit is wrong.
    const validator = new RowValidator({ decimal: ',', thousands: '.' });
    const { row, issues } = check(validator, 'services', services('1.234,5', 'beds per week'));
    expect(row).toBeUndefined();
    expect(issues.map((i) => [i.columns, i.message.slice(0, 32)])).toEqual([[['unit'], 'expected one of beds, places, ca']]);
  });

  it('a number cell with a character that cannot be seen quotes it as an escape', () => {
    expect(check(new RowValidator(), 'services', services('2\u200b')).issues.map((i) => i.message)).toEqual(['expected a number ≥ 0, got "2\\u200b"']);
  });

  it('follows setNumberFormat, back and forth', () => {
    const validator = new RowValidator();
    const invalid = {
      file: 'services.csv',
      line: 7,
      columns: ['capacity'],
      message: 'expected a number ≥ 0, got "12,5" (--decimal , reads it as 12.5)',
    };
    expect(check(validator, 'services', services('12,5')).issues).toEqual([invalid]);
    validator.setNumberFormat({ decimal: ',', thousands: 'none' });
    expect(check(validator, 'services', services('12,5')).row?.capacity).toBe(12.5);
    // Now "12.5" is the one that does not read; the hint names the options that do.
    expect(check(validator, 'services', services('12.5')).issues.map((i) => i.message)).toEqual([
      'expected a number ≥ 0, got "12.5" (--decimal . reads it as 12.5)',
    ]);
    validator.setNumberFormat({ decimal: '.', thousands: 'none' });
    expect(check(validator, 'services', services('12,5')).issues).toEqual([invalid]);
    expect(check(validator, 'services', services('12.5')).row?.capacity).toBe(12.5);
  });

  it('adds the cell it got to a message that does not quote it, and nothing for an absent cell', () => {
    const { issues } = check(new RowValidator(), 'population', { region: 'NO-03', year: '2015', population: '-4' });
    // The rule's words, then the cell: "population: expected a number > 0, got "-4"".
    expect(issues).toEqual([{ file: 'services.csv', line: 7, columns: ['population'], message: 'expected a number > 0, got "-4"' }]);
    const absent = check(new RowValidator(), 'population', { region: 'NO-03', year: '2015' }).issues;
    expect(absent).toHaveLength(1);
    expect(absent[0]!.columns).toEqual(['population']);
    expect(absent[0]!.message).not.toContain(', got ');
  });

  it('groups an unknown unit by column and text, for one message over many lines', () => {
    const { issues } = check(new RowValidator(), 'services', services('3', ' stk '));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ columns: ['unit'], group: 'unit stk' });
    // The message quotes the cell itself: no ", got" after it.
    expect(issues[0]!.message).toMatch(/got "stk"/);
    expect(issues[0]!.message).not.toMatch(/, got " stk "$/);
  });

  it('puts no group on an issue that has none', () => {
    const { issues } = check(new RowValidator(), 'services', services('-1'));
    expect(issues).toEqual([{ file: 'services.csv', line: 7, columns: ['capacity'], message: 'expected a number ≥ 0, got "-1"' }]);
    expect('group' in issues[0]!).toBe(false);
  });
});
