// Recognising a file that is not CSV text at all — a workbook, a PDF, an image, a web page, JSON,
// binary data — from its first bytes and its first lines, so that the user is told what the file
// is instead of getting a confusing complaint about its "header".

const MAGIC: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a zip archive, such as an Excel (.xlsx) or OpenDocument (.ods) workbook: open it and save the sheet as CSV',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an Excel 97–2003 workbook (.xls): open it and save the sheet as CSV',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed: decompress it first' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
];

/** What the file is, from its first bytes, when that is a known non-text format. */
export function sniffBytes(head: Uint8Array): string | undefined {
  return MAGIC.find((m) => m.bytes.every((b, i) => head[i] === b))?.what;
}

// C0 controls other than tab, LF and CR, and DEL: never in a CSV text file.
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/g;

/** 'utf16le' / 'utf16be' when the bytes look like mostly-ASCII UTF-16 text (every other byte 0). */
export function looksLikeUtf16(head: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.6 && evenZero <= pairs * 0.05) return 'utf16le';
  if (evenZero >= pairs * 0.6 && oddZero <= pairs * 0.05) return 'utf16be';
  return undefined;
}

/** What the text is, from its first lines (LF line ends), when it is clearly not CSV. `head`,
 * the raw first bytes, tells UTF-16 without a byte-order mark from other binary data. */
export function sniffText(sample: string, head: Uint8Array = new Uint8Array(0)): string | undefined {
  const nul = sample.indexOf('\u0000');
  if (nul !== -1) {
    const utf16 = looksLikeUtf16(head);
    if (utf16) {
      return `${utf16 === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text without a byte-order mark, it seems: give --encoding ${utf16}`;
    }
    const line = sample.slice(0, nul).split('\n').length;
    return `binary data (a NUL byte on line ${line})`;
  }
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls * 100 >= sample.length) return `binary data (${controls} control characters in the first ${sample.length} characters)`;
  const start = sample.trimStart();
  const lower = start.slice(0, 100).toLowerCase();
  const shown = JSON.stringify(start.split('\n', 1)[0]!.slice(0, 30));
  if (/^<(?:!doctype\s+html|html|head|body|!--)/.test(lower)) {
    return `a web page (HTML: it begins with ${shown}), perhaps saved from a browser, or an error or sign-in page`;
  }
  if (/^<(?:\?xml|[a-z_][\w.-]*[\s>/])/.test(lower)) return `XML (it begins with ${shown})`;
  if (lower.startsWith('{\\rtf')) return 'an RTF document: save it as plain text or CSV';
  if (/^\{\s*(?:"|\}|$)/.test(start) || /^\[\s*(?:[{["\d\]-]|true|false|null|$)/.test(start)) {
    return `JSON (it begins with ${shown})`;
  }
  return undefined;
}
