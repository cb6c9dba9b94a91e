// The Excel library (exceljs) and the zip library it writes with (jszip), loaded only when a
// workbook is written (the reading side loads exceljs itself: io/excel-library.ts, as a renderer
// may not import io). Both are CommonJS packages, loaded with require: that works the same in the
// ES-module build and in the CLI bundle (scripts/bundle-cli.mjs leaves them out of the bundle,
// and the bundle runs where import() has no module loader to call).
import { createRequire } from 'node:module';
import type * as ExcelJs from 'exceljs';
import type JSZip from 'jszip';

const load = createRequire(import.meta.url);

/** exceljs, loaded on first use. */
export function excelJs(): typeof ExcelJs {
  return load('exceljs') as typeof ExcelJs;
}

/** jszip, loaded on first use. */
export function jsZip(): typeof JSZip {
  return load('jszip') as typeof JSZip;
}
