// The Excel library (exceljs) and the zip library it writes with (jszip), loaded only when a
// workbook is written (the reading side loads exceljs itself: io/excel-library.ts, as a renderer
// may not import io). Both stay out of the bundles (scripts/bundle-cli.mjs: about 1 MB only a
// workbook needs) and are imported from node_modules on first use: runtime dependencies that the
// package test finds in the bundles as imports.
import type * as ExcelJs from 'exceljs';
import type JSZip from 'jszip';

/** exceljs, loaded on first use (a CommonJS package: its exports are the module's default). */
export async function excelJs(): Promise<typeof ExcelJs> {
  const module = (await import('exceljs')) as typeof ExcelJs & { readonly default?: typeof ExcelJs };
  return module.default ?? module;
}

/** jszip, loaded on first use. */
export async function jsZip(): Promise<typeof JSZip> {
  return (await import('jszip')).default;
}
