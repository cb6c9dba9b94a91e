// A forgotten --data: with no input option, servicegap reads its bundled demo data (SPEC §1),
// which is right for a first try and wrong for a pipeline. A gate on the demo data is refused by
// runReport (app/report.ts: an option rule, so the library gets it too); here the CI notice: in CI
// (the CI variable set, as every CI service sets it) a run on the demo data says so on standard
// error, even with --quiet.
import { dataFolderHint, usesBundledData } from '../app/data.js';
import type { DatasetInputs } from '../app/vocabulary.js';
import type { Terminal } from './terminal.js';

/** Whether the run is in CI: CI set to anything but "", "0" or "false". */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** In CI, one line on standard error (whatever --quiet says) when the demo data are used. */
export function sayDemoDataInCi(terminal: Terminal, inputs: DatasetInputs | undefined): void {
  if (!inCi(terminal.env) || !usesBundledData(inputs)) return;
  terminal.stderr.write(`servicegap: no --data given: this run uses the bundled demo data, not yours${dataFolderHint(terminal.cwd)}\n`);
}
