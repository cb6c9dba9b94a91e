// Interrupted runs (Ctrl-C, a CI job cancelled, `timeout`): the temporary file of an output being
// written is removed, then the process exits as a shell reports a death by that signal
// (128 + its number: SIGINT 130, SIGTERM 143, SIGHUP 129). Without a handler Node would die at
// once and leave `.report.json.PID.HEX.tmp` behind.
import { removePendingTemps } from '../app/write.js';

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

/** Install the handlers (once per process: the CLI's entry point calls it). */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of SIGNALS) {
    process.once(signal, () => {
      removePendingTemps();
      process.exit(code);
    });
  }
}
