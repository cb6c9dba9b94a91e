// Input files written inline in a test: each role's text as "<role>.csv" (undefined: no such file).
import type { DatasetInputs } from '../../src/io/load-dataset.js';

export const inputFiles = (f: Record<string, string | undefined>): DatasetInputs =>
  Object.fromEntries(Object.entries(f).map(([role, content]) => [role, content === undefined ? undefined : { name: `${role}.csv`, content }]));
