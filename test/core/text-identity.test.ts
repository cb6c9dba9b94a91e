// Issue 15: region codes and service names that look the same are the same (NFC, zero-width
// characters), and where a difference nobody can see remains, messages name its code points.
import { describe, expect, it } from 'vitest';
import { canonicalCode, describeCanonicalChange, describeInvisibleDifference, foldDiacritics, stripZeroWidth } from '../../src/core/text-identity.js';

const NFC = 'FI-\u00C5land'; // Å as one code point
const NFD = 'FI-A\u030Aland'; // A + combining ring above

describe('canonicalCode', () => {
  it('composes decomposed letters (NFC) and removes zero-width characters', () => {
    expect(NFD).not.toBe(NFC);
    expect(canonicalCode(NFD)).toBe(NFC);
    expect(canonicalCode('FI-\u200BÅland')).toBe(NFC);
    expect(canonicalCode('\uFEFFNO-03\u2060')).toBe('NO-03');
  });

  it('keeps case and every visible character: codes are case-sensitive ("NA" is Namibia)', () => {
    expect(canonicalCode('na')).toBe('na');
    expect(canonicalCode('NO 03')).toBe('NO 03');
    // a no-break space is visible as a space but is another character: kept, and a message shows it
    expect(canonicalCode('NO\u00A003')).toBe('NO\u00A003');
    // compatibility forms are not folded for codes (NFC, not NFKC)
    expect(canonicalCode('ＮＯ')).toBe('ＮＯ');
  });

  it('returns a plain ASCII code as it is', () => {
    const code = 'SE-0' + String(1); // a string built at run time
    expect(canonicalCode(code)).toBe('SE-01');
  });
});

describe('describeCanonicalChange', () => {
  it('says what the normalisation changed', () => {
    expect(describeCanonicalChange(NFD)).toBe('decomposed letters composed (Unicode NFC)');
    expect(describeCanonicalChange('NO\u200B-03')).toBe('U+200B (zero-width space) removed');
    expect(describeCanonicalChange('A\u030A\u00AD')).toBe('decomposed letters composed (Unicode NFC); U+00AD (soft hyphen) removed');
  });
});

describe('stripZeroWidth', () => {
  it('removes the characters that show nothing, and nothing else', () => {
    expect(stripZeroWidth('a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf\u00ADg\u180Eh')).toBe('abcdefgh');
    expect(stripZeroWidth('a b\u00A0c')).toBe('a b\u00A0c');
  });
});

describe('foldDiacritics', () => {
  it('drops marks and folds the Nordic and German letters, keeping case', () => {
    expect(foldDiacritics('Døgnplasser')).toBe('Dognplasser');
    expect(foldDiacritics('ÅRSVERK')).toBe('ARSVERK');
    expect(foldDiacritics('Plätze Straße Æbeløe')).toBe('Platze Strasse AEbeloe');
    expect(foldDiacritics('hôpital général')).toBe('hopital general');
  });

  it('leaves the letters of other scripts', () => {
    expect(foldDiacritics('دعم الأقران')).toBe('دعم الاقران'); // hamza above alef is a mark
    expect(foldDiacritics('Психиатрия')).toBe('Психиатрия');
  });
});

describe('describeInvisibleDifference', () => {
  it('names the code points when strings differ only where nobody can see it', () => {
    expect(describeInvisibleDifference('FI\u00A0Åland', 'FI Åland', 'in regions.csv')).toBe(
      'they differ only in characters that cannot be seen: U+00A0 (no-break space) here, U+0020 (space) in regions.csv',
    );
    expect(describeInvisibleDifference('NO-03\u2009', 'NO-03', 'in regions.csv')).toBe(
      'they differ only in characters that cannot be seen: U+2009 (thin space) here, nothing in regions.csv',
    );
    // full-width letters look like the plain ones
    expect(describeInvisibleDifference('ＮO-03', 'NO-03', 'in regions.csv')).toBe(
      'they differ only in characters that cannot be seen: U+FF2E here, U+004E in regions.csv',
    );
  });

  it('says nothing when the difference shows in the quoted strings themselves', () => {
    expect(describeInvisibleDifference('NO-47', 'NO-46', 'in regions.csv')).toBeUndefined();
    expect(describeInvisibleDifference('Ostfold', 'Østfold', 'in regions.csv')).toBeUndefined();
    expect(describeInvisibleDifference('NO-03', 'NO-03', 'in regions.csv')).toBeUndefined();
  });
});
