// The Excel library (exceljs) and the zip library it writes with (jszip), loaded only when a
// workbook is read or written. Both are CommonJS packages, loaded with require: that works the
// same in the ES-module build and in the CLI bundle (scripts/bundle-cli.mjs leaves them out of
// the bundle, and the bundle runs where import() has no module loader to call).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** exceljs, loaded on first use. */
export function excelJs(): typeof import('exceljs') {
  return load('exceljs') as typeof import('exceljs');
}

/** jszip, loaded on first use. */
export function jsZip(): typeof import('jszip') {
  return load('jszip') as typeof import('jszip');
}
