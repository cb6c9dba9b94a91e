// PC-Axis (.px) → an ImportTable. Pure; no IO (the bytes are decoded in the file's CODEPAGE by
// src/io/import/decode.ts before they get here).
//
// Written by hand: the PC-Axis readers on npm (`px`, 2013, browser-first, on underscore) read only
// the simplest files: no KEYS, no positions for errors, no code pages. The grammar is small (the
// PX file format specification, Statistics Sweden, 2013): entries `KEYWORD[lang]("arg",…)=value;`
// where a value is quoted strings (adjacent strings on the next line continue the same text, a
// comma starts the next item) or bare tokens (numbers, YES/NO, TLIST(…)); then `DATA=` and the
// cells, stub variables outermost, heading variables innermost. test/import/px.property.test.ts
// checks this reader against an independent writer of random files.
//
// Missing cells: the quoted dot symbols `"."` … `"......"` (DATASYMBOL1–6 and DATASYMBOLSUM) are
// missing; `"-"` is DATASYMBOLNIL, the office's reported zero (SSB: "- = null"), and stays marked
// as such (the mapping writes it as 0 and counts it). With KEYS, a stub row that the file leaves
// out is left out here too: the specification lets a writer drop rows, servicegap does not guess
// their values.
import type { Category, Dimension, ImportIssue, ImportTable, Observation, SourceLocation } from './table.js';
import { lineLocator } from './table.js';

interface Item {
  readonly text: string;
  readonly quoted: boolean;
  readonly offset: number;
}

interface Entry {
  readonly keyword: string;
  readonly lang: string | undefined;
  readonly args: readonly string[];
  readonly items: readonly Item[];
  readonly offset: number;
}

const DOT_SYMBOLS = new Set(['.', '..', '...', '....', '.....', '......']);
const NIL = '-';

/** The header entries up to `DATA=`, and the offset where the data begins. */
function readEntries(text: string, fail: (offset: number, message: string) => void): { entries: Entry[]; dataOffset: number } | undefined {
  const entries: Entry[] = [];
  // A byte-order mark is white space to /\s/, so skipSpace reads through it like a blank.
  let i = 0;
  const n = text.length;
  // charAt past the end is '', which is no white space: the loop stops there.
  const skipSpace = () => {
    while (/\s/.test(text.charAt(i))) i++;
  };
  const readQuoted = (): string | undefined => {
    const start = i;
    i++; // opening quote
    const end = text.indexOf('"', i);
    if (end === -1) {
      fail(start, 'a quoted text is never closed (expected a closing ")');
      return undefined;
    }
    const s = text.slice(i, end);
    i = end + 1;
    return s;
  };
  for (;;) {
    skipSpace();
    if (i >= n) {
      fail(n, 'the file ends before DATA= (expected the keyword DATA and the cells)');
      return undefined;
    }
    const start = i;
    const keyword = /^[A-Za-z][A-Za-z0-9-]*/.exec(text.slice(i, i + 80))?.[0];
    if (keyword === undefined) {
      fail(i, `expected a keyword (e.g. STUB=, VALUES("…")=), got ${JSON.stringify(text.slice(i, i + 12))}`);
      return undefined;
    }
    i += keyword.length;
    let lang: string | undefined;
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close === -1) return fail(i, 'expected "]" after the language code'), undefined;
      lang = text.slice(i + 1, close);
      i = close + 1;
    }
    const args: string[] = [];
    if (text[i] === '(') {
      i++;
      for (;;) {
        skipSpace();
        if (text[i] === '"') {
          const s = readQuoted();
          if (s === undefined) return undefined;
          args.push(s);
        } else return fail(i, `${keyword}: expected a quoted name inside ( )`), undefined;
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === ')') {
          i++;
          break;
        } else return fail(i, `${keyword}: expected "," or ")"`), undefined;
      }
    }
    skipSpace();
    if (text[i] !== '=') return fail(i, `${keyword}: expected "="`), undefined;
    i++;
    if (keyword.toUpperCase() === 'DATA') return { entries, dataOffset: i };
    // The value: items until ";" outside quotes.
    const items: Item[] = [];
    // The quoted text being read; a string right after it continues it, a comma or a bare token
    // ends it.
    let pending: { text: string; offset: number } | undefined;
    for (;;) {
      skipSpace();
      if (i >= n) return fail(start, `${keyword}: expected ";" at the end of the entry`), undefined;
      const c = text[i]!;
      if (c === ';') {
        i++;
        break;
      }
      if (c === ',') {
        if (pending) items.push({ text: pending.text, quoted: true, offset: pending.offset });
        pending = undefined;
        i++;
        continue;
      }
      if (c === '"') {
        const offset = i;
        const s = readQuoted();
        if (s === undefined) return undefined;
        // A string right after a string (a line break between them) continues the same text.
        pending = pending ? { text: pending.text + s, offset: pending.offset } : { text: s, offset };
        continue;
      }
      // A bare token: up to a separator; TLIST(…) keeps its parentheses.
      const offset = i;
      let depth = 0;
      // Stryker disable next-line EqualityOperator: with i <= n the loop steps once past the end, and slice stops at the end: the same token
      while (i < n && (depth > 0 || !/[\s,;]/.test(text[i]!))) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')') depth--;
        else if (text[i] === '"' && depth > 0) {
          const close = text.indexOf('"', i + 1);
          if (close === -1) break;
          i = close;
        }
        i++;
      }
      if (pending) items.push({ text: pending.text, quoted: true, offset: pending.offset });
      pending = undefined;
      items.push({ text: text.slice(offset, i), quoted: false, offset });
    }
    if (pending) items.push({ text: pending.text, quoted: true, offset: pending.offset });
    entries.push({ keyword: keyword.toUpperCase(), lang, args, items, offset: start });
  }
}

/** Read a PC-Axis text. Problems go to `issues`, each with line and column. */
export function readPx(text: string, file: string, issues: ImportIssue[]): ImportTable | undefined {
  const locate = lineLocator(text);
  const fail = (offset: number, message: string) => issues.push({ file, at: locate(offset), message });
  const head = readEntries(text, fail);
  if (head === undefined) return undefined;
  const { entries, dataOffset } = head;
  // The default language's entries (a `[sv]` entry translates one of them).
  const get = (keyword: string, arg?: string) => entries.find((e) => e.keyword === keyword && e.lang === undefined && (arg === undefined || e.args[0] === arg));
  const list = (keyword: string, arg?: string) => get(keyword, arg)?.items.map((it) => it.text);
  const stub = list('STUB') ?? [];
  const heading = list('HEADING') ?? [];
  if (stub.length + heading.length === 0) {
    fail(0, 'expected STUB= or HEADING= naming the variables');
    return undefined;
  }
  const before = issues.length;
  const contvariable = list('CONTVARIABLE')?.[0];
  const variables = [...stub, ...heading];
  const dimensions: Dimension[] = [];
  for (const name of variables) {
    const values = get('VALUES', name);
    if (values === undefined) {
      fail(get('STUB')?.offset ?? 0, `variable "${name}" has no VALUES("${name}")=… entry`);
      continue;
    }
    const labels = values.items.map((it) => it.text);
    const codesEntry = get('CODES', name);
    const codes = codesEntry?.items.map((it) => it.text) ?? labels;
    if (codes.length !== labels.length) {
      fail(codesEntry!.offset, `CODES("${name}") has ${codes.length} codes, VALUES("${name}") has ${labels.length} values`);
      continue;
    }
    const type = list('VARIABLE-TYPE', name)?.[0]?.toUpperCase();
    const role = get('TIMEVAL', name) || type === 'T' ? 'time' : get('MAP', name) || type === 'G' ? 'geo' : name === contvariable || type === 'C' ? 'metric' : undefined;
    // ELIMINATION naming one of the values makes it the total (YES, or no entry: none).
    const elimination = list('ELIMINATION', name)?.[0];
    const totalIndex = labels.findIndex((label) => label === elimination);
    const categories: Category[] = codes.map((code, k) => ({ code, label: labels[k]! }));
    const id = list('VARIABLECODE', name)?.[0] ?? name;
    dimensions.push({ id, label: name, role, categories, totalCode: totalIndex >= 0 ? codes[totalIndex] : undefined });
  }
  if (issues.length > before) return undefined;
  // VARIABLECODE ids (PxWeb's ContentsCode, Tid) and the variable names both name a dimension in
  // the mapping options: the id wins; the names stay as labels.
  const sizes = dimensions.map((d) => d.categories.length);
  const keyed = stub.map((name) => list('KEYS', name)?.[0]?.toUpperCase()).filter((k): k is string => k !== undefined);
  const observations: Observation[] = [];
  const cellCodes = (index: number, fixed: readonly number[] = []): string[] => {
    // Mixed radix over the free dimensions, after the keyed ones given in `fixed`.
    const out: string[] = [];
    let rest = index;
    for (let k = dimensions.length - 1; k >= fixed.length; k--) {
      out[k] = dimensions[k]!.categories[rest % sizes[k]!]!.code;
      rest = Math.floor(rest / sizes[k]!);
    }
    fixed.forEach((f, k) => (out[k] = dimensions[k]!.categories[f]!.code));
    return out;
  };
  const tokens = readDataTokens(text, dataOffset, fail);
  if (tokens === undefined) return undefined;
  const cell = (t: DataToken, codes: string[]): Observation | undefined => {
    const at: SourceLocation = locate(t.offset);
    if (t.quoted) {
      if (DOT_SYMBOLS.has(t.text)) return { codes, value: null, status: t.text, at };
      if (t.text === NIL) return { codes, value: null, status: NIL, at };
      const number = Number(t.text);
      if (t.text.trim() !== '' && Number.isFinite(number)) return { codes, value: number, at };
      issues.push({ file, at, message: `expected a number or a missing-value symbol (".", "..", …, "-"), got "${t.text}"` });
      return undefined;
    }
    if (DOT_SYMBOLS.has(t.text)) return { codes, value: null, status: t.text, at };
    if (t.text === NIL) return { codes, value: null, status: NIL, at };
    const number = Number(t.text);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t.text) || !Number.isFinite(number)) {
      issues.push({ file, at, message: `expected a number, got "${t.text}"` });
      return undefined;
    }
    return { codes, value: number, at };
  };

  if (keyed.length === 0) {
    const total = sizes.reduce((a, b) => a * b, 1);
    if (tokens.length !== total) {
      fail(
        tokens[Math.min(tokens.length, total)]?.offset ?? dataOffset,
        `DATA has ${tokens.length} cells, expected ${total} (${dimensions.map((d) => `${d.label} ${d.categories.length}`).join(' × ')})`,
      );
      return undefined;
    }
    tokens.forEach((t, index) => {
      const o = cell(t, cellCodes(index));
      if (o) observations.push(o);
    });
  } else {
    // KEYS: each line starts with the keys of the first stub variables, then their cells.
    // (keyed holds one entry per stub variable with KEYS, so a gap among the first ones is the only way to be wrong.)
    if (stub.slice(0, keyed.length).some((name) => list('KEYS', name) === undefined)) {
      fail(get('KEYS')!.offset, 'KEYS must be given for the first stub variables, in STUB order');
      return undefined;
    }
    const perLine = sizes.slice(keyed.length).reduce((a, b) => a * b, 1);
    const byLine = new Map<number, DataToken[]>();
    for (const t of tokens) {
      const line = locate(t.offset).line;
      const list = byLine.get(line) ?? [];
      list.push(t);
      byLine.set(line, list);
    }
    for (const [line, lineTokens] of byLine) {
      const fixed: number[] = [];
      for (let k = 0; k < keyed.length; k++) {
        const key = lineTokens[k];
        const d = dimensions[k]!;
        const found = key === undefined ? -1 : d.categories.findIndex((c) => (keyed[k] === 'CODES' ? c.code : c.label) === key.text);
        if (found < 0) {
          issues.push({ file, at: key ? locate(key.offset) : { line }, message: `KEYS("${d.label}"): "${key?.text ?? ''}" is not one of its ${keyed[k] === 'CODES' ? 'codes' : 'values'}` });
          break;
        }
        fixed.push(found);
      }
      if (fixed.length < keyed.length) continue;
      const cells = lineTokens.slice(keyed.length);
      if (cells.length !== perLine) {
        issues.push({ file, at: { line }, message: `expected ${keyed.length} keys and ${perLine} cells on this DATA line, got ${cells.length} cells` });
        continue;
      }
      cells.forEach((t, index) => {
        const o = cell(t, cellCodes(index, fixed));
        if (o) observations.push(o);
      });
    }
  }
  if (issues.length > before) return undefined;
  const notes = keyed.length > 0 ? [`${file}: KEYS file: stub rows that DATA leaves out are left out (not read as 0)`] : [];
  const title = list('TITLE')?.[0] ?? list('MATRIX')?.[0];
  return { file, title, dimensions, observations, unit: list('UNITS')?.[0], notes };
}

interface DataToken {
  readonly text: string;
  readonly quoted: boolean;
  readonly offset: number;
}

/** The cells after DATA=, up to the closing ";". */
function readDataTokens(text: string, from: number, fail: (offset: number, message: string) => void): DataToken[] | undefined {
  const tokens: DataToken[] = [];
  let i = from;
  const n = text.length;
  for (;;) {
    // charAt past the end is '', which is no separator: the loop stops there.
    while (/[\s,]/.test(text.charAt(i))) i++;
    if (i >= n) {
      fail(n, 'DATA: expected ";" after the last cell');
      return undefined;
    }
    if (text[i] === ';') return tokens;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end === -1) {
        fail(i, 'DATA: a quoted symbol is never closed');
        return undefined;
      }
      tokens.push({ text: text.slice(i + 1, end), quoted: true, offset: i });
      i = end + 1;
      continue;
    }
    const start = i;
    // Stryker disable next-line EqualityOperator: with i <= n the loop steps once past the end, and slice stops at the end: the same token
    while (i < n && !/[\s,;"]/.test(text[i]!)) i++;
    tokens.push({ text: text.slice(start, i), quoted: false, offset: start });
  }
}
