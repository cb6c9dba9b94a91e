// The fast splitter (csv-splitter.ts) against csv-parse, the reference: every fixture (the hostile
// ones too) and random text give the same records, the same line numbers and the same errors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIMITERS, type Delimiter } from '../../src/io/delimiter.js';
import { FileFormatError } from '../../src/io/errors.js';
import { type CsvParserName, openCsv } from '../../src/io/read-csv.js';
import { decodeInput } from '../../src/io/text-stream.js';

interface Outcome {
  delimiter?: string;
  records: { line: number; fields: string[] }[];
  error?: { name: string; message: string; line: number | undefined };
}

async function* from<T>(chunks: readonly T[]): AsyncGenerator<T> {
  for (const c of chunks) yield c;
}

async function parse(
  chunks: readonly (string | Uint8Array)[],
  parser: CsvParserName,
  options: { delimiter?: Delimiter; maxRecordChars?: number } = {},
): Promise<Outcome> {
  const out: Outcome = { records: [] };
  try {
    const decoded = await decodeInput(from(chunks));
    const csv = await openCsv(decoded.text, { ...options, parser });
    out.delimiter = csv.delimiter;
    for await (const r of csv.records) out.records.push({ line: r.line, fields: r.fields });
  } catch (error) {
    if (!(error instanceof FileFormatError)) throw error;
    out.error = { name: error.name, message: error.message, line: error.line };
  }
  return out;
}

/** csv-parse may drop records it had parsed but not yet handed over when it fails later on; the
 * fast splitter hands over every record before the error. The rest must be identical. */
function expectSame(fast: Outcome, reference: Outcome): void {
  expect(fast.error).toEqual(reference.error);
  expect(fast.delimiter).toEqual(reference.delimiter);
  if (reference.error) expect(fast.records.slice(0, reference.records.length)).toEqual(reference.records);
  else expect(fast.records).toEqual(reference.records);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const FIXTURES = [...filesUnder('fixtures'), ...filesUnder('data')].filter((p) => /\.(csv|txt|tsv)$/i.test(p) || p.includes('hostile'));

describe('fast splitter ≡ csv-parse on every fixture', () => {
  it('finds the fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThan(50);
  });

  it.each(FIXTURES)('%s', async (path) => {
    const bytes = new Uint8Array(readFileSync(path));
    // Whole, and in small chunks so that quotes, pairs and line ends fall across chunk edges.
    const chunked = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    for (const chunks of [[bytes], chunked]) {
      expectSame(await parse(chunks, 'fast'), await parse(chunks, 'csv-parse'));
      // A small record limit exercises the size check on every fixture.
      expectSame(await parse(chunks, 'fast', { maxRecordChars: 40 }), await parse(chunks, 'csv-parse', { maxRecordChars: 40 }));
    }
  });
});

describe('fast splitter ≡ csv-parse on random text', () => {
  const piece = fc.constantFrom('a', 'bc', ',', ';', '"', '""', '\n', '\n\n', ' ', 'é', 'ø', '😀', 'م', '\t', '|', '\r\n');
  it('same records, lines and errors for any text, chunking and record limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom(4, 7, 12, 30, 1 << 20),
        async (pieces, cuts, delimiter, maxRecordChars) => {
          const text = pieces.join('');
          const chunks: string[] = [];
          let at = 0;
          for (let k = 0; at < text.length; k++) {
            const size = cuts[k % cuts.length]!;
            chunks.push(text.slice(at, at + size));
            at += size;
          }
          const options = { delimiter, maxRecordChars };
          expectSame(await parse(chunks, 'fast', options), await parse(chunks, 'csv-parse', options));
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('loadDataset: the same dataset and the same issues with either parser', () => {
  const DIRS = [...new Set(FIXTURES.filter((p) => p.endsWith('regions.csv')).map((p) => p.slice(0, -'/regions.csv'.length)))];
  const outcome = async (data: string, parser: CsvParserName) => {
    const { loadDataset } = await import('../../src/io/load-dataset.js');
    try {
      const { dataset } = await loadDataset({ data }, { parser, allowUnmapped: true });
      return { dataset };
    } catch (error) {
      return { error: error instanceof Error ? { name: error.name, message: error.message, issues: (error as { issues?: unknown }).issues } : error };
    }
  };
  it.each(DIRS)('%s', async (dir) => {
    expect(await outcome(dir, 'fast')).toEqual(await outcome(dir, 'csv-parse'));
  });
});
