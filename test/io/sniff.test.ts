// Recognising files that are not CSV at all (src/io/sniff.ts).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { looksLikeUtf16, sniffBytes, sniffText } from '../../src/io/sniff.js';

describe('sniffBytes', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14], /^a zip archive, such as an Excel \(\.xlsx\)/],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /^an Excel 97–2003 workbook/],
    [[...Buffer.from('%PDF-1.7')], /^a PDF document$/],
    [[0x1f, 0x8b, 0x08], /^gzip-compressed/],
    [[0x89, 0x50, 0x4e, 0x47], /PNG/],
    [[...Buffer.from('SQLite format 3\0')], /SQLite/],
  ])('%j', (bytes, expected) => {
    expect(sniffBytes(new Uint8Array(bytes))).toMatch(expected);
  });

  it('leaves text alone', () => {
    expect(sniffBytes(Buffer.from('region,name\n'))).toBeUndefined();
    expect(sniffBytes(Buffer.from('PK,name\n'))).toBeUndefined();
    expect(sniffBytes(new Uint8Array(0))).toBeUndefined();
  });
});

describe('sniffText', () => {
  it.each([
    ['<!DOCTYPE html>\n<html>', /^a web page \(HTML: it begins with "<!DOCTYPE html>"\)/],
    ['  \n<html lang="no"><body>', /^a web page/],
    ['<?xml version="1.0"?>\n<rows/>', /^XML/],
    ['{"region": "NO-03"}', /^JSON \(it begins with "\{\\"region\\": \\"NO-03\\"\}"\)$/],
    ['[\n  {"a": 1}\n]', /^JSON/],
    ['[]', /^JSON/],
    ['{\\rtf1\\ansi', /^an RTF document/],
    ['region,name\nNO\u0000', /^binary data \(a NUL byte on line 2\)$/],
    ['\u0001\u0002\u0003abc', /^binary data \(3 control characters/],
  ])('%j', (sample, expected) => {
    expect(sniffText(sample)).toMatch(expected);
  });

  it.each([
    'region,name\nNO-03,Oslo\n',
    '[region],[name]\n', // brackets, but not JSON
    '{region},{name}\n',
    'region\tname\nA\t"x\fy"\n', // one stray control character in a long enough sample is not binary
    '',
  ])('leaves CSV alone: %j', (sample) => {
    const padded = sample.includes('\f') ? sample + 'x'.repeat(200) : sample;
    expect(sniffText(padded)).toBeUndefined();
  });

  it('says "UTF-16 without a byte-order mark" when the NULs sit every other byte', () => {
    const le = iconv.encode('region,name\nNO-15,Møre\n', 'utf16le');
    const be = iconv.encode('region,name\nNO-15,Møre\n', 'utf16be');
    expect(looksLikeUtf16(le)).toBe('utf16le');
    expect(looksLikeUtf16(be)).toBe('utf16be');
    expect(sniffText(le.toString('latin1'), le)).toBe('UTF-16 LE text without a byte-order mark, it seems: give --encoding utf16le');
    expect(looksLikeUtf16(Buffer.from('region,name\n'))).toBeUndefined();
  });
});
