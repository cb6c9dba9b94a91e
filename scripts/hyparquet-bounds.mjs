// An esbuild plugin that bounds loops of hyparquet (the Parquet reader) which a damaged file
// could keep running for ever. One flipped byte in a page header hung `servicegap report` at
// 100 % CPU, deaf to SIGINT and SIGTERM (Node handles them on the busy main thread): a page whose
// size reads as negative sends the column reader back to the page's own header, to read the same
// page again and again; and a run of the RLE/bit-packed hybrid whose length comes from the file
// looped that many times (2^31 for a run header gone wrong, a bit-packed run of width 0 writing
// nothing). So a negative page size is an error, and a run never gives more values than the page
// has left: a valid file decodes the same (values past the end were never kept), a damaged one
// ends and is reported as damaged (io/read-parquet.ts). hyparquet 1.33.0 is the newest release on
// the registry; until it bounds these loops itself, the bundle the package ships instead of
// hyparquet (dist/bundle/hyparquet.cjs) carries this. Each text replaced must be found exactly
// once: a hyparquet that changed them fails the build, to be looked at again.
import { readFile } from 'node:fs/promises';

/** Per file of hyparquet's src/: [its text, the bounded replacement]. */
export const HYPARQUET_BOUNDS = {
  'column.js': [
    [
      '  const { type, element, schemaPath, codec, compressors } = columnDecoder\n',
      '  const { type, element, schemaPath, codec, compressors } = columnDecoder\n' +
        '  // servicegap: a negative size would move the reader back to this page (read again for ever)\n' +
        "  if (!(header.compressed_page_size >= 0) || !(Number(header.uncompressed_page_size) >= 0)) throw new Error(`parquet page size ${header.compressed_page_size} (uncompressed ${header.uncompressed_page_size}) is not a size: the file is damaged`)\n",
    ],
  ],
  'datapage.js': [
    [
      "  const daph2 = ph.data_page_header_v2\n  if (!daph2) throw new Error('parquet data page header v2 is undefined')\n",
      "  const daph2 = ph.data_page_header_v2\n  if (!daph2) throw new Error('parquet data page header v2 is undefined')\n" +
        '  // servicegap: a length the header lacks made every offset NaN, and a NaN offset reads byte 0 for ever\n' +
        "  if (!(daph2.repetition_levels_byte_length >= 0) || !(daph2.definition_levels_byte_length >= 0)) throw new Error('parquet data page v2 header without the byte lengths of its levels: the file is damaged')\n",
    ],
  ],
  'encoding.js': [
    [
      '  while (seen < output.length) {\n    const header = readVarInt(reader)\n',
      '  while (seen < output.length) {\n    const before = reader.offset // servicegap: each run reads at least its header\n    const header = readVarInt(reader)\n',
    ],
    [
      '    }\n  }\n  reader.offset = startOffset + length // duckdb writes an empty block',
      "    }\n    if (!(reader.offset > before)) throw new Error(`parquet run at offset ${before} reads nothing: the file is damaged`)\n  }\n  reader.offset = startOffset + length // duckdb writes an empty block",
    ],
    [
      '      const count = header >>> 1\n      readRle(reader, count, width, output, seen)',
      '      const count = Math.min(header >>> 1, output.length - seen) // servicegap: never past the values left\n      readRle(reader, count, width, output, seen)',
    ],
    ['  let count = header >> 1 << 3 // values to read', '  let count = Math.min(header >> 1 << 3, Math.max(0, output.length - seen)) // values to read (servicegap: never past the values left)'],
  ],
  'thrift.js': [
    [
      '    shift += 7\n  }\n}',
      "    shift += 7\n    // servicegap: no varint is longer than 10 bytes; one that goes on is damage (or a NaN offset)\n    if (shift > 63) throw new Error('parquet varint longer than 10 bytes: the file is damaged')\n  }\n}",
    ],
  ],
};

/** `text` (hyparquet's src/`file`) with its HYPARQUET_BOUNDS applied; throws when a text is not found exactly once. */
export function boundHyparquet(file, text) {
  let out = text;
  for (const [from, to] of HYPARQUET_BOUNDS[file] ?? []) {
    if (out.split(from).length !== 2) throw new Error(`hyparquet's ${file} changed: ${JSON.stringify(from)} is not found exactly once (scripts/hyparquet-bounds.mjs)`);
    out = out.replace(from, to);
  }
  return out;
}

export const hyparquetBounds = {
  name: 'hyparquet-bounds',
  setup(b) {
    b.onLoad({ filter: /[\\/]hyparquet[\\/]src[\\/](?:column|datapage|encoding|thrift)\.js$/ }, async (args) => ({
      contents: boundHyparquet(args.path.replace(/^.*[\\/]/, ''), await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
