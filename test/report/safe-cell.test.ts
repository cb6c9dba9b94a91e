import { describe, expect, it } from 'vitest';
import { csvCell, csvCellText, escapeHtml, escapeMarkdown, terminalText } from '../../src/report/safe-cell.js';

describe('csvCellText', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCellText(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCellText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
  });

  it('leaves other text, and every number, unchanged', () => {
    expect(csvCellText('Pohjois-Pohjanmaa')).toBe('Pohjois-Pohjanmaa');
    expect(csvCellText('القاهرة')).toBe('القاهرة');
    expect(csvCellText(-60)).toBe('-60');
    expect(csvCellText(8.281573498964804)).toBe('8.281573498964804');
    expect(csvCellText(-0)).toBe('0');
    expect(csvCellText(null)).toBe('');
  });

  it('the same characters as text are neutralised: the type decides, not the look', () => {
    expect(csvCellText('-60')).toBe("'-60");
  });
});

describe('csvCell', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('with ";" as the delimiter, quotes ";" instead of ","; a decimal comma changes only the mark', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell(-12.5, ';', ',')).toBe('-12,5');
    expect(csvCell(1e-7, ';', ',')).toBe('1e-7');
    expect(csvCell('-12.5', ';', ',')).toBe("'-12.5"); // text stays text, neutralised
  });
});

describe('escapeMarkdown', () => {
  it('escapes pipes and backslashes', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b');
  });

  it('turns line breaks and tabs into spaces', () => {
    expect(escapeMarkdown('a\r\nb\nc\rd\te')).toBe('a b c d e');
  });

  it('escapes inline Markdown so it renders literally', () => {
    expect(escapeMarkdown('*x* _y_ `z` [l](u) <b> ~s~ &amp;')).toBe(
      '\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\> \\~s\\~ \\&amp;',
    );
  });

  it('puts a backslash before a leading formula character', () => {
    expect(escapeMarkdown('=HYPERLINK("x")')).toBe('\\=HYPERLINK("x")');
    expect(escapeMarkdown('+1')).toBe('\\+1');
    expect(escapeMarkdown('-1')).toBe('\\-1');
    expect(escapeMarkdown('@team')).toBe('\\@team');
    expect(escapeMarkdown('Pohjois-Pohjanmaa')).toBe('Pohjois-Pohjanmaa');
    expect(escapeMarkdown('Møre og Romsdal')).toBe('Møre og Romsdal');
  });
});

describe('terminalText', () => {
  it('removes control characters, including ANSI escapes', () => {
    expect(terminalText('a\u001b[31mb')).toBe('a\ufffd[31mb');
    expect(terminalText('a\nb\tc')).toBe('a b c');
    expect(terminalText('القاهرة')).toBe('القاهرة');
  });
});

describe('escapeHtml', () => {
  it('replaces the five characters that can end text or a quoted attribute', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`"quotes" & 'apostrophes'`)).toBe('&quot;quotes&quot; &amp; &#39;apostrophes&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves other text and every script unchanged, and takes numbers', () => {
    expect(escapeHtml('Møre og Romsdal')).toBe('Møre og Romsdal');
    expect(escapeHtml('القاهرة')).toBe('القاهرة');
    expect(escapeHtml(8.5)).toBe('8.5');
    expect(escapeHtml('a\tb\nc')).toBe('a\tb\nc');
  });

  it('replaces control characters that HTML forbids', () => {
    expect(escapeHtml('a\u0000b\u001bc\u007fd\u0085e')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde');
  });
});
