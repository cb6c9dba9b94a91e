// The CSV that `servicegap import` writes: one of the SPEC §1 input files, with the source's
// flags kept in an extra `flags` column (the loader ignores unknown columns). Text cells go
// through the same neutralising as every CSV servicegap writes, so no cell starts a formula.
import type { ImportedRow } from '../core/import/map-table.js';
import type { ImportRole } from '../core/import/mapping.js';
import { csvCell } from './safe-cell.js';

const COLUMNS: Readonly<Record<ImportRole, readonly string[]>> = {
  beds: ['region', 'year', 'beds', 'flags'],
  services: ['region', 'year', 'service', 'capacity', 'unit', 'flags'],
  population: ['region', 'year', 'population', 'flags'],
  regions: ['region', 'name'],
};

function cells(role: ImportRole, row: ImportedRow): (string | number | null)[] {
  switch (role) {
    case 'beds':
    case 'population':
      return [row.region, row.year ?? null, row.value ?? null, row.flags];
    case 'services':
      return [row.region, row.year ?? null, row.service ?? null, row.value ?? null, row.unit ?? null, row.flags];
    case 'regions':
      return [row.region, row.name ?? row.region];
  }
}

/** Header and rows, `\n` after each line. */
export function renderImportCsv(role: ImportRole, rows: readonly ImportedRow[]): string {
  const lines = [COLUMNS[role].join(',')];
  for (const row of rows) lines.push(cells(role, row).map((c) => csvCell(c)).join(','));
  return `${lines.join('\n')}\n`;
}
