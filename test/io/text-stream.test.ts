// Bytes → text (src/io/text-stream.ts): encoding detection and strict decoding, line ends, the
// line-length limit — each problem a FileFormatError with the line it is on.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/io/errors.js';
import { firstInvalidUtf8 } from '../../src/io/encodings.js';
import { type DecodeOptions, decodeInput } from '../../src/io/text-stream.js';

async function* from(chunks: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const c of chunks) yield c;
}

async function decode(chunks: (string | Uint8Array)[], options: DecodeOptions = {}) {
  const decoded = await decodeInput(from(chunks), options);
  let text = '';
  for await (const t of decoded.text) text += t;
  return { encoding: decoded.encoding, reason: decoded.encodingReason, text };
}

async function failure(chunks: (string | Uint8Array)[], options: DecodeOptions = {}): Promise<FileFormatError> {
  const error = await decode(chunks, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileFormatError);
  return error as FileFormatError;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const NAMES = 'region,name\r\nNO-15,Møre og Romsdal\r\nFI-14,Pohjois-Pohjanmaa\r\nFI-01,Åland\r\nSA-01,منطقة الرياض\r\n';
const LF = NAMES.replace(/\r\n/g, '\n');

describe('encoding detection (auto)', () => {
  it.each([
    ['UTF-8', utf8(NAMES), 'utf8', 'the whole file is valid UTF-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(NAMES)]), 'utf8', 'from its byte-order mark'],
    ['UTF-16 LE with BOM', iconv.encode(NAMES, 'utf16le', { addBOM: true }), 'utf16le', 'from its byte-order mark'],
    ['UTF-16 BE with BOM', iconv.encode(NAMES, 'utf16be', { addBOM: true }), 'utf16be', 'from its byte-order mark'],
  ] as const)('%s: every name survives, byte for byte', async (_, bytes, encoding, reason) => {
    const result = await decode([bytes]);
    expect(result).toEqual({ encoding, reason, text: LF });
  });

  it('Windows-1252 when the bytes are not valid UTF-8, saying where', async () => {
    const bytes = iconv.encode('region;name\r\nNO-15;Møre og Romsdal\r\nFI-01;Åland – Ahvenanmaa\r\n', 'windows-1252');
    const result = await decode([bytes]);
    expect(result.encoding).toBe('windows-1252');
    expect(result.reason).toBe('not valid UTF-8: byte 0xF8 on line 2');
    expect(result.text).toBe('region;name\nNO-15;Møre og Romsdal\nFI-01;Åland – Ahvenanmaa\n'); // 0x96 is the en dash
  });

  it('pure ASCII is UTF-8', async () => {
    expect((await decode([utf8('a,b\n1,2\n')])).encoding).toBe('utf8');
  });

  it('an empty input is UTF-8 and empty', async () => {
    expect(await decode([])).toEqual({ encoding: 'utf8', reason: 'the whole file is valid UTF-8', text: '' });
  });

  it('a BOM split over tiny chunks is still found', async () => {
    const bytes = iconv.encode('a,b\n', 'utf16le', { addBOM: true });
    const chunks = [...bytes].map((b) => new Uint8Array([b]));
    expect(await decode(chunks)).toMatchObject({ encoding: 'utf16le', text: 'a,b\n' });
  });

  it('a UTF-8 letter cut by the end of the sample is not taken for invalid UTF-8', async () => {
    const text = `${'a'.repeat(9)}ø\n`; // "ø" at bytes 9–10: the 10-byte sample ends inside it
    const result = await decode([utf8(text)], { sampleBytes: 10 });
    // The sample is exactly the first 10 bytes, however the input is chunked (here: one chunk of 12).
    expect(result).toEqual({ encoding: 'utf8', reason: 'the first 10 bytes are valid UTF-8', text });
  });

  it('chooses the encoding from the same bytes however the input is chunked', async () => {
    const bytes = utf8(`${'a'.repeat(30)}\nxé\n`);
    const whole = await decode([bytes], { sampleBytes: 16 });
    const split = await decode([bytes.subarray(0, 7), bytes.subarray(7, 9), bytes.subarray(9)], { sampleBytes: 16 });
    expect(whole.reason).toBe('the first 16 bytes are valid UTF-8');
    expect(split.reason).toBe(whole.reason);
  });

  it('text given as a string is used as it is (a leading BOM dropped)', async () => {
    expect(await decode(['\uFEFFa,b\r\n'])).toEqual({ encoding: 'text', reason: 'given as text', text: 'a,b\n' });
  });
});

describe('explicit encodings', () => {
  it('--encoding latin1 and windows-1252 differ where they should (0x80–0x9F)', async () => {
    const bytes = new Uint8Array([0x61, 0x80, 0x96, 0xe5, 0x0a]);
    expect((await decode([bytes], { encoding: 'windows-1252' })).text).toBe('a€–å\n');
    expect((await decode([bytes], { encoding: 'latin1' })).text).toBe('a\u0080\u0096å\n');
  });

  it('--encoding utf8 on Windows-1252 bytes is an error on the right line, never a silent "�"', async () => {
    const error = await failure([iconv.encode('a\nb\nMøre\n', 'windows-1252')], { encoding: 'utf8' });
    expect(error.line).toBe(3);
    expect(error.message).toContain('not valid UTF-8: byte 0xF8');
    expect(error.message).toContain('--encoding');
  });

  it('a byte-order mark that contradicts --encoding is an error', async () => {
    const error = await failure([iconv.encode('a,b\n', 'utf16le', { addBOM: true })], { encoding: 'utf8' });
    expect(error.line).toBe(1);
    expect(error.message).toBe(
      'the file begins with a UTF-16 LE byte-order mark, but --encoding utf8 was given: expected UTF-8; ' +
        'leave --encoding out (auto) or give --encoding utf16le',
    );
  });

  it('--encoding utf16le reads UTF-16 without a BOM', async () => {
    expect((await decode([iconv.encode(LF, 'utf16le')], { encoding: 'utf16le' })).text).toBe(LF);
  });
});

describe('strict decoding after the sample', () => {
  it('invalid UTF-8 after the first 64 KiB is an error at its line, with the advice to give --encoding', async () => {
    const head = 'region,name\n' + 'NO-03,Oslo\n'.repeat(7000); // ~77 KB of ASCII: UTF-8 by the sample
    const bytes = Buffer.concat([utf8(head), iconv.encode('NO-15,Møre og Romsdal\n', 'windows-1252')]);
    const chunks = [bytes.subarray(0, 65_536), bytes.subarray(65_536)];
    const error = await failure(chunks);
    expect(error.line).toBe(7002);
    expect(error.message).toBe(
      'not valid UTF-8: byte 0xF8 is not part of any UTF-8 character ' +
        '(the first 64 KiB looked like UTF-8; if the file is from Windows, give --encoding windows-1252)',
    );
  });

  it('a UTF-8 sequence cut off by the end of the file is an error on the last line', async () => {
    const error = await failure([utf8('a\nb\n'), new Uint8Array([0x63, 0xc3])], { sampleBytes: 4 });
    expect(error.line).toBe(3);
    expect(error.message).toContain('byte 0xC3');
  });

  it('CRLF and CR before the bad byte count as one line end each', async () => {
    const error = await failure([utf8('a\r\nb\rc\r'), new Uint8Array([0x0a, 0x64, 0xff])], { sampleBytes: 6 });
    expect(error.line).toBe(4); // lines: a | b | c | d<0xFF>
  });

  it('UTF-16 with an odd number of bytes is an error, not a dropped byte', async () => {
    const bytes = Buffer.concat([iconv.encode('a,b\n', 'utf16le', { addBOM: true }), Buffer.from([0x63])]);
    const error = await failure([bytes]);
    expect(error.message).toBe('not valid UTF-16 LE: the file ends in the middle of a character (an odd number of bytes)');
  });

  it('UTF-16 with an unpaired surrogate is an error at its line', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00, 0x00, 0xd8, 0x62, 0x00]); // "a\n" + lone U+D800 + "b"
    const error = await failure([bytes]);
    expect(error.line).toBe(2);
    expect(error.message).toContain('unpaired surrogate');
  });

  it('a surrogate pair split between two chunks is fine', async () => {
    const bytes = iconv.encode('x,😀\n', 'utf16le', { addBOM: true }); // 😀 = D83D DE00
    const split = bytes.length - 4; // between the two halves of the pair
    expect((await decode([bytes.subarray(0, split), bytes.subarray(split)])).text).toBe('x,😀\n');
  });
});

describe('line ends and the line-length limit', () => {
  it('CRLF, CR and LF all become LF, also across chunks', async () => {
    expect((await decode([utf8('a\r'), utf8('\nb\rc\r')])).text).toBe('a\nb\nc\n');
  });

  it('a line over the limit is an error naming the line', async () => {
    const error = await failure([utf8('short\n' + 'x'.repeat(101) + '\nshort\n')], { maxLineChars: 100 });
    expect(error.line).toBe(2);
    expect(error.message).toBe('the line is longer than 100 characters: expected CSV rows of ordinary length (is this really a CSV file?)');
  });

  it('counts a long line over many chunks, and stops before holding it all', async () => {
    let chunksRead = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        chunksRead++;
        yield utf8(','.repeat(1000)); // one line that never ends
      }
    }
    const decoded = await decodeInput(endless(), { maxLineChars: 10_000, sampleBytes: 1000 });
    const error = await (async () => {
      for await (const _ of decoded.text);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).line).toBe(1);
    expect(chunksRead).toBeLessThan(20);
  });

  it('a line exactly at the limit is accepted', async () => {
    expect((await decode([utf8('x'.repeat(100) + '\n')], { maxLineChars: 100 })).text).toHaveLength(101);
  });
});

describe('the lines before a bad line', () => {
  /** The complete lines given before the error (a part of the bad line may come before it, as the
   * text streams, but it never ends), and the error, for one way of chunking the bytes. */
  async function until(chunks: Uint8Array[], options: DecodeOptions = {}) {
    const decoded = await decodeInput(from(chunks), options);
    let text = '';
    try {
      for await (const t of decoded.text) text += t;
    } catch (error) {
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      return { text: complete, error: (error as FileFormatError).message, line: (error as FileFormatError).line };
    }
    return { text, error: undefined, line: undefined };
  }
  const cuts = (bytes: Uint8Array, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

  it('is given whole before an invalid UTF-8 byte, however the bytes are chunked', async () => {
    // Lines 1–3 are good; line 4 has the byte 0xFF after "ab". The 8-byte sample is valid UTF-8.
    const bytes = Buffer.concat([utf8('r,y\nå,1\r\nb,2\nab'), Buffer.from([0xff]), utf8(',3\nc,4\n')]);
    const expected = { text: 'r,y\nå,1\nb,2\n', line: 4 };
    for (const size of [1, 2, 3, 5, 8, 64]) {
      expect(await until(cuts(bytes, size), { sampleBytes: 8 }), `chunks of ${size}`).toMatchObject(expected);
    }
  });

  it('is given whole before a line over the limit, however the text is chunked', async () => {
    const bytes = utf8('a,b\nccc\n0123456789x\nd\n'); // line 3 has 11 characters; the limit is 10
    for (const size of [1, 4, 7, 100]) {
      const got = await until(cuts(bytes, size), { maxLineChars: 10 });
      expect(got, `chunks of ${size}`).toMatchObject({ text: 'a,b\nccc\n', line: 3 });
      expect(got.error).toMatch(/longer than 10 characters/);
    }
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0xc3, 0xb8], -1], // ø
    [[0x61, 0xf8], 1], // never valid
    [[0xc0, 0xaf], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x61, 0xe2, 0x82], 1], // cut off at the end (final)
  ])('%j → %d', (bytes, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
  });

  it('a sequence cut off at the end is not invalid when more may follow', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]), false)).toBe(-1);
  });
});
