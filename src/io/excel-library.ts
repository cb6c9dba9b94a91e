// The Excel library (exceljs), loaded only when a workbook is read (the writing side loads it
// itself: report/excel-library.ts, as io may not import report). It stays out of the bundles
// (scripts/bundle-cli.mjs: about 1 MB only a workbook needs) and is imported from node_modules on
// first use: a runtime dependency that the package test finds in the bundles as an import.
import type * as ExcelJs from 'exceljs';

/** exceljs, loaded on first use (a CommonJS package: its exports are the module's default). */
export async function excelJs(): Promise<typeof ExcelJs> {
  const module = (await import('exceljs')) as typeof ExcelJs & { readonly default?: typeof ExcelJs };
  return module.default ?? module;
}
