// When two strings are the same text to a person: Unicode forms, invisible characters, diacritics.
// Region codes and service names arrive from spreadsheets, web pages and macOS file systems, where
// "Å" may be one code point (NFC) or two (NFD) and a copied cell may carry a zero-width space:
// such strings look identical, so they are compared after canonicalCode, and where a difference
// that cannot be seen remains, messages name its code points (describeInvisibleDifference).

/** Characters that take no space and show nothing: zero-width space, (non-)joiners, word joiner,
 * invisible operators, byte-order mark, Mongolian vowel separator, soft hyphen. Removing them can
 * join two words in scripts that use a zero-width non-joiner (Persian); both sides of a comparison
 * lose it alike, so names still match each other. */
const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/gu;

/** Printable ASCII only: already canonical, the common case for codes, checked without allocating. */
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

/** The text without zero-width characters. */
export function stripZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/**
 * A region code as compared: Unicode NFC (composed letters) without zero-width characters.
 * Case and every visible character are kept (codes are case-sensitive: "NA" is Namibia).
 */
export function canonicalCode(code: string): string {
  return PLAIN_ASCII.test(code) ? code : stripZeroWidth(code.normalize('NFC'));
}

/** What canonicalCode changed in a code, in words ("decomposed letters composed (NFC)", …). */
export function describeCanonicalChange(code: string): string {
  const changes: string[] = [];
  if (code.normalize('NFC') !== code) changes.push('decomposed letters composed (Unicode NFC)');
  const invisible = [...new Set(code.match(ZERO_WIDTH) ?? [])];
  if (invisible.length > 0) changes.push(`${invisible.map(describeCharacter).join(', ')} removed`);
  return changes.join('; ');
}

// Letters that Unicode does not decompose into a base letter and a mark, folded by hand.
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ð: 'd', Ð: 'D', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', ı: 'i',
};

/** Any letter of FOLDED_LETTERS (the class made from its keys: a regular expression written with
 * them would keep the CLI's bundle from being plain ASCII, which V8 holds at a byte a character). */
const FOLDED = new RegExp(`[${Object.keys(FOLDED_LETTERS).join('')}]`, 'gu');

/**
 * The text without diacritics, case kept: "Sjúkrahús" → "Sjukrahus", "døgnplasser" →
 * "dognplasser", "Plätze" → "Platze". Compatibility forms become plain (NFKD: "ﬁ" → "fi").
 * Arabic vowel marks go too (they are marks); letters of other scripts stay.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(FOLDED, (c) => FOLDED_LETTERS[c] ?? c)
    .normalize('NFC');
}

/** A short name (a unit, a column header) as compared: Unicode NFKC without zero-width
 * characters, diacritics folded, lower case, "-" and "_" as a space, spaces collapsed and
 * trimmed ("Døgn-plasser" = "dogn plasser", "Bed_Type" = "bed type"). */
export function foldedKey(text: string): string {
  return foldDiacritics(stripZeroWidth(text.normalize('NFKC')))
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ')
    .trim();
}

// Characters whose names say more than their code point in a message.
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x20: 'space',
  0xa0: 'no-break space',
  0xad: 'soft hyphen',
  0x2007: 'figure space',
  0x2009: 'thin space',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x2060: 'word joiner',
  0x202f: 'narrow no-break space',
  0xfeff: 'byte-order mark',
};

/** "U+200B (zero-width space)" */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[code];
  return name ? `${hex} (${name})` : hex;
}

/** Characters a reader cannot see or tell from a space: format, control, separators, marks. */
const UNSEEN = /[\p{Cf}\p{Cc}\p{Z}\p{M}]/u;

/**
 * When `value` and `other` differ only where a reader cannot see it — an invisible or space-like
 * character, a combining mark, or compatibility forms of the same letters — the code points that
 * differ ("U+00A0 (no-break space) here, U+0020 (space) in regions.csv"); otherwise undefined,
 * because the difference shows in the quoted strings themselves.
 */
export function describeInvisibleDifference(value: string, other: string, otherPlace: string): string | undefined {
  if (value === other) return undefined;
  const a = [...value];
  const b = [...other];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const here = a.slice(start, a.length - end);
  const there = b.slice(start, b.length - end);
  // A long difference is a different name, whatever characters it has.
  if (here.length + there.length > 8) return undefined;
  const unseen = [...here, ...there].some((c) => c !== ' ' && UNSEEN.test(c));
  // Compatibility forms that render alike: full-width "Ａ" and "A", the ligature "ﬁ" and "fi".
  const alike = here.join('').normalize('NFKC') === there.join('').normalize('NFKC');
  if (!unseen && !alike) return undefined;
  const list = (chars: readonly string[]) => (chars.length === 0 ? 'nothing' : chars.map(describeCharacter).join(' '));
  return `they differ only in characters that cannot be seen: ${list(here)} here, ${list(there)} ${otherPlace}`;
}
