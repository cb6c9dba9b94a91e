// The distinct service names of a services file, read on their own (for `taxonomy --unmapped`,
// which should work even when other parts of the data are not valid yet).
import type { Config } from '../core/config.js';
import { InputError, type InputIssue } from '../core/issues.js';
import { fileReading, type ReadingFlags } from './file-reading.js';
import { type DatasetInputs, resolveInputSet } from './load-dataset.js';
import { readTable, type ReadTableOptions } from './read-table.js';
import type { TableSummary } from './table-handlers.js';

export interface ServiceNameUse {
  readonly name: string;
  rows: number;
  readonly firstLine: number;
}

export async function scanServiceNames(
  inputs: DatasetInputs,
  options: Omit<ReadTableOptions, 'sheet' | 'delimiter' | 'encoding'> &
    ReadingFlags & { readonly config?: Config | undefined; onFileRead?: ((summary: TableSummary) => void) | undefined } = {},
): Promise<{ file: string | undefined; names: ServiceNameUse[] }> {
  // The services file's own reading options, as loadDataset settles them (file-reading.ts).
  const reading = fileReading('services', options, options.config);
  const found = await resolveInputSet(inputs);
  // A spreadsheet or archive in the place of services.csv is named, with what to do.
  const misplaced = found.issues.filter((i) => /^services\./i.test(i.file.split(/[\\/]/).pop() ?? ''));
  if (misplaced.length > 0) throw new InputError(misplaced);
  const resolved = found.files;
  if (resolved.services === undefined) return { file: undefined, names: [] };
  const names = new Map<string, ServiceNameUse>();
  const issues: InputIssue[] = [];
  const summary = await readTable(
    resolved.services,
    {
      onHeader: () => ({ required: ['service'], optional: [] }),
      onRow: (row, line) => {
        const name = row.service?.trim();
        if (!name) return;
        const use = names.get(name);
        if (use) use.rows++;
        else names.set(name, { name, rows: 1, firstLine: line });
      },
      onIssue: (issue) => issues.push(issue),
    },
    { ...options, delimiter: reading.delimiter?.value, encoding: reading.encoding?.value, sheet: reading.sheet },
  );
  options.onFileRead?.(summary);
  const file = summary.name;
  if (issues.length > 0) throw new InputError(issues);
  return { file, names: [...names.values()] };
}
