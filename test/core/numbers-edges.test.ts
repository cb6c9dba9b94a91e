// The edges of reading numbers (src/core/numbers.ts): the largest accepted magnitude, the digit
// limits of the byte reader, a decimal mark with nothing on one side, hints that would name an
// infinite reading, and the words describeNumberFormat uses in messages.
import { describe, expect, it } from 'vitest';
import { describeNumberFormat, type NumberFormat, readNumber, readNumberBytes, readNumberValue } from '../../src/core/numbers.js';

const point: NumberFormat = { decimal: '.', thousands: 'none' };
const comma: NumberFormat = { decimal: ',', thousands: 'none' };
const auto: NumberFormat = { decimal: 'auto', thousands: 'none' };

/** readNumberBytes over the UTF-8 bytes of `text`, with a byte of padding either side. */
const fromBytes = (text: string, format: NumberFormat = point) => {
  const bytes = new TextEncoder().encode(` ${text} `);
  return readNumberBytes(bytes, 1, bytes.length - 1, format);
};

describe('the largest magnitude, 1e12 (MAX_MAGNITUDE)', () => {
  it('is accepted, either sign; one more is too large, either sign', () => {
    // 1e12 = 1 000 000 000 000 (13 digits): "at most 1e12" includes it.
    expect(readNumber('1000000000000', point)).toEqual({ ok: true, value: 1e12 });
    expect(readNumber('-1000000000000', point)).toEqual({ ok: true, value: -1e12 });
    expect(readNumber('1e12', point)).toEqual({ ok: true, value: 1e12 });
    expect(readNumber('1000000000001', point)).toEqual({ ok: false, problem: 'too-large' });
    expect(readNumber('-1000000000001', point)).toEqual({ ok: false, problem: 'too-large' });
    expect(readNumber('-2e12', point)).toEqual({ ok: false, problem: 'too-large' });
    // The same bound in a format read by the slow path: 1.000.000.000.000,5 is 1e12 + 0.5.
    expect(readNumber('1.000.000.000.000', { decimal: ',', thousands: '.' })).toEqual({ ok: true, value: 1e12 });
    expect(readNumber('1.000.000.000.000,5', { decimal: ',', thousands: '.' })).toEqual({ ok: false, problem: 'too-large' });
  });

  it('readNumberValue (the hot path) draws the line at the same place', () => {
    expect(readNumberValue('1000000000000', point)).toBe(1e12);
    expect(readNumberValue('1000000000000.0', point)).toBe(1e12);
    expect(readNumberValue('1000000000001', point)).toBeUndefined();
    expect(readNumberValue('-1000000000001', point)).toBeUndefined();
    expect(readNumberValue('1000000000000.5', point)).toBeUndefined();
    expect(readNumberValue(' 1000000000000.5', point)).toBeUndefined();
  });
});

describe('a decimal mark with digits on one side only', () => {
  it('reads "5," and ",5" in a decimal-comma file', () => {
    expect(readNumber('5,', comma)).toEqual({ ok: true, value: 5 });
    expect(readNumber(',5', comma)).toEqual({ ok: true, value: 0.5 });
    expect(readNumber('-,5', comma)).toEqual({ ok: true, value: -0.5 });
    expect(readNumber('+,25e2', comma)).toEqual({ ok: true, value: 25 }); // 0.25 × 100
    expect(readNumber(',', comma)).toEqual({ ok: false, problem: 'invalid', hint: undefined });
  });
});

describe('hints', () => {
  it('never name a reading that is not a finite number', () => {
    // "1,5e400" is 1.5 × 10⁴⁰⁰ with a decimal comma: infinite, so no option reads it.
    expect(readNumber('1,5e400', point)).toEqual({ ok: false, problem: 'invalid', hint: undefined });
  });

  it('name each option that reads the cell, the current format excepted', () => {
    // With a decimal comma and "." for thousands, "1,234.5" is invalid; --thousands , reads it as
    // 1234.5 (a point for decimals, a comma grouping 1|234). --decimal . alone cannot: "1,234" is
    // not digits.
    expect(readNumber('1,234.5', { decimal: ',', thousands: '.' })).toEqual({ ok: false, problem: 'invalid', hint: '--thousands , reads it as 1234.5' });
    // A space-grouped file: "1 234,5" with a point for decimals → --decimal , --thousands space.
    expect(readNumber('1 234,5', { decimal: '.', thousands: 'space' })).toEqual({
      ok: false,
      problem: 'invalid',
      hint: '--decimal , --thousands space reads it as 1234.5',
    });
  });
});

describe('readNumberBytes: what it reads itself', () => {
  it('reads up to 12 digits before the mark and 15 in all', () => {
    expect(fromBytes('999999999999')).toBe(999_999_999_999); // 12 digits
    // 12 + 3 = 15 digits: 123456789012345 / 1000, one rounding, as Number() rounds the decimal.
    expect(fromBytes('123456789012.345')).toBe(123456789012.345);
    expect(fromBytes('1234567890123')).toBeNaN(); // 13 digits before any mark
  });

  it('leaves 16 digits to the text reader: their integer can pass 2⁵³ and round twice', () => {
    // 9807488597719487 > 2⁵³ = 9007199254740992, so 980748859771 × 10⁴ + 9487 is not exact: it
    // rounds to …9488, then ÷ 10⁴ gives 980748859771.9489, not the nearest double to the
    // decimal, 980748859771.9487 (what Number() and readNumberValue give).
    expect(fromBytes('980748859771.9487')).toBeNaN();
    expect(readNumberValue('980748859771.9487', point)).toBe(980748859771.9487);
  });

  it('reads a decimal mark only in a file without a thousands separator', () => {
    // With "." for thousands, the decimal mark is the comma: "1.5" is neither a group nor a decimal.
    expect(readNumber('1.5', { decimal: 'auto', thousands: '.' })).toEqual(expect.objectContaining({ ok: false, problem: 'invalid' }));
    expect(fromBytes('1.5', { decimal: 'auto', thousands: '.' })).toBeNaN();
    expect(fromBytes('1,5', { decimal: ',', thousands: '.' })).toBeNaN();
    expect(fromBytes('1234', { decimal: ',', thousands: '.' })).toBe(1234);
  });

  it('under auto, reads a three-digit fraction unless it could be a thousands group', () => {
    // "123,456": up to three digits, a mark, three digits: a decimal or a group; ambiguous.
    expect(fromBytes('123,456', auto)).toBeNaN();
    expect(readNumber('123,456', auto)).toEqual(expect.objectContaining({ ok: false, problem: 'ambiguous' }));
    // A group never starts with 0, and four digits before the mark are not one group.
    expect(fromBytes('0,125', auto)).toBe(0.125);
    expect(fromBytes('1234,567', auto)).toBe(1234.567);
    expect(fromBytes('1,5', auto)).toBe(1.5);
    expect(fromBytes('1,2345', auto)).toBe(1.2345);
  });

  it('stops at any byte that is not a digit', () => {
    // "/" (0x2f) and ":" (0x3a) sit either side of the digits 0x30–0x39.
    for (const text of ['1/', '1:', '1.2/', '1.2:', '/1', ':1']) expect(fromBytes(text), text).toBeNaN();
  });
});

describe('describeNumberFormat', () => {
  it('says the decimal mark and the thousands separator in words', () => {
    expect(describeNumberFormat(point)).toBe('decimal point, no thousands separator');
    expect(describeNumberFormat(comma)).toBe('decimal comma, no thousands separator');
    expect(describeNumberFormat({ decimal: ',', thousands: '.' })).toBe('decimal comma, thousands separated by "."');
    expect(describeNumberFormat({ decimal: '.', thousands: ',' })).toBe('decimal point, thousands separated by ","');
    expect(describeNumberFormat({ decimal: '.', thousands: 'space' })).toBe('decimal point, thousands separated by spaces');
    expect(describeNumberFormat(auto)).toBe(
      'decimal point or comma (numbers that read two ways, like 1,234, are errors), no thousands separator',
    );
  });
});
