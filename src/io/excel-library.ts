// The Excel library (exceljs), loaded only when a workbook is read (the writing side loads it
// itself: report/excel-library.ts, as io may not import report). A CommonJS package, loaded with
// require: that works the same in the ES-module build and in the CLI bundle
// (scripts/bundle-cli.mjs leaves it out of the bundle, and the bundle runs where import() has no
// module loader to call).
import { createRequire } from 'node:module';
import type * as ExcelJs from 'exceljs';

const load = createRequire(import.meta.url);

/** exceljs, loaded on first use. */
export function excelJs(): typeof ExcelJs {
  return load('exceljs') as typeof ExcelJs;
}
