// Where strings that look alike differ (src/core/text-identity.ts): the difference found between
// repeated characters, its length limit, a plain space, and what canonicalCode and foldedKey do.
import { describe, expect, it } from 'vitest';
import { describeCanonicalChange, describeCharacter, describeInvisibleDifference, foldedKey } from '../../src/core/text-identity.js';

const PREFIX = 'they differ only in characters that cannot be seen: ';

describe('describeInvisibleDifference', () => {
  it('finds the one extra character among repeats of it, on either side', () => {
    // "NO-03" + two zero-width spaces against "NO-03" + one: the common start is the whole of the
    // shorter, so the difference is one U+200B, not nothing.
    expect(describeInvisibleDifference('NO-03\u200B', 'NO-03\u200B\u200B', 'in regions.csv')).toBe(
      `${PREFIX}nothing here, U+200B (zero-width space) in regions.csv`,
    );
    expect(describeInvisibleDifference('NO-03\u200B\u200B', 'NO-03\u200B', 'in regions.csv')).toBe(
      `${PREFIX}U+200B (zero-width space) here, nothing in regions.csv`,
    );
    // The same in front: one no-break space against two.
    expect(describeInvisibleDifference('\u00A0\u00A0NO-03', '\u00A0NO-03', 'in regions.csv')).toBe(
      `${PREFIX}U+00A0 (no-break space) here, nothing in regions.csv`,
    );
  });

  it('gives up beyond eight differing characters in all', () => {
    // Eight no-break spaces against nothing: eight characters, still named.
    expect(describeInvisibleDifference(`X${'\u00A0'.repeat(8)}`, 'X', 'in regions.csv')).toBe(
      `${PREFIX}${Array(8).fill('U+00A0 (no-break space)').join(' ')} here, nothing in regions.csv`,
    );
    // Nine: a different name.
    expect(describeInvisibleDifference(`X${'\u00A0'.repeat(9)}`, 'X', 'in regions.csv')).toBeUndefined();
    // Five against five: ten in all, also a different name.
    expect(describeInvisibleDifference(`X${'\u200B'.repeat(5)}`, `X${'\u00A0'.repeat(5)}`, 'in regions.csv')).toBeUndefined();
  });

  it('says nothing of a plain space: it shows in the quoted strings', () => {
    expect(describeInvisibleDifference('NO 03', 'NO03', 'in regions.csv')).toBeUndefined();
    expect(describeInvisibleDifference('NO03', 'NO 03', 'in regions.csv')).toBeUndefined();
  });

  it('names a combining mark against nothing', () => {
    // "Å" written as A + U+030A against a bare "A": the ring is a mark (cannot be told apart as a character).
    expect(describeInvisibleDifference('FI-A\u030Aland', 'FI-Aland', 'in regions.csv')).toBe(`${PREFIX}U+030A here, nothing in regions.csv`);
  });
});

describe('describeCanonicalChange', () => {
  it('says nothing for a code that canonicalCode leaves as it is', () => {
    expect(describeCanonicalChange('NO-03')).toBe('');
    expect(describeCanonicalChange('FI-\u00C5land')).toBe('');
  });

  it('names each invisible character once, in the order met', () => {
    expect(describeCanonicalChange('\u200BNO\u2060-\u200B03')).toBe('U+200B (zero-width space), U+2060 (word joiner) removed');
  });
});

describe('describeCharacter', () => {
  it('gives four hex digits at least, in capitals, with the name where it has one', () => {
    expect(describeCharacter('a')).toBe('U+0061');
    expect(describeCharacter('\u00AD')).toBe('U+00AD (soft hyphen)');
    expect(describeCharacter('\u{1F600}')).toBe('U+1F600');
  });
});

describe('foldedKey', () => {
  it('folds case and diacritics, reads runs of "-", "_" and spaces as one space, and trims', () => {
    expect(foldedKey('  Døgn--plasser__i\tår  ')).toBe('dogn plasser i ar');
    expect(foldedKey('Bed_Type')).toBe('bed type');
    expect(foldedKey('WHOLE - TIME')).toBe('whole time');
    expect(foldedKey('år\u200Bsverk')).toBe('arsverk');
  });
});
