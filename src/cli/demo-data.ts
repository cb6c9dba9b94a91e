// A forgotten --data: with no input option, servicegap reads its bundled demo data (SPEC §1),
// which is right for a first try and wrong for a pipeline. So:
// - a gate (--fail-above, --fail-if-any-excluded) on the demo data is a usage error naming --data:
//   a gate that passes on data that are not yours would pass for ever;
// - in CI (the CI variable set, as every CI service sets it) a run on the demo data says so on
//   standard error, even with --quiet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DatasetInputs, isEmptyInputs } from '../io/load-dataset.js';
import { usageError } from './exit-codes.js';
import type { Terminal } from './terminal.js';

/** Whether the run is in CI: CI set to anything but "", "0" or "false". */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** " (a data/ folder is here: --data data?)" when the working folder has one, else "". */
function hint(terminal: Terminal): string {
  return existsSync(join(terminal.cwd, 'data', 'regions.csv')) ? '; there is a data folder here: did you mean --data data?' : '';
}

/** A usage error when gates are given and no input is: the gates would check the demo data. */
export function refuseGatesOnDemoData(terminal: Terminal, inputs: DatasetInputs, gates: readonly string[]): void {
  if (gates.length === 0 || !isEmptyInputs(inputs)) return;
  throw usageError(
    `${gates.join(' and ')}: no input was given, so this would check servicegap's bundled demo data, not yours: ` +
      `give --data DIR (or --regions F and --population F)${hint(terminal)}`,
  );
}

/** In CI, one line on standard error (whatever --quiet says) when the demo data are used. */
export function sayDemoDataInCi(terminal: Terminal, inputs: DatasetInputs): void {
  if (!inCi(terminal.env) || !isEmptyInputs(inputs)) return;
  terminal.stderr.write(`servicegap: no --data given: this run uses the bundled demo data, not yours${hint(terminal)}\n`);
}
